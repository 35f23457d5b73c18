"""Golden cases, one small page per real quirk: tests/cases/parse/<case>/.

Each folder holds `input.md` (or `input.mdx`, `input.html`), `expected.txt` (what the parser
read, in a form a reviewer checks against the page by eye), `diagnostics.txt`
and, where the case needs them, `options.toml`: the `section`, `columns`,
`placeholders`, `layout` and `code_pattern` a source would give in errgen.toml. On a mismatch
the test prints the diff; `pytest tests/test_parse_cases.py --update-goldens`
rewrites the expected files, which are then reviewed like code.
"""

from __future__ import annotations

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.9 and 3.10
    import tomli as tomllib  # type: ignore[no-redef]
from pathlib import Path

import pytest
from errgen.diagnostics import Diagnostic, ErrgenError
from errgen.model import ErrorPage
from errgen.pipeline import PageOptions, ReadOptions, parse_page
from errgen.read.source import read_source
from goldens import compare

CASES = Path(__file__).parent / "cases" / "parse"


def describe(page: ErrorPage) -> str:
    lines = [f"title: {page.title}"]
    if page.code_type != "int":
        lines.append(f"code type: {page.code_type}")
    lines += [f"category {c.id}: {c.title} (line {c.line})" for c in page.categories]
    for error in page.errors:
        code = repr(error.code) if isinstance(error.code, str) else error.code
        deprecated = " deprecated" if error.deprecated else ""
        lines.append(f"{code} {error.name} -> {error.identifier} in {error.category} (line {error.line}:{error.column}){deprecated}")
        for message in error.messages:
            placeholders = f"  {list(message.placeholders)}" if message.placeholders else ""
            status = f"  (HTTP {message.http_status})" if message.http_status is not None else ""
            lines.append(f"  message: {message.text}{placeholders}{status}")
        if error.http_status:
            lines.append(f"  http status: {list(error.http_status)}")
        if error.description:
            lines.append(f"  description: {error.description}")
    for table in page.message_tables:
        lines.append(f"table {table.title!r} for {list(table.codes)} (line {table.line})")
        lines += [f"  row {row.line}: {row.message.text} | {row.description}" for row in table.rows]
    return "\n".join(lines) + "\n"


def case_input(folder: Path) -> Path:
    return next(folder / name for name in ("input.md", "input.mdx", "input.html", "input.htm") if (folder / name).exists())


def case_options(folder: Path) -> ReadOptions:
    path = folder / "options.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    section = data.get("section", [])
    return ReadOptions(
        section=(section,) if isinstance(section, str) else tuple(section),
        columns=data.get("columns", {}),
        placeholders=tuple(data.get("placeholders", [])),
        layout=data.get("layout"),
        code_pattern=data.get("code_pattern"),
    )


def read_case(folder: Path) -> tuple[str, str]:
    diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]
    page_path = case_input(folder)
    try:
        options = PageOptions(folder.name, reading=case_options(folder))
        page, diagnostics = parse_page(read_source(page_path, page_path.name), options)
        expected = describe(page)
    except ErrgenError as exc:
        expected, diagnostics = "(rejected)\n", exc.diagnostics
    return expected, "".join(d.format() + "\n" for d in diagnostics)


@pytest.mark.parametrize("folder", sorted(p for p in CASES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_parse_case(folder: Path, update_goldens: bool) -> None:
    actual = dict(zip(("expected.txt", "diagnostics.txt"), read_case(folder)))
    compare(folder, actual, update_goldens, "pytest tests/test_parse_cases.py", exclusive=False)
