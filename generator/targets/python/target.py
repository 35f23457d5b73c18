"""Python target: one self-contained module per page, in one package."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...assemble import classes
from ...assemble.subcodes import subcodes_of
from ...model import ErrorPage
from .. import rows
from ..base import RenderContext, Target
from ..filters import text as text_filters
from . import filters as python_filters
from .filters import width
from .format import BLACK_LINE_LENGTH, format_module

MODULE_TEMPLATE = "python/module.py.j2"
PACKAGE_TEMPLATE = "python/__init__.py.j2"
RUNTIME = "python/runtime.py"  # real source; the part below its marker is embedded verbatim
RUNTIME_MARKER = "# errgen: the runtime starts here.\n"


def render(pages: Sequence[ErrorPage], context: RenderContext) -> dict[str, str]:
    """`<package>/<id>.py` per page, `__init__.py` and the PEP 561 marker once."""
    package = context.python_package
    files = {f"{package}/{page.source.id}.py": context.formatted(TARGET, module_source(page, context), MODULE_TEMPLATE)
             for page in pages}
    files[f"{package}/__init__.py"] = context.formatted(TARGET, context.render(PACKAGE_TEMPLATE, pages=pages),
                                                        PACKAGE_TEMPLATE)
    files[f"{package}/py.typed"] = ""
    return files


def module_source(page: ErrorPage, context: RenderContext) -> str:
    """The module as the template writes it, before black (bench/ times the two apart)."""
    page = classes.assigned(page)
    hierarchy = classes.hierarchy(page)
    members = rows.member_rows(page)
    declared, lazy = _declared_and_lazy(hierarchy)
    return context.render(
        MODULE_TEMPLATE,
        page=page,
        members=members,
        match=rows.match_data(page),
        runtime=context.verbatim(RUNTIME, RUNTIME_MARKER),
        declared_classes=declared,
        attributes={row.name: own_attributes(row) for row in declared},
        lazy_classes=lazy,
        subcodes=subcodes_of(page),
        exported=sorted(EXPORTED + tuple(row.name for row in hierarchy), key=_isort_style),
    )


EXPORTED = ("CATEGORIES", "MESSAGE_TABLES", "SOURCE_ID", "SOURCE_URL", "ApiError", "ErrorCode", "Match",
            "MessageTable", "lookup", "match")


def _isort_style(name: str) -> tuple[int, list[str | int]]:
    """`__all__` in the order ruff's RUF022 keeps: CONSTANTS, then Classes, then
    functions, each in natural order (`N2` before `N12`)."""
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return kind, [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


# A page of at most this many codes declares each code's class with a class
# statement; a longer page makes them on first use from _CODE_CLASSES. A class
# costs about 8 us to import (CPython fills ~90 type slots along its MRO), about
# as much as an ErrorCode member: sapi.py's 235 would take its import from
# 4.9 ms to about 7 ms over `import enum`, past `make bench`'s 5 ms budget.
DECLARED_CODE_CLASSES = 100


def _declared_and_lazy(
        hierarchy: list[classes.ClassRow]) -> tuple[list[classes.ClassRow], list[classes.ClassRow]]:
    """The classes the module declares (groups' and categories' always), and those it
    makes on first use (every code's, on a long page)."""
    code_classes = [row for row in hierarchy if row.error is not None]
    if len(code_classes) <= DECLARED_CODE_CLASSES:
        return hierarchy, []
    return [row for row in hierarchy if row.error is None], code_classes


def pyclass(row: classes.ClassRow, indent: int) -> str:
    """The `class` line of a generated class at `indent`, wrapped as black wraps it:
    its bases, then `code=` for a code's class (ApiError registers it by code)."""
    pad = " " * indent
    arguments = [*row.bases, *([f"code={python_filters.pycode(row.error.code)}"] if row.error else [])]
    joined = ", ".join(arguments)
    line = f"class {row.name}({joined}):"
    if indent + width(line) <= BLACK_LINE_LENGTH:
        return line
    if indent + 4 + width(joined) <= BLACK_LINE_LENGTH:
        return f"class {row.name}(\n{pad}    {joined}\n{pad}):"
    return f"class {row.name}(\n" + "".join(f"{pad}    {argument},\n" for argument in arguments) + f"{pad}):"


def own_attributes(row: classes.ClassRow) -> list[tuple[str, str]]:
    """The class attributes a generated class sets itself, as Python: a group's
    `retryable` and `outcome`. A code's class inherits them from its group classes,
    which are among its bases; a category's has none."""
    if row.error is not None:
        return []
    found = [("retryable", "True")] if row.retryable else []
    if row.outcome is not None:
        found.append(("outcome", python_filters.pystr(row.outcome)))
    return found


TARGET = Target(
    name="python",
    folder="output/python",
    filters={**python_filters.FILTERS, **text_filters.FILTERS, "pyclass": pyclass},
    render=render,
    formatter=format_module,
    templates=(MODULE_TEMPLATE, RUNTIME, PACKAGE_TEMPLATE),
)
