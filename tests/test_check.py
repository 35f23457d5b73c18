"""`errgen check` and `errgen generate` as a maintainer meets them in CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import SEED, make_project, run_errgen

OUTPUTS = (
    "output/json/coinm.json",
    "output/json/page.schema.json",
    "output/python/errors/coinm.py",
    "output/python/errors/__init__.py",
    "output/python/errors/py.typed",
    "output/typescript/coinm.ts",
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path, {"coinm": SEED})
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


def age_outputs(root: Path) -> dict[str, int]:
    """Set every output's mtime into the past, so a rewrite would show."""
    stamps = {}
    for rel in OUTPUTS:
        os.utime(root / rel, ns=(1_000_000_000, 1_000_000_000))
        stamps[rel] = (root / rel).stat().st_mtime_ns
    return stamps


def test_generate_writes_every_target_and_check_then_passes(project: Path) -> None:
    assert all((project / rel).is_file() for rel in OUTPUTS)
    result = run_errgen("check", cwd=project)
    assert (result.returncode, result.stdout) == (0, "errgen: output is current (6 files)\n")


def test_a_changed_message_makes_check_fail_naming_each_stale_file(project: Path) -> None:
    page = project / "docs_src" / "coinm.md"
    page.write_text(page.read_text().replace("-   Invalid symbol.", "-   Invalid symbol name."), encoding="utf-8")

    result = run_errgen("check", cwd=project)

    assert result.returncode == 1
    for rel in ("output/json/coinm.json", "output/python/errors/coinm.py", "output/typescript/coinm.ts"):
        assert f"--- a/{rel}\n+++ b/{rel}\n" in result.stdout
    assert '+          "text": "Invalid symbol name."' in result.stdout
    assert "output/python/errors/__init__.py" not in result.stdout
    assert "3 changed, 0 missing, 0 orphaned" in result.stderr


def test_check_writes_nothing_and_regenerate_touches_only_changed_files(project: Path) -> None:
    page = project / "docs_src" / "coinm.md"
    page.write_text(page.read_text().replace("-   Invalid symbol.", "-   Invalid symbol name."), encoding="utf-8")
    before = age_outputs(project)

    assert run_errgen("check", cwd=project).returncode == 1
    assert {rel: (project / rel).stat().st_mtime_ns for rel in OUTPUTS} == before

    assert run_errgen("generate", cwd=project).returncode == 0
    assert run_errgen("check", cwd=project).returncode == 0
    rewritten = {rel for rel in OUTPUTS if (project / rel).stat().st_mtime_ns != before[rel]}
    assert rewritten == {"output/json/coinm.json", "output/python/errors/coinm.py", "output/typescript/coinm.ts"}


def test_check_names_missing_and_orphaned_files_and_generate_repairs_them(project: Path) -> None:
    (project / "output/typescript/coinm.ts").unlink()
    (project / "output/json/retired.json").write_text("{}\n")

    result = run_errgen("check", cwd=project)

    assert result.returncode == 1
    assert "missing: output/typescript/coinm.ts\n" in result.stdout
    assert "orphaned: output/json/retired.json\n" in result.stdout
    assert run_errgen("generate", cwd=project).returncode == 0
    assert (project / "output/typescript/coinm.ts").is_file()
    assert not (project / "output/json/retired.json").exists()
    assert run_errgen("check", cwd=project).returncode == 0


def test_files_errgen_does_not_own_are_left_alone(project: Path) -> None:
    notes = project / "output" / "json" / "NOTES.txt"
    notes.write_text("kept\n")
    assert run_errgen("generate", cwd=project).returncode == 0
    assert notes.read_text() == "kept\n"


def test_bad_input_stops_everything_with_a_located_error(project: Path) -> None:
    page = project / "docs_src" / "coinm.md"
    page.write_text(page.read_text().replace("#### \\-1121 BAD\\_SYMBOL", "#### \\-90071992547409920 BAD\\_SYMBOL"), encoding="utf-8")
    before = {rel: (project / rel).read_bytes() for rel in OUTPUTS}

    for verb in ("generate", "check"):
        result = run_errgen(verb, cwd=project)
        assert result.returncode == 2
        assert result.stderr.startswith("docs_src/coinm.md:")
        assert ": error: code -90071992547409920 is outside JavaScript's safe integers" in result.stderr
        assert "Traceback" not in result.stderr
    assert {rel: (project / rel).read_bytes() for rel in OUTPUTS} == before
