"""One escaping function per place a page's text can land in a target.

Each returns text that cannot end the literal, docstring or comment it is put
in, whatever the input: quotes and backslashes are escaped, and every character
that is not printable (controls, CR, U+2028/U+2029, bidi overrides, NBSP and
other separators) is written as an escape sequence, so a reviewer sees exactly
what is there and no tokenizer sees a line end.
"""

from __future__ import annotations

import json

_PY_SHORT = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_JS_SHORT = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _python_escape(ch: str) -> str:
    # The same escapes `repr` uses (\x.., \u...., \U........), lower-case hex,
    # which black leaves as they are.
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _js_escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def pystr(text: str) -> str:
    """A double-quoted Python string literal (no prefix) equal to `text`."""
    body = "".join(_PY_SHORT.get(ch) or (ch if ch.isprintable() else _python_escape(ch)) for ch in text)
    return f'"{body}"'


def pydoc(text: str) -> str:
    """Text for inside a `\"\"\"` docstring: reads back as `text`.

    Every quote is escaped, so neither `\"\"\"` nor a quote at the end can close
    the docstring; a backslash cannot start `\\N{…}` or `\\u…`.
    """
    return pystr(text)[1:-1]


def tsstr(text: str) -> str:
    """A double-quoted TypeScript/JSON string literal equal to `text`.

    Double quotes keep `${` and backticks inert; U+2028/U+2029 are escaped
    although ES2019 allows them, for older tools that do not.
    """
    body = "".join(_JS_SHORT.get(ch) or (ch if ch.isprintable() else _js_escape(ch)) for ch in text)
    return f'"{body}"'


def comment(text: str) -> str:
    """Text for a `#`, `//` or `/* */` comment: one line, `*/` neutralised."""
    body = "".join(ch if ch.isprintable() else _js_escape(ch) for ch in text)
    return body.replace("*/", "*\\/")


def jsdoc(text: str) -> str:
    """Text for a `/** */` block: as `comment`, and `@` cannot start a tag."""
    return comment(text).replace("@", "\\@")


def json_document(value: object) -> str:
    """The JSON target's text: sorted keys, two-space indent, UTF-8 as is."""
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def pyopt(text: str | None) -> str:
    """`pystr`, or `None`."""
    return "None" if text is None else pystr(text)


def tsopt(text: str | None) -> str:
    """`tsstr`, or `null`."""
    return "null" if text is None else tsstr(text)
