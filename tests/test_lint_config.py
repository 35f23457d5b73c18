"""`errgen lint` in an SDK repository (issue 14, point 4): without files it
lints the sources errgen.toml lists, read as it says; rules can be switched
off per source and per run; a file that is no error page is said to be one, once."""

from __future__ import annotations

from pathlib import Path

from support import ROOT, make_project, run_errgen

SEED = ROOT / "docs_src" / "binance-coinm.md"  # the seed page, as committed

# Four warnings of four rules on one small page.
PAGE = """# Errors

## 10xx - General

### -1008 Request Throttled
- Too many requests; "slow down.

### -1002 UNAUTHORIZED
- You are not authorized.

### -4104 OUT_OF_RANGE
- Out of range.
"""


def rules(stderr: str) -> list[str]:
    return [line.rsplit("[", 1)[1].rstrip("]") for line in stderr.splitlines() if line.startswith("docs_src/")]


def test_without_files_lint_reads_the_configured_sources(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"api": PAGE, "coinm": SEED})
    (root / "docs_src" / "README.md").write_text("# Where the pages come from\n", encoding="utf-8")

    result = run_errgen("lint", cwd=root)

    assert result.returncode == 0  # warnings only
    assert sorted(set(rules(result.stderr))) == [
        "category-range", "code-differs-across-pages", "code-order", "copied-message", "name-style", "unbalanced-quote"]
    assert "README.md" not in result.stderr
    assert result.stderr.splitlines()[-1].endswith(" in 2 files")


def test_rules_are_switched_off_per_source_and_per_run(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"api": PAGE}, extra='lint = { ignore = ["name-style", "code-order"] }')
    strict = run_errgen("lint", "--strict", cwd=root)
    assert (strict.returncode, sorted(rules(strict.stderr))) == (1, ["category-range", "unbalanced-quote"])

    quiet = run_errgen("lint", "--strict", "--ignore", "category-range", "--ignore", "unbalanced-quote", cwd=root)
    assert (quiet.returncode, rules(quiet.stderr)) == (0, [])
    assert quiet.stderr == "errgen: 0 errors, 0 warnings in 1 file\n"

    # Given as a file, the page is read without its source's settings; --ignore still applies.
    as_file = run_errgen("lint", "--ignore", "category-range", "docs_src/api.md", cwd=root)
    assert sorted(rules(as_file.stderr)) == ["code-order", "name-style", "unbalanced-quote"]


def test_a_file_that_is_no_error_page_is_reported_once_and_passes(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"api": PAGE})
    assert run_errgen("init", cwd=root).returncode == 0  # docs_src/README.md, as init writes it

    result = run_errgen("lint", "--strict", "--ignore", "name-style", "--ignore", "code-order", "--ignore",
                        "category-range", "--ignore", "unbalanced-quote", "docs_src/README.md", "docs_src/api.md",
                        cwd=root)

    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        ("docs_src/README.md:1:1: notice: not an error-code page (no codes in any layout errgen reads); skipped "
         "[not-a-page]"),
        "errgen: 0 errors, 0 warnings in 2 files",
    ]


def test_a_configured_source_with_no_codes_is_an_error(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"notes": "# Notes\n\nNothing here.\n"})
    result = run_errgen("lint", cwd=root)
    assert result.returncode == 1
    assert "docs_src/notes.md:1:1: error: no error codes found" in result.stderr
