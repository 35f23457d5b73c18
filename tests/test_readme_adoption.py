"""README's adoption section tells the truth: every excerpt it shows is in the
file it names, and its commands (bar the download) adopt errgen as it says."""

from __future__ import annotations

import re
import shlex
import shutil
import textwrap
from pathlib import Path

import pytest
from support import ROOT, import_file, run_errgen

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXCERPTS = re.findall(r"^`([^`\s]+)`(?: \(excerpt\))?[^\n]*:\n\n```\w*\n(.*?)```$", README, re.MULTILINE | re.DOTALL)


def contains_block(text: str, block: str) -> bool:
    """Whether `block`'s lines stand together in `text`, allowing one common indentation."""
    lines, wanted = text.splitlines(), textwrap.dedent(block).splitlines()
    return any(textwrap.dedent("\n".join(lines[i : i + len(wanted)])) == "\n".join(wanted)
               for i in range(len(lines) - len(wanted) + 1))


def test_the_section_shows_the_page_and_all_three_outputs() -> None:
    assert [path for path, _ in EXCERPTS][:4] == [
        "docs_src/binance-spot.md", "output/json/spot.json", "output/python/binance_errors/spot.py",
        "output/typescript/spot.ts",
    ]


@pytest.mark.parametrize(("path", "block"), EXCERPTS, ids=[path for path, _ in EXCERPTS])
def test_every_excerpt_is_in_the_file_it_names(path: str, block: str) -> None:
    assert contains_block((ROOT / path).read_text(encoding="utf-8"), block), f"README's excerpt of {path} is stale"


def test_the_adoption_commands_work_as_written(tmp_path: Path) -> None:
    commands = re.search(r"## Adopting errgen.*?```sh\n(.*?)```", README, re.DOTALL)
    assert commands is not None
    lines = commands[1].replace("\\\n", " ").splitlines()
    init = shlex.split(next(line for line in lines if line.startswith("errgen init")))
    assert run_errgen(*init[1:], cwd=tmp_path).returncode == 0
    shutil.copyfile(ROOT / "docs_src" / "binance-spot.md", tmp_path / "docs_src" / "spot.md")  # the curl line
    assert next(line for line in lines if line.startswith("errgen generate")).split("#")[0].split() == [
        "errgen", "generate"]

    assert run_errgen("generate", cwd=tmp_path).returncode == 0
    assert run_errgen("check", cwd=tmp_path).returncode == 0

    spot = import_file(tmp_path / "output" / "python" / "binance_errors" / "spot.py")
    found = spot.match("Parameter 'symbol' was empty.")
    assert (spot.ErrorCode.PARAM_EMPTY, spot.lookup(-1105), found.template, found.args) == (
        -1105, spot.ErrorCode.PARAM_EMPTY, "Parameter '%s' was empty.", ("symbol",))
