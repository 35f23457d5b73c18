"""Golden project cases (sqlc's end-to-end shape): a folder is a whole project.

tests/cases/projects/<case>/ holds the project as a user has it (errgen.toml,
docs_src/, perhaps a hostile errgen.lock) and beside it:
  README.md    what the case shows and, for a step of a longer story, the state
               it starts from (the lock and outputs an earlier `errgen` run left:
               made by running errgen, never by hand)
  args.txt     the one errgen command line, e.g. `generate --prune`
  exit.txt     the exit code expected
  stdout.txt   what errgen prints on stdout (counts, `check`'s unified diff, `init`'s lines)
  stderr.txt   what errgen prints on stderr
  expected/    every file of the project after the run
One test per case copies the project to a temporary folder, runs errgen there
and compares; `pytest --update-goldens` rewrites exit.txt, stdout.txt,
stderr.txt and expected/. A `generate` that succeeds must leave a project that
`errgen check` finds current, so the test runs check after it and asserts so.

What a command's files cannot show by themselves, a case's generated Python
doing what its README promises, `test_generated_python_of_a_case` shows by
importing the committed golden module.
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path
from types import ModuleType
from typing import Callable

import pytest
from goldens import compare
from support import ROOT, import_file, run_errgen

CASES = ROOT / "tests" / "cases" / "projects"
_META = {"README.md", "args.txt", "exit.txt", "stdout.txt", "stderr.txt", "expected"}


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_project_case(case: str, tmp_path: Path, update_goldens: bool) -> None:
    folder = CASES / case
    project = tmp_path / "project"
    shutil.copytree(folder, project, ignore=lambda where, names: _META if Path(where) == folder else set())
    # The suite's black cache (conftest.py) is keyed by the text: it changes no byte.

    args = shlex.split((folder / "args.txt").read_text(encoding="utf-8"))
    result = run_errgen(*args, cwd=project)

    rerun = f"pytest tests/test_project_cases.py -k {case}"
    printed = {"exit.txt": f"{result.returncode}\n", "stdout.txt": result.stdout, "stderr.txt": result.stderr}
    compare(folder, printed, update_goldens, rerun, exclusive=False)
    compare(folder / "expected", _tree(project), update_goldens, rerun)
    if args[0] == "generate" and result.returncode == 0:
        check = run_errgen("check", cwd=project)
        assert check.returncode == 0, f"check after this generate:\n{check.stdout}{check.stderr}"


def _tree(root: Path) -> dict[str, str]:
    """Every file below `root`, as text (a project's files are text)."""
    return {path.relative_to(root).as_posix(): path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(root.rglob("*")) if path.is_file() and "__pycache__" not in path.parts}


def _retired_code_still_looks_up(module: ModuleType) -> None:
    assert module.lookup(-1002) is module.ErrorCode.BAR


def _reworded_category_keeps_its_class(module: ModuleType) -> None:
    assert issubclass(module.Foo, module.General)  # `except p.General` still catches its codes
    assert not hasattr(module, "GeneralServerOrNetworkIssues")


@pytest.mark.parametrize(("case", "behaves"), [
    ("lock_removed_code_stays_retired", _retired_code_still_looks_up),
    ("lock_reworded_category_keeps_id", _reworded_category_keeps_its_class),
])
def test_generated_python_of_a_case(case: str, behaves: Callable[[ModuleType], None]) -> None:
    behaves(import_file(CASES / case / "expected" / "output" / "python" / "errors" / "p.py"))
