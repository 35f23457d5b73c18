"""In an SDK-shaped repository with ruff, black, mypy, prettier and eslint
configured (and a line length of its own), `errgen init` adds the output
folders to each tool's excludes where it can edit the file safely, prints the
lines to add where it cannot (eslint's JavaScript config), and after
`errgen generate` every tool is green on the generated files: run over the
repository, and on each generated file named explicitly (where excludes do not
apply: the headers do). Then the formatters rewrite the repository and
`errgen check` still finds the output current."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, run_errgen

BIN = Path(sys.executable).parent
NODE_BIN = ROOT / "node_modules" / ".bin"
SPOT = ROOT / "docs_src" / "binance-spot.md"

PYPROJECT = """\
[project]
name = "binance-sdk"
version = "1.0.0"

[tool.ruff]
line-length = 79

[tool.black]
line-length = 79

[tool.mypy]
strict = true
"""
# typescript-eslint's own stock setup: eslint's recommended rules and its own.
ESLINT_CONFIG = """\
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  js.configs.recommended,
  ...tseslint.configs.recommended,
);
"""
PACKAGE_JSON = {"name": "binance-sdk", "private": True, "devDependencies": {"prettier": "*", "eslint": "*"}}


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                          check=False)


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("sdk")
    (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (root / "eslint.config.mjs").write_text(ESLINT_CONFIG, encoding="utf-8")
    (root / "package.json").write_text(json.dumps(PACKAGE_JSON, indent=2) + "\n", encoding="utf-8")
    (root / ".prettierrc").write_text("{}\n", encoding="utf-8")
    (root / "node_modules").symlink_to(ROOT / "node_modules")  # the pinned eslint and prettier
    init = run_errgen("init", "--source-id", "spot", "--package", "binance_errors", cwd=root)
    assert init.returncode == 0, init.stderr
    shutil.copy(SPOT, root / "docs_src" / "spot.md")
    generated = run_errgen("generate", cwd=root)
    assert generated.returncode == 0, generated.stderr
    return root, init.stdout


def test_init_adds_the_excludes_it_can_and_prints_the_others(sdk: tuple[Path, str]) -> None:
    root, printed = sdk
    assert (root / "pyproject.toml").read_text(encoding="utf-8") == PYPROJECT.replace(
        "[tool.ruff]\n", '[tool.ruff]\nextend-exclude = ["output/python"]  # errgen\'s generated modules\n'
    ).replace(
        "[tool.black]\n", '[tool.black]\nextend-exclude = "^/output/python/"  # errgen\'s generated modules\n'
    ).replace(
        "[tool.mypy]\n", '[tool.mypy]\nexclude = ["^output/python/"]  # errgen\'s generated modules\n'
    )
    assert (root / ".prettierignore").read_text(encoding="utf-8") == (
        "# errgen's generated files\noutput/json/\noutput/typescript/\noutput/python/\ndocs_src/\n")
    assert (root / "eslint.config.mjs").read_text(encoding="utf-8") == ESLINT_CONFIG  # JavaScript: never edited
    assert ("eslint.config.mjs: eslint lints or formats errgen's output; add to its excludes:\n"
            '    { ignores: ["output/typescript/"] },  // errgen\'s generated modules\n') in printed
    again = run_errgen("init", "--source-id", "spot", "--package", "binance_errors", cwd=root)
    assert "added" not in again.stdout  # a second run finds everything in place


def test_the_python_tools_leave_the_generated_modules_alone(sdk: tuple[Path, str]) -> None:
    root, _ = sdk
    modules = [str(path.relative_to(root)) for path in sorted((root / "output" / "python").rglob("*.py"))]
    for command in (
        (BIN / "ruff", "check", "."), (BIN / "ruff", "check", *modules),
        (BIN / "ruff", "check", "--isolated", *modules),  # ruff's default rules, no config at all
        (BIN / "ruff", "format", "--check", "."), (BIN / "ruff", "format", "--check", *modules),
        (BIN / "black", "--check", "."), (BIN / "black", "--check", *modules),
        (BIN / "mypy", "--strict", *modules),
    ):
        result = run(*command, cwd=root)
        assert result.returncode == 0, (command, result.stdout[-2000:], result.stderr[-2000:])


def test_prettier_and_eslint_leave_the_generated_files_alone(sdk: tuple[Path, str], tmp_path: Path) -> None:
    root, _ = sdk
    ts = [str(path.relative_to(root)) for path in sorted((root / "output" / "typescript").glob("*.ts"))]
    prettier = run(NODE_BIN / "prettier", "--check", ".", cwd=root)
    assert prettier.returncode == 0, prettier.stdout + prettier.stderr
    # The stock config alone: the header's /* eslint-disable */ leaves no error.
    eslint = run(NODE_BIN / "eslint", *ts, cwd=root)
    assert eslint.returncode == 0, eslint.stdout[-3000:]
    # With the line init printed, eslint skips the folder: not even a warning.
    config = root / "eslint.config.mjs"
    config.write_text(ESLINT_CONFIG.replace("  js.configs.recommended,",
                                            '  { ignores: ["output/typescript/"] },\n  js.configs.recommended,'),
                      encoding="utf-8")
    try:
        quiet = run(NODE_BIN / "eslint", "--max-warnings", "0", ".", cwd=root)
        assert quiet.returncode == 0, quiet.stdout[-3000:]
    finally:
        config.write_text(ESLINT_CONFIG, encoding="utf-8")


def test_after_the_formatters_ran_check_finds_the_output_current(sdk: tuple[Path, str]) -> None:
    root, _ = sdk
    for command in ((BIN / "ruff", "format", "."), (BIN / "black", "."), (NODE_BIN / "prettier", "--write", ".")):
        assert run(*command, cwd=root).returncode == 0, command
    check = run_errgen("check", cwd=root)
    assert check.returncode == 0, check.stdout[-3000:] + check.stderr[-2000:]
