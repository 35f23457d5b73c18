"""The HTML reader: a built docs page's DOM -> `RawPage`, the same raw page the
Markdown reader gives, so `assemble`, every target, `lint` and `diff` work unchanged.

Lexbor (selectolax) parses the page as a browser would; `blocks` keeps the
main content as a flat run of blocks; one module per layout (code_lines,
bullets, tables, definitions) says what its elements look like, with the
decisions every reader shares in read/layouts/; `walk` visits the blocks in
document order. Positions are mapped back to the file (positions.py).
"""

from __future__ import annotations

from dataclasses import replace

from selectolax.lexbor import LexborHTMLParser

from ...diagnostics import Diagnostic
from ...speed.collector import collector_paused
from ..layouts.sections import section_ranges
from ..raw import RawPage, ReadOptions
from ..source import SourceText
from .blocks import blocks, content_root
from .positions import Positions
from .walk import heading_texts, read_blocks


@collector_paused()
def read_html(src: SourceText, options: ReadOptions) -> RawPage:
    tree = LexborHTMLParser(src.text)
    found = blocks(content_root(tree))
    problems: list[Diagnostic] = []
    if options.section:
        ranges, problems = section_ranges(heading_texts(found), options.section, src.display_path, len(found))
    else:
        ranges = [(0, len(found))]
    page = read_blocks(src, found, Positions(src.text, tree), options, ranges)
    return replace(page, diagnostics=(*problems, *page.diagnostics)) if problems else page


@collector_paused()
def read_fragment(src: SourceText, options: ReadOptions, first_line: int) -> RawPage:
    """A raw HTML block of a Markdown page (a `<table>`, a `<dl>`), read by this
    reader; `src` is the block's text, and its lines are moved to the page's
    (`first_line`: the block's first line in the page)."""
    tree = LexborHTMLParser(src.text)
    found = blocks(content_root(tree))
    return read_blocks(src, found, Positions(src.text, tree, first_line - 1), options, [(0, len(found))])
