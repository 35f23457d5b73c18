"""The near tier on random drift of every documented message of the USD-M page.

Within the threshold (rows.py: NEAR_*) a perturbed message under its code finds
its own template: a typo in one word, two neighbouring words swapped, up to two
words of context added, a trailing clause of at most a third of the tokens
dropped. Past it (most words replaced) near answers nothing, and under another
code near answers only with that code's templates. Other tiers may answer first
(a shortened text can be another template exactly): test_match.py's oracle
checks those; here a non-near answer is only required to exist within the
threshold. Python only: tests/cases/match holds the cases both runtimes share.

Besides the random draws, every documented message of every committed page
goes through every single drift of each kind that a few lines can enumerate
(each clause cut, each neighbouring pair swapped, a letter changed in each word):
that sweep found templates whose words were read wrongly, which 300 draws had not.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from support import ROOT, import_file

PAGE = "usdm"
TOKEN = re.compile(r"\S+")
JUNK = st.text(alphabet="qxzjvw", min_size=5, max_size=8)  # no word of the page is one edit from these


@pytest.fixture(scope="module")
def module() -> ModuleType:
    return import_file(ROOT / "output" / "python" / "binance_errors" / f"{PAGE}.py")


def documented(source: str = PAGE) -> list[tuple[int, str, str]]:
    """(code, template, its text with placeholders filled), for messages of 6
    words or more whose code has no other template (so the right one is clear)."""
    page: dict[str, Any] = json.loads((ROOT / "output" / "json" / f"{source}.json").read_text(encoding="utf-8"))
    found = []
    for error in page["errors"]:
        if len(error["messages"]) != 1:
            continue
        template = text = error["messages"][0]["text"]
        for placeholder in error["messages"][0]["placeholders"]:
            text = text.replace(placeholder, "42", 1)
        if len(TOKEN.findall(text)) >= 6:
            found.append((error["code"], template, text))
    return found


DOCUMENTED = documented()
CODES = sorted({code for code, _, _ in DOCUMENTED})


def typo(words: list[str], data: st.DataObject) -> list[str]:
    candidates = [at for at, word in enumerate(words) if word.isascii() and word.isalpha() and len(word) >= 5]
    assume(candidates)
    at = data.draw(st.sampled_from(candidates))
    word = words[at]
    inside = data.draw(st.integers(1, len(word) - 2))
    letter = data.draw(st.sampled_from([ch for ch in "abcdefghijklmnopqrstuvwxyz" if ch != word[inside].lower()]))
    return [*words[:at], word[:inside] + letter + word[inside + 1:], *words[at + 1:]]


def swapped(words: list[str], data: st.DataObject) -> list[str]:
    at = data.draw(st.integers(0, len(words) - 2))
    return [*words[:at], words[at + 1], words[at], *words[at + 2:]]


def added(words: list[str], data: st.DataObject) -> list[str]:
    result = list(words)
    for _ in range(data.draw(st.integers(1, 2))):
        result.insert(data.draw(st.integers(1, len(result))), data.draw(JUNK))
    return result


def dropped(words: list[str], data: st.DataObject) -> list[str]:
    return words[: len(words) - data.draw(st.integers(1, len(words) // 3))]


DRIFT = {"typo": typo, "order": swapped, "context": added, "clause": dropped}


# Every committed page: a new one is swept too.
PAGES = sorted(path.stem for path in (ROOT / "output" / "json").glob("*.json") if path.stem != "page.schema")


def every_drift(words: list[str]) -> Iterator[tuple[str, list[str]]]:
    """Each drift within the threshold that one change makes: a trailing clause of up
    to a third of the tokens cut, two neighbours swapped, one letter of a word changed."""
    for cut in range(1, len(words) // 3 + 1):
        yield "clause", words[: len(words) - cut]
    for at in range(len(words) - 1):
        yield "order", [*words[:at], words[at + 1], words[at], *words[at + 2:]]
    for at, word in enumerate(words):
        if word.isascii() and word.isalpha() and len(word) >= 5:
            inside = len(word) // 2
            letter = "q" if word[inside].lower() != "q" else "z"
            yield "typo", [*words[:at], word[:inside] + letter + word[inside + 1:], *words[at + 1:]]


@pytest.mark.parametrize("page", PAGES)
def test_every_single_drift_of_every_documented_message_finds_its_own_template(page: str) -> None:
    module = import_file(ROOT / "output" / "python" / "binance_errors" / f"{page}.py")
    missed = []
    for code, template, text in documented(page):
        for kind, words in every_drift(TOKEN.findall(text)):
            found = module.match(" ".join(words), code)
            if found is None or (found.kind == "near" and (found.error, found.template) != (code, template)):
                missed.append((kind, " ".join(words), found))
    assert not missed, missed[:5]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(DOCUMENTED), st.sampled_from(sorted(DRIFT)), st.data())
def test_drift_within_the_threshold_finds_its_own_template(
    module: ModuleType, message: tuple[int, str, str], kind: str, data: st.DataObject
) -> None:
    code, template, text = message
    drifted = " ".join(DRIFT[kind](TOKEN.findall(text), data))
    found = module.match(drifted, code)
    assert found is not None, (kind, drifted)
    if found.kind == "near":
        assert (found.error, found.template) == (code, template), (kind, drifted, found)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(DOCUMENTED), st.data())
def test_drift_past_the_threshold_is_not_near(
    module: ModuleType, message: tuple[int, str, str], data: st.DataObject
) -> None:
    code, _, text = message
    words = TOKEN.findall(text)
    kept = data.draw(st.sets(st.integers(0, len(words) - 1), max_size=int(0.35 * len(words))))
    drifted = " ".join(word if at in kept else data.draw(JUNK) for at, word in enumerate(words))
    found = module.match(drifted, code)
    assert found is None or found.kind != "near", (drifted, found)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(DOCUMENTED), st.sampled_from(CODES), st.sampled_from(sorted(DRIFT)), st.data())
def test_near_never_answers_with_another_codes_template(
    module: ModuleType, message: tuple[int, str, str], other: int, kind: str, data: st.DataObject
) -> None:
    code, _, text = message
    assume(other != code)
    drifted = " ".join(DRIFT[kind](TOKEN.findall(text), data))
    found = module.match(drifted, other)
    if found is not None and found.kind == "near":
        assert other in found.codes and found.error == other, (drifted, other, found)
