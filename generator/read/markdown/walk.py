"""One pass over the token stream, in document order, handing each block to its layout.

* a heading whose plain text starts with a negative integer opens a code
  (headings.py); any other heading opens a section and, when codes stand
  below it, becomes their category;
* under a code, bullet items are its messages and paragraphs its description;
* a one-line paragraph or quote that is only a code (and a name) followed by
  bullets opens a code the same way (code_lines.py);
* outside a code, a list item that starts with a code is one (bullets.py),
  and so is a paragraph `` `CODE` `` + `: description` lines (definitions.py);
* a table is a code table or a message table (tables.py);
* other block quotes, code blocks and HTML are never part of a code (HTML
  anchors are kept to link tables).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import copy
from dataclasses import replace
from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ...assemble.patterns import Placeholders
from ...diagnostics import Diagnostic
from ...model import TableRow
from ..layouts.cells import unquote_cell
from ..layouts.code_pattern import compile_code_pattern, match_code_pattern
from ..layouts.headings import code_heading, code_shaped_text, string_code_heading
from ..layouts.items import changelog_years, own_code_under
from ..layouts.lines import codes_in_text
from ..layouts.tables import problem_diagnostic
from ..raw import (
    Anchors,
    RawCategory,
    RawEntry,
    RawInlines,
    RawPage,
    RawTable,
    ReadOptions,
)
from ..source import SourceText
from .bullets import CodeBullet, code_bullet
from .code_lines import bullets_follow, code_line
from .definitions import definition
from .html_blocks import holds_codes_layout, read_html_block
from .plaintext import InlineText, html_anchor_ids, inline_text, token_text
from .sibling_headings import string_code_heading_lines
from .tables import Grid, broken_table, code_rows, grid_from_tokens

# Block quotes ("> Source: …") that hold no code line, and code blocks (the
# JSON payload example), are page furniture, never part of a code.
_SKIPPED = frozenset({"fence", "code_block"})
_CONTAINERS = frozenset({"list_item_open", "blockquote_open"})
_PASSED = frozenset({"paragraph_open", "paragraph_close"})
# The headings a part chosen without `section` starts or ends at are the page's
# top headings or headings naming errors: H1 and H2 on the pages seen. A part
# at a deeper one is walked again (Walker.part); a mark at every code heading
# cost 5% of the walk of a 20,000-code page.
_MARKED = frozenset({"h1", "h2"})
_INLINE_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_LIST_MARKER = re.compile(r"\s*(?:[*+-]|[0-9]+[.)])?\s*")
_QUOTE_MARKER = re.compile(r"\s*(?:>\s*)*")


class _Section:
    """A heading that is not a code: a category, a table's title, or neither."""

    __slots__ = ("category", "level", "line", "title")

    def __init__(self, level: int, title: str, line: int) -> None:
        self.level, self.title, self.line = level, title, line
        self.category: int | None = None  # index into the page's categories, once a code stands here


class _Mark(NamedTuple):
    entries: int
    categories: int
    tables: int
    tables_seen: int
    headings: int
    diagnostics: int
    unread: int
    read_inlines: int
    nested_lists: int
    no_anchors: bool  # no HTML anchor waits for the heading


class Walker:
    def __init__(self, src: SourceText, options: ReadOptions, max_nesting: int) -> None:
        self.path = src.display_path
        self.sha256 = src.sha256
        self.lines = src.text.split("\n")
        self.options = options
        self.placeholders = Placeholders.for_page(options.placeholders)
        self.max_nesting = max_nesting
        self.layout = options.layout
        self.pattern = compile_code_pattern(options.code_pattern) if options.code_pattern else None
        self.diagnostics: list[Diagnostic] = []
        self.entries: list[RawEntry] = []
        self.categories: list[RawCategory] = []
        self.tables: list[RawTable] = []
        self.tables_seen = 0
        self.unread: list[tuple[int, int, str, str]] = []
        self.title: str | None = None
        self._title_is_h1 = False
        self._sections: list[_Section] = []  # open non-code headings, outermost first
        self._current: RawEntry | _Section | None = None
        self._pending_anchors: list[str] = []
        self._item_level: int | None = None  # nesting level of the open outermost bullet
        self._item_line = 0
        self._item_inlines: list[Token] = []
        self._item_start = 0  # first line of the open outermost item
        self._quote_level: int | None = None  # nesting level of an open quote that holds a code line
        self.headings: list[str] = []
        # Of the last heading: (its ordinal, the HTML anchors before and in it), made an
        # `Anchors` only for a table under it (`heading_anchors`): most headings have none.
        self._anchor_parts: tuple[int, list[str], tuple[str, ...]] | None = None
        self.read_inlines: list[Token] = []
        self.nested_lists: dict[int, int] = {}
        self._stopped = False
        self._list_level: int | None = None  # nesting level of the open outermost list
        # Code bullets of that list, read when it closes: a list of years is a changelog.
        self._pending_bullets: list[tuple[CodeBullet, list[Token], int]] = []
        self._string_code_lines: set[int] = set()  # headings that are string codes (their siblings are too)
        # The plain text of each heading read, by the index of its heading_open token:
        # the parts of a page without `section` are decided on them (__init__.py).
        self.heading_texts: dict[int, str] = {}
        # Where the lists stood at each heading read with nothing open (bench row
        # `parse+model / floor (sapi)`): a part chosen after the whole walk is
        # cut from it (`part`), not walked a second time.
        self._marks: dict[int, _Mark] = {}

    def page(self) -> RawPage:
        return RawPage(
            path=self.path,
            sha256=self.sha256,
            title=self.title or "",
            categories=tuple(self.categories),
            entries=tuple(self.entries),
            tables=tuple(self.tables),
            headings=tuple(self.headings),
            diagnostics=tuple(self.diagnostics),
            raw_inlines=RawInlines(self.read_inlines),
            nested_lists=self.nested_lists,
            tables_seen=self.tables_seen,
            unread=tuple(self.unread),
        )

    def walk(self, tokens: Sequence[Token], start: int, end: int, headings: Sequence[int] | None = None) -> None:
        """One pass over tokens[start:end]. Headings count at any depth:
        CommonMark nests a heading indented under a bullet inside that bullet's item.
        `headings`: the index of every heading_open token, when known."""
        self._string_code_lines = string_code_heading_lines(tokens, start, end, headings)
        i = start
        while i < end:
            token = tokens[i]
            kind = token.type
            # Most frequent first: a third of all tokens are inline, another
            # third open or close what only their inline tokens matter in.
            if kind == "inline":
                if self._item_level is None:
                    i = self._paragraph(tokens, i, end)
                else:
                    self._item_inlines.append(token)
            elif kind in _PASSED:
                pass
            elif kind == "heading_open":
                if token.tag in _MARKED:
                    self._mark(i)
                self._end_message()
                self._end_list(keep_open=True)
                self._heading(token, tokens[i + 1], i)
                i += 3  # heading_open, inline, heading_close
                continue
            elif kind == "list_item_open":
                self._check_depth(token)
                if self._item_level is None:
                    self._item_level, self._item_line = token.level, _line(token)
                    self._item_start = self._item_line
            elif kind == "list_item_close":
                if token.level == self._item_level:
                    self._end_message()
                    self._item_level = None
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self._nested_list(token)
                if self._list_level is None:
                    self._list_level = token.level
            elif kind in ("bullet_list_close", "ordered_list_close"):
                if token.level == self._list_level:
                    self._end_list()
            elif kind == "blockquote_open":
                self._check_depth(token)
                if self._item_level is not None or not self._quote_holds_code_line(tokens, i, end):
                    i = self._skip(tokens, i) + 1
                    continue
                self._quote_level = token.level
            elif kind == "blockquote_close" and token.level == self._quote_level:
                self._quote_level = None
            elif kind == "table_open":
                grid, i = grid_from_tokens(tokens, i)
                self._table(grid)
                continue
            elif kind in _SKIPPED:
                i = self._skip(tokens, i) + 1
                continue
            elif kind == "html_block":
                self._pending_anchors += html_anchor_ids(token.content)
                if holds_codes_layout(token.content):
                    read_html_block(self, token)
            i += 1

    # -- headings ---------------------------------------------------------

    def _heading(self, token: Token, inline: Token, index: int) -> None:
        level = int(token.tag[1:])
        line = _line(token)
        content = token_text(inline)
        self.heading_texts[index] = content.text
        self._raw(inline)
        self._anchor_parts = (len(self.headings), self._pending_anchors, content.anchors)
        self._pending_anchors = []
        self.headings.append(content.text)
        if self.title is None or (level == 1 and not self._title_is_h1):
            # The first H1 names the page; failing that, the first heading.
            self.title, self._title_is_h1 = content.text, level == 1
        while self._sections and self._sections[-1].level >= level:
            self._sections.pop()
        reads = self._reads("headings")
        # The column only when a pattern may read the heading (bench row `dump synthetic-20000.md`).
        if self.pattern is not None and reads and self._pattern_entry(content, line, self._column(line), "headings"):
            return
        found = code_heading(content.text) if reads else None
        if found is None and reads and line in self._string_code_lines:
            code = string_code_heading(content.text)
            found = None if code is None else (code, "")
        if found is None:
            shaped = code_shaped_text(content.text)
            if shaped is not None:
                self.unread.append((line, self._column(line), f"heading {content.text!r}", shaped))
            section = _Section(level, content.text, line)
            self._sections.append(section)
            self._current = section
            return
        code, name = found
        column = self._column(line)
        if not name and line not in self._string_code_lines:
            self._warn(line, column, f"code {code} has no name: expected '{content.text} NAME'; "
                                     f"its identifier comes from the code", "code-without-name")
        self._current = self._entry(code, name, line, column, "headings", content.links)

    def heading_anchors(self) -> Anchors | None:
        """Where a link to the last heading can point; None before any heading."""
        if self._anchor_parts is None:
            return None
        ordinal, before, within = self._anchor_parts
        return Anchors(ordinal, (*before, *within))

    def _reads(self, layout: str) -> bool:
        """Whether the page is read in this layout (`layout` unset: in all)."""
        return self.layout is None or self.layout == layout

    def _pattern_entry(self, content: InlineText, line: int, column: int, layout: str) -> RawEntry | None:
        """The entry `code_pattern` reads from a heading's, item's or paragraph's text, or None."""
        if self.pattern is None:
            return None
        found = match_code_pattern(self.pattern, content.text)
        if found is None:
            return None
        code, name, message = found
        entry = self._entry(code, name, line, column, layout, content.links)
        if message:
            entry.add_message(self.placeholders.message(message, line, column))
        self._current = entry
        return entry

    def _entry(self, code: str, name: str, line: int, column: int, layout: str,
               links: Sequence[str] = ()) -> RawEntry:
        entry = RawEntry(code, name, line, column, self._category(), layout, links=list(links))
        self.entries.append(entry)
        return entry

    def _category(self) -> int | None:
        if not self._sections:
            return None
        section = self._sections[-1]
        if section.category is None:
            section.category = len(self.categories)
            self.categories.append(RawCategory(section.title, section.line))
        return section.category

    # -- blocks under a heading ------------------------------------------

    def _end_message(self) -> None:
        """The bullet read so far is one message of the current code, or a code bullet."""
        inlines, self._item_inlines = self._item_inlines, []
        entry = self._current
        if not inlines:
            return
        line = self._item_line if self._item_line else _line(inlines[0])
        self._item_line = 0  # text after a heading nested in the item starts a new message
        if not isinstance(entry, RawEntry) or self._pattern_item(inlines, line):
            if not isinstance(entry, RawEntry) and self._reads("bullets"):
                self._code_bullet(inlines, line)
            return
        own = code_bullet(inlines) if self._reads("bullets") else None
        if own is not None and own_code_under(entry.code, own.code):
            self._warn(line, self._text_column(line), f"bullet under code {entry.code} starts with code {own.code}: "
                       f"read as a code of its own, not as a message of {entry.code}", "code-bullet-under-code")
            self._add_code_bullet(own, inlines, line)
            return
        content = inline_text(inlines)
        entry.links += content.links
        if content.text:
            self._raw(inlines[0])
            entry.add_message(self.placeholders.message(content.text, line, self._text_column(line)))

    def _pattern_item(self, inlines: Sequence[Token], line: int) -> bool:
        """An item `code_pattern` reads is a code, wherever it stands (the user said so)."""
        if self.pattern is None or not self._reads("bullets"):
            return False
        current = self._current
        if self._pattern_entry(inline_text(inlines), line, self._text_column(line), "code bullets") is None:
            return False
        self._raw(inlines[0])
        self._current = current  # an item opens no code: the next items are read as before
        return True

    def _code_bullet(self, inlines: Sequence[Token], line: int) -> None:
        if self._pattern_item(inlines, line):
            return
        found = code_bullet(inlines)
        if found is not None:
            self._pending_bullets.append((found, list(inlines), line))
        elif self._reads("bullets"):
            text = inline_text(inlines).text
            shaped = code_shaped_text(text)
            if shaped is not None:
                self.unread.append((line, self._text_column(line), f"list item {_short(text)!r}", shaped))

    def _end_list(self, keep_open: bool = False) -> None:
        """The outermost list closed (or a heading inside it): its code bullets are codes,
        unless every bare number among them is a year (`- 2024: added …`): a changelog."""
        if not keep_open:
            self._list_level = None
        if not self._pending_bullets:  # most lists: messages under a code, read as they came
            return
        pending, self._pending_bullets = self._pending_bullets, []
        bare = [found for found, _, _ in pending if found.bare]
        if changelog_years([found.code for found in bare], [found.separator for found in bare]):
            pending = [item for item in pending if not item[0].bare]
        for found, inlines, line in pending:
            self._add_code_bullet(found, inlines, line)

    def _add_code_bullet(self, found: CodeBullet, inlines: Sequence[Token], line: int) -> RawEntry:
        self._raw(inlines[0])
        column = self._text_column(line)
        entry = self._entry(found.code, "", line, column, "code bullets", inline_text(inlines).links)
        if found.text:
            entry.add_message(self.placeholders.message(found.text, line, column))
        return entry

    def _paragraph(self, tokens: Sequence[Token], index: int, end: int) -> int:
        """Read the paragraph whose inline token is tokens[index]; the index of the last token read."""
        inline = tokens[index]
        content = token_text(inline)
        if not content.text:
            # `<a id="other-errors"></a>` alone is a paragraph of inline HTML
            # (CommonMark's HTML blocks need a lone tag): it names the next heading.
            self._pending_anchors += content.anchors
            return index
        if self.pattern is not None and self._reads("lines") and self._pattern_entry(
                content, _line(inline), self._column(_line(inline)), "code lines"):
            self._raw(inline)
            return index
        if (self._reads("lines") and self._code_line(tokens, index, end, content)) or self._quote_level is not None:
            return index
        entry = self._current
        if not isinstance(entry, RawEntry):
            last = self._definition(tokens, index, end) if self._reads("definitions") else None
            if last is None and not self._broken_table(inline):
                self._unread_line(inline, content.text)
            return index if last is None else last
        entry.links += content.links
        entry.description.append(content.text)
        return index

    def _code_line(self, tokens: Sequence[Token], index: int, end: int, content: InlineText) -> bool:
        found = code_line(content.text, tokens[index])
        shaped = code_shaped_text(content.text) if found is not None else None
        if shaped is not None and not bullets_follow(tokens, index, end):
            line = _line(tokens[index])
            self.unread.append((line, self._column(line),
                                f"paragraph {_short(content.text)!r} (no list of messages follows)", shaped))
        if found is None or not bullets_follow(tokens, index, end):
            return False
        code, name = found
        line = _line(tokens[index])
        self._raw(tokens[index])
        self._current = self._entry(code, name, line, self._text_column(line, _QUOTE_MARKER), "code lines", content.links)
        return True

    def _unread_line(self, inline: Token, text: str) -> None:
        """A one-line paragraph outside any code that starts or ends like a code (for lint)."""
        if any(child.type in ("softbreak", "hardbreak") for child in inline.children or ()):
            return
        shaped = code_shaped_text(text)
        if shaped is not None and not any(item[0] == _line(inline) for item in self.unread[-1:]):
            line = _line(inline)
            self.unread.append((line, self._column(line), f"paragraph {_short(text)!r}", shaped))

    def _quote_holds_code_line(self, tokens: Sequence[Token], index: int, end: int) -> bool:
        """A block quote is read only when its first paragraph is a code line."""
        if index + 2 >= end or tokens[index + 1].type != "paragraph_open":
            return False
        inline = tokens[index + 2]
        return code_line(inline_text([inline]).text, inline) is not None and bullets_follow(tokens, index + 2, end)

    def _definition(self, tokens: Sequence[Token], index: int, end: int) -> int | None:
        """A definition of a code whose term is tokens[index]: the index of its
        last inline token, None when there is none."""
        found = definition(tokens, index, end)
        if found is None:
            return None
        code, described, last = found
        inline = tokens[index]
        line = _line(inline)
        self._raw(inline)
        links = [link for token in tokens[index : last + 1] if token.type == "inline" for link in token_text(token).links]
        entry = self._entry(code, "", line, self._column(line), "definitions", links)
        entry.description += [text for text in described if text]
        return last

    def _broken_table(self, inline: Token) -> bool:
        found = broken_table(inline, _INLINE_PARSER.parseInline)
        if found is None:
            return False
        grid, header_cells, delimiter_cells = found
        self._warn(grid.line, self._column(grid.line),
                   f"this table's header has {header_cells} cells and its delimiter row {delimiter_cells}: "
                   f"Markdown shows it as a paragraph; read as a table", "broken-table")
        self._table(grid)
        return True

    # -- tables -------------------------------------------------------------

    def _table(self, grid: Grid) -> None:
        self.tables_seen += 1
        found = code_rows(grid, self.options.columns) if self._reads("table") else None
        if found is None:
            self._message_table(grid)
            return
        rows, problems = found
        self.diagnostics += [problem_diagnostic(self.path, p, self._column(p.line)) for p in problems]
        message = self.placeholders.message
        for (line, code, name, deprecated, status, texts, description, links, _), source in rows:
            column = self._column(line)
            entry = self._entry(code, name, line, column, "code tables", links)
            entry.deprecated = deprecated
            if texts is None:
                if status is not None:
                    entry.http_status.append(status)
            else:
                if source is not None:
                    self._raw(source)
                for text in texts:
                    entry.add_message(message(text, line, column, status))
            if description:
                entry.description.append(description)

    def _message_table(self, grid: Grid) -> None:
        current = self._current
        title, named = "", tuple[tuple[str, int, int], ...]()
        if isinstance(current, RawEntry):
            title, named = f"{current.code} {current.name}", ((current.code, current.line, current.column),)
        elif isinstance(current, _Section):
            title = current.title
            named = tuple((code, current.line, self._column(current.line)) for code in codes_in_text(current.title))
        rows: list[TableRow] = []
        for line, tokens in grid.rows:
            rows += self._table_rows(tokens, line)
        anchors = None if current is None else self.heading_anchors()  # a table under the heading in force
        self.tables.append(RawTable(title, grid.line, anchors, named, rows))

    def _table_rows(self, cells: Sequence[Token], line: int) -> list[TableRow]:
        first = inline_text(cells[:1]).text
        description = inline_text(cells[1:2]).text
        column = self._column(line)
        if cells:
            self._raw(cells[0])
        return [
            TableRow(self.placeholders.message(text, line, column), description, line)
            for text in unquote_cell(first)
            if text
        ]

    # -- a part of the page, cut from the whole walk --------------------------

    def _mark(self, index: int) -> None:
        """Before the heading at tokens[index]: how long each list is, when nothing
        is open that the heading would close (else no mark: a part starting or
        ending there is walked again)."""
        if (self._item_level is None and self._list_level is None and self._quote_level is None
                and not self._item_inlines and not self._pending_bullets and not self._stopped):
            self._marks[index] = self._counts(not self._pending_anchors)

    def _counts(self, no_anchors: bool) -> _Mark:
        return _Mark(len(self.entries), len(self.categories), len(self.tables), self.tables_seen,
                     len(self.headings), len(self.diagnostics), len(self.unread), len(self.read_inlines),
                     len(self.nested_lists), no_anchors)

    def part(self, start: int, end: int, tokens: Sequence[Token]) -> Walker | None:
        """A walker holding what a fresh walk of tokens[start:end] would read, cut
        from this whole walk (tokens[start] is a heading and no heading in the part
        is of its level or higher); None when the two walks could differ."""
        first = self._marks.get(start)
        # At the page's end both walks stop alike; before a later heading this walk
        # closed nothing of the part's there.
        last = self._counts(True) if end >= len(tokens) else self._marks.get(end)
        if first is None or last is None or not first.no_anchors or start not in self.heading_texts:
            return None
        if _line(tokens[start]) in self._string_code_lines:
            return None  # its siblings outside the part made it a code; alone it is none
        if any(e.category is not None and e.category < first.categories for e in self.entries[first.entries : last.entries]):
            return None  # under a heading before the part (a `code_pattern` heading opens no section)
        part = copy(self)
        part.title = self.heading_texts[start]  # no heading in the part is an H1 after its first
        part.entries = self.entries[first.entries : last.entries]
        for entry in part.entries:
            if entry.category is not None:
                entry.category -= first.categories
        part.categories = self.categories[first.categories : last.categories]
        part.tables = [replace(table, anchors=replace(table.anchors, ordinal=table.anchors.ordinal - first.headings))
                       if table.anchors is not None else table for table in self.tables[first.tables : last.tables]]
        part.tables_seen = last.tables_seen - first.tables_seen
        part.headings = self.headings[first.headings : last.headings]
        part.diagnostics = self.diagnostics[first.diagnostics : last.diagnostics]
        part.unread = self.unread[first.unread : last.unread]
        part.read_inlines = self.read_inlines[first.read_inlines : last.read_inlines]
        part.nested_lists = dict(list(self.nested_lists.items())[first.nested_lists : last.nested_lists])
        return part

    # -- helpers ----------------------------------------------------------

    def _nested_list(self, token: Token) -> None:
        if self._item_level is not None and token.map:
            self.nested_lists.setdefault(self._item_start, token.map[0] + 1)

    def _check_depth(self, token: Token) -> None:
        """markdown-it stops reading a container nested `maxNesting` deep, and
        everything after it in the page with it: an error here, never a silent loss."""
        if token.level >= self.max_nesting - 1 and not self._stopped:
            self._stopped = True
            line = _line(token)
            self.diagnostics.append(Diagnostic(
                self.path, line, self._column(line), "error",
                f"lists or quotes nested more than {self.max_nesting // 2} deep: Markdown stops reading "
                f"the page here, and every code after this line would be lost", "nesting-too-deep"))

    def _skip(self, tokens: Sequence[Token], start: int) -> int:
        """Index of the token that closes the block opened at `start` (a skipped
        block is still checked for depth: markdown-it's stop inside it loses the page)."""
        token = tokens[start]
        if token.nesting != 1:
            return start
        deep = self.max_nesting - 1
        for index in range(start + 1, len(tokens)):
            inner = tokens[index]
            if inner.level == token.level and inner.nesting == -1:
                return index
            if inner.level >= deep and inner.type in _CONTAINERS:
                self._check_depth(inner)
        return len(tokens) - 1

    def _raw(self, inline: Token) -> None:
        self.read_inlines.append(inline)

    def _column(self, line: int) -> int:
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return len(text) - len(text.lstrip()) + 1

    def _text_column(self, line: int, marker: re.Pattern[str] = _LIST_MARKER) -> int:
        """Column of the text after a list marker (or, for a code line, quote markers)."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        found = marker.match(text)
        return (found.end() if found else 0) + 1

    def _warn(self, line: int, column: int, message: str, rule: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, column, "warning", message, rule))


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1
