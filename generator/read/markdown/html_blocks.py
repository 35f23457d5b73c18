"""A raw HTML block in a Markdown page that holds a `<table>` or a `<dl>`
(generated API docs write their code tables so): read by the HTML reader, its
codes joined to the page at the block's place, under the heading in force."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markdown_it.token import Token

from ..layouts.lines import codes_in_text
from ..raw import RawEntry, RawTable
from ..source import SourceText

if TYPE_CHECKING:
    from .walk import Walker

_LAYOUT_TAG = re.compile(r"<(?:table|dl)[\s>]", re.IGNORECASE)


def holds_codes_layout(html: str) -> bool:
    return _LAYOUT_TAG.search(html) is not None


def read_html_block(walker: Walker, token: Token) -> None:
    # Lexbor is loaded only for a page that has such a block.
    from ..html import read_fragment

    first_line = token.map[0] + 1 if token.map else 1
    fragment = SourceText(walker.path, token.content, walker.sha256, "html")
    read = read_fragment(fragment, walker.options, first_line)
    for entry in read.entries:
        entry.category = walker._category()
        walker.entries.append(entry)
    walker.diagnostics += read.diagnostics
    walker.tables_seen += read.tables_seen
    current = walker._current
    # A message table takes its title from the heading in force, as a Markdown table does.
    title = (f"{current.code} {current.name}" if isinstance(current, RawEntry)
             else current.title if current is not None else "")
    if isinstance(current, RawEntry):
        named: tuple[tuple[str, int, int], ...] = ((current.code, current.line, current.column),)
    else:
        line = current.line if current is not None else 1
        named = tuple((code, line, walker._column(line)) for code in codes_in_text(title))
    for table in read.tables:
        walker.tables.append(RawTable(title, table.line, None if current is None else walker.heading_anchors(),
                                      named, table.rows))
