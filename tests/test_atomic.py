"""All or nothing: when any source or any target fails, or a write fails at
any file, every file in output/ stays byte for byte as it was; a process
killed at any point of writing leaves each file old or new, never partial,
and the next run finishes the job."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import errgen.targets.typescript.target
import jinja2
import pytest
from errgen.config.project import load_config
from errgen.diagnostics import ErrgenError
from errgen.verbs import api
from errgen.write import files as write
from support import ROOT

ALPHA_V1 = "# Alpha\n\n## 10xx - General\n\n### -1000 UNKNOWN\n\n- An unknown error occurred.\n"
ALPHA_V2 = ALPHA_V1 + "\n### -1001 DISCONNECTED\n\n- Internal error; unable to process your request.\n"
BETA = "# Beta\n\n### -2010 NEW_ORDER_REJECTED\n\n- Account has insufficient balance.\n"
GAMMA = "# Gamma\n\n### -3000 THIRD\n\n- A third page.\n"

Snapshot = dict[str, bytes]


def write_project(base: Path, pages: dict[str, str]) -> Path:
    (base / "docs_src").mkdir(parents=True, exist_ok=True)
    config = ['[output]\npython_package = "pkg"\n']
    for source_id, text in pages.items():
        (base / "docs_src" / f"{source_id}.md").write_text(text, encoding="utf-8")
        config.append(f'[[sources]]\nid = "{source_id}"\npath = "docs_src/{source_id}.md"\n')
    (base / "errgen.toml").write_text("\n".join(config), encoding="utf-8")
    return base


def snapshot(base: Path) -> Snapshot:
    """Every file and folder under output/: bytes for files, None-like b"<dir>" for folders."""
    output = base / "output"
    return {
        path.relative_to(output).as_posix(): b"<dir>" if path.is_dir() else path.read_bytes()
        for path in sorted(output.rglob("*"))
    }


def generate(base: Path) -> None:
    api.generate(load_config(base / "errgen.toml", "errgen.toml"))


@pytest.fixture(autouse=True)
def private_black_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ERRGEN_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "black-cache"))


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Snapshot]:
    """output/ from v1 (alpha, beta) on disk; the docs already say v2 (alpha
    changed, beta gone, gamma new), so a run would change, add and remove files."""
    base = write_project(tmp_path, {"alpha": ALPHA_V1, "beta": BETA})
    generate(base)
    before = snapshot(base)
    (base / "docs_src" / "beta.md").unlink()
    write_project(base, {"alpha": ALPHA_V2, "gamma": GAMMA})
    return base, before


def test_the_fixture_changes_adds_and_removes_files(project: tuple[Path, Snapshot]) -> None:
    base, _ = project
    config = load_config(base / "errgen.toml", "errgen.toml")
    rendered = api.render_project(config)
    plan = api.plan_writes(config, rendered)
    assert len(plan.changed) >= 4 and len(plan.added) == 3 and len(plan.orphaned) == 3


def failing_on_call(number: int, real: Callable[..., Any], error: BaseException) -> Callable[..., Any]:
    """`real`, except that call `number` raises `error` instead."""
    calls = 0

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == number:
            raise error
        return real(*args, **kwargs)

    return wrapper


def test_a_render_error_in_the_third_target_writes_nothing(project: tuple[Path, Snapshot], monkeypatch: pytest.MonkeyPatch) -> None:
    base, before = project
    broken = failing_on_call(1, errgen.targets.typescript.target.render_page, jinja2.UndefinedError("'page' is undefined"))
    monkeypatch.setattr(errgen.targets.typescript.target, "render_page", broken)
    with pytest.raises(jinja2.UndefinedError):
        generate(base)
    assert snapshot(base) == before


def test_a_bad_source_writes_nothing(project: tuple[Path, Snapshot]) -> None:
    base, before = project
    (base / "docs_src" / "gamma.md").write_bytes(b"### -3000 THIRD\n\n- caf\xe9\n")
    with pytest.raises(ErrgenError):
        generate(base)
    assert snapshot(base) == before


# Writing the second temporary file fails (disk full), or renaming it into
# place fails after the first rename: the first file is put back.
SECOND_FILE_FAILURES = {
    "write": (write, "_write_temporary", OSError(errno.ENOSPC, "No space left on device")),
    "rename": (os, "replace", PermissionError(errno.EACCES, "Permission denied")),
}


@pytest.mark.parametrize("step", SECOND_FILE_FAILURES)
def test_an_error_on_the_second_file_writes_nothing(step: str, project: tuple[Path, Snapshot], monkeypatch: pytest.MonkeyPatch) -> None:
    base, before = project
    module, name, error = SECOND_FILE_FAILURES[step]
    monkeypatch.setattr(module, name, failing_on_call(2, getattr(module, name), error))
    with pytest.raises(type(error), match=error.strerror):
        generate(base)
    assert snapshot(base) == before


def test_a_failure_removing_an_orphan_puts_every_written_file_back(project: tuple[Path, Snapshot], monkeypatch: pytest.MonkeyPatch) -> None:
    base, before = project
    real_unlink = os.unlink

    def unlink(path: Any, *args: Any, **kwargs: Any) -> None:
        if Path(path).name == "beta.py":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink)
    with pytest.raises(PermissionError):
        generate(base)
    assert snapshot(base) == before


# -- killed mid-write ---------------------------------------------------------

# Runs `errgen generate` in-process and SIGKILLs itself at one point: after the
# Nth temporary file is half written ("stage") or right after the Nth rename
# or removal ("commit").
KILLER = """
import os, signal, sys
from errgen.verbs import api
from errgen.config.project import load_config

phase, step = sys.argv[1], int(sys.argv[2])
calls = 0

def count() -> bool:
    global calls
    calls += 1
    return calls == step

real_fsync, real_replace, real_unlink = os.fsync, os.replace, os.unlink

def fsync(fd):
    if phase == "stage" and count():
        os.ftruncate(fd, os.fstat(fd).st_size // 2)  # the temporary file is half written
        os.kill(os.getpid(), signal.SIGKILL)
    real_fsync(fd)

def replace(src, dst):
    real_replace(src, dst)
    if phase == "commit" and count():
        os.kill(os.getpid(), signal.SIGKILL)

def unlink(path, *args, **kwargs):
    real_unlink(path, *args, **kwargs)
    if phase == "commit" and not str(path).endswith(".errgen-tmp") and count():
        os.kill(os.getpid(), signal.SIGKILL)

os.fsync, os.replace, os.unlink = fsync, replace, unlink
api.generate(load_config(__import__("pathlib").Path("errgen.toml"), "errgen.toml"))
"""


@pytest.fixture(scope="module")
def expected_after(tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    base = write_project(tmp_path_factory.mktemp("v2"), {"alpha": ALPHA_V2, "gamma": GAMMA})
    generate(base)
    return snapshot(base)


KILL_POINTS = [("stage", 1), ("stage", 7), *[("commit", step) for step in range(1, 11)]]


@pytest.mark.parametrize(("phase", "step"), KILL_POINTS, ids=[f"{p}-{s}" for p, s in KILL_POINTS])
def test_a_killed_run_leaves_each_file_old_or_new(
    phase: str, step: int, project: tuple[Path, Snapshot], expected_after: Snapshot
) -> None:
    base, before = project
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", KILLER, phase, str(step)], cwd=base, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == -signal.SIGKILL, result.stderr  # every kill point is reached
    after_kill = snapshot(base)
    leftovers = sorted(name for name in after_kill if name.endswith(".errgen-tmp"))
    for name in sorted(set(after_kill) - set(leftovers) | set(before) | set(expected_after)):
        assert after_kill.get(name) in (before.get(name), expected_after.get(name)), name
    if phase == "stage":  # nothing was renamed yet: every file is old
        assert {name: data for name, data in after_kill.items() if name not in leftovers} == before
    stale = api.check(load_config(base / "errgen.toml", "errgen.toml")).plan.orphaned
    assert {f"output/{name}" for name in leftovers} <= {rel.as_posix() for rel in stale}  # check names them
    generate(base)  # the next run finishes the job and removes them
    assert snapshot(base) == expected_after
    shutil.rmtree(base / "output")
