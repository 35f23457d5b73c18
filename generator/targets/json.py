"""JSON target: the contract other tools read (`output/json/<source>.json`)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from ..model import ErrorPage, Message
from ..patterns import PLACEHOLDER
from ..render import render

SCHEMA_VERSION = 1
# Beside the documents; a source id never holds a dot, so no page can collide.
SCHEMA_FILE = "page.schema.json"


def render_json(page: ErrorPage) -> dict[str, str]:
    return {f"{page.source.id}.json": render("json/page.json.j2", document=document(page))}


def render_json_schema() -> dict[str, str]:
    """The JSON Schema every document names in `$schema`, once per target folder."""
    # The schema's placeholder rule is the parser's, so the two cannot drift apart.
    placeholder = f"^(?:{PLACEHOLDER.pattern})$"
    return {
        SCHEMA_FILE: render(
            "json/schema.json.j2", schema_version=SCHEMA_VERSION, schema_file=SCHEMA_FILE, placeholder=placeholder
        )
    }


def document(page: ErrorPage) -> dict[str, Any]:
    source = page.source
    return {
        "$schema": SCHEMA_FILE,
        "$id": f"urn:errgen:page:{quote(source.id, safe='')}",
        "schema_version": SCHEMA_VERSION,
        "source": {
            "id": source.id,
            "path": source.path,
            "sha256": source.sha256,
            "url": source.url,
            "language": source.language,
        },
        "title": page.title,
        "categories": [{"id": c.id, "title": c.title} for c in page.categories],
        "errors": [
            {
                "code": error.code,
                "name": error.name,
                "identifier": error.identifier,
                "category": error.category,
                "messages": [_message(message) for message in error.messages],
                "description": error.description,
                "line": error.line,
            }
            for error in page.errors
        ],
        "message_tables": [
            {
                "title": table.title,
                "codes": list(table.codes),
                "line": table.line,
                "rows": [
                    {"message": row.message.text, "description": row.description, **_pattern(row.message)}
                    for row in table.rows
                ],
            }
            for table in page.message_tables
        ],
    }


def _message(message: Message) -> dict[str, Any]:
    return {"text": message.text, **_pattern(message)}


def _pattern(message: Message) -> dict[str, Any]:
    return {"placeholders": list(message.placeholders), "pattern": message.pattern}
