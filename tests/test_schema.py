"""The JSON Schema shipped in output/json/ describes every document errgen
writes: the real pages, the golden cases, hostile pages and generated ones."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from errgen.diagnostics import ErrgenError
from errgen.targets.json.filters import json_document
from errgen.verbs import api
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from support import CORPUS, ROOT, SEED, load_json

SCHEMA = load_json(ROOT / "output" / "json" / "page.schema.json")
VALIDATOR = Draft202012Validator(SCHEMA)
COMMITTED = sorted(path for path in (ROOT / "output" / "json").glob("*.json") if path.name != "page.schema.json")
PAGES = [SEED, *sorted(CORPUS.glob("*.md")), *sorted(CORPUS.glob("*.mdx")), *sorted((ROOT / "tests" / "cases").glob("*/*/input.md*"))]


def errors_in(document: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(document)]


def dumped(path: Path) -> Any:
    text, _ = api.dump(path)
    return json.loads(text)


def test_the_schema_is_draft_2020_12_and_names_itself() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] == "urn:errgen:schema:page:3"


@pytest.mark.parametrize("path", COMMITTED, ids=lambda path: path.name)
def test_every_committed_document_is_valid_and_names_the_schema_beside_it(path: Path) -> None:
    document = load_json(path)

    assert errors_in(document) == []
    assert (path.parent / document["$schema"]).is_file()
    assert document["$id"] == f"urn:errgen:page:{path.stem}"


def test_committed_documents_cover_every_source() -> None:
    assert [path.stem for path in COMMITTED] == sorted(["coinm", "usdm", "options", "spot", "spot_zh_cn", "sapi", "papi"])


def test_every_real_page_and_golden_case_dumps_to_a_valid_document() -> None:
    invalid = {}
    for path in PAGES:
        try:
            document = dumped(path)
        except ErrgenError:
            continue  # a case that is an error by design writes no document
        invalid.update({f"{path}: {message}": None for message in errors_in(document)})
    assert list(invalid) == []


def test_a_file_stem_that_is_no_module_name_still_gives_a_valid_id(tmp_path: Path) -> None:
    page = tmp_path / "Binance spot (2026).md"
    page.write_bytes(SEED.read_bytes())

    document = dumped(page)

    assert document["$id"] == "urn:errgen:page:Binance%20spot%20%282026%29"
    assert errors_in(document) == []


REFERENCE = dumped(SEED)


def mutated(change: str) -> Any:
    """The reference document with one thing wrong, as a consumer might meet it."""
    document = copy.deepcopy(REFERENCE)
    error = document["errors"][0]
    message = error["messages"][0]
    {
        "no errors key": lambda: document.pop("errors"),
        "an unknown key": lambda: document.update(extra=1),
        "an unknown key in an error": lambda: error.update(extra=1),
        "a code as text": lambda: error.update(code="-1000"),
        "an unsafe integer code": lambda: error.update(code=-(2**53)),
        "a lower-case identifier": lambda: error.update(identifier="unknown"),
        "a regular expression": lambda: message.update(pattern="^(a+)+$"),
        "an empty placeholder": lambda: message.update(placeholders=[""]),
        "an HTTP status that is none": lambda: message.update(http_status=42),
        "a string code type with integer codes": lambda: document.update(code_type="str"),
        "no code type": lambda: document.pop("code_type"),
        "line 0": lambda: error.update(line=0),
        "another schema version": lambda: document.update(schema_version=1),
        "a short sha256": lambda: document["source"].update(sha256="abc"),
        "an id that is no URN": lambda: document.update({"$id": "coinm"}),
    }[change]()
    return document


@pytest.mark.parametrize("change", [
    "no errors key", "an unknown key", "an unknown key in an error", "a code as text", "an unsafe integer code",
    "a lower-case identifier", "a regular expression", "an empty placeholder", "an HTTP status that is none",
    "a string code type with integer codes", "no code type", "line 0",
    "another schema version", "a short sha256", "an id that is no URN",
])
def test_the_schema_rejects_a_document_with(change: str) -> None:
    assert errors_in(REFERENCE) == []
    assert errors_in(mutated(change)) != []


HOSTILE_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A page of codes whose names and messages are any text at all."""
    codes = draw(st.lists(st.integers(-99999, 99999), min_size=1, max_size=5, unique=True))
    lines = ["# Error codes", ""]
    for code in codes:
        name = draw(HOSTILE_TEXT).replace("\n", " ")
        lines += [f"## {code} {name}", ""]
        lines += [f"* {draw(HOSTILE_TEXT)}" for _ in range(draw(st.integers(0, 3)))]
        lines.append("")
    return "\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(page=pages())
def test_any_page_errgen_accepts_gives_a_valid_document(page: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("page") / "page.md"
    path.write_text(page, encoding="utf-8", newline="")
    try:
        document = dumped(path)
    except ErrgenError:
        return  # rejected with diagnostics: nothing written, nothing to validate
    assert errors_in(document) == []


@pytest.mark.parametrize("path", COMMITTED, ids=lambda path: path.name)
def test_the_document_writer_writes_what_json_dumps_writes(path: Path) -> None:
    """json_document is written by hand for speed; json.dumps is the reference
    (the documents hold no invisible characters, which only json_document escapes)."""
    text = path.read_text(encoding="utf-8")
    assert json_document(json.loads(text)) == json.dumps(json.loads(text), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_the_document_writer_escapes_invisible_characters_inside_strings_only() -> None:
    value = {"b": ["line\u2028sep", "bidi\u202e", "tab\t\x00", '"q"\\'], "a": {"z": None, "y": [True, False, -3, []]}, "c": {}}
    expected = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True).replace("\u2028", "\\u2028")
    assert json_document(value) == expected.replace("\u202e", "\\u202e") + "\n"
