"""Golden project cases (sqlc's end-to-end shape): a folder is a whole project.

tests/cases/projects/<case>/ holds the project as a user has it (errgen.toml,
docs_src/, perhaps a hostile errgen.lock) and beside it:
  README.md      what the case shows and, for a step of a longer story, the state
                 it starts from (`Starts from:` names what before/ holds and what
                 the case's own files change after it)
  before/        optional: the project as it was before, its inputs only
                 (errgen.toml, docs_src/ pages); see "Start state" below
  remove.txt     optional: paths deleted after before/'s step, one a line
                 (e.g. a generated file the user deleted)
  args.txt       the one errgen command line, e.g. `generate --prune`
  exit.txt       the exit code expected
  stdout.txt     what errgen prints on stdout (counts, `check`'s unified diff, `init`'s lines)
  stderr.txt     what errgen prints on stderr
  expected/      the project's files after the run, except those in unchanged.txt
  unchanged.txt  (with before/) the files byte-identical to what before/'s step
                 made that the command did not change, one a line: listed, not
                 copied, so expected/ shows only what the command did, while a
                 file that disappears or changes still fails

Start state. A start state an earlier errgen run left (errgen.lock, output/)
is never committed: it is made at test time, by today's errgen, so it cannot
go stale when the templates change. The runner copies before/ to a temporary
folder and runs `errgen generate` there (exit 0 asserted, its output
ignored). before/args.txt, if present, is that step's command instead (e.g.
`generate --prune`, `init`). A story of several earlier runs (a code renamed,
then renamed again) makes before/ a sequence of folders 1/, 2/, ...: each is
copied over the project and run in turn. Then the case's own project files
(an edited page, a hand-edited output file, a hostile lock) are copied over
the result, remove.txt is applied, and args.txt is run.

One test per case compares exit.txt, stdout.txt, stderr.txt, unchanged.txt
and expected/; `pytest --update-goldens` rewrites them. A `generate` that
succeeds must leave a project that `errgen check` finds current, so the test
runs check after it and asserts so.

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
_META = {"README.md", "args.txt", "exit.txt", "stdout.txt", "stderr.txt", "expected", "before", "remove.txt",
         "unchanged.txt"}


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_project_case(case: str, tmp_path: Path, update_goldens: bool) -> None:
    folder = CASES / case
    project = tmp_path / "project"
    project.mkdir()
    started = _run_before(folder / "before", project)
    _copy_over(folder, project, _META)
    for line in _lines(folder / "remove.txt"):
        (project / line).unlink()
    ready = _snapshot(project)

    args = _args(folder / "args.txt")
    result = run_errgen(*args, cwd=project)  # with the suite's black cache (conftest.py): it changes no byte

    after = _snapshot(project)
    untouched = set() if started is None else _untouched(started, ready, after)
    rerun = f"pytest tests/test_project_cases.py -k {case}"
    printed = {"exit.txt": f"{result.returncode}\n", "stdout.txt": result.stdout, "stderr.txt": result.stderr}
    if started is not None:
        printed["unchanged.txt"] = "".join(f"{rel}\n" for rel in sorted(untouched))
    compare(folder, printed, update_goldens, rerun, exclusive=False)
    compare(folder / "expected", {rel: data.decode("utf-8", errors="replace")
                                  for rel, data in after.items() if rel not in untouched}, update_goldens, rerun)
    if args[0] == "generate" and result.returncode == 0:
        check = run_errgen("check", cwd=project)
        assert check.returncode == 0, f"check after this generate:\n{check.stdout}{check.stderr}"


def _run_before(before: Path, project: Path) -> dict[str, bytes] | None:
    """Make the start state from before/ (see the module docstring); the files it left, or None without before/."""
    if not before.is_dir():
        return None
    numbered = sorted((p for p in before.iterdir() if p.is_dir() and p.name.isdigit()), key=lambda p: int(p.name))
    for step in numbered or [before]:
        _copy_over(step, project, {"args.txt"})
        args = _args(step / "args.txt") or ["generate"]
        result = run_errgen(*args, cwd=project)
        assert result.returncode == 0, f"{step.relative_to(CASES)}: errgen {shlex.join(args)}:\n{result.stderr}"
    return _snapshot(project)


def _copy_over(source: Path, project: Path, leave_out: set[str]) -> None:
    """Copy `source`'s files over the project, but not the names in `leave_out` at its top."""
    shutil.copytree(source, project, ignore=lambda where, names: leave_out if Path(where) == source else set(),
                    dirs_exist_ok=True)


def _untouched(started: dict[str, bytes], ready: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    """The files as before/'s step made them that the command left as they were."""
    return {rel for rel, data in after.items() if started.get(rel) == ready.get(rel) == data}


def _args(path: Path) -> list[str]:
    """An args.txt's command line; [] when there is none."""
    return shlex.split(path.read_text(encoding="utf-8")) if path.is_file() else []


def _lines(path: Path) -> list[str]:
    """A remove.txt's paths; [] when there is none."""
    if not path.is_file():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _snapshot(root: Path) -> dict[str, bytes]:
    """Every file below `root` by its path, as bytes."""
    return {path.relative_to(root).as_posix(): path.read_bytes()
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
