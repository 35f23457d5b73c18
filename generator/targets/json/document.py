"""The JSON document: the language-neutral form of a page, written and read here.

The JSON target writes it (`output/json/<id>.json`), a user's template gets it
as `page`, and its JSON Schema's rules come from the same place. `check` reads
a committed one back to say what changed in the docs (diff.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Union
from urllib.parse import quote

from ...assemble.patterns import PLACEHOLDER
from ...model import ErrorPage
from .filters import json_document

# 2: code_type, string codes, http_status, deprecated, class_name, aliases, groups.
# 3: no `pattern` (a regular expression invites a backtracking match; `literals` match in linear time).
SCHEMA_VERSION = 3
# Beside the documents; a source id never holds a dot, so no page can collide.
SCHEMA_FILE = "page.schema.json"
# The schema's placeholder rule is the parser's, so the two cannot drift apart.
PLACEHOLDER_RULE = f"^(?:{PLACEHOLDER.pattern})$"


Getter = Callable[[Any], object]


@dataclass(frozen=True)
class ArrayOf:
    """A field whose value, `get(item)`, is a sequence: an array of its values,
    or with `fields`, of objects of those fields (a code's messages)."""

    get: Callable[[Any], Sequence[Any]]
    fields: Fields | None = None


# The JSON object of an object: each key and the getter of its value.
Fields = Mapping[str, Union[Getter, ArrayOf]]

# The objects of a document's arrays, each field once. Keys in the order of the
# dicts a template gets (the text sorts them, as always).
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


def document(page: ErrorPage) -> dict[str, Any]:
    """The document as plain dicts and lists: what a user's template gets as `page`."""
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
        "categories": _objects(page.categories, CATEGORY),
        "errors": _objects(page.errors, ERROR),
        "message_tables": _objects(page.message_tables, MESSAGE_TABLE),
    }


def document_text(page: ErrorPage) -> str:
    """The document as the JSON target writes it (what `errgen dump` prints)."""
    return json_document(document(page))


def _objects(items: Sequence[Any], fields: Fields) -> list[dict[str, Any]]:
    return [{key: _value(get, item) for key, get in fields.items()} for item in items]


def _value(get: Getter | ArrayOf, item: object) -> object:
    if not isinstance(get, ArrayOf):
        return get(item)
    values = get.get(item)
    return _objects(values, get.fields) if get.fields is not None else list(values)
