"""`section`, `columns` and `placeholders`: the same in errgen.toml and as flags
of dump, lint and diff; a clear error for an unknown role, an empty section or
a section that is not on the page."""

from __future__ import annotations

import json
from pathlib import Path

from support import make_project, run_errgen

PAGE = """# Guide

### -9 EXAMPLE
* An example in the guide, not a code of the API.

# Error Codes

| Error Code | Message | Explanation |
|---|---|---|
| 1 | Price below `<Limit>`. | PRICE_TOO_LOW |
| 2 | Bulk failed. | BULK_FAILED |
"""
FLAGS = ["--section", "Error Codes", "--column", "Explanation=name", "--placeholder", "<Limit>"]
TOML = 'section = "Error Codes"\ncolumns = { "Explanation" = "name" }\nplaceholders = ["<Limit>"]'


def test_dump_flags_read_the_page_as_the_errgen_toml_keys_do(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"page": PAGE}, extra=TOML)
    assert run_errgen("generate", cwd=root).returncode == 0
    generated = json.loads((root / "output" / "json" / "page.json").read_text(encoding="utf-8"))

    dumped = run_errgen("dump", "docs_src/page.md", *FLAGS, cwd=root)

    assert dumped.returncode == 0, dumped.stderr
    document = json.loads(dumped.stdout)
    assert document["errors"] == generated["errors"]
    assert [(e["code"], e["name"], e["messages"][0]["placeholders"]) for e in document["errors"]] == [
        (1, "PRICE_TOO_LOW", ["<Limit>"]), (2, "BULK_FAILED", []),
    ]


def test_lint_and_diff_take_the_same_flags(tmp_path: Path) -> None:
    (tmp_path / "old.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "new.md").write_text(PAGE.replace("| 2 | Bulk failed. | BULK_FAILED |\n", ""), encoding="utf-8")

    lint = run_errgen("lint", "old.md", *FLAGS, cwd=tmp_path)
    diff = run_errgen("diff", "old.md", "new.md", "--format", "json", *FLAGS, cwd=tmp_path)

    assert (lint.returncode, lint.stderr) == (0, "errgen: 0 errors, 0 warnings in 1 file\n")
    assert diff.returncode == 0, diff.stderr
    assert [code["code"] for code in json.loads(diff.stdout)["removed"]] == [2]


def test_an_unknown_role_is_a_usage_error_naming_the_roles(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    result = run_errgen("dump", "page.md", "--column", "Explanation=title", cwd=tmp_path)
    assert result.returncode == 2
    assert ("argument --column: unknown role 'title' in 'Explanation=title'; "
            "roles: code, name, message, description, http_status, ignore") in result.stderr

    root = make_project(tmp_path / "project", {"page": PAGE}, extra='columns = { "Explanation" = "title" }')
    configured = run_errgen("generate", cwd=root)
    assert configured.returncode == 2
    assert configured.stderr == ("errgen.toml:7:13: error: column 'Explanation' has role 'title'; roles: code, name, "
                                 "message, description, http_status, ignore [config]\n")


def test_an_empty_section_is_an_error_in_errgen_toml_and_as_a_flag(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    flag = run_errgen("dump", "page.md", "--section", " ", cwd=tmp_path)
    assert flag.returncode == 2 and "argument --section: must not be empty" in flag.stderr

    root = make_project(tmp_path / "project", {"page": PAGE}, extra='section = ""')
    configured = run_errgen("generate", cwd=root)
    assert configured.returncode == 2
    assert "errgen.toml:7:1: error: section must be a heading's text or a list of them, not '' [config]" in (
        configured.stderr)


def test_a_section_not_on_the_page_is_an_error_that_names_its_headings(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    result = run_errgen("dump", "page.md", "--section", "Errors", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "page.md:1:1: error: section 'Errors' is not on the page (its first headings: 'Guide', 'Error Codes') "
        "[section-not-found]\n"
    )
