"""Property: a code table reads the same whatever order its columns come in, whatever
its headers say, and whatever inline markup wraps its cells (issue 25).

A clean table is `Code | Name | Message` with distinct integer codes,
SCREAMING_SNAKE names and sentences. Hypothesis shuffles its columns, draws each
header from words that name the column, name another column ("Label" over the
names, "Code" over the messages) or name nothing ("Value", "Error"), and
wraps cells in bold, code spans, inline and reference links, or bolds a code's
last digits (`10**1001**`). What errgen reads — each code, its name, its text
(as a message or, under a "Details" header, a description) — must equal the
clean reading.
"""

from __future__ import annotations

import hashlib

from errgen.model import ErrorPage
from errgen.pipeline import PageOptions, ReadOptions, parse_page
from errgen.read.source import SourceText
from hypothesis import given, settings
from hypothesis import strategies as st

_WORDS = ["order", "symbol", "request", "account", "balance", "stream", "card", "rate", "limit", "key", "time"]
_HEADERS = {
    "code": ["Code", "Error code", "ID", "Return code", "SW", "Value", "#"],
    "name": ["Name", "Description", "Error", "Constant", "Label", "Enum"],
    "message": ["Message", "Meaning", "Text", "Details", "Code", "Explanation", "Reason"],
}


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[tuple[int, str, str]], list[str], list[str], list[list[str]]]:
    """(clean rows, column order, headers, marked-up cells per row)."""
    # Codes from 100: a column counting 1, 2, 3 is row numbers, whatever its header.
    count = draw(st.integers(2, 6))
    negative = draw(st.booleans())
    codes = draw(st.lists(st.integers(100, 99999), min_size=count, max_size=count, unique=True))
    rows = []
    for code in codes:
        name = "_".join(draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=3))).upper()
        words = draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=6))
        message = " ".join(words).capitalize() + "."
        rows.append((-code if negative else code, name, message))
    order = draw(st.permutations(["code", "name", "message"]))
    headers = [draw(st.sampled_from(_HEADERS[role])) for role in order]
    cells = []
    for row in rows:
        values = dict(zip(("code", "name", "message"), (str(row[0]), row[1], row[2])))
        cells.append([_markup(draw, values[role], role) for role in order])
    return rows, list(order), headers, cells


def _markup(draw: st.DrawFn, text: str, role: str) -> str:
    kind = draw(st.sampled_from(["plain", "bold", "code span", "link", "reference", "split bold"]))
    if kind == "bold":
        return f"**{text}**"
    if kind == "code span":
        return f"`{text}`"
    if kind == "link":
        return f"[{text}](#anchor)"
    if kind == "reference":
        return f"[{text}][docs]"
    if kind == "split bold" and role == "code" and len(text.lstrip("-")) > 1:
        cut = draw(st.integers(len(text) - len(text.lstrip("-")) + 1, len(text) - 1))
        return f"{text[:cut]}**{text[cut:]}**"
    return text


def _page(headers: list[str], cells: list[list[str]]) -> str:
    lines = ["# Errors", "", "[docs]: https://example.com/errors", "",
             "| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join(lines) + "\n"


def _read(text: str) -> ErrorPage:
    src = SourceText("table.md", text, hashlib.sha256(text.encode()).hexdigest())
    page, _ = parse_page(src, PageOptions("table", reading=ReadOptions()))
    return page


def _reading(page: ErrorPage) -> list[tuple[object, str, tuple[str, ...]]]:
    return [(e.code, e.name, tuple(m.text for m in e.messages) or (e.description,)) for e in page.errors]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(tables())
def test_table_reads_as_its_clean_form(table: tuple[list[tuple[int, str, str]], list[str], list[str], list[list[str]]]) -> None:
    rows, _order, headers, cells = table
    clean = _reading(_read(_page(["Code", "Name", "Message"], [[str(c), n, m] for c, n, m in rows])))
    assert clean == [(code, name, (message,)) for code, name, message in rows]
    assert _reading(_read(_page(headers, cells))) == clean
