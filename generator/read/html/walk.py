"""One pass over the page's blocks (blocks.py), in document order, handing each
to its layout, with the same rules as the Markdown reader's walk:

* a heading whose plain text is a code (layouts/headings.py) opens a code; any
  other heading opens a section and, when codes stand below it, becomes their
  category (layouts/sections.py);
* under a code, list items are its messages and paragraphs its description;
* a paragraph that is only a code (and a name) followed by a list opens a code
  the same way (code_lines.py), in a block quote too;
* outside a code, a list item that starts with a code is one (bullets.py),
  and so is a `<dt>` that is only a code (definitions.py);
* a table is a code table or a message table (tables.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...assemble.patterns import Placeholders
from ...diagnostics import Diagnostic
from ...model import TableRow
from ..layouts.cells import unquote_cell
from ..layouts.headings import code_heading
from ..layouts.lines import codes_in_text
from ..layouts.sections import Sections
from ..layouts.tables import RowCells, problem_diagnostic, table_rows
from ..raw import Anchors, RawEntry, RawInlines, RawPage, RawTable, ReadOptions
from ..source import SourceText
from .blocks import IN_HEADING, Block, blocks
from .bullets import code_bullet
from .code_lines import code_line
from .definitions import definitions
from .positions import Positions
from .tables import HtmlGrid, grid
from .text import element_text, nodes_text


class _Heading:
    """A heading that is not a code: a category, a table's title, or neither."""

    def __init__(self, title: str, line: int, column: int) -> None:
        self.title, self.line, self.column = title, line, column


class Walker:
    def __init__(self, src: SourceText, options: ReadOptions, positions: Positions) -> None:
        self.path = src.display_path
        self.sha256 = src.sha256
        self.options = options
        self.positions = positions
        self.placeholders = Placeholders.for_page(options.placeholders)
        self.diagnostics: list[Diagnostic] = []
        self.entries: list[RawEntry] = []
        self.sections = Sections()
        self.tables: list[RawTable] = []
        self.tables_seen = 0
        self.title: str | None = None
        self._title_is_h1 = False
        self._current: RawEntry | _Heading | None = None
        self._pending_anchors: list[str] = []
        self.headings: list[str] = []
        self._anchors: Anchors | None = None
        self.nested_lists: dict[int, int] = {}

    def page(self) -> RawPage:
        return RawPage(
            path=self.path,
            sha256=self.sha256,
            title=self.title or "",
            categories=tuple(self.sections.categories),
            entries=tuple(self.entries),
            tables=tuple(self.tables),
            headings=tuple(self.headings),
            diagnostics=tuple(self.diagnostics),
            raw_inlines=RawInlines([]),  # lint's rules on raw Markdown have none to read in HTML
            nested_lists=self.nested_lists,
            tables_seen=self.tables_seen,
        )

    def walk(self, found: Sequence[Block], start: int, end: int) -> None:
        index = start
        while index < end:
            block = found[index]
            kind = block.kind
            if kind == "heading":
                self._heading(block)
            elif kind == "list":
                self._list(block.node)
            elif kind == "paragraph":
                index = self._paragraph(found, index, end)
            elif kind == "table":
                self._table(grid(block.node), block.node)
            elif kind == "dl":
                self._definitions(block.node)
            elif kind == "quote":
                self._quote(block.node)
            index += 1

    # -- headings ---------------------------------------------------------

    def _heading(self, block: Block) -> None:
        node, level = block.node, block.level
        read = element_text(node, IN_HEADING)
        line, column = self.positions.of(node)
        own = node.attributes.get("id")
        self._anchors = Anchors(len(self.headings), (*self._pending_anchors, *([own] if own else []), *read.anchors))
        self._pending_anchors = []
        self.headings.append(read.text)
        if self.title is None or (level == 1 and not self._title_is_h1):
            self.title, self._title_is_h1 = read.text, level == 1
        self.sections.heading(level)
        found = code_heading(read.text)
        if found is None:
            self.sections.open(level, read.text, line)
            self._current = _Heading(read.text, line, column)
            return
        code, name = found
        if not name:
            self._warn(line, column, f"code {code} has no name: expected '{read.text} NAME'; "
                                     f"its identifier comes from the code", "code-without-name")
        self._current = self._entry(code, name, line, column, "headings", read.links)

    def _entry(self, code: str, name: str, line: int, column: int, layout: str,
               links: Sequence[str] = ()) -> RawEntry:
        entry = RawEntry(code, name, line, column, self.sections.category(), layout, links=list(links))
        self.entries.append(entry)
        return entry

    # -- lists and paragraphs -----------------------------------------------

    def _list(self, node: Any) -> None:
        entry = self._current
        for item in node.iter(include_text=False):
            if item.tag != "li":
                continue
            read = element_text(item)
            line, column = self.positions.of(item)
            if read.nested_list is not None:
                self.nested_lists.setdefault(line, self.positions.of(read.nested_list)[0])
            if isinstance(entry, RawEntry):
                entry.links += read.links
                if read.text:
                    entry.add_message(self.placeholders.message(read.text, line, column))
                continue
            found = code_bullet(item, read)
            if found is not None:
                bullet = self._entry(found.code, "", line, column, "code bullets", read.links)
                if found.text:
                    bullet.add_message(self.placeholders.message(found.text, line, column))

    def _paragraph(self, found: Sequence[Block], index: int, end: int) -> int:
        block = found[index]
        read = nodes_text(block.run) if block.run else element_text(block.node)
        if not read.text:
            self._pending_anchors += read.anchors  # `<p><a id="x"></a></p>` names the next heading
            return index
        nodes = block.run or (block.node,)
        has_break = any(node.tag == "br" or (node.tag != "-text" and node.css_first("br") is not None)
                        for node in nodes)
        line, column = self.positions.of(block.node)
        found_line = code_line(read, found[:end], index, has_break)
        if found_line is not None:
            code, name = found_line
            self._current = self._entry(code, name, line, column, "code lines", read.links)
            return index
        entry = self._current
        if isinstance(entry, RawEntry):
            entry.links += read.links
            entry.description.append(read.text)
        return index

    def _quote(self, node: Any) -> None:
        """A block quote is read only when its first paragraph is a code line."""
        inner = blocks(node)
        if len(inner) >= 2 and inner[0].kind == "paragraph":
            read = nodes_text(inner[0].run) if inner[0].run else element_text(inner[0].node)
            if code_line(read, inner, 0, False) is not None:
                self.walk(inner, 0, len(inner))

    def _definitions(self, node: Any) -> None:
        for term, code, described in definitions(node):
            line, column = self.positions.of(term)
            entry = self._entry(code, "", line, column, "definitions", element_text(term).links)
            entry.description += described

    # -- tables ---------------------------------------------------------------

    def _table(self, table: HtmlGrid, node: Any) -> None:
        self.tables_seen += 1
        cells = [RowCells(self.positions.of(row.node)[0], [text.text for text in row.texts],
                          tuple(link for text in row.texts for link in text.links)) for row in table.rows]
        found = table_rows(table.header, cells, self.options.columns,
                           lambda row, column: column < len(table.rows[row].texts)
                           and table.rows[row].texts[column].struck, line=self.positions.of(node)[0])
        if found is None:
            self._message_table(table, node)
            return
        rows, _, problems = found
        column = self.positions.of(node)[1]  # at the row's line: the table's own column
        self.diagnostics += [problem_diagnostic(self.path, problem, column) for problem in problems]
        message = self.placeholders.message
        for code_row in rows:
            row = table.rows[code_row.row]
            line, column = self.positions.of(row.cells[0]) if row.cells else self.positions.of(row.node)
            entry = self._entry(code_row.code, code_row.name, line, column, "code tables", code_row.links)
            entry.deprecated = code_row.deprecated
            if code_row.messages is None:
                if code_row.http_status is not None:
                    entry.http_status.append(code_row.http_status)
            else:
                for text in code_row.messages:
                    entry.add_message(message(text, line, column, code_row.http_status))
            if code_row.description:
                entry.description.append(code_row.description)

    def _message_table(self, table: HtmlGrid, node: Any) -> None:
        current = self._current
        title, named = "", tuple[tuple[str, int, int], ...]()
        if isinstance(current, RawEntry):
            title, named = f"{current.code} {current.name}", ((current.code, current.line, current.column),)
        elif isinstance(current, _Heading):
            title = current.title
            named = tuple((code, current.line, current.column) for code in codes_in_text(current.title))
        rows: list[TableRow] = []
        for row in table.rows:
            if not row.texts:
                continue
            line, column = self.positions.of(row.cells[0])
            description = row.texts[1].text if len(row.texts) > 1 else ""
            rows += [TableRow(self.placeholders.message(text, line, column), description, line)
                     for text in unquote_cell(row.texts[0].text) if text]
        anchors = None if current is None else self._anchors
        self.tables.append(RawTable(title, self.positions.of(node)[0], anchors, named, rows))

    def _warn(self, line: int, column: int, message: str, rule: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, column, "warning", message, rule))


def read_blocks(src: SourceText, found: list[Block], positions: Positions, options: ReadOptions,
                ranges: Sequence[tuple[int, int]]) -> RawPage:
    walker = Walker(src, options, positions)
    for start, end in ranges:
        walker.walk(found, start, end)
    return walker.page()


def heading_texts(found: Sequence[Block]) -> list[tuple[int, int, str]]:
    return [(index, block.level, element_text(block.node, IN_HEADING).text)
            for index, block in enumerate(found) if block.kind == "heading"]

