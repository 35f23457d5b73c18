"""DESIGN "Real pages are imperfect": each defect is a warning at its line and
column and the page is still generated; under `--strict` the same diagnostics
are errors (exit 2, nothing on stdout)."""

from __future__ import annotations

from pathlib import Path

import pytest
from errgen.cli import main

DEFECTS = {
    "a heading without a name": (
        "# Errors\n\n### -1121\n\n- Invalid symbol.\n\n  #### \\-1122:\n",
        [
            ("page.md:3:1: {}: code -1121 has no name: expected '-1121 NAME'; its identifier comes from the code "
            "[code-without-name]"),
            ("page.md:7:3: {}: code -1122 has no name: expected '-1122: NAME'; its identifier comes from the code "
            "[code-without-name]"),
        ],
    ),
    "a code listed again with another name": (
        "### -1 FIRST\n\n- a\n\n### -1 SECOND\n",
        [('page.md:5:1: {}: code -1 is named "SECOND" here and "FIRST" at line 1; the first name "FIRST" is kept '
         "and the messages merged [code-with-two-names]")],
    ),
    "two names that give one identifier": (
        "### -1 BAD SYMBOL\n\n### -2 bad-symbol\n",
        [('page.md:3:1: {}: names "bad-symbol" (code -2) and "BAD SYMBOL" (code -1, line 1) both give identifier '
         "BAD_SYMBOL; BAD_SYMBOL_2 used here; to choose another, set it in errgen.toml under the source: "
         'identifiers = { "-2" = "..." } [identifier-collision]')],
    ),
    "a repeated code": (
        "## Codes\n\n  | Code | Message |\n  |---|---|\n  | 7 | A |\n  | 7 | B |\n",
        ["page.md:6:3: {}: code 7 is listed again; messages merged (first at line 5) [duplicate-code]"],
    ),
    "a broken table": (
        "## Codes\n|Code |Description | |\n|---|---|\n| 400 | Bad request. |\n",
        [("page.md:2:1: {}: this table's header has 3 cells and its delimiter row 2: Markdown shows it as a "
         "paragraph; read as a table [broken-table]")],
    ),
}


def dump(path: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, str, list[str]]:
    code = main(["dump", path.name, *flags])
    captured = capsys.readouterr()
    return code, captured.out, captured.err.splitlines()


@pytest.mark.parametrize("case", DEFECTS)
def test_a_defect_is_a_warning_at_its_place_and_the_page_is_still_read(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text, expected = DEFECTS[case]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text(text, encoding="utf-8")

    code, out, err = dump(tmp_path / "page.md", capsys)
    assert (code, err) == (0, [line.replace("{}", "warning") for line in expected])
    assert out.startswith("{")

    code, out, err = dump(tmp_path / "page.md", capsys, "--strict")
    assert (code, out, err) == (2, "", [line.replace("{}", "error") for line in expected])
