"""Timing whole processes: the median of a few runs, wall clock and CPU.

CPU time (user + system of the child, from `getrusage`) is what the goals are
judged on: on a shared machine the wall clock also counts other people's work.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Timing:
    wall: float  # seconds, median
    cpu: float  # seconds, median

    def as_json(self) -> dict[str, float]:
        return {"wall": self.wall, "cpu": self.cpu}


def run_once(argv: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of one process; raises when it fails (exit 1 is a finding, not a failure)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        list(argv), cwd=cwd, env=env or python_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True, check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} failed ({result.returncode}):\n{result.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def time_process(argv: Sequence[str], cwd: Path, runs: int, env: dict[str, str] | None = None) -> Timing:
    samples = [run_once(argv, cwd, env) for _ in range(runs)]
    return Timing(statistics.median(w for w, _ in samples), statistics.median(c for _, c in samples))


def python_env(**extra: str) -> dict[str, str]:
    """The environment errgen runs in, with the checkout importable."""
    return {**os.environ, "PYTHONPATH": str(ROOT), **extra}


def python(*args: str) -> list[str]:
    return [sys.executable, *args]
