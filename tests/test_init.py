"""`errgen init` starts an SDK repository: a commented errgen.toml, a docs_src/
README, and never a clobbered file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.9 and 3.10
    import tomli as tomllib  # type: ignore[no-redef]
from pathlib import Path

import pytest
from errgen.config.project import load_config
from errgen.targets.filters.toml import tomlstr
from support import ROOT, run_errgen

SEED = ROOT / "docs_src" / "binance-coinm.md"  # the seed page, as committed


def test_init_then_copy_page_then_generate_then_check_is_the_whole_adoption(tmp_path: Path) -> None:
    result = run_errgen("init", cwd=tmp_path)

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "wrote errgen.toml\n"
        "wrote docs_src/README.md\n"
        "wrote .gitattributes\n"
        "next: copy the published page to docs_src/errors.md, then run `errgen generate`\n"
    )
    assert "Do not edit\n`output/` by hand" in (tmp_path / "docs_src" / "README.md").read_text()
    config = load_config(tmp_path / "errgen.toml", "errgen.toml")
    assert [(s.id, s.path.as_posix(), s.url) for s in config.sources] == [("errors", "docs_src/errors.md", None)]

    shutil.copyfile(SEED, tmp_path / "docs_src" / "errors.md")
    assert run_errgen("generate", cwd=tmp_path).returncode == 0
    assert (tmp_path / "output" / "python" / "errors" / "errors.py").is_file()
    assert run_errgen("check", cwd=tmp_path).returncode == 0


def test_the_starter_config_is_live_where_needed_and_every_commented_example_is_valid(tmp_path: Path) -> None:
    run_errgen("init", "--source-id", "spot", "--package", "binance_errors", cwd=tmp_path)
    text = (tmp_path / "errgen.toml").read_text()
    examples = re.compile(r"# (?=\[|[a-z_]+ = )")  # a commented table header or key
    (tmp_path / "all.toml").write_text("\n".join(examples.sub("", line, count=1) for line in text.splitlines()))

    live = tomllib.loads(text)
    everything = load_config(tmp_path / "all.toml", "all.toml")

    assert live == {"output": {"python_package": "binance_errors"},
                    "sources": [{"id": "spot", "path": "docs_src/spot.md"}]}
    assert everything.targets == ("json", "python", "typescript")
    spot, translated = everything.sources
    assert (spot.language, spot.identifiers, spot.url) == ("en", {-1002: "UNAUTHORIZED_2"}, "https://…")
    assert (translated.language, translated.translation_of) == ("zh-CN", "spot")


def test_rerunning_init_keeps_every_existing_file_byte_for_byte(tmp_path: Path) -> None:
    run_errgen("init", cwd=tmp_path)
    (tmp_path / "errgen.toml").write_text("# mine\n", encoding="utf-8")
    (tmp_path / "docs_src" / "README.md").unlink()

    result = run_errgen("init", "--package", "other", cwd=tmp_path)

    assert result.returncode == 0
    assert result.stdout.splitlines()[:2] == [
        "wrote docs_src/README.md",
        "kept errgen.toml (exists; errgen init never overwrites)",
    ]
    assert (tmp_path / "errgen.toml").read_text() == "# mine\n"
    again = run_errgen("init", cwd=tmp_path)
    assert again.stdout.count("kept ") == 3 and "wrote" not in again.stdout and "next:" not in again.stdout


def test_init_into_a_folder_that_does_not_exist_yet(tmp_path: Path) -> None:
    result = run_errgen("init", "sdk", "--url", "https://example.com/errors.md", "--no-fetch", cwd=tmp_path)

    assert result.stdout.splitlines() == [
        "wrote sdk/errgen.toml",
        "wrote sdk/docs_src/README.md",
        "wrote sdk/.gitattributes",
        "next: copy the published page to sdk/docs_src/errors.md, then run `errgen generate`",
    ]
    assert load_config(tmp_path / "sdk" / "errgen.toml", "").sources[0].url == "https://example.com/errors.md"


@pytest.mark.parametrize("flag", ["--package", "--source-id"])
@pytest.mark.parametrize("name", ["Binance-Errors", "class", "__init__", "enum"])
def test_a_name_that_cannot_name_a_module_is_a_usage_error_and_writes_nothing(tmp_path: Path, flag: str,
                                                                              name: str) -> None:
    result = run_errgen("init", flag, name, cwd=tmp_path)

    assert result.returncode == 2
    assert result.stderr.endswith(
        f"errgen init: error: argument {flag}: {name!r} must be a lower-case module name that is a keyword in "
        "neither Python nor TypeScript (it names modules)\n"
    )
    assert list(tmp_path.iterdir()) == []


HOSTILE = ['"', "\\", '"""', "a\nurl = 'x'\n[output]", "\x00\x07\x1b\x7f", "\u2028\u2029\u00a0", "é€😀", "${x}`"]


@pytest.mark.parametrize("text", HOSTILE)
def test_tomlstr_reads_back_as_the_same_text(text: str) -> None:
    assert tomllib.loads(f"value = {tomlstr(text)}\n") == {"value": text}


def test_a_url_that_is_not_utf_8_is_a_usage_error_and_writes_nothing(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "errgen", "init", "--url", b"https://x/\xff".decode(
        "utf-8", "surrogateescape")], cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, check=False)

    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "errgen init: error: argument --url: 'https://x/\\udcff' is not valid UTF-8"
    assert list(tmp_path.iterdir()) == []


def test_a_hostile_url_cannot_add_settings_to_the_config(tmp_path: Path) -> None:
    url = 'https://x/"\nlanguage = "xx"\n[output]\npython_package = "evil"'
    assert run_errgen("init", "--url", url, "--no-fetch", cwd=tmp_path).returncode == 0

    config = load_config(tmp_path / "errgen.toml", "errgen.toml")

    assert (config.sources[0].url, config.sources[0].language, config.python_package) == (url, "en", "errors")
