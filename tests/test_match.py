"""`lookup` and `match` in the generated Python and TypeScript give the same answers.

Two sources of questions, both asked of the committed `output/` modules (the
files an SDK vendors; `make check` proves they are what the docs give):

- the shared cases in tests/cases/match/<source>.json, written by hand from the
  message shapes on each real page, each with the answer it must get: every
  tier (exact, loose, prefix), the fallback across codes, `Match.codes`, and
  the adversarial inputs that made the old backtracking patterns hang;
- a property over every template on every page: its placeholders filled with
  seeded random values that are free of the template's literal text, so the
  only right answer is that template, its code and exactly those values (and
  the values a lazy `(.+?)` pattern gives: the matcher does not backtrack, yet
  reads the same); then the text perturbed the ways servers differ from their
  docs, answered as an independent reading of DESIGN.md's tiers says.

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

# {"code", "template", "args", "kind", "rest", "codes"} or None for no match;
# "code" is Match.error, the code the template is documented under.
Answer = dict[str, Any] | None


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
    assert all(isinstance(code, module.ErrorCode) for code in found.codes)
    return {"code": int(found.error), "template": found.template, "args": list(found.args), "kind": found.kind,
            "rest": found.rest, "codes": [int(code) for code in found.codes]}


def python_lookup(module: ModuleType, code: int) -> str | None:
    member = module.lookup(code)
    return None if member is None else str(member.name)


NODE_SCRIPT = """
import { readFileSync } from "node:fs";
const { matches, lookups } = JSON.parse(readFileSync("./questions.json", "utf8"));
const modules = {};
for (const source of %s) modules[source] = await import(`./${source}.js`);
const answer = (found) =>
  found === undefined ? null : { code: found.error.code, template: found.template, args: found.args,
                                 kind: found.kind, rest: found.rest, codes: found.codes };
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
        | {fill.query for fills in all_fills().values() for fill in fills}
        | {query for perturbed in all_perturbed().values() for query, _ in perturbed},
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


def expanded(value: Any) -> Any:
    """A case's long text or value, written as `{"repeat": [[piece, times], …]}`, spelt out."""
    if isinstance(value, dict) and "repeat" in value:
        return "".join(piece * times for piece, times in value["repeat"])
    if isinstance(value, list):
        return [expanded(item) for item in value]
    if isinstance(value, dict):
        return {key: expanded(item) for key, item in value.items()}
    return value


@functools.cache
def all_cases() -> dict[str, list[Case]]:
    """A case's text is `text`, then its `repeat` pieces (the adversarial 100 KB messages)."""
    return {
        source: [
            Case(case["why"], Query(source, case["text"] + expanded({"repeat": case.get("repeat", [])}),
                                    case.get("code")), expanded(case["expect"]))
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
    kinds = {case.expect["kind"] for cases in all_cases().values() for case in cases if case.expect and "kind" in case.expect}
    assert kinds == {"exact", "loose", "prefix", "near"}
    assert any(case.expect and len(case.expect.get("codes", [])) > 1 for case in all_cases()["spot"])


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
    placeholders: tuple[str, ...] = ()


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
        Template(codes, text, _lazy_pattern(entry["literals"]), len("".join(PLACEHOLDER.split(text))),
                 tuple(entry["placeholders"]))
        for codes, text, entry in rows
    ]


def _lazy_pattern(literals: list[str]) -> re.Pattern[str]:
    """The backtracking regex the JSON once published (schema 2's `pattern`): the oracle
    the tests compare the linear matcher with, built from the published literals."""
    return re.compile("^" + "(.+?)".join(re.escape(piece) for piece in literals) + "$", re.DOTALL)


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
            lazy = fill.template.pattern.fullmatch(fill.query.text)  # what a backtracking `(.+?)` reads
            right = (
                got is not None
                and got["template"] == fill.template.text
                and got["kind"] == "exact"
                and got["args"] == list(fill.args)
                and lazy is not None and got["args"] == list(lazy.groups())
                and (got["code"] == fill.query.code if fill.query.code is not None else got["code"] in owners)
            )
            if not right:
                wrong.append(f"{language}: {fill.query!r} -> {got!r}, expected args {fill.args!r}")
    assert not wrong, f"{len(wrong)} wrong answers, first ones:\n" + "\n".join(wrong[:20])


def test_both_languages_give_identical_answers_to_every_question(answers: Answers) -> None:
    differ = [(q, p, answers.typescript[q]) for q, p in answers.python.items() if p != answers.typescript[q]]
    assert not differ, differ[:10]



# ------------------------------------------- perturbed texts, and the oracle
#
# DESIGN.md's tiers read independently of the runtimes: the fold walks the
# text character by character (the runtimes use two regular expressions and a
# position map), and each template is a backtracking regular expression over
# short texts (the runtimes never backtrack).

SPACES = " \t\n\r\x0b\x0c\xa0"
ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


def spec_fold(text: str) -> str:
    """Runs of whitespace to one space, none next to ASCII punctuation or at the
    ends; a leading A-Z lowered; one trailing period dropped."""
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] not in SPACES:
            out.append(text[i])
            i += 1
            continue
        j = i
        while j < len(text) and text[j] in SPACES:
            j += 1
        before, after = text[i - 1] if i else "", text[j] if j < len(text) else ""
        if before and after and before not in ASCII_PUNCTUATION and after not in ASCII_PUNCTUATION:
            out.append(" ")
        i = j
    folded = "".join(out)
    if folded[:1].isascii() and folded[:1].isupper():
        folded = folded[0].lower() + folded[1:]
    return folded.removesuffix(".")


@dataclass(frozen=True)
class Ranked:
    codes: tuple[int, ...]
    text: str
    exact: re.Pattern[str]
    loose: re.Pattern[str]  # fullmatch: loose; match: prefix
    last_piece: str  # the folded template's text after its last placeholder


@functools.cache
def ranked_templates(source: str) -> list[Ranked]:
    """One per text, owned by every code that lists it; most literal characters first, ties in page order."""
    merged: dict[str, tuple[list[int], Template]] = {}
    for template in page_templates(source):
        owners, _ = merged.setdefault(template.text, ([], template))
        owners += [code for code in template.codes if code not in owners]
    order = sorted(merged.values(), key=lambda entry: -entry[1].literal_length)  # stable: page order
    ranked = []
    for owners, template in order:
        pieces, rest = [], template.text
        for placeholder in template.placeholders:
            before, _, rest = rest.partition(placeholder)
            pieces.append(before)
        pieces.append(rest)
        folded = spec_fold("\x00".join(pieces)).split("\x00")
        # A space beside a placeholder may go with the value's punctuation: the piece does without it.
        folded = [(piece.lstrip(" ") if i else piece) for i, piece in enumerate(folded)]
        folded = [(piece.rstrip(" ") if i < len(folded) - 1 else piece) or original
                  for i, (piece, original) in enumerate(zip(folded, spec_fold("\x00".join(pieces)).split("\x00")))]
        loose = re.compile("(.+?)".join(re.escape(piece) for piece in folded), re.DOTALL)
        ranked.append(Ranked(tuple(owners), template.text, template.pattern, loose, folded[-1]))
    return ranked


def oracle(source: str, text: str, code: int | None) -> Answer:
    """The answer DESIGN.md's tiers give, without values and rest (kind, template, codes, error)."""
    templates = ranked_templates(source)
    own = [t for t in templates if code in t.codes]
    folded = spec_fold(text)
    for group in ([own] if own else []) + [templates]:
        for kind in ("exact", "loose", "prefix"):
            for template in group:
                if kind == "exact":
                    fits = template.exact.fullmatch(text) is not None
                elif kind == "loose":
                    fits = template.loose.fullmatch(folded) is not None
                else:
                    found = template.loose.match(folded)
                    end = -1 if found is None else found.end()
                    fits = (found is not None and template.last_piece != "" and end < len(folded)
                            and (is_boundary(template.last_piece[-1]) or is_boundary(folded[end])))
                if fits:
                    error = code if code in template.codes else template.codes[0]
                    return {"code": error, "template": template.text, "kind": kind, "codes": list(template.codes)}
    return None


def is_boundary(ch: str) -> bool:
    """DESIGN.md: white space, or punctuation other than `_` and `-`."""
    return ch == " " or (ch.isascii() and not ch.isalnum() and ch.isprintable() and ch not in "_-")


def perturbations(text: str, rng: random.Random) -> list[str]:
    """The ways servers' texts differ from their docs (those that apply to `text`)."""
    found = [text[:-1] if text.endswith(".") else text + "."]
    if text[:1].isascii() and text[:1].isalpha():
        found.append(text[:1].swapcase() + text[1:])
    if " (" in text:
        found.append(text.replace(" (", "(", 1))
    elif "(" in text[1:]:
        found.append(text.replace("(", " (", 1))
    found.append(text + rng.choice((", request ip: 1.2.3.4", " The order will not be recorded in the order history")))
    return [variant for variant in found if variant != text]


@functools.cache
def all_perturbed() -> dict[str, list[tuple[Query, Template]]]:
    """Each filled template's text perturbed every way that applies, with and without its code."""
    perturbed: dict[str, list[tuple[Query, Template]]] = {}
    for source, fills in all_fills().items():
        rng = random.Random(f"perturb:{source}")
        perturbed[source] = [
            (Query(source, variant, fill.query.code), fill.template)
            for fill in fills
            for variant in perturbations(fill.query.text, rng)
        ]
    return perturbed


def comparable(answer: Answer) -> Answer:
    return None if answer is None else {key: answer[key] for key in ("code", "template", "kind", "codes")}


@pytest.mark.parametrize("source", SOURCES)
def test_perturbed_texts_get_the_answer_the_tiers_give_and_mostly_their_own_template(
    source: str, answers: Answers
) -> None:
    wrong, own_template = [], 0
    perturbed = all_perturbed()[source]
    for query, template in perturbed:
        expected = oracle(source, query.text, query.code)
        own_template += expected is not None and expected["template"] == template.text
        for language, answered in (("python", answers.python), ("typescript", answers.typescript)):
            got = answered[query]
            if expected is None and got is not None and got["kind"] == "near":
                # No exact, loose or prefix fit: the near tier may find the text's own template, under its code.
                if got["template"] != template.text or query.code not in got["codes"]:
                    wrong.append(f"{language}: {query!r}\n  near another template: {comparable(got)}")
                continue
            if comparable(got) != expected:
                wrong.append(f"{language}: {query!r}\n  expected {expected}\n  got      {comparable(got)}")
            elif got is not None and got["kind"] == "prefix":
                assert query.text.endswith(got["rest"]) and got["rest"].strip(), (query, got)
    assert not wrong, f"{len(wrong)} wrong answers, first ones:\n" + "\n".join(wrong[:20])
    # A perturbed text can fit a more specific template of the page instead
    # (the oracle says so too); nearly always it is still its own.
    assert own_template >= 0.9 * len(perturbed), (own_template, len(perturbed))


def test_the_oracle_fold_is_the_generators_fold_on_hostile_text() -> None:
    from errgen.targets.rows import fold

    rng = random.Random("fold")
    alphabet = [" ", "  ", "\t", "\n", "\xa0", "\u2028", ".", "(", ")", ",", ":", "A", "a", "Z", "1", "价", "É", "-"]
    texts = ["", " ", ".", "..", " . ", "A", "Ab.", " (x) ", "a , b", "x\t\n(y"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    assert [fold(text) for text in texts] == [spec_fold(text) for text in texts]


# ------------------------------------------------ templates built to be slow
#
# What made the old backtracking patterns explode, as templates of a page built
# here: adjacent placeholders, thousands of placeholders (TypeScript's RegExp
# overflowed its stack), a template that starts with a placeholder. The answers
# are checked here; how long they take is `make bench`'s business.

# (templates of one page, [(text, answer)]): adjacent placeholders fit any
# text of eight characters or more loosely, so they have a page of their own.
ADVERSARIAL = [
    (("%s%s%s%s%s%s%s%s.",), [
        ("a" * 60 + ".", {"template": "%s%s%s%s%s%s%s%s.", "args": ["a"] * 7 + ["a" * 53], "kind": "exact"}),
        ("a" * 60, {"template": "%s%s%s%s%s%s%s%s.", "args": ["a"] * 7 + ["a" * 53], "kind": "loose"}),
        ("abcdefg.", None),
    ]),
    (("x%s" * 4000 + "x", "%s is not a valid symbol"), [
        ("x1" * 4000 + "x", {"template": "x%s" * 4000 + "x", "args": ["1"] * 4000, "kind": "exact"}),
        ("x1" * 3999 + "x", None),
        ("BTC is not a valid symbol", {"template": "%s is not a valid symbol", "args": ["BTC"], "kind": "exact"}),
        ("b" * 100_000, None),
    ]),
]


@pytest.mark.parametrize(("templates", "queries"), ADVERSARIAL, ids=("adjacent", "thousands"))
def test_templates_built_to_backtrack_answer_alike_in_both_languages(
    templates: tuple[str, ...], queries: list[tuple[str, Answer]], tmp_path: Path
) -> None:
    from errgen import targets
    from errgen.assemble.patterns import message_from_text
    from errgen.model import ErrorCode, ErrorPage, Source

    errors = tuple(ErrorCode(-(n + 1), f"SLOW_{n}", f"SLOW_{n}", None, (message_from_text(text, 1, 1),), "", 1, 1)
                   for n, text in enumerate(templates))
    page = ErrorPage(Source("slow", "docs_src/slow.md", "0" * 64), "Slow", (), errors, ())
    python = targets.get("python").render([page], targets.get("python").context(python_package="pkg"))
    (tmp_path / "slow.py").write_text(python["pkg/slow.py"], encoding="utf-8")
    module = import_file(tmp_path / "slow.py")
    (tmp_path / "slow.ts").write_text(targets.get("typescript").render([page], targets.get("typescript").context())
                                      ["slow.ts"], encoding="utf-8")
    compile_typescript([tmp_path / "slow.ts"], tmp_path / "out")
    (tmp_path / "out" / "texts.json").write_text(json.dumps([text for text, _ in queries]))
    from_node = run_node(
        'import { readFileSync } from "node:fs";\nimport { match } from "./slow.js";\n'
        'const texts = JSON.parse(readFileSync("./texts.json", "utf8"));\n'
        "console.log(JSON.stringify(texts.map((text) => { const m = match(text);\n"
        "  return m === undefined ? null : { template: m.template, args: m.args, kind: m.kind }; })));\n",
        tmp_path / "out",
    )
    for (text, expected), node_answer in zip(queries, from_node, strict=True):
        found = module.match(text)
        python_answer = None if found is None else {"template": found.template, "args": list(found.args),
                                                    "kind": found.kind}
        assert python_answer == expected, text[:40]
        assert node_answer == expected, text[:40]
