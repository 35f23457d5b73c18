"""`errgen check` and `errgen generate` as a maintainer meets them in CI."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest
from support import ROOT, make_project, run_errgen

SEED = ROOT / "docs_src" / "binance-coinm.md"  # the seed page, as committed

OUTPUTS = (
    "output/json/coinm.json",
    "output/json/page.schema.json",
    "output/python/errors/coinm.py",
    "output/python/errors/__init__.py",
    "output/python/errors/py.typed",
    "output/typescript/coinm.ts",
    "output/typescript/index.ts",
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path, {"coinm": SEED})
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


def age_outputs(root: Path) -> dict[str, int]:
    """Set every output's mtime into the past, so a rewrite would show."""
    stamps = {}
    for rel in OUTPUTS:
        os.utime(root / rel, ns=(1_000_000_000, 1_000_000_000))
        stamps[rel] = (root / rel).stat().st_mtime_ns
    return stamps


def test_generate_writes_every_target_and_check_then_passes(project: Path) -> None:
    assert all((project / rel).is_file() for rel in OUTPUTS)
    result = run_errgen("check", cwd=project)
    assert (result.returncode, result.stdout) == (0, "errgen: output is current (8 files)\n")


def test_check_writes_nothing_and_regenerate_touches_only_changed_files(project: Path) -> None:
    page = project / "docs_src" / "coinm.md"
    page.write_text(page.read_text().replace("-   Invalid symbol.", "-   Invalid symbol name."), encoding="utf-8")
    before = age_outputs(project)

    assert run_errgen("check", cwd=project).returncode == 1
    assert {rel: (project / rel).stat().st_mtime_ns for rel in OUTPUTS} == before

    assert run_errgen("generate", cwd=project).returncode == 0
    assert run_errgen("check", cwd=project).returncode == 0
    rewritten = {rel for rel in OUTPUTS if (project / rel).stat().st_mtime_ns != before[rel]}
    assert rewritten == {"output/json/coinm.json", "output/python/errors/coinm.py", "output/typescript/coinm.ts"}


# -- a CRLF checkout (issue 14, point 3) ---------------------------------------------


def git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def crlf_clone(project: Path, target: Path) -> Path:
    """The project committed, then cloned the way Windows users check out (core.autocrlf=true)."""
    git("init", "-q", cwd=project)
    git("add", "-A", cwd=project)
    git("commit", "-qm", "adopt errgen", cwd=project)
    git("clone", "-q", "-c", "core.autocrlf=true", str(project), str(target), cwd=project.parent)
    return target


def test_a_crlf_checkout_is_current_and_generate_rewrites_nothing(project: Path, tmp_path: Path) -> None:
    clone = crlf_clone(project, tmp_path / "clone")
    assert b"\r\n" in (clone / "docs_src" / "coinm.md").read_bytes()
    assert b"\r\n" in (clone / "output" / "python" / "errors" / "coinm.py").read_bytes()

    result = run_errgen("check", cwd=clone)
    assert (result.returncode, result.stdout) == (0, "errgen: output is current (8 files)\n")
    before = {rel: (clone / rel).read_bytes() for rel in OUTPUTS}
    assert run_errgen("generate", cwd=clone).stdout == "errgen: 0 written, 8 unchanged, 0 removed\n"
    assert {rel: (clone / rel).read_bytes() for rel in OUTPUTS} == before


def test_the_page_digest_is_of_its_text_whatever_its_line_endings(project: Path) -> None:
    page = project / "docs_src" / "coinm.md"
    text = page.read_bytes()
    document = json.loads((project / "output" / "json" / "coinm.json").read_text(encoding="utf-8"))
    assert document["source"]["sha256"] == hashlib.sha256(text).hexdigest()  # the committed page is LF
    page.write_bytes(text.replace(b"\n", b"\r\n"))
    assert run_errgen("check", cwd=project).returncode == 0


def test_init_keeps_pages_and_output_lf_in_a_crlf_checkout(tmp_path: Path) -> None:
    project = tmp_path / "sdk"
    project.mkdir()
    assert run_errgen("init", cwd=project).returncode == 0
    (project / "docs_src" / "errors.md").write_bytes(SEED.read_bytes())
    assert run_errgen("generate", cwd=project).returncode == 0

    clone = crlf_clone(project, tmp_path / "clone")

    assert git("check-attr", "eol", "docs_src/errors.md", "output/json/errors.json", cwd=clone).splitlines() == [
        "docs_src/errors.md: eol: lf", "output/json/errors.json: eol: lf"]
    for rel in ("docs_src/errors.md", "output/python/errors/errors.py", "errgen.lock", "errgen.toml"):
        assert b"\r\n" not in (clone / rel).read_bytes(), rel


def test_a_no_op_generate_takes_the_shortcut_only_while_every_file_is_as_recorded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shortcut check records is exact for generate too: a hand-edited output or a
    changed page makes generate do the full run and write."""
    project = make_project(tmp_path, {"coinm": "### -1000 UNKNOWN\n\n- An unknown error occurred.\n"})
    monkeypatch.setenv("ERRGEN_CACHE_DIR", str(tmp_path / "cache"))
    assert run_errgen("generate", cwd=project).returncode == 0
    assert run_errgen("check", cwd=project).returncode == 0  # records the inputs

    assert run_errgen("generate", cwd=project).stdout == "errgen: 0 written, 8 unchanged, 0 removed\n"
    edited = project / "output" / "typescript" / "coinm.ts"
    edited.write_text(edited.read_text(encoding="utf-8") + "// by hand\n", encoding="utf-8")
    assert run_errgen("generate", cwd=project).stdout.startswith("errgen: 1 written,")
    assert "// by hand" not in edited.read_text(encoding="utf-8")
    (project / "docs_src" / "coinm.md").write_text("### -1000 UNKNOWN\n\n- Unknown.\n", encoding="utf-8")
    assert run_errgen("generate", cwd=project).stdout.startswith("errgen: 4 written,")  # json, py, ts, lock
