"""Python target: one self-contained module per page, in one package."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import ErrorPage
from ..render import format_python, render
from .common import PREFIX_KEY, member_rows, template_rows

MODULE_TEMPLATE = "python/module.py.j2"
PACKAGE_TEMPLATE = "python/__init__.py.j2"


def render_python(page: ErrorPage) -> dict[str, str]:
    return {f"{page.source.id}.py": format_python(module_source(page), MODULE_TEMPLATE)}


def module_source(page: ErrorPage) -> str:
    """The module as the template writes it, before black (bench/ times the two apart)."""
    return render(
        MODULE_TEMPLATE,
        page=page,
        members=member_rows(page),
        templates=template_rows(page),
        key_length=PREFIX_KEY,
    )


def render_python_package(pages: Sequence[ErrorPage]) -> dict[str, str]:
    """`__init__.py` and the PEP 561 marker, once for all pages."""
    init = format_python(render(PACKAGE_TEMPLATE, pages=pages), PACKAGE_TEMPLATE)
    return {"__init__.py": init, "py.typed": ""}
