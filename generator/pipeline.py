"""A page's text -> `ErrorPage`: the reader of its format, then the page-wide rules.
Every verb (generate, check, dump, diff, lint) reads a page through here.

    read (read/markdown or read/html: one module per layout) -> RawPage -> assemble -> ErrorPage

`tokenize` and `page_from_tokens` are the two halves, timed apart by bench/.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from .assemble.page import AssembleOptions, assemble
from .diagnostics import Diagnostic
from .model import ErrorPage
from .read.markdown import read_tokens
from .read.markdown import tokenize as _tokenize
from .read.raw import ReadOptions
from .read.reader import read_raw
from .read.source import SourceText
from .speed.collector import collector_paused

__all__ = ["PageOptions", "ReadOptions", "page_from_tokens", "parse_page", "tokenize"]


@dataclass(frozen=True)
class PageOptions(AssembleOptions):
    """Everything a source says about its page: how to read it and what to call it."""

    reading: ReadOptions = field(default_factory=ReadOptions)


@collector_paused()
def parse_page(src: SourceText, options: PageOptions) -> tuple[ErrorPage, list[Diagnostic]]:
    """Parse one page; raise `ErrgenError` (with all diagnostics) on any error.

    The one place a page is read with the collector paused (speed/collector.py);
    `dump` keeps it paused on to the JSON text."""
    if src.format == "html":
        return assemble(read_raw(src, options.reading), options)
    return page_from_tokens(src, tokenize(src), options)


def tokenize(src: SourceText) -> list[Token]:
    return _tokenize(src)


def page_from_tokens(src: SourceText, tokens: Sequence[Token], options: PageOptions) -> tuple[ErrorPage, list[Diagnostic]]:
    return assemble(read_tokens(src, list(tokens), options.reading), options)
