"""The hooks in .pre-commit-hooks.yaml, run by pre-commit itself (installing
errgen from this checkout into pre-commit's own environment, as `try-repo`
does) against a throwaway SDK repository started with `errgen init`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support import ROOT, run_errgen
from wheels import offline_pip_env, wheelhouse

SEED = ROOT / "docs_src" / "binance-coinm.md"  # the seed page, as committed

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


# An SDK repository's own layout: generated code beside hand-written code,
# in folders errgen.toml names (none of them called output/).
CONFIG = """[output]
python_package = "sdk_errors"
typescript = "src"
python = "lib"
json = "data"

[[sources]]
id = "errors"
path = "docs_src/errors.md"
"""


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SDK repository with errgen adopted in custom folders: page copied in, output generated, all staged."""
    repo = tmp_path_factory.mktemp("sdk")
    git("init", "-q", cwd=repo)
    assert run_errgen("init", cwd=repo).returncode == 0
    (repo / "errgen.toml").write_text(CONFIG, encoding="utf-8")
    shutil.copyfile(SEED, repo / "docs_src" / "errors.md")
    (repo / "src").mkdir()
    (repo / "src" / "client.ts").write_text("export const client = 1;\n", encoding="utf-8")
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


@pytest.fixture(scope="module")
def hooks_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pre-commit config naming this checkout's hooks at a commit, as `try-repo` writes
    one: HEAD, or a commit of a clone with the uncommitted changes to tracked files.
    Unlike try-repo's throwaway store, the module's store installs errgen once."""
    scratch = tmp_path_factory.mktemp("hooks")
    repo, rev = ROOT, git_out("rev-parse", "HEAD", cwd=ROOT)
    changed = git_out("diff", "--name-only", "-z", "HEAD", cwd=ROOT).split("\0")
    if any(changed):
        repo = scratch / "shadow-repo"
        git("clone", "-q", str(ROOT), str(repo), cwd=scratch)
        for name in filter(None, changed):
            if (ROOT / name).exists():
                shutil.copyfile(ROOT / name, repo / name)
            else:
                (repo / name).unlink()
        git("add", "-A", cwd=repo)
        git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "uncommitted", cwd=repo)
        rev = git_out("rev-parse", "HEAD", cwd=repo)
    hooks = [{"id": hook["id"]} for hook in sorted(HOOKS, key=lambda hook: hook["id"])]
    config = scratch / ".pre-commit-config.yaml"
    config.write_text(yaml.safe_dump({"repos": [{"repo": str(repo), "rev": rev, "hooks": hooks}]}), encoding="utf-8")
    return config


def git_out(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def run_hooks(sdk: Path, env: dict[str, str], config: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """The hooks as pre-commit runs them: on `files`, or on every file."""
    which = ["--files", *files] if files else ["--all-files"]
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--config", str(config), *which],
                          cwd=sdk, env=env, capture_output=True, text=True, check=False)


def test_the_manifest_defines_check_and_lint_as_python_hooks_that_always_run() -> None:
    assert [(hook["id"], hook["entry"], hook["language"], hook["always_run"], hook["pass_filenames"])
            for hook in HOOKS] == [
        ("errgen-check", "errgen check", "python", True, False),
        ("errgen-lint", "errgen lint", "python", True, False),
    ]


def test_hooks_pass_on_a_current_repository_then_catch_a_hand_edit_in_a_custom_output_folder(
    sdk: Path, pre_commit_env: dict[str, str], hooks_config: Path
) -> None:
    clean = run_hooks(sdk, pre_commit_env, hooks_config)

    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert [line.rsplit(".", 1)[-1] for line in clean.stdout.splitlines() if line.startswith("errgen ")] == [
        "Passed", "Passed",
    ]

    # A hand edit of generated code in src/, committed with a change to a hand-written file only.
    generated = sdk / "src" / "errors.ts"
    generated.write_text(generated.read_text().replace("Invalid symbol.", "Invalid symbol!"), encoding="utf-8")
    (sdk / "src" / "client.ts").write_text("export const client = 2;\n", encoding="utf-8")
    git("add", "-A", cwd=sdk)

    edited = run_hooks(sdk, pre_commit_env, hooks_config, "src/client.ts")

    assert edited.returncode == 1
    assert "- hook id: errgen-check\n- exit code: 1\n" in edited.stdout
    assert "--- a/src/errors.ts\n+++ b/src/errors.ts\n" in edited.stdout
    assert "Skipped" not in edited.stdout
    assert run_errgen("generate", cwd=sdk).returncode == 0  # put it back for the next test
    git("add", "-A", cwd=sdk)


def test_the_lint_hook_lints_the_configured_sources(sdk: Path, pre_commit_env: dict[str, str],
                                                   hooks_config: Path) -> None:
    (sdk / "docs_src" / "draft.md").write_text("# Errors\n\n## -90071992547409920 X\n\n* Too large.\n",
                                              encoding="utf-8")
    (sdk / "errgen.toml").write_text(CONFIG + '\n[[sources]]\nid = "draft"\npath = "docs_src/draft.md"\n',
                                     encoding="utf-8")
    git("add", "-A", cwd=sdk)

    broken = run_hooks(sdk, pre_commit_env, hooks_config, "docs_src/draft.md")

    assert broken.returncode == 1
    assert "- hook id: errgen-lint\n- exit code: 1\n" in broken.stdout
    assert "docs_src/draft.md:3:1: error: code -90071992547409920 is outside JavaScript's safe integers" in (
        broken.stdout
    )
    assert "docs_src/README.md" not in broken.stdout  # not a configured source
