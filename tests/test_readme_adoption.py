"""The README's "Using the generated code" examples, as an SDK adopts the modules:
a subclass with the HTTP status that is also the code's class, a group from
errgen.toml, catching by category. Generated with the README's own [[groups]]
block, run in Python and (compiled by tsc --strict) in node; both print what
the README says."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from errgen.config.project import load_config
from errgen.verbs import api
from support import ROOT, compile_typescript

README = ROOT / "README.md"
# SDK code calls console.log, which Node or the DOM declares; the modules need neither.
CONSOLE_D_TS = "declare const console: { log(...data: unknown[]): void };\n"


def readme_section() -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"^## Using the generated code\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert found, "README.md has no '## Using the generated code' section"
    return found.group(1)


def readme_block(language: str) -> str:
    blocks = re.findall(rf"^```{language}\n(.*?)^```$", readme_section(), re.MULTILINE | re.DOTALL)
    assert len(blocks) == 1, f"expected one ```{language} block in the README's usage section, found {len(blocks)}"
    return str(blocks[0])


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's pages and errgen.toml with the README's [[groups]], generated."""
    project = tmp_path_factory.mktemp("adoption")
    (project / "docs_src").mkdir()
    for page in (ROOT / "docs_src").glob("*.md"):
        (project / "docs_src" / page.name).write_bytes(page.read_bytes())
    config = (ROOT / "errgen.toml").read_text(encoding="utf-8") + "\n" + readme_block("toml")
    (project / "errgen.toml").write_text(config, encoding="utf-8")
    api.generate(load_config(project / "errgen.toml", "errgen.toml"))
    return project


def run_python_example(python: str, project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(project / "output" / "python")}
    return subprocess.run([python, "-c", readme_block("python")], env=env, capture_output=True, text=True,
                          check=False)


def test_the_python_example_prints_what_the_readme_says(project: Path) -> None:
    result = run_python_example(sys.executable, project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == readme_block("text")


def test_the_typescript_example_compiles_strict_and_prints_what_the_readme_says(
    project: Path, tmp_path: Path
) -> None:
    (tmp_path / "spot.ts").write_bytes((project / "output" / "typescript" / "spot.ts").read_bytes())
    (tmp_path / "readme.ts").write_text(readme_block("ts"), encoding="utf-8")
    (tmp_path / "console.d.ts").write_text(CONSOLE_D_TS, encoding="utf-8")
    compile_typescript([tmp_path / name for name in ("spot.ts", "readme.ts", "console.d.ts")], tmp_path / "out")
    result = subprocess.run(["node", "readme.js"], cwd=tmp_path / "out", capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == readme_block("text")


def test_the_group_is_a_class_of_every_module_with_one_of_its_codes(project: Path) -> None:
    for source, present in (("spot", True), ("usdm", True), ("coinm", False)):
        text = (project / "output" / "python" / "binance_errors" / f"{source}.py").read_text(encoding="utf-8")
        assert ('"RateLimited"' in text) == present, source
