"""Python target: one self-contained module per page, in one package."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ErrorPage
from ..render.filters import python as python_filters
from ..render.filters import text as text_filters
from ..render.format import format_python
from .base import RenderContext, Target
from .rows import PREFIX_KEY, member_rows, template_rows

MODULE_TEMPLATE = "python/module.py.j2"
PACKAGE_TEMPLATE = "python/__init__.py.j2"


def render(pages: Sequence[ErrorPage], context: RenderContext) -> dict[str, str]:
    """`<package>/<id>.py` per page, `__init__.py` and the PEP 561 marker once."""
    package = context.python_package
    files = {f"{package}/{page.source.id}.py": format_python(module_source(page, context), MODULE_TEMPLATE)
             for page in pages}
    files[f"{package}/__init__.py"] = format_python(context.render(PACKAGE_TEMPLATE, pages=pages), PACKAGE_TEMPLATE)
    files[f"{package}/py.typed"] = ""
    return files


def module_source(page: ErrorPage, context: RenderContext) -> str:
    """The module as the template writes it, before black (bench/ times the two apart)."""
    return context.render(
        MODULE_TEMPLATE,
        page=page,
        members=member_rows(page),
        templates=template_rows(page),
        key_length=PREFIX_KEY,
    )


TARGET = Target(
    name="python",
    folder="output/python",
    owned=(".py", "py.typed"),
    filters={**python_filters.FILTERS, **text_filters.FILTERS},
    render=render,
    formatter=format_python,
    templates=(MODULE_TEMPLATE, "python/runtime.py.j2", PACKAGE_TEMPLATE),
)
