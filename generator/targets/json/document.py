"""The JSON document: the language-neutral form of a page, written and read here.

The JSON target writes it (`output/json/<id>.json`), a user's template gets it
as `page`, and its JSON Schema's rules come from the same place. `check` reads
a committed one back to say what changed in the docs (diff.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any
from urllib.parse import quote

from ...assemble.patterns import PLACEHOLDER
from ...model import ErrorPage
from ...speed.collector import collector_paused
from .filters import ArrayOf, Fields, ObjectArray, json_document

# 2: code_type, string codes, http_status, deprecated, class_name, aliases, groups.
# 3: no `pattern` (a regular expression invites a backtracking match; `literals` match in linear time).
SCHEMA_VERSION = 3
# Beside the documents; a source id never holds a dot, so no page can collide.
SCHEMA_FILE = "page.schema.json"
# The schema's placeholder rule is the parser's, so the two cannot drift apart.
PLACEHOLDER_RULE = f"^(?:{PLACEHOLDER.pattern})$"


# The objects of a document's arrays, each field once: `document()` builds its
# dicts from these tables, `document_text` writes their text straight from the
# model (ObjectArray). Keys in the order of the dicts a template gets.
MESSAGE: Fields = {
    "text": attrgetter("text"),
    "placeholders": ArrayOf(attrgetter("placeholders")),
    "literals": ArrayOf(attrgetter("literals")),
    "http_status": attrgetter("http_status"),
}
ERROR: Fields = {
    "code": attrgetter("code"),
    "name": attrgetter("name"),
    "identifier": attrgetter("identifier"),
    "class_name": attrgetter("class_name"),
    "category": attrgetter("category"),
    "deprecated": attrgetter("deprecated"),
    "retired": attrgetter("retired"),
    "aliases": ArrayOf(attrgetter("aliases")),
    "groups": ArrayOf(attrgetter("groups")),
    "messages": ArrayOf(attrgetter("messages"), MESSAGE),
    "http_status": ArrayOf(attrgetter("http_status")),
    "description": attrgetter("description"),
    "line": attrgetter("line"),
}
CATEGORY: Fields = {"id": attrgetter("id"), "title": attrgetter("title")}
# A message table's row: its message's text under "message", and how to match it.
TABLE_ROW: Fields = {
    "message": attrgetter("message.text"),
    "description": attrgetter("description"),
    "placeholders": ArrayOf(attrgetter("message.placeholders")),
    "literals": ArrayOf(attrgetter("message.literals")),
}
MESSAGE_TABLE: Fields = {
    "title": attrgetter("title"),
    "codes": ArrayOf(attrgetter("codes")),
    "line": attrgetter("line"),
    "rows": ArrayOf(attrgetter("rows"), TABLE_ROW),
}


@collector_paused()
def document(page: ErrorPage) -> dict[str, Any]:
    """The document as plain dicts and lists: what a user's template gets as `page`.

    A dict or list per value, with no cycles among them: with the collector
    running, its rescans took a third of the time on a 20,000-code page."""
    return _document(page, _dicts)


@collector_paused()
def document_text(page: ErrorPage) -> str:
    """The document as the JSON target writes it (what `errgen dump` prints).

    The same text as `json_document(document(page))`, written from the model
    without a dict per code. Writing still allocates a string per value, all
    alive to the end of a block: the collector's rescans would find no cycles
    (generator/speed/collector.py)."""
    return json_document(_document(page, ObjectArray))


def _dicts(items: Sequence[Any], fields: Fields) -> list[dict[str, Any]]:
    return ObjectArray(items, fields).values()


def _document(page: ErrorPage, array: Callable[[Sequence[Any], Fields], object]) -> dict[str, Any]:
    """The document, each array of objects made by `array` from its items and their fields."""
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
        "categories": array(page.categories, CATEGORY),
        "errors": array(page.errors, ERROR),
        "message_tables": array(page.message_tables, MESSAGE_TABLE),
    }
