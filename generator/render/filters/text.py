"""Comments, in any language with `#`, `//` or `/* */` comments."""

from __future__ import annotations

from . import Filter


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
    body = "".join(ch if ch.isprintable() else js_escape(ch) for ch in text)
    return body.replace("*/", "*\\/")


FILTERS: dict[str, Filter] = {"comment": comment}
