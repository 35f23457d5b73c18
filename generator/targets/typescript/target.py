"""TypeScript target: one self-contained, erasable-syntax module per page."""

from __future__ import annotations

from collections.abc import Sequence

from ...assemble import classes
from ...assemble.subcodes import subcodes_of
from ...model import ErrorPage
from ..base import RenderContext, Target
from ..filters import text as text_filters
from ..rows import match_data, member_rows
from . import filters as ts_filters

MODULE_TEMPLATE = "typescript/module.ts.j2"
INDEX_TEMPLATE = "typescript/index.ts.j2"
RUNTIME = "typescript/runtime.ts"  # real source; the part below its marker is embedded verbatim
RUNTIME_MARKER = "// errgen: the runtime starts here.\n"


def render(pages: Sequence[ErrorPage], context: RenderContext) -> dict[str, str]:
    """`<id>.ts` per page, and `index.ts` over all of them."""
    files = {f"{page.source.id}.ts": render_page(page, context) for page in pages}
    files["index.ts"] = context.render(INDEX_TEMPLATE, pages=pages)
    return files


def render_page(page: ErrorPage, context: RenderContext) -> str:
    page = classes.assigned(page)
    rows = classes.hierarchy(page)
    return context.render(
        MODULE_TEMPLATE,
        page=page,
        members=member_rows(page),
        match=match_data(page),
        runtime=context.verbatim(RUNTIME, RUNTIME_MARKER),
        classes=rows,
        groups_of=answered_groups(rows),
        subcodes=subcodes_of(page),
    )


def answered_groups(rows: Sequence[classes.ClassRow]) -> dict[str, tuple[str, ...]]:
    """Class name -> the group classes its instances answer `instanceof` for: its
    own and its base classes' (a sub-code's class extends its parent's, and in
    Python inherits the parent's groups with it). Classes without any are left out."""
    groups: dict[str, tuple[str, ...]] = {}
    for row in rows:  # bases first
        inherited = groups.get(row.base, ())
        groups[row.name] = (*inherited, *(group for group in row.groups if group not in inherited))
    return {name: found for name, found in groups.items() if found}


TARGET = Target(
    name="typescript",
    folder="output/typescript",
    filters={**ts_filters.FILTERS, **text_filters.FILTERS},
    render=render,
    templates=(MODULE_TEMPLATE, RUNTIME, INDEX_TEMPLATE),
)
