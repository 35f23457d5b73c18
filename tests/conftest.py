from __future__ import annotations

import os

import pytest
from support import ROOT, TSC

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


# The suite's own black cache and its sealing key (write/cache.py), kept between runs
# like .venv: every test that generates what another test (or the last run) already
# formatted gets black's answer from the cache. The cache is content-addressed (black's
# version, line length, text), so a module errgen renders differently misses it and
# goes through black: it hides no difference. Tests about black or the cache itself
# set ERRGEN_CACHE_DIR to their own folder, or to "" for none.
SUITE_CACHE = ROOT / ".errgen-cache" / "tests"


def pytest_configure(config: pytest.Config) -> None:
    # Set once, before xdist starts its workers, which inherit the environment, as
    # do the subprocesses every test starts; never the user's own cache or state.
    if not hasattr(config, "workerinput"):
        os.environ.setdefault("XDG_STATE_HOME", str(SUITE_CACHE / "state"))
        os.environ.setdefault("ERRGEN_CACHE_DIR", str(SUITE_CACHE / "black"))
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
