"""The JSON document: the language-neutral form of a page, written and read here.

The JSON target writes it (`output/json/<id>.json`), a user's template gets it
as `page`, and its JSON Schema's rules come from the same place. `check` reads
a committed one back to say what changed in the docs (diff.py).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from .collector import collector_paused
from .model import ErrorCode, ErrorPage, Message
from .patterns import PLACEHOLDER
from .render.filters.json import BuiltArray, json_document

SCHEMA_VERSION = 2  # 2: code_type, string codes, http_status, deprecated, class_name, aliases, groups
# Beside the documents; a source id never holds a dot, so no page can collide.
SCHEMA_FILE = "page.schema.json"
# The schema's placeholder rule is the parser's, so the two cannot drift apart.
PLACEHOLDER_RULE = f"^(?:{PLACEHOLDER.pattern})$"


def document(page: ErrorPage) -> dict[str, Any]:
    return _document(page, [_error(error) for error in page.errors])


@collector_paused()
def document_text(page: ErrorPage) -> str:
    """The document as the JSON target writes it (what `errgen dump` prints).

    The codes are built a block at a time as they are written (BuiltArray);
    the text is `json_document(document(page))`. Building allocates an object
    per value, all alive to the end of a block: the collector's rescans would
    find no cycles (generator/collector.py)."""
    return json_document(_document(page, BuiltArray(page.errors, _error)))


def _document(page: ErrorPage, errors: object) -> dict[str, Any]:
    source = page.source
    return {
        "$schema": SCHEMA_FILE,
        "$id": f"urn:errgen:page:{quote(source.id, safe='')}",
        "schema_version": SCHEMA_VERSION,
        "code_type": page.code_type,
        "source": {
            "id": source.id,
            "path": source.path,
            "sha256": source.sha256,
            "url": source.url,
            "language": source.language,
        },
        "title": page.title,
        "categories": [{"id": c.id, "title": c.title} for c in page.categories],
        "errors": errors,
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


def _error(error: ErrorCode) -> dict[str, Any]:
    return {
        "code": error.code,
        "name": error.name,
        "identifier": error.identifier,
        "class_name": error.class_name,
        "category": error.category,
        "deprecated": error.deprecated,
        "retired": error.retired,
        "aliases": list(error.aliases),
        "groups": list(error.groups),
        "messages": [_message(message) for message in error.messages],
        "http_status": list(error.http_status),
        "description": error.description,
        "line": error.line,
    }


def _message(message: Message) -> dict[str, Any]:
    return {"text": message.text, "placeholders": list(message.placeholders), "pattern": message.pattern,
            "literals": list(message.literals), "http_status": message.http_status}


def _pattern(message: Message) -> dict[str, Any]:
    return {"placeholders": list(message.placeholders), "pattern": message.pattern, "literals": list(message.literals)}
