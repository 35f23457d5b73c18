"""The JSON document: the language-neutral form of a page, written and read here.

The JSON target writes it (`output/json/<id>.json`), a user's template gets it
as `page`, `check` reads a committed one back to say what changed in the docs,
and its JSON Schema's rules come from the same place.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .collector import collector_paused
from .diff import CodeView, MessageView, PageView, unique_messages
from .model import Code, ErrorCode, ErrorPage, Message
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


def read_view(path: Path, shown: str) -> PageView | None:
    """The diff projection of a committed document; None when it is missing or of another shape."""
    try:
        return view_of_document(json.loads(path.read_text(encoding="utf-8")), shown)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def view_of_document(document: Mapping[str, Any], path: str) -> PageView:
    """The projection of a JSON document (output/json/<id>.json).

    The document records no message positions: a message is placed at its
    code's line, a table row at its table's line. Raises KeyError, TypeError
    or ValueError on a document of another shape.
    """
    tables: dict[Code, list[MessageView]] = {}
    for table in document["message_tables"]:
        rows = [MessageView(str(row["message"]), int(table["line"]), 1) for row in table["rows"]]
        for code in table["codes"]:
            tables.setdefault(_code(code), []).extend(rows)
    codes = []
    for error in document["errors"]:
        if error.get("retired", False):
            continue  # kept by errgen.lock, not on the page
        code, line = _code(error["code"]), int(error["line"])
        own = [MessageView(str(message["text"]), line, 1) for message in error["messages"]]
        category = error.get("category")
        codes.append(CodeView(code, str(error["name"]), str(error["identifier"]),
                              unique_messages(own + tables.get(code, [])), line, 1,
                              None if category is None else str(category)))
    return PageView(path, tuple(codes))


def _code(value: object) -> Code:
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        return value
    raise TypeError(f"a code is an int or a str, not {value!r}")
