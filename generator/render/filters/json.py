"""JSON documents."""

from __future__ import annotations

import json

from . import Filter
from .text import js_escape


def json_document(value: object) -> str:
    """The JSON target's text: sorted keys, two-space indent, UTF-8 as is.

    `json.dumps` leaves U+2028, bidi controls and other invisible characters
    raw inside strings; they are written as `\\u` escapes here, as in the other
    targets, so a diff of the JSON shows them. Outside strings there is only
    ASCII punctuation, digits, spaces and newlines, none of which changes.
    """
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    return "".join(ch if ch.isprintable() or ch == "\n" else js_escape(ch) for ch in text) + "\n"


def jsonstr(text: str) -> str:
    """A JSON string literal equal to `text`, escaped as in `json_document`."""
    return json_document(text).removesuffix("\n")


FILTERS: dict[str, Filter] = {"json_document": json_document, "jsonstr": jsonstr}
