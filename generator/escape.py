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
_PY_SHORT_SINGLE = {**_PY_SHORT, '"': '"', "'": "\\'"}
_PYDOC_SHORT = {**_PY_SHORT, '"': "\\x22"}
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
    """A Python string literal (no prefix) equal to `text`, quoted as black quotes it.

    Double quotes, unless the text holds more double quotes than single ones:
    then black picks single quotes (fewer escapes), so this does too, and black
    finds nothing to change.
    """
    if text.count('"') > text.count("'"):
        return f"'{_python_body(text, _PY_SHORT_SINGLE)}'"
    return f'"{_python_body(text, _PY_SHORT)}"'


def pyints(values: tuple[int, ...]) -> str:
    """A tuple of ints as black writes it on one line: `()`, `(-1000,)`, `(-1010, -2010)`."""
    return f"({values[0]},)" if len(values) == 1 else f"({', '.join(map(str, values))})"


def _python_body(text: str, short: dict[str, str]) -> str:
    return "".join(short.get(ch) or (ch if ch.isprintable() else _python_escape(ch)) for ch in text)


def pydoc(text: str) -> str:
    """Text for inside a `\"\"\"` docstring: reads back as `text`, also after black.

    A quote is written `\\x22`, so no `\"\"\"` can close the docstring and black
    finds no quote at either end to pad with a space; spaces at the ends are
    `\\x20`, which black's docstring trimming leaves alone. A backslash is
    doubled, so it cannot start `\\N{…}` or `\\u…`.
    """
    core = text.strip(" ")
    lead = len(text) - len(text.lstrip(" "))
    trail = len(text) - lead - len(core)
    return "\\x20" * lead + _python_body(core, _PYDOC_SHORT) + "\\x20" * trail


def tsstr(text: str) -> str:
    """A double-quoted TypeScript/JSON string literal equal to `text`.

    Double quotes keep `${` and backticks inert; U+2028/U+2029 are escaped
    although ES2019 allows them, for older tools that do not.
    """
    body = "".join(_JS_SHORT.get(ch) or (ch if ch.isprintable() else _js_escape(ch)) for ch in text)
    return f'"{body}"'


def comment(text: str) -> str:
    """Text for a `#`, `//` or `/* */` comment: one line, `*/` neutralised.

    Templates put fixed words before it (`# Category: …`): tools read
    directives at the start of a comment (`# type: int`, `# fmt: off`,
    `// @ts-expect-error`), and page text must never be one.
    """
    body = "".join(ch if ch.isprintable() else _js_escape(ch) for ch in text)
    return body.replace("*/", "*\\/")


def jsdoc(text: str) -> str:
    """Text for a `/** */` block: as `comment`, and `@` cannot start a tag."""
    return comment(text).replace("@", "\\@")


def json_document(value: object) -> str:
    """The JSON target's text: sorted keys, two-space indent, UTF-8 as is.

    `json.dumps` leaves U+2028, bidi controls and other invisible characters
    raw inside strings; they are written as `\\u` escapes here, as in the other
    targets, so a diff of the JSON shows them. Outside strings there is only
    ASCII punctuation, digits, spaces and newlines, none of which changes.
    """
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    return "".join(ch if ch.isprintable() or ch == "\n" else _js_escape(ch) for ch in text) + "\n"


def pyopt(text: str | None) -> str:
    """`pystr`, or `None`."""
    return "None" if text is None else pystr(text)


def tsopt(text: str | None) -> str:
    """`tsstr`, or `null`."""
    return "null" if text is None else tsstr(text)


def tomlstr(text: str) -> str:
    """A TOML basic string equal to `text`.

    JSON's escapes are TOML's, but TOML also forbids a raw DEL, and its `\\u`
    takes no surrogate halves, so non-ASCII text stays as it is.
    """
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
