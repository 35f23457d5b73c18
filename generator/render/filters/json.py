"""JSON documents."""

from __future__ import annotations

from json.encoder import encode_basestring  # C-accelerated when available
from typing import Any

from . import Filter
from .text import js_escape


def json_document(value: object) -> str:
    """The JSON target's text: sorted keys, two-space indent, UTF-8 as is.

    The same text as `json.dumps(value, ensure_ascii=False, indent=2,
    sort_keys=True)`, except that U+2028, bidi controls and other invisible
    characters, which json.dumps leaves raw inside strings, are written as `\\u`
    escapes, as in the other targets, so a diff of the JSON shows them. Written
    here rather than by json.dumps because with `indent` json.dumps gives up its
    C encoder: on a 20,000-code page it took as long as parsing the Markdown.
    """
    out: list[str] = []
    _write(value, "\n", out, {})
    out.append("\n")
    return "".join(out)


# An object's shape (the indentation inside it, then its keys in insertion
# order) -> its keys in sorted order, each with the `{` or `,`, newline and
# `"key": ` written before its value. A document has a few shapes (every code's
# object has the same keys), so each is sorted and encoded once.
_Shapes = dict[tuple[str, ...], list[tuple[str, str]]]


def _write(value: object, newline: str, out: list[str], shapes: _Shapes) -> None:
    """Append `value` at the indentation `newline` carries ("\\n" plus spaces).

    Inside an object, strings, numbers, booleans and empty lists are written
    where they are met, not by a call each: they are most of a document."""
    if isinstance(value, dict):
        if value:
            _object(value, newline, out, shapes)
        else:
            out.append("{}")
    elif isinstance(value, (list, tuple)):
        if value:
            _array(value, newline, out, shapes)
        else:
            out.append("[]")
    elif isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    else:
        raise TypeError(f"not a JSON value of a document: {value!r}")


def _object(value: dict[str, Any], newline: str, out: list[str], shapes: _Shapes) -> None:
    inner = newline + "  "
    shape = (inner, *value)
    members = shapes.get(shape)
    if members is None:
        members = shapes[shape] = [(key, f"{',' if index else '{'}{inner}{_string(key)}: ")
                                   for index, key in enumerate(sorted(value))]
    for key, prefix in members:
        item = value[key]
        kind = type(item)
        if kind is str:
            encoded = encode_basestring(item)
            out.append(prefix + (encoded if encoded.isprintable() else _visible(encoded)))
        elif kind is int:
            out.append(prefix + int.__repr__(item))
        elif item is None:
            out.append(prefix + "null")
        elif kind is bool:
            out.append(prefix + ("true" if item else "false"))
        elif kind is list:
            if item:
                out.append(prefix)
                _array(item, inner, out, shapes)
            else:
                out.append(prefix + "[]")
        else:
            out.append(prefix)
            _write(item, inner, out, shapes)
    out.append(newline + "}")


def _array(value: list[Any] | tuple[Any, ...], newline: str, out: list[str], shapes: _Shapes) -> None:
    inner = newline + "  "
    separator = "[" + inner
    for item in value:
        kind = type(item)
        if kind is str:
            out.append(separator + _string(item))
        elif kind is int:
            out.append(separator + int.__repr__(item))
        elif kind is dict and item:
            out.append(separator)
            _object(item, inner, out, shapes)
        else:
            out.append(separator)
            _write(item, inner, out, shapes)
        separator = "," + inner
    out.append(newline + "]")


def _string(text: str) -> str:
    encoded: str = encode_basestring(text)
    return encoded if encoded.isprintable() else _visible(encoded)  # nearly every string: one check in C


def _visible(encoded: str) -> str:
    return "".join(ch if ch.isprintable() else js_escape(ch) for ch in encoded)


def jsonstr(text: str) -> str:
    """A JSON string literal equal to `text`, escaped as in `json_document`."""
    return _string(text)


FILTERS: dict[str, Filter] = {"json_document": json_document, "jsonstr": jsonstr}
