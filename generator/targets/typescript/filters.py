"""TypeScript (and JavaScript): string literals and JSDoc."""

from __future__ import annotations

from ...model import Code
from ..filters import Filter
from ..filters.text import comment, escape_each, js_escape

_JS_SHORT = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def tsstr(text: str) -> str:
    """A double-quoted TypeScript/JSON string literal equal to `text`.

    Double quotes keep `${` and backticks inert; U+2028/U+2029 are escaped
    although ES2019 allows them, for older tools that do not.
    """
    return f'"{escape_each(text, js_escape, _JS_SHORT)}"'


def jsdoc(text: str) -> str:
    """Text for a `/** */` block: as `comment`, and `@` cannot start a tag."""
    return comment(text).replace("@", "\\@")


def tsopt(text: str | None) -> str:
    """`tsstr`, or `null`."""
    return "null" if text is None else tsstr(text)


def tscode(code: Code) -> str:
    """A code as a TypeScript literal: `-1121`, or `"INVALID_PARAM_VALUE"` on a string-code page."""
    return tsstr(code) if isinstance(code, str) else str(code)


def tscodes(codes: tuple[Code, ...]) -> str:
    return f"[{', '.join(tscode(code) for code in codes)}]"


def tsstrs(values: tuple[str, ...]) -> str:
    return f"[{', '.join(tsstr(value) for value in values)}]"


FILTERS: dict[str, Filter] = {"tsstr": tsstr, "tsopt": tsopt, "jsdoc": jsdoc, "tscode": tscode, "tscodes": tscodes,
                             "tsstrs": tsstrs}
