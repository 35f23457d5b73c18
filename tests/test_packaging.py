"""errgen installs the way SDK maintainers install their other tools: the
built wheel, in a fresh virtual environment, outside the checkout, with no
package index (tests/wheels.py), generates exactly what the checkout does."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from support import ROOT
from wheels import offline_pip_env, wheelhouse

SEED = ROOT / "docs_src" / "binance-coinm.md"  # the seed page, as committed
# The smallest committed page, configured as errgen.toml configures it.
OPTIONS_PAGE = "binance-options.md"
OPTIONS_ONLY = f"""[output]
python_package = "binance_errors"

[[sources]]
id = "options"
path = "docs_src/{OPTIONS_PAGE}"
url = "https://developers.binance.com/docs/derivatives/option/error-code"
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the wheel `pip install .` builds, in an isolated build environment; a fresh venv it is installed in)."""
    work = tmp_path_factory.mktemp("packaging")
    env = offline_pip_env(wheelhouse())
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(work / "dist"),
                            str(ROOT)], env=env, capture_output=True, text=True, check=False)
    assert build.returncode == 0, build.stderr
    (wheel,) = (work / "dist").glob("errgen-*.whl")
    venv.create(work / "venv")  # without pip of its own: this pip installs into it (--python)
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(work / "venv" / "bin" / "python"),
                              "install", str(wheel)], env=env, capture_output=True, text=True, check=False)
    assert install.returncode == 0, install.stderr
    return wheel, work / "venv" / "bin"


def test_the_wheel_ships_the_package_and_every_template_and_nothing_else(built: tuple[Path, Path]) -> None:
    wheel, _ = built
    names = zipfile.ZipFile(wheel).namelist()
    templates = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "templates").rglob("*") if path.is_file())

    assert sorted(name for name in names if name.startswith("errgen/templates/")) == [
        f"errgen/{name}" for name in templates
    ]
    # The import package is errgen: no top-level `generator` lands in an SDK's environment.
    assert {name.split("/")[0] for name in names} == {"errgen", wheel.name.split("-py3")[0] + ".dist-info"}


def installed(bin_dir: Path, *args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The installed console script, with no checkout on the path, and the suite's black
    cache (conftest.py): keyed by black's version, so the oldest black below really runs."""
    cache = {name: os.environ[name] for name in ("ERRGEN_CACHE_DIR", "XDG_STATE_HOME") if name in os.environ}
    full = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(cwd), **cache, **(env or {})}
    return subprocess.run([str(bin_dir / "errgen"), *args], cwd=cwd, env=full, capture_output=True, text=True,
                          check=False)


def test_the_console_script_reports_its_version_and_explains_itself(built: tuple[Path, Path], tmp_path: Path) -> None:
    _, bin_dir = built
    assert installed(bin_dir, "--version", cwd=tmp_path).stdout == "errgen 0.1.0\n"
    assert "errgen init" in installed(bin_dir, "--help", cwd=tmp_path).stdout
    module = subprocess.run([str(bin_dir / "python"), "-m", "errgen", "--version"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert module.stdout == "errgen 0.1.0\n"


def test_installed_errgen_generates_the_committed_output_byte_for_byte(built: tuple[Path, Path], tmp_path: Path) -> None:
    _, bin_dir = built
    shutil.copyfile(ROOT / "errgen.toml", tmp_path / "errgen.toml")
    shutil.copytree(ROOT / "docs_src", tmp_path / "docs_src")

    result = installed(bin_dir, "generate", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    compared = filecmp.dircmp(ROOT / "output", tmp_path / "output")
    assert _differences(compared) == []
    assert installed(bin_dir, "check", cwd=tmp_path).returncode == 0


def _differences(compared: filecmp.dircmp[str]) -> list[str]:
    found = [*compared.left_only, *compared.right_only, *compared.diff_files, *compared.funny_files]
    for sub in compared.subdirs.values():
        found += _differences(sub)
    return found


def test_installed_errgen_init_starts_a_project_outside_any_checkout(built: tuple[Path, Path], tmp_path: Path) -> None:
    _, bin_dir = built
    assert installed(bin_dir, "init", cwd=tmp_path).returncode == 0
    shutil.copyfile(SEED, tmp_path / "docs_src" / "errors.md")

    assert installed(bin_dir, "generate", cwd=tmp_path).returncode == 0
    assert (tmp_path / "output" / "json" / "page.schema.json").is_file()


def test_errgen_installs_beside_an_sdks_older_black_and_generates_the_same_bytes(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """An SDK that pins the oldest black errgen accepts keeps it: pip installs
    errgen without touching it, and the output is byte for byte the committed one."""
    wheel, _ = built
    oldest = "black==25.1.0"
    env = offline_pip_env(wheelhouse(oldest))
    venv.create(tmp_path / "sdk-venv")
    python = str(tmp_path / "sdk-venv" / "bin" / "python")
    for requirement in (oldest, str(wheel)):
        step = subprocess.run([sys.executable, "-m", "pip", "--python", python, "install", requirement], env=env,
                              capture_output=True, text=True, check=False)
        assert step.returncode == 0, step.stderr
    kept = subprocess.run([python, "-c", "import black; print(black.__version__)"], capture_output=True, text=True,
                          check=False)
    assert kept.stdout == "25.1.0\n"
    # One page, black really running (no cache): tests/test_black_versions.py formats
    # every module with this black; here errgen drives it, installed, end to end.
    project = tmp_path / "sdk"
    (project / "docs_src").mkdir(parents=True)
    shutil.copyfile(ROOT / "docs_src" / OPTIONS_PAGE, project / "docs_src" / OPTIONS_PAGE)
    (project / "errgen.toml").write_text(OPTIONS_ONLY, encoding="utf-8")

    env = {"ERRGEN_CACHE_DIR": ""}
    assert installed(tmp_path / "sdk-venv" / "bin", "generate", cwd=project, env=env).returncode == 0
    for committed in ("python/binance_errors/options.py", "typescript/options.ts", "json/options.json"):
        assert (project / "output" / committed).read_bytes() == (ROOT / "output" / committed).read_bytes(), committed
