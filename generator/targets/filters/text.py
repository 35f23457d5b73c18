"""What every language's filters share: escaping character by character, and
comments, in any language with `#`, `//` or `/* */` comments."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from . import Filter

_NO_SHORT_ESCAPES: Mapping[str, str] = {}


def escape_each(text: str, unprintable: Callable[[str], str], short: Mapping[str, str] = _NO_SHORT_ESCAPES) -> str:
    """`text` with each character in `short` replaced by its escape there, and
    every other character that is not printable (controls, U+2028, bidi
    controls, zero-width characters) by `unprintable(ch)`: a language's string
    or comment escape."""
    return "".join(short.get(ch) or (ch if ch.isprintable() else unprintable(ch)) for ch in text)


def js_escape(ch: str) -> str:
    """`\\uXXXX` (a surrogate pair past U+FFFF): one escape JavaScript and JSON both read."""
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def comment(text: str) -> str:
    """Text for a `#`, `//` or `/* */` comment: one line, `*/` neutralised.

    Templates put fixed words before it (`# Category: …`): tools read
    directives at the start of a comment (`# type: int`, `# fmt: off`,
    `// @ts-expect-error`), and page text must never be one.
    """
    return escape_each(text, js_escape).replace("*/", "*\\/")


FILTERS: dict[str, Filter] = {"comment": comment}
