"""A page's text -> `ErrorPage`: the Markdown reader, then the page-wide rules.

    read (readers/markdown: one module per layout) -> RawPage -> assemble -> ErrorPage

`tokenize` and `page_from_tokens` are the two halves, timed apart by bench/.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from .assemble.page import PageOptions as AssembleOptions
from .assemble.page import assemble
from .diagnostics import Diagnostic
from .model import ErrorPage
from .read.markdown import read_tokens
from .read.markdown import tokenize as _tokenize
from .read.raw import ReadOptions
from .read.source import SourceText
from .speed.collector import collector_paused

__all__ = ["PageOptions", "ReadOptions", "page_from_tokens", "parse_page", "tokenize"]


@dataclass(frozen=True)
class PageOptions(AssembleOptions):
    """Everything a source says about its page: how to read it and what to call it."""

    reading: ReadOptions = field(default_factory=ReadOptions)


def parse_page(src: SourceText, options: PageOptions) -> tuple[ErrorPage, list[Diagnostic]]:
    """Parse one page; raise `ErrgenError` (with all diagnostics) on any error."""
    return page_from_tokens(src, tokenize(src), options)


def tokenize(src: SourceText) -> list[Token]:
    return _tokenize(src)


@collector_paused()
def page_from_tokens(src: SourceText, tokens: Sequence[Token], options: PageOptions) -> tuple[ErrorPage, list[Diagnostic]]:
    return assemble(read_tokens(src, list(tokens), options.reading), options)
