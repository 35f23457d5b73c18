"""Python: string literals, docstrings and literal tuples black leaves as they are."""

from __future__ import annotations

import re

from . import Filter
from .text import comment

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


FILTERS: dict[str, Filter] = {"pystr": pystr, "pydoc": pydoc, "pyopt": pyopt, "pyints": pyints, "pyheader": pyheader}
