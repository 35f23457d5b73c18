"""One page on its own, without errgen.toml: what `dump` prints and what `diff` compares.

Apart from api.py, so that `errgen dump` imports the reader, the model and the
JSON writer only: no config, lock, writer, lint or diff machinery.
"""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import (
    Diagnostic,
    ErrgenError,
    display_path,
    fails_strict,
    make_strict,
)
from ..model import ErrorPage
from ..pipeline import PageOptions, ReadOptions, parse_page
from ..read.source import read_source
from ..speed.collector import collector_paused
from ..targets.json.document import document_text


def dump(path: Path, reading: ReadOptions | None = None, strict: bool = False,
         class_names: str = "") -> tuple[str, tuple[Diagnostic, ...]]:
    """The JSON target for one page, no configuration needed (source id: the file's stem).

    The collector stays paused from the parse to the text: what each stage
    allocates is alive until the text is built, and resuming it in between
    rescans all of it for cycles it does not hold (generator/speed/collector.py)."""
    with collector_paused():
        page, diagnostics = page_alone(path, reading, strict, class_names)
        return document_text(page), tuple(diagnostics)


def page_alone(path: Path, reading: ReadOptions | None, strict: bool,
               class_names: str = "") -> tuple[ErrorPage, list[Diagnostic]]:
    """A page read without errgen.toml; under `strict` a page defect (a warning) is an error;
    `class_names`: as errgen.toml's ("message" or "")."""
    shown = display_path(path)
    options = PageOptions(source_id=path.stem, path=shown, reading=reading or ReadOptions(), class_names=class_names)
    page, diagnostics = parse_page(read_source(path, shown), options)
    if strict and fails_strict(diagnostics):
        raise ErrgenError(make_strict(diagnostics))
    return page, diagnostics
