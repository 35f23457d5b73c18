"""TypeScript target: one self-contained, erasable-syntax module per page."""

from __future__ import annotations

from ..model import ErrorPage
from ..render import render
from .common import member_rows, template_rows

MODULE_TEMPLATE = "typescript/module.ts.j2"


def render_typescript(page: ErrorPage) -> dict[str, str]:
    text = render(MODULE_TEMPLATE, page=page, members=member_rows(page), templates=template_rows(page))
    return {f"{page.source.id}.ts": text}
