"""Golden cases, one small page per real quirk: tests/cases/parse/<case>/.

Each folder holds `input.md`, `expected.txt` (what the parser read, in a form a
reviewer checks against the page by eye) and `diagnostics.txt`. On a mismatch
the test prints the diff; `pytest tests/test_parse_cases.py --update-goldens`
rewrites the expected files, which are then reviewed like code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from errgen.diagnostics import Diagnostic, ErrgenError
from errgen.model import ErrorPage
from errgen.parse import PageOptions, parse_page
from errgen.read import read_source
from goldens import compare

CASES = Path(__file__).parent / "cases" / "parse"


def describe(page: ErrorPage) -> str:
    lines = [f"title: {page.title}"]
    lines += [f"category {c.id}: {c.title} (line {c.line})" for c in page.categories]
    for error in page.errors:
        lines.append(f"{error.code} {error.name} -> {error.identifier} in {error.category} (line {error.line}:{error.column})")
        for message in error.messages:
            placeholders = f"  {list(message.placeholders)}" if message.placeholders else ""
            lines.append(f"  message: {message.text}{placeholders}")
        if error.description:
            lines.append(f"  description: {error.description}")
    for table in page.message_tables:
        lines.append(f"table {table.title!r} for {list(table.codes)} (line {table.line})")
        lines += [f"  row {row.line}: {row.message.text} | {row.description}" for row in table.rows]
    return "\n".join(lines) + "\n"


def read_case(folder: Path) -> tuple[str, str]:
    diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]
    try:
        page, diagnostics = parse_page(read_source(folder / "input.md", "input.md"), PageOptions(folder.name))
        expected = describe(page)
    except ErrgenError as exc:
        expected, diagnostics = "(rejected)\n", exc.diagnostics
    return expected, "".join(d.format() + "\n" for d in diagnostics)


@pytest.mark.parametrize("folder", sorted(p for p in CASES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_parse_case(folder: Path, update_goldens: bool) -> None:
    actual = dict(zip(("expected.txt", "diagnostics.txt"), read_case(folder)))
    compare(folder, actual, update_goldens, "pytest tests/test_parse_cases.py", exclusive=False)
