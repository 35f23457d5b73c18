"""JSON documents."""

from __future__ import annotations

from json.encoder import encode_basestring  # C-accelerated when available

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


def _write(value: object, newline: str, out: list[str], keys: dict[tuple[str, str], str]) -> None:
    """Append `value` at the indentation `newline` carries ("\\n" plus spaces).

    Strings and numbers are written where they are met, not by a call each:
    they are most of a document. `keys` caches each `,\\n  "key": ` written."""
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key in sorted(value):
            prefix = keys.get((separator, key))
            if prefix is None:
                prefix = keys[separator, key] = f"{separator}{_string(key)}: "
            item = value[key]
            kind = type(item)
            if kind is str:
                out.append(prefix + _string(item))
            elif kind is int:
                out.append(prefix + int.__repr__(item))
            elif item is None:
                out.append(prefix + "null")
            elif kind is list and not item:
                out.append(prefix + "[]")
            else:
                out.append(prefix)
                _write(item, inner, out, keys)
            separator = "," + inner
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            kind = type(item)
            if kind is str:
                out.append(separator + _string(item))
            elif kind is int:
                out.append(separator + int.__repr__(item))
            else:
                out.append(separator)
                _write(item, inner, out, keys)
            separator = "," + inner
        out.append(newline + "]")
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


def _string(text: str) -> str:
    encoded: str = encode_basestring(text)
    if encoded.isprintable():  # nearly every string: one check in C
        return encoded
    return "".join(ch if ch.isprintable() else js_escape(ch) for ch in encoded)


def jsonstr(text: str) -> str:
    """A JSON string literal equal to `text`, escaped as in `json_document`."""
    return _string(text)


FILTERS: dict[str, Filter] = {"json_document": json_document, "jsonstr": jsonstr}
