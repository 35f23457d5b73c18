"""json_document on any JSON value: json.dumps's text, invisible characters escaped.

orjson writes it, json.dumps where orjson refuses a value, so these values mix
objects of several shapes in one array, keys in other orders, columns that mix
kinds, true beside 1, arrays of every length, and every awkward character. The
reference is json.dumps itself, with each invisible character
written as json.dumps writes it with `ensure_ascii` (`\\u2028`, a surrogate pair
past U+FFFF).
"""

from __future__ import annotations

import enum
import json
from collections import OrderedDict, defaultdict
from pathlib import Path
from typing import Any

import pytest
from errgen.config.project import load_config
from errgen.targets.json.document import document, document_text
from errgen.targets.json.filters import json_document, jsonstr
from errgen.verbs import api
from hypothesis import given, settings
from hypothesis import strategies as st
from support import ROOT

# Quotes, backslashes, C0 controls, DEL, NBSP, U+2028/U+2029, bidi controls,
# a zero-width joiner, astral letters and an astral invisible (a tag character).
AWKWARD = '"\\\n\r\t\x00\x1f\x7f\x85\xa0\u2028\u2029\u200d\u202e\u2066\ufeff\U0001f600\U00020000\U000e0001%{}[],:'
TEXT = st.text(st.sampled_from(AWKWARD) | st.characters(blacklist_categories=("Cs",)), max_size=12)
KEYS = st.sampled_from(["a", "b", "code", "%s", "\u2028", "\"", ""]) | TEXT
SCALARS = st.none() | st.booleans() | st.integers() | st.sampled_from([0, 1, -1]) | TEXT
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=6) | st.dictionaries(KEYS, inner, max_size=5),
                      max_leaves=60)
# Arrays of objects drawn from a few keys: the columns the writer is built for.
ROWS = st.lists(st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), VALUES, max_size=4), max_size=8)


def reference(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    # Outside strings json.dumps writes only printable characters and line ends.
    return "".join(ch if ch.isprintable() or ch == "\n" else json.dumps(ch)[1:-1] for ch in text) + "\n"


@settings(max_examples=300, deadline=None)
@given(value=VALUES)
def test_any_value_is_written_as_json_dumps_writes_it(value: Any) -> None:
    text = json_document(value)
    assert text == reference(value)
    assert json.loads(text) == value


@settings(max_examples=200, deadline=None)
@given(rows=ROWS, extra=VALUES)
def test_arrays_of_objects_of_mixed_shapes_are_written_as_json_dumps_writes_them(rows: list[Any], extra: Any) -> None:
    value = {"rows": rows, "nested": [{"rows": rows, "extra": extra}, rows], "extra": extra}
    assert json_document(value) == reference(value)


def test_objects_with_as_many_keys_under_other_names_keep_their_own_keys() -> None:
    value = [{"a": 1, "b": 2}, {"a": 3, "c": 4}, {"b": 5, "a": 6}, {"c": [], "d": {}}, {}]
    assert json_document(value) == reference(value)


def test_a_column_that_mixes_kinds_keeps_each_value_in_its_place() -> None:
    value = [{"v": v} for v in (1, True, "1", None, 0, False, [], [1], {}, {"x": None}, "", -7)]
    assert json_document(value) == reference(value)
    assert '"v": true' in json_document(value) and '"v": 1\n' in json_document(value)


def test_a_constant_column_and_arrays_of_every_length() -> None:
    value = [{"flag": False, "none": None, "items": ["x"] * n, "empty": []} for n in (0, 1, 2, 0, 3)]
    assert json_document(value) == reference(value)


def test_long_columns_are_written_as_short_ones() -> None:
    """The writer cuts columns of more than 512 values into blocks; a block
    boundary must not move, drop or repeat a value."""
    kinds: list[Any] = [None, True, 7, "s\u2028", [], ["a", "b"], {"k": 1}]
    rows = [{"i": i, "v": kinds[i % 7], "items": [{"n": n} for n in range(i % 4)], **({"odd": i} if i % 5 else {})}
            for i in range(2000)]
    value = {"rows": rows, "flat": [row["v"] for row in rows]}
    assert json_document(value) == reference(value)


def test_subclasses_are_written_as_their_base_values() -> None:
    class Level(enum.IntEnum):
        HIGH = 3

    class Tag(str, enum.Enum):
        RED = "red\u2028"

    value = {"level": [Level.HIGH, 4], "tag": [Tag.RED, "blue"]}
    assert json_document(value) == reference({"level": [3, 4], "tag": ["red\u2028", "blue"]})
    counts = [defaultdict(int, a=1), defaultdict(int, b=2), OrderedDict(b=3, a=4)]
    assert json_document(counts) == reference([{"a": 1}, {"b": 2}, {"b": 3, "a": 4}])
    assert [dict(count) for count in counts] == [{"a": 1}, {"b": 2}, {"b": 3, "a": 4}]  # no key added


def test_deep_nesting_and_bare_scalars() -> None:
    deep: Any = "bottom"
    for depth in range(60):
        deep = [deep] if depth % 2 else {"level": deep}
    assert json_document(deep) == reference(deep)
    scalars: list[Any] = ["\u202e", 0, True, None, [], {}]
    for scalar in scalars:
        assert json_document(scalar) == reference(scalar)


def test_invisible_characters_in_keys_and_string_literals_are_escaped() -> None:
    assert json_document({"k\u2028": "\x7f"}) == '{\n  "k\\u2028": "\\u007f"\n}\n'
    assert jsonstr('a"\U000e0001') == '"a\\"\\udb40\\udc01"'
    # A document all ASCII skips the look at each line unless it holds DEL.
    assert json_document({"k": ["a\x7fb", "plain"]}) == '{\n  "k": [\n    "a\\u007fb",\n    "plain"\n  ]\n}\n'


@pytest.mark.parametrize("value", [{"a": b"bytes"}, [object()], {"a": {1.5j}}])
def test_values_a_document_cannot_hold_are_refused(value: Any) -> None:
    with pytest.raises(TypeError):
        json_document(value)


def test_values_orjson_refuses_are_written_as_json_dumps_writes_them() -> None:
    """A lone surrogate and an integer past 64 bits take json.dumps: the same text."""
    value = {"lone": "a\ud800b", "big": 2**70, "list": [-(2**64), "\udfff"]}
    assert json_document(value) == reference(value)
    assert "\\ud800" in json_document(value)  # escaped, as every invisible character is


PROJECTS = [ROOT, *sorted(path.parent for path in (ROOT / "examples").glob("*/errgen.toml"))]


@pytest.mark.parametrize("root", PROJECTS, ids=lambda root: root.name)
def test_the_document_of_every_committed_page_is_plain_json_values(root: Path) -> None:
    pages, _warnings = api.load_pages(load_config(root / "errgen.toml", "errgen.toml"))
    for page in pages:
        assert json.loads(document_text(page)) == document(page), page.source.id
        assert not tuples(document(page)), page.source.id  # a template gets lists


def tuples(value: Any) -> bool:
    if isinstance(value, dict):
        return any(map(tuples, value.values()))
    return isinstance(value, tuple) or isinstance(value, list) and any(map(tuples, value))
