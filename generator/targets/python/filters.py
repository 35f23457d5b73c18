"""Python: string literals, docstrings and literal tuples black leaves as they are."""

from __future__ import annotations

import re

from ...model import Code
from ..filters import Filter
from ..filters.text import comment, escape_each
from .format import BLACK_LINE_LENGTH

_PY_SHORT = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_PY_SHORT_SINGLE = {**_PY_SHORT, '"': '"', "'": "\\'"}
_PYDOC_SHORT = {**_PY_SHORT, '"': "\\x22"}


def _python_escape(ch: str) -> str:
    # The same escapes `repr` uses (\x.., \u...., \U........), lower-case hex,
    # which black leaves as they are.
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


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
    return escape_each(text, _python_escape, short)


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


def pyopt(text: str | None) -> str:
    """`pystr`, or `None`."""
    return "None" if text is None else pystr(text)


# PEP 263: `coding:` or `coding=` in a comment on line 1 or 2 names the encoding
# Python decodes the whole file with.
_CODING = re.compile(r"coding([:=])")


def pyheader(text: str) -> str:
    """`comment`, for the first two lines of a module: no coding declaration.

    A page path such as `docs_src/coding:latin-1.md` would make Python decode
    the module as Latin-1; its `:` or `=` after "coding" is percent-encoded.
    """
    return _CODING.sub(lambda found: "coding%3A" if found[1] == ":" else "coding%3D", comment(text))


def width(text: str) -> int:
    """Columns black counts for `text` (a wide character counts twice); black's own count,
    imported only for text that is not ASCII (importing black costs 100+ ms)."""
    if text.isascii():
        return len(text)
    from black.strings import str_width

    return int(str_width(text))


def pycode(code: Code) -> str:
    """A code as a Python literal: `-1121`, or `"INVALID_PARAM_VALUE"` on a string-code page."""
    return pystr(code) if isinstance(code, str) else str(code)


def pycodes(codes: tuple[Code, ...], indent: int) -> str:
    """A tuple of codes at `indent`, followed by a comma, as black writes it."""
    return _black_tuple([pycode(code) for code in codes], indent)


def pystrs(values: tuple[str, ...], indent: int) -> str:
    """A tuple of strings at `indent`, followed by a comma, as black writes it."""
    return _black_tuple([pystr(value) for value in values], indent)


def _black_tuple(items: list[str], indent: int) -> str:
    # On one line when that fits (black counts wide characters twice), else one item a line.
    one_line = f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
    if indent + width(one_line) + 1 <= BLACK_LINE_LENGTH:
        return one_line
    inner = " " * (indent + 4)
    return "(\n" + "".join(f"{inner}{item},\n" for item in items) + " " * indent + ")"


FILTERS: dict[str, Filter] = {"pystr": pystr, "pydoc": pydoc, "pyopt": pyopt, "pyints": pyints, "pyheader": pyheader,
                             "pycode": pycode, "pycodes": pycodes, "pystrs": pystrs}
