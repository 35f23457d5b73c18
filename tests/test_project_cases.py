"""Golden project cases (sqlc's end-to-end shape): a folder is a whole project.

tests/cases/projects/<case>/ holds the project as a user has it (errgen.toml,
docs_src/, perhaps a hostile errgen.lock) and beside it:
  args.txt     the errgen command line, e.g. `generate`
  exit.txt     the exit code expected
  stderr.txt   what errgen prints on stderr
  stdout.txt   what it prints on stdout, for a case that has one (`diff`'s report)
  expected/    every file of the project after the run
One test per case copies the project to a temporary folder, runs errgen there
and compares; `pytest --update-goldens` rewrites exit.txt, stderr.txt and expected/.
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
from goldens import compare
from support import ROOT, run_errgen

CASES = ROOT / "tests" / "cases" / "projects"
_META = {"args.txt", "exit.txt", "stderr.txt", "stdout.txt", "expected"}


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_project_case(case: str, tmp_path: Path, update_goldens: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = CASES / case
    project = tmp_path / "project"
    shutil.copytree(folder, project, ignore=lambda where, names: _META if Path(where) == folder else set())
    monkeypatch.setenv("ERRGEN_CACHE_DIR", "")  # the run reads nothing but the case

    result = run_errgen(*shlex.split((folder / "args.txt").read_text(encoding="utf-8")), cwd=project)

    rerun = f"pytest tests/test_project_cases.py -k {case}"
    printed = {"exit.txt": f"{result.returncode}\n", "stderr.txt": result.stderr}
    if (folder / "stdout.txt").exists():  # a case says what it prints by having the file
        printed["stdout.txt"] = result.stdout
    compare(folder, printed, update_goldens, rerun, exclusive=False)
    compare(folder / "expected", _tree(project), update_goldens, rerun)


def _tree(root: Path) -> dict[str, str]:
    """Every file below `root`, as text (a project's files are text)."""
    return {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(root.rglob("*")) if path.is_file() and "__pycache__" not in path.parts}
