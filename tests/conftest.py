from __future__ import annotations

import os
import tempfile

import pytest
from support import TSC


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite expected files of golden cases")


def pytest_configure(config: pytest.Config) -> None:
    # The cache's sealing key (write/cache.py) lives in the state folder: the suite's
    # own, never the user's (subprocesses inherit it).
    os.environ.setdefault("XDG_STATE_HOME", tempfile.mkdtemp(prefix="errgen-test-state-"))
    # The suite compiles TypeScript: without tsc it would prove nothing, so say so instead of skipping.
    if not TSC.exists():
        raise pytest.UsageError("tests need the pinned TypeScript compiler: run `make deps` (npm ci)")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))
