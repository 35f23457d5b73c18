"""JSON text: the JSON target's documents and the `jsonstr` filter."""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # C-accelerated when available

import orjson

from ..filters import Filter
from ..filters.text import escape_each, js_escape

_ORJSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS


def json_document(value: object) -> str:
    """The JSON target's text: sorted keys, two-space indent, UTF-8 as is.

    The text of `json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)`,
    except that U+2028, bidi controls and other invisible characters, which
    json.dumps leaves raw inside strings, are written as `\\u` escapes, as in the
    other targets, so a diff of the JSON shows them.

    orjson writes it: with `indent`, json.dumps gives up its C encoder, and on a
    20,000-code page it took 0.55 s against orjson's 0.04 s (bench rows
    `dump 20000 headings` and `dump 20000 table`). orjson refuses what json.dumps
    accepts in a few corners (a lone surrogate, an integer past 64 bits): those
    values take json.dumps, which writes the same text.
    """
    try:
        data = orjson.dumps(value, option=_ORJSON_OPTIONS)
    except TypeError:  # orjson.JSONEncodeError is one
        return _visible_lines(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)) + "\n"
    text = data.decode("utf-8")
    # ASCII text holds no invisible character but DEL (controls are escaped already): most
    # pages need no look at each line (bench rows `dump synthetic-20000.md`, `dump table-20000.md`).
    if data.isascii() and b"\x7f" not in data:
        return text + "\n"
    return _visible_lines(text) + "\n"


def jsonstr(text: str) -> str:
    """A JSON string literal equal to `text`, escaped as in `json_document`."""
    encoded: str = encode_basestring(text)
    return encoded if encoded.isprintable() else escape_each(encoded, js_escape)


def _visible_lines(text: str) -> str:
    """Every character that is not printable written as a `\\u` escape. Both encoders
    escape the controls below U+0020, so outside the line breaks of the layout such a
    character can only stand inside a string, where the escape means the same."""
    lines = text.split("\n")
    return "\n".join(line if line.isprintable() else escape_each(line, js_escape) for line in lines)


FILTERS: dict[str, Filter] = {"json_document": json_document, "jsonstr": jsonstr}
