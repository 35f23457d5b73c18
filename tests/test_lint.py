"""`errgen lint`: each rule on a small page of its own (tests/cases/lint/<rule>/),
the known defects of the real pages, no false alarms on them, and the command line.

A golden case holds `input.md` and `diagnostics.txt` (what lint prints for it).
On a mismatch the test prints the diff; `pytest tests/test_lint.py
--update-goldens` rewrites the expected files, which are then reviewed like code.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from errgen.diagnostics import Diagnostic
from errgen.read.source import decode_source, read_source
from errgen.verbs.lint import RULES, lint_source
from goldens import compare
from support import CORPUS, ROOT, run_errgen

CASES = Path(__file__).parent / "cases" / "lint"
FOLDERS = sorted(p for p in CASES.iterdir() if p.is_dir())


def lint_text(text: str, path: str = "input.md") -> list[Diagnostic]:
    return lint_source(decode_source(text.encode("utf-8"), path))


def findings(path: Path) -> set[tuple[str, int, int]]:
    """(rule, line, column) of every finding in a page."""
    return {(d.rule, d.line, d.column) for d in lint_source(read_source(path, path.name))}


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_lint_case(folder: Path, update_goldens: bool) -> None:
    text = "".join(d.format() + "\n" for d in lint_source(read_source(folder / "input.md", "input.md")))
    compare(folder, {"diagnostics.txt": text}, update_goldens, "pytest tests/test_lint.py", exclusive=False)
    # A case proves its rule: the folder is named for a rule that fires in it.
    assert f"[{folder.name}]" in text


def test_every_rule_has_a_golden_case() -> None:
    rule_ids = {rule.__name__.replace("_", "-") for rule in RULES} | {"duplicate-code"}
    assert rule_ids == {folder.name for folder in FOLDERS}


def test_reference_page_defects_are_found_where_they_are() -> None:
    # Read off docs_src/binance-coinm.md by hand: line 50 `#### \-1008 Request
    # Throttled` (name at column 13), line 284 `### 40xx - …` holding -4104 and
    # on, line 424 -4032's copy of -4031's message, line 662 -4188 after -4202.
    assert findings(ROOT / "docs_src" / "binance-coinm.md") == {
        ("name-style", 50, 13),
        ("category-range", 284, 1),
        ("copied-message", 424, 5),
        ("code-order", 662, 1),
    }


def test_spot_page_defects_are_found_where_they_are() -> None:
    # Lines 417 and 420 are the phrase names of -2021/-2022, line 402 the table
    # row `"FIX API trading is not enabled.` with no closing quote, line 71
    # `## 11xx - Request issues` with -1210 … -2043 below it.
    assert findings(CORPUS / "binance-spot-errors-2026-05-18.md") == {
        ("category-range", 71, 1),
        ("unbalanced-quote", 402, 1),
        ("name-style", 417, 11),
        ("name-style", 420, 11),
    }


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.md") if p.name != "README.md"))
def test_quote_and_backtick_rules_stay_quiet_on_real_pages(name: str) -> None:
    # Real pages are full of `code spans`, 'quoted %s' placeholders and
    # apostrophes; of all of them only spot's FIX row is unbalanced.
    noisy = {f for f in findings(CORPUS / name) if f[0].startswith("unbalanced-")}
    expected = {"binance-spot-errors-2026-05-18.md": 402, "binance-spot-errors-zh-CN-2026-06-03.md": 401}
    assert noisy == ({("unbalanced-quote", expected[name], 1)} if name in expected else set())


@pytest.mark.parametrize(
    "message",
    [
        "Parameter '%s' was empty.",
        "Symbol='%s', active subscription id: '%s'.",
        "Conflicting fields: ['%s'...]",
        "The symbol's status; the users' orders.",
        'Use `"` or `` ` `` in code spans; \\" and \\` are escaped.',
        "“Curly” and ‘single’ pairs; doesn’t.",
    ],
)
def test_balanced_messages_give_no_finding(message: str) -> None:
    assert lint_text(f"## 10xx - G\n### -1000 UNKNOWN\n* {message}\n") == []


@pytest.mark.parametrize(
    ("message", "rule", "column"),
    [
        ("Parameter '%s was empty.", "unbalanced-quote", 13),
        ('He said "hi.', "unbalanced-quote", 11),
        ("Closing ” without opening.", "unbalanced-quote", 11),
        ("Use `code here.", "unbalanced-backtick", 7),
        ("Use ``code here.", "unbalanced-backtick", 7),
    ],
)
def test_unbalanced_messages_are_reported_at_the_stray_character(message: str, rule: str, column: int) -> None:
    (found,) = lint_text(f"## 10xx - G\n### -1000 UNKNOWN\n* {message}\n")
    assert (found.rule, found.line, found.column) == (rule, 3, column)


def test_hostile_text_stays_on_one_diagnostic_line() -> None:
    page = "## 10xx - G\n### -1000 Name\u2028With\x0bControls\n* It's \"odd\u2028.\n"
    for diagnostic in lint_text(page):
        assert "\n" not in diagnostic.format() and "\u2028" not in diagnostic.format()


# -- the command line ---------------------------------------------------------


def write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / name


def test_warnings_exit_0_and_strict_turns_them_into_errors(tmp_path: Path) -> None:
    write(tmp_path, "page.md", "## 10xx - G\n### -1001 B\n* b\n### -1000 A\n* a\n")
    warning = "page.md:4:1: {}: code -1000 comes after -1001 (line 2); codes in a category ascend by absolute value [code-order]\n"

    plain = run_errgen("lint", "page.md", cwd=tmp_path)
    assert (plain.returncode, plain.stdout) == (0, "")
    assert plain.stderr == warning.format("warning") + "errgen: 0 errors, 1 warning in 1 file\n"

    strict = run_errgen("lint", "--strict", "page.md", cwd=tmp_path)
    assert strict.returncode == 1
    assert strict.stderr == warning.format("error") + "errgen: 1 error, 0 warnings in 1 file\n"


def test_clean_pages_exit_0(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "## 10xx - G\n### -1000 A\n* a\n")
    write(tmp_path, "b.md", "## 10xx - G\n### -1001 B\n* b\n")
    result = run_errgen("lint", "--strict", "a.md", "b.md", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "errgen: 0 errors, 0 warnings in 2 files\n")


def test_a_code_with_two_names_is_reported_at_both_places_and_is_an_error_under_strict(tmp_path: Path) -> None:
    write(tmp_path, "page.md", "### -1000 UNKNOWN\n* a\n### -1000 OTHER\n* b\n")
    assert run_errgen("lint", "page.md", cwd=tmp_path).returncode == 0
    result = run_errgen("lint", "--strict", "page.md", cwd=tmp_path)
    assert result.returncode == 1
    assert [line.split(": ")[0] for line in result.stderr.splitlines()[:2]] == ["page.md:1:1", "page.md:3:1"]
    assert result.stderr.count("[code-with-two-names]") == 1 and result.stderr.count("[duplicate-code]") == 1


def test_an_unreadable_file_is_bad_input_and_the_other_pages_are_still_linted(tmp_path: Path) -> None:
    write(tmp_path, "page.md", "### -1000 Unknown error\n* a\n")
    (tmp_path / "binary.md").write_bytes(b"### -1000 A\n\xff\n")
    result = run_errgen("lint", "page.md", "binary.md", "missing.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "binary.md:2:1: error: invalid UTF-8: byte 0xff at offset 12 [invalid-utf8]",
        "missing.md:1:1: error: no such file [io]",
        (
            'page.md:1:11: warning: name "Unknown error" of code -1000 is not SCREAMING_SNAKE_CASE; '
            "its identifier is UNKNOWN_ERROR [name-style]"
        ),
    ]


def test_github_format_prints_annotations(tmp_path: Path) -> None:
    write(tmp_path, "page.md", "## 10xx - G\n### -1000 A\n* a: 100%\n### -1001 B\n* a: 100%\n")
    result = run_errgen("lint", "--format", "github", "--warnings", "page.md", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == (
        "::warning file=page.md,line=5,col=3,title=copied-message::message \"a: 100%25\" of code -1001 is also "
        "a message of code -1000 (line 3); match() without a code answers -1000\n"
    )
