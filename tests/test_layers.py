"""Each stage imports what it needs and no more: reading errgen.toml needs no
parser or template engine, reading a page no template engine or formatter."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("jinja2", "markdown_it", "black", "orjson")


def imported(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    names = set(out.split())
    return {heavy for heavy in HEAVY if heavy in names}


@pytest.mark.parametrize(("module", "allowed"), [
    ("errgen.config.project", {"orjson"}),  # the registry's names, folders and filters, not its Jinja
    ("errgen.write.noop", set()),  # a no-op check reads files and hashes them
    ("errgen.pipeline", {"markdown_it"}),  # reading a page: the parser, no renderer
    ("errgen.verbs.dump", {"markdown_it", "orjson"}),  # dump: the reader and the JSON writer
])
def test_a_stage_imports_only_what_it_needs(module: str, allowed: set[str]) -> None:
    assert imported(module) <= allowed
