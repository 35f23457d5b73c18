"""The suite runs errgen through tests/forkserver.py (support.run_errgen): each run
must be what `python -m errgen` in a fresh process is, for every test that relies on it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, make_project, run_errgen

PAGE = "# Errors\n\n#### -1000 UNKNOWN\n\n- An unknown error occurred.\n"


def real_run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "errgen", *args], cwd=cwd, capture_output=True, text=True,
                          check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize("args", [["--version"], ["generate"], ["check"], ["lint"], ["generate", "--nope"],
                                  ["dump", "missing.md"]])
def test_a_forked_run_answers_as_a_fresh_process_does(tmp_path: Path, args: list[str]) -> None:
    forked_root = make_project(tmp_path / "forked", {"spot": PAGE})
    real_root = make_project(tmp_path / "real", {"spot": PAGE})
    forked, real = run_errgen(*args, cwd=forked_root), real_run(*args, cwd=real_root)
    assert (forked.returncode, forked.stdout, forked.stderr.replace(str(forked_root), "ROOT")) == (
        real.returncode, real.stdout, real.stderr.replace(str(real_root), "ROOT"))
    assert sorted(p.relative_to(forked_root) for p in forked_root.rglob("*")) == sorted(
        p.relative_to(real_root) for p in real_root.rglob("*"))


def test_the_environment_of_the_test_reaches_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(tmp_path / "p", {"spot": PAGE})
    monkeypatch.setenv("ERRGEN_CACHE_DIR", str(tmp_path / "cache"))
    assert run_errgen("generate", cwd=root).returncode == 0
    assert (tmp_path / "cache").is_dir()


def test_a_run_past_its_timeout_is_killed_and_the_next_run_works(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ERRGEN_CACHE_DIR", "")  # black really runs: seconds, far past the timeout
    root = make_project(tmp_path / "p", {"spot": ROOT / "docs_src" / "binance-spot.md"})
    with pytest.raises(subprocess.TimeoutExpired):
        run_errgen("generate", cwd=root, timeout=0.01)
    assert run_errgen("--version", cwd=root).stdout.startswith("errgen ")
