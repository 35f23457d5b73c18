"""The loose fold is decided once (errgen's rows.py) and run by the runtimes on that data.

errgen folds each template with `rows.fold`; the generated Python module folds a
server's text with its `_fold` and maps folded indexes back with `_positions`.
These properties hold for any text: the two folds agree, the fold does what
DESIGN.md's loose tier says, and the map points every folded character at the
character of the text it came from. (The TypeScript runtime runs the same steps
on the same data; tests/test_match.py proves its answers equal Python's.)
"""

from __future__ import annotations

import re
from types import ModuleType

import pytest
from errgen.targets import rows
from hypothesis import given, settings
from hypothesis import strategies as st
from support import ROOT, import_file

# Texts made of the characters the fold treats differently, and a few others.
TEXTS = st.text(alphabet=st.sampled_from(list(" \t\n\xa0\r.,:;_-()'aAbZé\u00e9😀9")), max_size=40)


@pytest.fixture(scope="module")
def spot() -> ModuleType:
    module = import_file(ROOT / "output" / "python" / "binance_errors" / "spot.py")
    module.match("")  # builds the index and the patterns `_fold` uses
    return module


def reference_fold(text: str) -> str:
    """DESIGN.md's loose fold, written independently: runs of white space to one
    space, none next to ASCII punctuation, ends trimmed, a leading A-Z lowered,
    one trailing period dropped."""
    punctuation = re.escape(rows.PUNCTUATION)
    text = re.sub(f"[{re.escape(rows.SPACES)}]+", " ", text).strip(" ")
    text = re.sub(f" ?([{punctuation}]) ?", r"\1", text)
    text = text[:1].lower() + text[1:] if "A" <= text[:1] <= "Z" else text
    return text.removesuffix(".")


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_the_runtime_folds_a_text_as_errgen_folds_a_template(spot: ModuleType, text: str) -> None:
    folded, marked = spot._fold(text)
    assert folded == rows.fold(text) == reference_fold(text)
    assert len(marked) == len(text)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_each_folded_character_maps_to_the_character_it_came_from(spot: ModuleType, text: str) -> None:
    folded, marked = spot._fold(text)
    original = spot._positions(marked)
    places = [original(index) for index in range(len(folded))]
    assert places == sorted(set(places))  # in order, never two on one character
    for index, place in enumerate(places):
        if folded[index] == " ":
            assert text[place] in rows.SPACES
        elif index == 0:
            assert text[place].lower() == folded[index]
        else:
            assert text[place] == folded[index]
