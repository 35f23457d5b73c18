"""The reference page (COIN-M futures) read by the parser, checked against an
independent line-by-line reading of the same file and against its known quirks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from errgen.model import ErrorPage
from errgen.pipeline import PageOptions, parse_page
from errgen.read.source import read_source
from support import ROOT, SEED

PAGE_PATH = ROOT / "docs_src" / "binance-coinm.md"


def independent_reading(path: Path) -> list[tuple[int, str, str, list[str]]]:
    """(code, name, category heading, messages) as a person reads this page's form.

    This page is regular: `### ` category headings, `#### \\-CODE NAME` code
    headings and `-   ` bullets, one line each; Markdown escapes are `\\` before
    punctuation and code spans are backticks.
    """

    def plain(text: str) -> str:
        return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text).replace("`", "").strip()

    codes: list[tuple[int, str, str, list[str]]] = []
    category = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            category = plain(line[4:])
        elif line.startswith("#### "):
            number, _, name = plain(line[5:]).partition(" ")
            codes.append((int(number), name, category, []))
        elif line.startswith("-   ") and codes:
            codes[-1][3].append(plain(line[4:]))
    return codes


@pytest.fixture(scope="module")
def page() -> ErrorPage:
    parsed, diagnostics = parse_page(read_source(PAGE_PATH, "docs_src/binance-coinm.md"), PageOptions("coinm"))
    assert diagnostics == []
    return parsed


def test_docs_src_holds_the_reference_page_byte_for_byte() -> None:
    assert PAGE_PATH.read_bytes() == SEED.read_bytes()


def test_every_code_name_and_message_matches_an_independent_reading(page: ErrorPage) -> None:
    titles = {category.id: category.title for category in page.categories}
    parsed = [
        (error.code, error.name, titles[error.category or ""], [m.text for m in error.messages])
        for error in page.errors
    ]
    assert parsed == independent_reading(PAGE_PATH)


def test_counts_are_those_of_the_published_page(page: ErrorPage) -> None:
    assert len(page.errors) == 152
    assert sum(len(error.messages) for error in page.errors) == 187
    assert [c.title for c in page.categories] == [
        "10xx - General Server or Network issues",
        "11xx - Request issues",
        "20xx - Processing Issues",
        "40xx - Filters and other Issues",
    ]


def by_code(page: ErrorPage, code: int) -> tuple[str, str, tuple[str, ...]]:
    (error,) = [e for e in page.errors if e.code == code]
    return error.name, error.identifier, tuple(m.text for m in error.messages)


def test_a_phrase_name_is_kept_as_published_and_gives_a_snake_identifier(page: ErrorPage) -> None:
    name, identifier, _ = by_code(page, -1008)
    assert (name, identifier) == ("Request Throttled", "REQUEST_THROTTLED")


def test_a_typo_in_a_published_name_is_the_name(page: ErrorPage) -> None:
    assert by_code(page, -2019)[:2] == ("MARGIN_NOT_SUFFICIEN", "MARGIN_NOT_SUFFICIEN")


def test_escaped_underscores_in_names_are_plain_underscores(page: ErrorPage) -> None:
    assert by_code(page, -1003)[0] == "TOO_MANY_REQUESTS"


def test_document_order_is_kept_even_where_the_page_is_out_of_order(page: ErrorPage) -> None:
    codes = [error.code for error in page.errors]
    assert codes[-2:] == [-4202, -4188]


def test_a_message_repeated_from_another_code_stays_under_both(page: ErrorPage) -> None:
    repeated = "Invalid parameter working type: %s"
    assert repeated in by_code(page, -4031)[2]
    assert repeated in by_code(page, -4032)[2]


def test_code_spans_lose_their_backticks(page: ErrorPage) -> None:
    assert by_code(page, -1125)[2] == (
        "This listenKey does not exist. Please use POST /fapi/v1/listenKey to recreate listenKey",
    )
    assert by_code(page, -4028)[2][2] == "Leverage %s already exist with %s"


def test_placeholders_are_recorded_in_order_with_a_pattern(page: ErrorPage) -> None:
    (error,) = [e for e in page.errors if e.code == -4020]
    (message,) = error.messages
    assert message.text == "Target strategy invalid for orderType '%s',reduceOnly '%b'."
    assert message.placeholders == ("%s", "%b")
    found = re.fullmatch(message.pattern, "Target strategy invalid for orderType 'LIMIT',reduceOnly 'true'.", re.S)
    assert found is not None and found.groups() == ("LIMIT", "true")


def test_the_trailing_source_quote_is_not_part_of_the_last_code(page: ErrorPage) -> None:
    last = page.errors[-1]
    assert (last.code, last.description) == (-4188, "")
    assert [m.text for m in last.messages] == ["Timestamp for this request is outside of the ME recvWindow."]


def test_locations_point_at_the_code_headings(page: ErrorPage) -> None:
    lines = PAGE_PATH.read_text(encoding="utf-8").splitlines()
    for error in page.errors:
        assert lines[error.line - 1].startswith(f"#### \\{error.code} "), error
        assert error.column == 1
