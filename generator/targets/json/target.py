"""JSON target: the contract other tools read (`output/json/<source>.json`)."""

from __future__ import annotations

from collections.abc import Sequence

from ...model import ErrorPage
from ..base import RenderContext, Target
from . import filters as json_filters
from .document import PLACEHOLDER_RULE, SCHEMA_FILE, SCHEMA_VERSION, document

PAGE_TEMPLATE = "json/page.json.j2"
SCHEMA_TEMPLATE = "json/schema.json.j2"


def render(pages: Sequence[ErrorPage], context: RenderContext) -> dict[str, str]:
    files = {f"{page.source.id}.json": render_page(page, context) for page in pages}
    # The JSON Schema every document names in `$schema`, once per folder.
    files[SCHEMA_FILE] = context.render(
        SCHEMA_TEMPLATE, schema_version=SCHEMA_VERSION, schema_file=SCHEMA_FILE, placeholder=PLACEHOLDER_RULE
    )
    return files


def render_page(page: ErrorPage, context: RenderContext) -> str:
    return context.render(PAGE_TEMPLATE, document=document(page))


TARGET = Target(
    name="json",
    folder="output/json",
    filters=json_filters.FILTERS,
    render=render,
    templates=(PAGE_TEMPLATE, SCHEMA_TEMPLATE),
)
