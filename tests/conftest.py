from __future__ import annotations

import os
import tempfile

import pytest
from support import TSC

# The modules whose tests take longest (`make test` ends with the slowest, from
# --durations), with what they are doing: they run first, so that neither
# worker is left alone with one at the end, and each says so when it starts.
SLOW = {
    "test_other_pythons.py": "errgen installed and run on Python 3.9 and 3.10 (builds .venv-py39 and .venv-py310 "
                             "from the wheelhouse the first time: about a minute each)",
    "test_black_versions.py": "the oldest black errgen accepts, in a throwaway venv, formats every module",
    "test_packaging.py": "building errgen's wheel and installing it into a fresh venv",
    "test_precommit.py": "pre-commit installs errgen's hooks into its own environment",
    "test_sdk_toolchain.py": "ruff, black, mypy, prettier and eslint over an SDK-shaped repository",
    "test_roundtrip.py": "thousands of generated pages through all three targets (hypothesis)",
    "test_examples.py": "every example project generated, compiled and run",
    "test_toolchains.py": "ruff, mypy, pyright and tsc over the generated modules",
    "test_generated_python_everywhere.py": "the generated modules on every CPython 3.8-3.13 found",
}
_announced: set[str] = set()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite expected files of golden cases")


def pytest_configure(config: pytest.Config) -> None:
    # The cache's sealing key (write/cache.py) lives in the state folder: the suite's
    # own, never the user's (subprocesses inherit it).
    os.environ.setdefault("XDG_STATE_HOME", tempfile.mkdtemp(prefix="errgen-test-state-"))
    _CONFIG.append(config)
    # The suite compiles TypeScript: without tsc it would prove nothing, so say so instead of skipping.
    if not TSC.exists():
        raise pytest.UsageError("tests need the pinned TypeScript compiler: run `make deps` (npm ci)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.path.name not in SLOW)  # stable: otherwise in file order


def pytest_runtest_logstart(nodeid: str, location: tuple[str, int | None, str]) -> None:
    """On the controller (xdist reports each test's start there), one line per slow module."""
    module = nodeid.split("::")[0].rsplit("/", 1)[-1]
    config = _CONFIG[0] if _CONFIG else None
    if module not in SLOW or module in _announced or config is None or hasattr(config, "workerinput"):
        return
    _announced.add(module)
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write("\n")  # off the line of progress dots
        reporter.write_line(f"[slow] {module}: {SLOW[module]}")


_CONFIG: list[pytest.Config] = []


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))
