"""JSON documents."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import chain, islice, repeat
from json.encoder import encode_basestring  # C-accelerated when available
from operator import itemgetter, setitem
from typing import Any, Union

from ..filters import Filter
from ..filters.text import escape_each, js_escape


def json_document(value: object) -> str:
    """The JSON target's text: sorted keys, two-space indent, UTF-8 as is.

    The same text as `json.dumps(value, ensure_ascii=False, indent=2,
    sort_keys=True)`, except that U+2028, bidi controls and other invisible
    characters, which json.dumps leaves raw inside strings, are written as `\\u`
    escapes, as in the other targets, so a diff of the JSON shows them. Written
    here rather than by json.dumps because with `indent` json.dumps gives up its
    C encoder and visits every value in Python: on a 20,000-code page it took
    as long as parsing the Markdown.
    """
    pieces: list[str] = []
    _pieces(value, "\n", pieces)
    pieces.append("\n")
    return "".join(pieces)


Getter = Callable[[Any], object]


@dataclass(frozen=True)
class ArrayOf:
    """A field whose value, `get(item)`, is a sequence: an array of its values,
    or with `fields`, of objects of those fields (a code's messages).

    A column of such arrays is written as one column of their values, not an
    array at a time; `ObjectArray.values()` gives each as a list."""

    get: Callable[[Any], Sequence[Any]]
    fields: Fields | None = None


# The JSON object of an object: each key and the getter of its value, in the
# order the object's dict has (the text sorts keys, as always). A plain getter
# gives a JSON value, as it is (a tuple is written as an array, but stays one).
Fields = Mapping[str, Union[Getter, ArrayOf]]


@dataclass(frozen=True)
class ObjectArray:
    """The JSON array of `items`, each an object of `fields`, written without a dict per item.

    For a document's long arrays (its codes): each field's values are read
    from a block of items with `map(getter, block)`, in C, and written as a
    column. Building a dict per item first, reading it back and freeing it was
    a third of `errgen dump`'s JSON time on a 20,000-code page. `values()` is
    the same array as dicts, each ArrayOf a list."""

    items: Sequence[Any]
    fields: Fields

    def values(self) -> list[dict[str, Any]]:
        return _dicts(self.items, self.fields)


def jsonstr(text: str) -> str:
    """A JSON string literal equal to `text`, escaped as in `json_document`."""
    return _string(text)


# Values are written a column at a time, not one by one: `_texts` takes every
# value that sits at one indentation (all the codes' names, say), and each kind
# is written by a few C-level passes over its column (`map`, `zip`, `join`). A
# document holds hundreds of thousands of values but only a few dozen columns,
# so the Python code runs per column and per object shape, hardly per value.
# This works because a value's text depends only on the value and its
# indentation: `newline`, "\n" plus two spaces per level.

# A column passes over its values several times (their kinds, then their
# text), so long columns are cut into blocks whose values stay in the CPU's
# cache from one pass to the next: on a 20,000-code page the writer took a
# third longer with whole columns, waiting on memory, not computing.
_CHUNK = 512


def _pieces(value: object, newline: str, out: list[str]) -> None:
    """Append the text of one value, as pieces for the caller to join once.

    The outer levels of a document are a few large values: joined level by
    level, the whole text would be copied once per level. Arrays write their
    items as a column."""
    inner = newline + "  "
    if type(value) is dict and value:
        opening = "{"
        for key in sorted(value):
            out.append(f"{opening}{inner}{_string(key)}: ")
            _pieces(value[key], inner, out)
            opening = ","
        out.append(newline + "}")
    elif type(value) is list and value:
        out += ("[", inner, ("," + inner).join(_texts(value, inner)), newline, "]")
    elif type(value) is ObjectArray and value.items:
        # A block's text at a time: the whole array joined first, 13 MB on a
        # 20,000-code page, would be copied once more into the document's.
        separator = "," + inner
        out.append("[" + inner)
        for start in range(0, len(value.items), _CHUNK):
            block = value.items[start:start + _CHUNK]
            out += (separator if start else "", separator.join(_field_objects(value.fields, block, inner)))
        out.append(newline + "]")
    else:
        out += _texts([value], newline)


def _texts(values: Sequence[Any], newline: str, kinds: set[type] | None = None) -> list[str]:
    """The text of each value, at the indentation `newline` carries."""
    if len(values) > _CHUNK:  # see _CHUNK
        return list(chain.from_iterable(_texts(values[start:start + _CHUNK], newline)
                                        for start in range(0, len(values), _CHUNK)))
    kinds = set(map(type, values)) if kinds is None else kinds
    if len(kinds) == 1:
        return _writer(next(iter(kinds)))(values, newline)
    return _grouped(values, list(map(type, values)), lambda kind, part: _writer(kind)(part, newline))


def _grouped(values: Sequence[Any], keys: Sequence[Hashable], write: Callable[[Any, list[Any]], list[str]]) -> list[str]:
    """Write each group of values with the same key apart, then put the texts back in order.

    For the rare mixed column (a category that is sometimes null) and objects
    of several shapes in one column: one Python step per value, only there."""
    places: dict[Hashable, list[int]] = {}
    for place, key in enumerate(keys):
        places.setdefault(key, []).append(place)
    texts = [""] * len(values)
    for key, where in places.items():
        for place, text in zip(where, write(key, [values[place] for place in where])):
            texts[place] = text
    return texts


# -- scalars -------------------------------------------------------------------


def _strings(values: Sequence[str], newline: str) -> list[str]:
    encoded = list(map(encode_basestring, values))
    joined = "".join(encoded)
    # One check for the whole column, in C. encode_basestring escaped every
    # control below U+0020, so an ASCII column can only hide DEL; isascii is
    # a flag the string already carries.
    if joined.isascii() and "\x7f" not in joined or joined.isprintable():
        return encoded
    return [text if text.isprintable() else _visible(text) for text in encoded]


def _ints(values: Sequence[int], newline: str) -> list[str]:
    return list(map(int.__repr__, values))  # what json.dumps writes, for an IntEnum member too


_BOOLS = {True: "true", False: "false"}


def _bools(values: Sequence[bool], newline: str) -> list[str]:
    return list(map(_BOOLS.__getitem__, values))


def _nulls(values: Sequence[None], newline: str) -> list[str]:
    return ["null"] * len(values)


# -- containers ----------------------------------------------------------------

# A column's text as parts to be joined value by value: a list holds one text
# per value, a str is the same text for every value (an empty list, `false`).
# Objects join their members' parts in one go, after merging the constant ones
# with the keys around them, so the most common values cost nothing per object.
_Part = Union[str, Sequence[str]]


def _arrays(values: Sequence[Sequence[Any]], newline: str) -> list[str]:
    return _joined(_array_parts(values, newline), len(values))


def _object_arrays(values: Sequence[ObjectArray], newline: str) -> list[str]:
    return _arrays([value.values() for value in values], newline)  # an array of them, rare: as dicts


def _array_parts(values: Sequence[Sequence[Any]], newline: str, write: _Writer | None = None) -> list[_Part]:
    """Every array's items form one column, one level deeper; each array then joins its own.

    Three parts: `[` with the newline, the items, the newline with `]` (`[`,
    "", `]` for an empty array), so that an object joins them into its own
    text instead of each array copying its items once more to wrap them.
    `write` writes the items' column (`_texts` unless they are objects of fields)."""
    inner = newline + "  "
    lengths = list(map(len, values))
    flat = list(chain.from_iterable(values))
    if not flat:
        return ["[]"]
    items = iter((write or _texts)(flat, inner))
    # Each islice takes the next `length` texts from the shared iterator, in order.
    bodies = list(map(("," + inner).join, map(islice, repeat(items), lengths)))
    opening, closing = "[" + inner, newline + "]"
    if 0 not in lengths:
        return [opening, bodies, closing]
    return [[opening if length else "[" for length in lengths], bodies, [closing if length else "]" for length in lengths]]


def _objects(values: Sequence[dict[str, Any]], newline: str) -> list[str]:
    keys = sorted(values[0])
    # As many keys in each and all of `keys` found: the same keys. Not for a
    # subclass, whose lookup may add a missing key (a defaultdict).
    if type(values[0]) is dict and len(set(map(len, values))) == 1:
        try:
            return _joined(_object_parts(values, keys, newline), len(values))
        except KeyError:  # as many keys, other names: objects of several shapes
            pass
    return _grouped(values, list(map(tuple, values)),
                    lambda shape, part: _joined(_object_parts(part, sorted(shape), newline), len(part)))


def _object_parts(values: Sequence[dict[str, Any]], keys: list[str], newline: str) -> list[_Part]:
    """Objects with the same keys: a column per key, `{`, `"key": ` and `}` between them.

    Raises KeyError when an object lacks one of `keys`."""
    if not keys:
        return ["{}"]
    inner = newline + "  "
    rows = map(itemgetter(*keys), values) if len(keys) > 1 else ((value[keys[0]],) for value in values)
    parts: list[_Part] = []
    for index, column in enumerate(zip(*rows)):
        parts.append(f"{',' if index else '{'}{inner}{_string(keys[index])}: ")
        parts += _parts(column, inner)
    parts.append(newline + "}")
    return parts


def _parts(values: Sequence[Any], newline: str) -> list[_Part]:
    kinds = set(map(type, values))
    if kinds == {list} or kinds == {tuple}:
        return _array_parts(values, newline)
    if kinds <= _CONSTANT_PRONE and values.count(values[0]) == len(values):  # `==` within one kind
        return [_texts(values[:1], newline, kinds)[0]]  # the same text for every value
    return [_texts(values, newline, kinds)]


def _field_objects(fields: Fields, items: Sequence[Any], newline: str) -> list[str]:
    """The text of each item as the object of `fields`: a column per field, as `_objects` writes dicts."""
    if len(items) > _CHUNK:  # see _CHUNK
        return list(chain.from_iterable(_field_objects(fields, items[start:start + _CHUNK], newline)
                                        for start in range(0, len(items), _CHUNK)))
    if not items:
        return []
    if not fields:
        return ["{}"] * len(items)
    inner = newline + "  "
    parts: list[_Part] = []
    for index, (key, field) in enumerate(sorted(fields.items(), key=itemgetter(0))):
        parts.append(f"{',' if index else '{'}{inner}{_string(key)}: ")
        if isinstance(field, ArrayOf):
            items_writer = None if field.fields is None else partial(_field_objects, field.fields)
            parts += _array_parts(list(map(field.get, items)), inner, items_writer)
        else:
            parts += _parts(list(map(field, items)), inner)
    parts.append(newline + "}")
    return _joined(parts, len(items))


def _dicts(items: Sequence[Any], fields: Fields) -> list[dict[str, Any]]:
    """The items as dicts of `fields`, each ArrayOf a list: what a template gets.

    Filled a column at a time too, in C: copies of one dict of the keys, then
    each key's values set by `map(setitem, …)`, a block of items at a time
    (see _CHUNK): a sixth faster than `dict(zip(keys, values))` per item."""
    if len(items) > _CHUNK:
        return list(chain.from_iterable(_dicts(items[start:start + _CHUNK], fields)
                                        for start in range(0, len(items), _CHUNK)))
    dicts = list(map(dict.copy, repeat(dict.fromkeys(fields), len(items))))
    for key, field in fields.items():
        if not isinstance(field, ArrayOf):
            values: Iterable[Any] = map(field, items)
        elif field.fields is None:
            values = map(list, map(field.get, items))
        else:
            arrays = list(map(field.get, items))
            objects = iter(_dicts(list(chain.from_iterable(arrays)), field.fields))
            values = map(list, map(islice, repeat(objects), map(len, arrays)))  # each array's next objects
        deque(map(setitem, dicts, repeat(key), values), maxlen=0)  # deque(…, maxlen=0): run the map, keep nothing
    return dicts


def _joined(parts: list[_Part], count: int) -> list[str]:
    """The `count` texts that `parts` describe (see `_Part`)."""
    merged: list[_Part] = []
    for part in parts:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        else:
            merged.append(part)
    if len(merged) == 1:
        return [merged[0]] * count if isinstance(merged[0], str) else list(merged[0])
    return list(map("".join, zip(*(repeat(part) if isinstance(part, str) else part for part in merged))))


# -- dispatch ------------------------------------------------------------------

_Writer = Callable[[Sequence[Any], str], list[str]]

_WRITERS: dict[type, _Writer] = {
    str: _strings, int: _ints, bool: _bools, type(None): _nulls,
    list: _arrays, tuple: _arrays, dict: _objects, ObjectArray: _object_arrays,
}
_CONSTANT_PRONE = {bool, type(None)}  # flags and absent values: checked for one text for all


def _writer(kind: type) -> _Writer:
    writer = _WRITERS.get(kind)
    if writer is not None:
        return writer
    for base, writer in _WRITERS.items():  # a subclass (an IntEnum, a str Enum): as json.dumps sees it
        if issubclass(kind, base):
            return writer
    raise TypeError(f"not a JSON value of a document: {kind.__name__}")


def _string(text: str) -> str:
    encoded: str = encode_basestring(text)
    return encoded if encoded.isprintable() else _visible(encoded)


def _visible(encoded: str) -> str:
    return escape_each(encoded, js_escape)


FILTERS: dict[str, Filter] = {"json_document": json_document, "jsonstr": jsonstr}
