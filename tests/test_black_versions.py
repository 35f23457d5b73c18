"""errgen installs beside any black of the last two years (pyproject.toml:
black>=25.1.0,<27) and writes the same bytes whichever it finds: the oldest and
the newest black it accepts format every module identically. The oldest is
installed into a throwaway virtual environment from the wheelhouse
(tests/wheels.py); the newest is the one requirements.lock pins."""

from __future__ import annotations

import json
import re
import subprocess
import sys

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.9 and 3.10
    import tomli as tomllib  # type: ignore[no-redef]
import venv
from pathlib import Path

import pytest
from errgen.config.project import load_config
from errgen.pipeline import PageOptions, parse_page
from errgen.read.source import read_source
from errgen.targets.python import target as python
from errgen.targets.python.format import BLACK_LINE_LENGTH, format_python
from errgen.verbs.api import load_pages
from support import ROOT
from wheels import offline_pip_env, wheelhouse

HOSTILE = ROOT / "tests" / "fixtures" / "hostile.md"
REQUIREMENT = next(r for r in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
                   if r.startswith("black"))
OLDEST = re.fullmatch(r"black>=([0-9.]+),<[0-9]+", REQUIREMENT)
# The formatter's call, as errgen makes it (render/format.py), for any black.
FORMAT = """
import json, sys
import black
from black.mode import TargetVersion
mode = black.Mode(line_length=int(sys.argv[1]), target_versions={TargetVersion.PY39})
sources = json.load(sys.stdin)
json.dump({"version": black.__version__, "out": {k: black.format_str(v, mode=mode) for k, v in sources.items()}},
          sys.stdout)
"""


def unformatted_modules() -> dict[str, str]:
    """Every module the project's pages and the hostile page give, as the templates write them."""
    pages, _ = load_pages(load_config(ROOT / "errgen.toml", "errgen.toml"))
    pages.append(parse_page(read_source(HOSTILE, "hostile.md"), PageOptions(source_id="hostile"))[0])
    context = python.TARGET.context(python_package="errors")
    modules = {page.source.id: python.module_source(page, context) for page in pages}
    modules["__init__"] = context.render(python.PACKAGE_TEMPLATE, pages=pages)
    return modules


@pytest.fixture(scope="module")
def oldest_black(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert OLDEST, f"pyproject.toml should accept a range of black: {REQUIREMENT}"
    wheels = wheelhouse(f"black=={OLDEST[1]}")
    folder = tmp_path_factory.mktemp("oldest-black")
    venv.create(folder, with_pip=False)
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(folder / "bin" / "python"), "install",
                              "--quiet", f"black=={OLDEST[1]}"], env=offline_pip_env(wheels),
                             capture_output=True, text=True, check=False)
    assert install.returncode == 0, install.stderr
    return folder / "bin" / "python"


def test_the_oldest_and_the_newest_black_format_every_module_to_the_same_bytes(oldest_black: Path) -> None:
    modules = unformatted_modules()
    ran = subprocess.run([str(oldest_black), "-c", FORMAT, str(BLACK_LINE_LENGTH)], input=json.dumps(modules),
                         capture_output=True, text=True, check=False)
    assert ran.returncode == 0, ran.stderr
    oldest = json.loads(ran.stdout)

    assert OLDEST and oldest["version"] == OLDEST[1]
    # The pinned black through errgen's formatter, with the suite's cache (conftest.py):
    # keyed by black's version and the text, it holds only what this black wrote.
    newest = {name: format_python(source, name) for name, source in modules.items()}
    for name in modules:
        assert oldest["out"][name] == newest[name], name
