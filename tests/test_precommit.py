"""The hooks in .pre-commit-hooks.yaml, run by pre-commit itself (`try-repo`,
which installs errgen from this checkout into pre-commit's own environment)
against a throwaway SDK repository started with `errgen init`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support import ROOT, SEED, run_errgen
from wheels import offline_pip_env, wheelhouse

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SDK repository with errgen adopted: init, the page copied in, output generated, all staged."""
    repo = tmp_path_factory.mktemp("sdk")
    git("init", "-q", cwd=repo)
    assert run_errgen("init", cwd=repo).returncode == 0
    shutil.copyfile(SEED, repo / "docs_src" / "errors.md")
    assert run_errgen("generate", cwd=repo).returncode == 0
    git("add", "-A", cwd=repo)
    return repo


@pytest.fixture(scope="module")
def pre_commit_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """pre-commit with a store of its own; its pip installs from the wheelhouse only."""
    env = offline_pip_env(wheelhouse())
    env.update(PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")), PRE_COMMIT_COLOR="never",
               GIT_AUTHOR_NAME="test", GIT_AUTHOR_EMAIL="test@example.com",
               GIT_COMMITTER_NAME="test", GIT_COMMITTER_EMAIL="test@example.com")
    env.pop("PYTHONPATH", None)  # the hooks must run the errgen pre-commit installed
    return env


def try_repo(sdk: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "--all-files"],
                          cwd=sdk, env=env, capture_output=True, text=True, check=False)


def test_the_manifest_defines_check_and_lint_as_python_hooks() -> None:
    assert [(hook["id"], hook["entry"], hook["language"]) for hook in HOOKS] == [
        ("errgen-check", "errgen check", "python"),
        ("errgen-lint", "errgen lint", "python"),
    ]


def test_hooks_pass_on_a_current_repository_then_fail_on_stale_output_and_a_broken_page(
    sdk: Path, pre_commit_env: dict[str, str]
) -> None:
    clean = try_repo(sdk, pre_commit_env)

    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert [line.rsplit(".", 1)[-1] for line in clean.stdout.splitlines() if line.startswith("errgen ")] == [
        "Passed", "Passed",
    ]

    page = sdk / "docs_src" / "errors.md"
    page.write_text(page.read_text().replace("-   Invalid symbol.", "-   Invalid symbol name."), encoding="utf-8")
    (sdk / "docs_src" / "draft.md").write_text("# Errors\n\n## -90071992547409920 X\n\n* Too large.\n", encoding="utf-8")
    git("add", "-A", cwd=sdk)

    broken = try_repo(sdk, pre_commit_env)

    assert broken.returncode == 1
    assert "- hook id: errgen-check\n- exit code: 1\n" in broken.stdout
    assert "errgen: output is stale: 3 changed, 0 missing, 0 orphaned" in broken.stdout
    assert "- hook id: errgen-lint\n- exit code: 1\n" in broken.stdout
    assert "docs_src/draft.md:3:1: error: code -90071992547409920 is outside JavaScript's safe integers" in (
        broken.stdout
    )
    assert "docs_src/README.md" not in broken.stdout  # excluded: init's README is no page
