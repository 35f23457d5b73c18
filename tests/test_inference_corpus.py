"""Every corpus page read without a layout flag reads as it does with the flags its
project gives (errgen.toml and examples/*/errgen.toml): `section` and `columns`
are inferred. `placeholders` is no layout flag (the page's own spellings,
`<Limit>`) and is kept in both readings.

A page's flags are those of the project source whose page has the corpus page's
bytes; a page no project reads is read without flags, and must still read.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from errgen.config.project import load_config
from errgen.diagnostics import Diagnostic
from errgen.model import ErrorPage
from errgen.pipeline import PageOptions, ReadOptions, parse_page
from errgen.read.source import read_source
from errgen.verbs.api import reading_options
from support import CORPUS, ROOT

CONFIGS = [ROOT / "errgen.toml", *sorted((ROOT / "examples").glob("*/errgen.toml"))]
PAGES = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "README.md")  # html/ too
# What the no-flag reading says it chose, by page: the flag it stands for.
CHOSEN = {
    "binance-wallet.md": "read only the part under 'Error Codes': '错误代码' lists the same codes again",
    "binance-portfolio-margin.md": "read only the part under 'Error Codes': '错误代码' lists the same codes again",
    "okx-rest-api-public.md": "read only the part under 'Public': '公共' lists the same codes again",
}


def _flags() -> dict[bytes, ReadOptions]:
    found: dict[bytes, ReadOptions] = {}
    for path in CONFIGS:
        config = load_config(path, str(path))
        for source in config.sources:
            page = path.parent / source.path
            found.setdefault(page.read_bytes(), reading_options(source))
    return found


FLAGS = _flags()


def _read(page: Path, reading: ReadOptions) -> tuple[ErrorPage, list[Diagnostic]]:
    return parse_page(read_source(page, page.name), PageOptions(page.stem, reading=reading))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_flag_reading_is_the_flagged_reading(page: Path) -> None:
    flagged_options = FLAGS.get(page.read_bytes(), ReadOptions())
    no_flag_options = ReadOptions(placeholders=flagged_options.placeholders)
    flagged, _ = _read(page, flagged_options)
    no_flag, said = _read(page, no_flag_options)
    assert no_flag.errors, f"{page.name}: no codes without flags"
    assert replace(no_flag, source=flagged.source) == flagged
    chosen = [d.message for d in said if d.rule == "section-chosen"]
    expected = CHOSEN.get(page.name)
    assert [m[: len(expected)] for m in chosen] == ([expected] if expected else [])


def test_the_corpus_pages_with_layout_flags_are_all_compared() -> None:
    """The comparison is not empty: the pages whose projects give a section are among those read."""
    with_section = {page.name for page in PAGES if FLAGS.get(page.read_bytes(), ReadOptions()).section}
    assert with_section == {"binance-wallet.md", "binance-portfolio-margin.md", "okx-rest-api-public.md"}
