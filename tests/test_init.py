"""`errgen init` starts an SDK repository: a commented errgen.toml, a docs_src/
README, and never a clobbered file."""

from __future__ import annotations

import os
import re
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
