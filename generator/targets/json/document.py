"""The JSON document: the language-neutral form of a page, written and read here.

The JSON target writes it (`output/json/<id>.json`), a user's template gets it
as `page`, and its JSON Schema's rules come from the same place. `check` reads
a committed one back to say what changed in the docs (diff.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Optional, Union
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


@dataclass(frozen=True)
class ArrayOf:
    """A field whose value, at attribute `path` of the item, is a sequence: an
    array of its values, or with `fields`, of objects of those fields (a code's messages)."""

    path: str
    fields: Fields | None = None


# The JSON object of an object: each key and the attribute path of its value.
Fields = Mapping[str, Union[str, ArrayOf]]

# The objects of a document's arrays, each field once. Keys in the order of the
# dicts a template gets (the text sorts them, as always).
MESSAGE: Fields = {
    "text": "text",
    "placeholders": ArrayOf("placeholders"),
    "literals": ArrayOf("literals"),
    "http_status": "http_status",
}
ERROR: Fields = {
    "code": "code",
    "name": "name",
    "identifier": "identifier",
    "class_name": "class_name",
    "category": "category",
    "deprecated": "deprecated",
    "retired": "retired",
    "aliases": ArrayOf("aliases"),
    "groups": ArrayOf("groups"),
    "messages": ArrayOf("messages", MESSAGE),
    "http_status": ArrayOf("http_status"),
    "description": "description",
    "line": "line",
}
CATEGORY: Fields = {"id": "id", "title": "title"}
# A message table's row: its message's text under "message", and how to match it.
TABLE_ROW: Fields = {
    "message": "message.text",
    "description": "description",
    "placeholders": ArrayOf("message.placeholders"),
    "literals": ArrayOf("message.literals"),
}
MESSAGE_TABLE: Fields = {
    "title": "title",
    "codes": ArrayOf("codes"),
    "line": "line",
    "rows": ArrayOf("rows", TABLE_ROW),
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
    keys, values, arrays = _plan(fields)
    objects = [dict(zip(keys, values(item))) for item in items]
    for key, inner in arrays:
        for made in objects:
            made[key] = list(made[key]) if inner is None else _objects(made[key], inner)
    return objects


# Bench rows `dump synthetic-20000.md` and `dump table-20000.md`: every value of
# an object read by one attrgetter, then its arrays made (0.21 -> 0.15 s CPU for
# 20,000 codes against a call per field).
_Plan = tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]], tuple[tuple[str, Optional[Fields]], ...]]
_PLANS: dict[int, tuple[Fields, _Plan]] = {}  # by id(fields), with the fields (an id can be reused)


def _plan(fields: Fields) -> _Plan:
    """The keys of `fields`, a getter of their values (as a tuple), and which are arrays."""
    known = _PLANS.get(id(fields))
    if known is not None and known[0] is fields:
        return known[1]
    paths = [get.path if isinstance(get, ArrayOf) else get for get in fields.values()]
    many = attrgetter(*paths)
    values: Callable[[Any], tuple[Any, ...]] = many if len(paths) > 1 else (lambda item: (many(item),))
    arrays = tuple((key, get.fields) for key, get in fields.items() if isinstance(get, ArrayOf))
    plan = (tuple(fields), values, arrays)
    _PLANS[id(fields)] = (fields, plan)
    return plan
