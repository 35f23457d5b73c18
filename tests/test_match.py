"""`lookup` and `match` in the generated Python and TypeScript give the same answers.

Two sources of questions, both asked of the committed `output/` modules (the
files an SDK vendors; `make check` proves they are what the docs give):

- the shared cases in tests/cases/match/<source>.json, written by hand from the
  message shapes on each real page, each with the answer it must get;
- a property over every template on every page: its placeholders filled with
  seeded random values that are free of the template's literal text, so the
  only right answer is that template, its code and exactly those values.

Every question goes to the imported Python module and, in one node run for
the whole file, to the tsc-compiled TypeScript module.
"""

from __future__ import annotations

import functools
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pytest
from support import ROOT, compile_typescript, import_file, load_json, run_node

SOURCES = ("coinm", "usdm", "options", "spot", "spot_zh_cn")
CASES = ROOT / "tests" / "cases" / "match"
OUTPUT = ROOT / "output"
PLACEHOLDER = re.compile(r"[%％][sdbf]|\{(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+)?\}")

Answer = dict[str, Any] | None  # {"code", "template", "args"} or None for no match


@dataclass(frozen=True)
class Query:
    source: str
    text: str
    code: int | None


# ---------------------------------------------------------------- the answers


@pytest.fixture(scope="module")
def python_modules() -> dict[str, ModuleType]:
    return {source: import_file(OUTPUT / "python" / "binance_errors" / f"{source}.py") for source in SOURCES}


def python_match(module: ModuleType, query: Query) -> Answer:
    found = module.match(query.text) if query.code is None else module.match(query.text, query.code)
    if found is None:
        return None
    assert isinstance(found.error, module.ErrorCode) and isinstance(found.args, tuple)
    return {"code": int(found.error), "template": found.template, "args": list(found.args)}


def python_lookup(module: ModuleType, code: int) -> str | None:
    member = module.lookup(code)
    return None if member is None else str(member.name)


NODE_SCRIPT = """
import { readFileSync } from "node:fs";
const { matches, lookups } = JSON.parse(readFileSync("./questions.json", "utf8"));
const modules = {};
for (const source of %s) modules[source] = await import(`./${source}.js`);
const answer = (found) =>
  found === undefined ? null : { code: found.error.code, template: found.template, args: found.args };
console.log(JSON.stringify({
  matches: matches.map(([source, text, code]) =>
    answer(code === null ? modules[source].match(text) : modules[source].match(text, code))),
  lookups: lookups.map(([source, code]) => modules[source].lookup(code)?.identifier ?? null),
}));
"""


@dataclass(frozen=True)
class Answers:
    python: dict[Query, Answer]
    typescript: dict[Query, Answer]
    python_lookups: dict[tuple[str, int], str | None]
    typescript_lookups: dict[tuple[str, int], str | None]


@pytest.fixture(scope="module")
def answers(python_modules: dict[str, ModuleType], tmp_path_factory: pytest.TempPathFactory) -> Answers:
    """Every question of this file, answered by both languages (one tsc, one node)."""
    queries = sorted(
        {case.query for cases in all_cases().values() for case in cases}
        | {fill.query for fills in all_fills().values() for fill in fills},
        key=lambda q: (q.source, q.text, q.code is None, q.code or 0),
    )
    lookups = sorted({(source, code) for source, cases in all_lookups().items() for code, _ in cases})
    out = tmp_path_factory.mktemp("match_ts")
    compile_typescript([OUTPUT / "typescript" / f"{source}.ts" for source in SOURCES], out)
    questions = {"matches": [[q.source, q.text, q.code] for q in queries], "lookups": lookups}
    (out / "questions.json").write_text(json.dumps(questions), encoding="utf-8")
    from_node = run_node(NODE_SCRIPT % json.dumps(SOURCES), out)
    return Answers(
        python={q: python_match(python_modules[q.source], q) for q in queries},
        typescript=dict(zip(queries, from_node["matches"], strict=True)),
        python_lookups={(s, c): python_lookup(python_modules[s], c) for s, c in lookups},
        typescript_lookups=dict(zip(lookups, from_node["lookups"], strict=True)),
    )


# ---------------------------------------------------------- the shared cases


@dataclass(frozen=True)
class Case:
    why: str
    query: Query
    expect: dict[str, Any] | None  # code and args, optionally template; None: no template fits


def case_file(source: str) -> dict[str, Any]:
    document: dict[str, Any] = load_json(CASES / f"{source}.json")
    assert document["source"] == source
    return document


@functools.cache
def all_cases() -> dict[str, list[Case]]:
    return {
        source: [
            Case(case["why"], Query(source, case["text"], case.get("code")), case["expect"])
            for case in case_file(source)["match"]
        ]
        for source in SOURCES
    }


@functools.cache
def all_lookups() -> dict[str, list[tuple[int, str | None]]]:
    return {source: [(c["code"], c["identifier"]) for c in case_file(source)["lookup"]] for source in SOURCES}


def test_there_is_a_case_file_for_every_page_and_no_other() -> None:
    assert sorted(path.stem for path in CASES.glob("*.json")) == sorted(SOURCES)
    for source in SOURCES:
        cases = all_cases()[source]
        assert any(case.expect is None for case in cases), f"{source}: no text that must not match"
        assert any(case.query.code is not None for case in cases), f"{source}: no case with a code"
        assert any(identifier is None for _, identifier in all_lookups()[source]), f"{source}: no unlisted code"


def shown(expect: dict[str, Any] | None, answer: Answer) -> Answer:
    """The answer reduced to what the case states (code and args, template when given)."""
    if answer is None or expect is None:
        return answer
    return {key: answer[key] for key in expect}


@pytest.mark.parametrize("source", SOURCES)
def test_match_answers_every_shared_case_the_same_in_both_languages(source: str, answers: Answers) -> None:
    wrong = []
    for case in all_cases()[source]:
        for language, answered in (("python", answers.python), ("typescript", answers.typescript)):
            got = shown(case.expect, answered[case.query])
            if got != case.expect:
                wrong.append(f"{language}: {case.why}\n  {case.query}\n  expected {case.expect}\n  got      {got}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("source", SOURCES)
def test_lookup_finds_listed_codes_and_none_for_unlisted_ones(source: str, answers: Answers) -> None:
    for code, identifier in all_lookups()[source]:
        assert answers.python_lookups[source, code] == identifier, (source, code)
        assert answers.typescript_lookups[source, code] == identifier, (source, code)


# ------------------------------------------------------------- the property


@dataclass(frozen=True)
class Template:
    codes: tuple[int, ...]
    text: str
    pattern: re.Pattern[str]
    literal_length: int


@dataclass(frozen=True)
class Fill:
    template: Template
    args: tuple[str, ...]
    query: Query


@functools.cache
def page_templates(source: str) -> list[Template]:
    """Every template of the page, read from the JSON contract: messages, then table rows."""
    document = load_json(OUTPUT / "json" / f"{source}.json")
    listed = {error["code"] for error in document["errors"]}
    rows = [((e["code"],), m["text"], m) for e in document["errors"] for m in e["messages"]]
    for table in document["message_tables"]:
        codes = tuple(code for code in table["codes"] if code in listed)
        rows += [(codes, row["message"], row) for row in table["rows"]] if codes else []
    return [
        Template(codes, text, re.compile(entry["pattern"], re.DOTALL), len("".join(PLACEHOLDER.split(text))))
        for codes, text, entry in rows
    ]


# Values an API puts in placeholders: numbers, symbols, quoted words,
# timestamps, text with spaces, and text that is syntax somewhere.
VALUE_PIECES = (
    "5", "1200", "-0.001", "1e-8", "27512.30", "BTCUSDT", "ETH_USDT", "BTC-240628-60000-C", "btcusdt",
    "'symbol'", '"quantity"', "`side`", "1700000000000", "2024-01-01T00:00:00Z", "1 MINUTE",
    "quantity is too high", "LIMIT_MAKER", "newClientOrderId", "%s", "%d", "{param}", "\\d+", "$1", "$&",
    "(.*)", "[", "]", "*", "?", "|", "^", ".", "'", "\"", "  ", "\t", "\n", "\u2028", "\u00a0", "价格",
    "，", "🚀", "Ü", "e\u0301", "<A>", "&amp;",
)
SAMPLES = 8  # fills per template with placeholders


def random_value(rng: random.Random) -> str:
    return rng.choice(("", " ")).join(rng.choice(VALUE_PIECES) for _ in range(rng.randint(1, 3)))


def unambiguous(literals: list[str], values: list[str]) -> bool:
    """No value holds a piece of the template's literal text, or ends in a way
    that makes the next literal start earlier than after the value."""
    free = all(piece not in value for value in values for piece in literals if piece)
    pairs = [(value, after) for value, after in zip(values, literals[1:]) if after]
    return free and all((value + after).find(after) == len(value) for value, after in pairs)


def filled(literals: list[str], values: list[str] | tuple[str, ...]) -> str:
    return "".join(literal + value for literal, value in zip(literals, [*values, ""]))


def fills_of(template: Template, others: list[Template], rng: random.Random) -> Iterator[tuple[str, ...]]:
    literals = PLACEHOLDER.split(template.text)
    if len(literals) == 1:
        yield ()
        return
    produced = 0
    for _ in range(SAMPLES * 100):  # bounded: a template no fill can single out fails, not hangs
        values = [random_value(rng) for _ in literals[1:]]
        text = filled(literals, values)
        # A fill that another template (with as many literal characters) also
        # fits has another right answer: leave it to the shared cases.
        rivals = [o for o in others if o.literal_length >= template.literal_length and o.pattern.fullmatch(text)]
        if unambiguous(literals, values) and not rivals:
            produced += 1
            yield tuple(values)
            if produced == SAMPLES:
                return
    raise AssertionError(f"no {SAMPLES} unambiguous fills for {template.text!r}")


@functools.cache
def all_fills() -> dict[str, list[Fill]]:
    fills: dict[str, list[Fill]] = {}
    for source in SOURCES:
        templates = page_templates(source)
        fills[source] = []
        for index, template in enumerate(templates):
            others = [other for other in templates if other.text != template.text]
            rng = random.Random(f"{source}:{index}")
            for args in fills_of(template, others, rng):
                text = filled(PLACEHOLDER.split(template.text), args)
                fills[source] += [Fill(template, args, Query(source, text, code)) for code in (None, *template.codes)]
    return fills


@pytest.mark.parametrize("source", SOURCES)
def test_every_template_filled_with_random_values_gives_back_its_code_and_values(
    source: str, answers: Answers
) -> None:
    fills = all_fills()[source]
    assert {fill.template.text for fill in fills} == {template.text for template in page_templates(source)}
    wrong = []
    for fill in fills:
        owners = {code for t in page_templates(source) if t.text == fill.template.text for code in t.codes}
        for language, answered in (("python", answers.python), ("typescript", answers.typescript)):
            got = answered[fill.query]
            right = (
                got is not None
                and got["template"] == fill.template.text
                and got["args"] == list(fill.args)
                and (got["code"] == fill.query.code if fill.query.code is not None else got["code"] in owners)
            )
            if not right:
                wrong.append(f"{language}: {fill.query!r} -> {got!r}, expected args {fill.args!r}")
    assert not wrong, f"{len(wrong)} wrong answers, first ones:\n" + "\n".join(wrong[:20])


def test_both_languages_give_identical_answers_to_every_question(answers: Answers) -> None:
    differ = [(q, p, answers.typescript[q]) for q, p in answers.python.items() if p != answers.typescript[q]]
    assert not differ, differ[:10]
