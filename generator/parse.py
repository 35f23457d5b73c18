"""markdown-it token stream -> `ErrorPage` + diagnostics.

The walk looks only at top-level blocks, in document order:

* a heading whose plain text starts with an integer (`-1121 BAD_SYMBOL`,
  `\\-1121 …`, `−1121: …`) opens a code; any other heading opens a section
  and, when codes stand below it, becomes their category;
* bullet items under a code are its messages, paragraphs its description;
* a table is a message table, named by the heading above it and linked to the
  codes that heading names or whose text links to it;
* block quotes, code blocks and HTML are never part of a code (HTML anchors
  are kept to link tables).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .collector import collector_paused
from .diagnostics import Diagnostic, ErrgenError, has_errors
from .model import (
    Category,
    ErrorCode,
    ErrorPage,
    MessageTable,
    Source,
    TableRow,
)
from .names import category_id, unique_slug
from .patterns import message_from_text
from .plaintext import InlineText, html_anchor_ids, inline_text
from .read import SourceText
from .resolve import RawEntry, assign_identifiers, merge_duplicates

MAX_SAFE_INTEGER = 2**53 - 1

# `-1121 BAD_SYMBOL`, `−1121: BAD_SYMBOL`, `-1121 - BAD_SYMBOL`. Codes are
# negative as published: a heading such as "2024 roadmap" is not a code.
_CODE_HEADING = re.compile(
    r"[-\u2212](?P<digits>[0-9]+)(?:\s*:\s*|\s+[-\u2013\u2014]\s+|\s+|$)(?P<name>.*)", re.S
)
# A number too long to be a safe integer is not a code (nor fed to int()).
_CODE_IN_TEXT = re.compile(r"(?<![0-9A-Za-z-])[-\u2212]([0-9]{1,16})(?![0-9A-Za-z])")
_QUOTED = re.compile(r'"([^"]*)"')
_BETWEEN_QUOTED = re.compile(r"[\s/,;|.]*")
_LIST_MARKER = re.compile(r"\s*(?:[*+-]|[0-9]+[.)])?\s*")


@dataclass(frozen=True, slots=True)
class PageOptions:
    source_id: str
    path: str | None = None  # as recorded in outputs; default: the path diagnostics print
    url: str | None = None
    language: str = "en"
    # Identifier overrides by code, from errgen.toml.
    identifiers: Mapping[int, str] = field(default_factory=dict)
    # For a translated page: the base page's identifiers by code.
    base_identifiers: Mapping[int, str] | None = None
    # lint: a repeated code is reported at its first place as well as its second.
    duplicates_at_both_places: bool = False


@dataclass(slots=True)
class _Section:
    """A heading that is not a code: a category, a table's title, or neither."""

    level: int
    title: str
    line: int
    category: Category | None = None


@dataclass(frozen=True, slots=True)
class _Anchors:
    """Where a link can point at a heading: its GitHub slug, known only once every
    heading is read (repeats are numbered), and the HTML anchors before or in it."""

    ordinal: int  # among all headings
    html: tuple[str, ...]


@dataclass(slots=True)
class _RawTable:
    title: str
    line: int
    anchors: _Anchors | None  # of the heading it is under, code or not
    named_codes: tuple[int, ...]
    rows: list[TableRow]


_MARKDOWN = MarkdownIt("commonmark").enable("table")
# Block quotes ("> Source: …"), code blocks (the JSON payload example) are
# page furniture, never part of a code.
_SKIPPED = frozenset({"blockquote_open", "fence", "code_block"})


def parse_page(src: SourceText, options: PageOptions) -> tuple[ErrorPage, list[Diagnostic]]:
    """Parse one page; raise `ErrgenError` (with all diagnostics) on any error."""
    return page_from_tokens(src, tokenize(src.text), options)


@collector_paused()
def tokenize(text: str) -> list[Token]:
    """markdown-it's tokens for a page, in errgen's dialect (CommonMark and tables)."""
    return _MARKDOWN.parse(text)


@collector_paused()
def page_from_tokens(
    src: SourceText, tokens: Sequence[Token], options: PageOptions
) -> tuple[ErrorPage, list[Diagnostic]]:
    """The walk and the page-wide rules: `parse_page` after `tokenize` (bench/ times them apart)."""
    walker = _Walker(src)
    walker.walk(tokens)
    diagnostics = walker.diagnostics
    if not walker.entries and not has_errors(diagnostics):
        diagnostics.append(
            Diagnostic(src.display_path, 1, 1, "error",
                       "no error codes found: expected headings such as '### -1121 BAD_SYMBOL'",
                       "no-codes")
        )
    entries, merge_diags = merge_duplicates(
        walker.entries, src.display_path, both_places=options.duplicates_at_both_places
    )
    diagnostics += merge_diags
    identifiers, name_diags = assign_identifiers(
        entries, src.display_path, options.identifiers, options.base_identifiers
    )
    diagnostics += name_diags
    if has_errors(diagnostics):
        raise ErrgenError(diagnostics)
    errors = tuple(_error_code(entry, identifiers[entry.code]) for entry in entries)
    page = ErrorPage(
        source=Source(
            options.source_id, options.path or src.display_path, src.sha256, options.url, options.language
        ),
        title=walker.title or "",
        categories=tuple(walker.categories),
        errors=errors,
        message_tables=_link_tables(walker.tables, walker.headings, entries),
    )
    return page, sorted(diagnostics)


def _error_code(entry: RawEntry, identifier: str) -> ErrorCode:
    return ErrorCode(
        code=entry.code,
        name=entry.name,
        identifier=identifier,
        category=entry.category,
        messages=tuple(entry.messages),
        description=" ".join(entry.description),
        line=entry.line,
        column=entry.column,
    )


def _link_tables(
    tables: Sequence[_RawTable], headings: Sequence[str], entries: Sequence[RawEntry]
) -> tuple[MessageTable, ...]:
    """Each table with the codes its heading names and the codes whose links lead to it.

    GitHub numbers repeated heading slugs (`filter-failures-1`) in page order,
    so slugs are computed once every heading is read, and only for a page with tables.
    """
    if not tables:
        return ()
    taken: set[str] = set()
    slugs = [unique_slug(text, taken) for text in headings]
    linked = []
    for table in tables:
        keys = set() if table.anchors is None else {slugs[table.anchors.ordinal], *table.anchors.html}
        codes = list(dict.fromkeys(table.named_codes))
        for entry in entries:
            if entry.code not in codes and any(link.removeprefix("#") in keys for link in entry.links if link.startswith("#")):
                codes.append(entry.code)
        linked.append(MessageTable(table.title, tuple(codes), tuple(table.rows), table.line))
    return tuple(linked)


class _Walker:
    def __init__(self, src: SourceText) -> None:
        self.path = src.display_path
        self.lines = src.text.split("\n")
        self.diagnostics: list[Diagnostic] = []
        self.entries: list[RawEntry] = []
        self.categories: list[Category] = []
        self.tables: list[_RawTable] = []
        self.title: str | None = None
        self._title_is_h1 = False
        self._sections: list[_Section] = []  # open non-code headings, outermost first
        self._current: RawEntry | _Section | None = None
        self._pending_anchors: list[str] = []
        self._item_level: int | None = None  # nesting level of the open outermost bullet
        self._item_line = 0
        self._item_inlines: list[Token] = []
        self.headings: list[str] = []  # every heading's text, for GitHub's anchors
        self._anchors: _Anchors | None = None  # of the last heading
        self._category_ids: set[str] = set()

    def walk(self, tokens: Sequence[Token]) -> None:
        """One pass over the stream. Headings count at any depth: CommonMark
        nests a heading indented under a bullet inside that bullet's item."""
        i, end = 0, len(tokens)
        while i < end:
            token = tokens[i]
            kind = token.type
            # Most frequent first: a third of all tokens are inline.
            if kind == "inline":
                if self._item_level is None:
                    self._paragraph(token)
                else:
                    self._item_inlines.append(token)
            elif kind == "heading_open":
                self._end_message()
                self._heading(token, tokens[i + 1])
                i += 3  # heading_open, inline, heading_close
                continue
            elif kind == "list_item_open":
                if self._item_level is None:
                    self._item_level, self._item_line = token.level, _line(token)
            elif kind == "list_item_close":
                if token.level == self._item_level:
                    self._end_message()
                    self._item_level = None
            elif kind in _SKIPPED or kind == "table_open":
                block_end = _block_end(tokens, i)
                if kind == "table_open":
                    self._table(tokens[i : block_end + 1])
                i = block_end + 1
                continue
            elif kind == "html_block":
                self._pending_anchors += html_anchor_ids(token.content)
            i += 1

    # -- headings ---------------------------------------------------------

    def _heading(self, token: Token, inline: Token) -> None:
        level = int(token.tag[1:])
        line = _line(token)
        content = inline_text([inline])
        self._anchors = _Anchors(len(self.headings), (*self._pending_anchors, *content.anchors))
        self._pending_anchors = []
        self.headings.append(content.text)
        if self.title is None or (level == 1 and not self._title_is_h1):
            # The first H1 names the page; failing that, the first heading.
            self.title, self._title_is_h1 = content.text, level == 1
        while self._sections and self._sections[-1].level >= level:
            self._sections.pop()
        found = _CODE_HEADING.fullmatch(content.text)
        if found is None:
            section = _Section(level, content.text, line)
            self._sections.append(section)
            self._current = section
            return
        self._current = self._code_heading(found, content, line, self._column(line))

    def _code_heading(self, found: re.Match[str], content: InlineText, line: int, column: int) -> RawEntry | None:
        # Python refuses int() on 4,300+ digits; no safe integer has more than 16.
        digits = found["digits"].lstrip("0") or "0"
        if len(digits) > 16 or int(digits) > MAX_SAFE_INTEGER:
            shown = f"-{digits}" if len(digits) <= 20 else f"-{digits[:16]}... ({len(digits)} digits)"
            self._error(line, column, f"code {shown} is outside JavaScript's safe integers (|code| <= 2^53 - 1)", "code-out-of-range")
            return None
        code = -int(digits)
        name = found["name"].strip(" ")
        if not name:
            self._error(line, column, f"code {code} has no name: expected '{content.text} NAME'", "code-without-name")
            return None
        entry = RawEntry(code, name, line, column, self._category(), links=list(content.links))
        self.entries.append(entry)
        return entry

    def _category(self) -> str | None:
        if not self._sections:
            return None
        section = self._sections[-1]
        if section.category is None:
            new_id = category_id(section.title, self._category_ids)
            section.category = Category(new_id, section.title, section.line)
            self.categories.append(section.category)
        return section.category.id

    # -- blocks under a heading ------------------------------------------

    def _end_message(self) -> None:
        """The bullet read so far is one message of the current code."""
        inlines, self._item_inlines = self._item_inlines, []
        entry = self._current
        if not inlines or not isinstance(entry, RawEntry):
            return
        content = inline_text(inlines)
        entry.links += content.links
        if content.text:
            line = self._item_line if self._item_line else _line(inlines[0])
            entry.add_message(message_from_text(content.text, line, self._text_column(line)))
        self._item_line = 0  # text after a heading nested in the item starts a new message

    def _paragraph(self, inline: Token) -> None:
        content = inline_text([inline])
        if not content.text:
            # `<a id="other-errors"></a>` alone is a paragraph of inline HTML
            # (CommonMark's HTML blocks need a lone tag): it names the next heading.
            self._pending_anchors += content.anchors
            return
        entry = self._current
        if not isinstance(entry, RawEntry):
            return
        entry.links += content.links
        if content.text:
            entry.description.append(content.text)

    def _table(self, tokens: Sequence[Token]) -> None:
        current = self._current
        title, named = "", tuple[int, ...]()
        if isinstance(current, RawEntry):
            title, named = f"{current.code} {current.name}", (current.code,)
        elif isinstance(current, _Section):
            title = current.title
            named = tuple(-int(digits) for digits in _CODE_IN_TEXT.findall(current.title))
        rows: list[TableRow] = []
        in_body = False
        cells: list[Token] = []
        row_line = 0
        for token in tokens:
            if token.type == "tbody_open":
                in_body = True
            elif in_body and token.type == "tr_open":
                cells, row_line = [], _line(token)
            elif in_body and token.type == "inline":
                cells.append(token)
            elif in_body and token.type == "tr_close" and cells:
                rows += self._table_rows(cells, row_line)
        anchors = None if current is None else self._anchors  # a table under the heading in force
        self.tables.append(_RawTable(title, _line(tokens[0]), anchors, named, rows))

    def _table_rows(self, cells: Sequence[Token], line: int) -> list[TableRow]:
        first = inline_text(cells[:1]).text
        description = inline_text(cells[1:2]).text
        column = self._column(line)
        return [
            TableRow(message_from_text(text, line, column), description, line)
            for text in unquote_cell(first)
            if text
        ]

    # -- helpers ----------------------------------------------------------

    def _column(self, line: int) -> int:
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return len(text) - len(text.lstrip()) + 1

    def _text_column(self, line: int) -> int:
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        marker = _LIST_MARKER.match(text)
        return (marker.end() if marker else 0) + 1

    def _error(self, line: int, column: int, message: str, rule: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, column, "error", message, rule))


def unquote_cell(text: str) -> list[str]:
    """A message cell without the quotes that wrap it on the page.

    `"A." / "B."` lists two messages; an unclosed `"A.` or a stray period
    after the closing quote (`"A".`) still gives `A.` / `A`.
    """
    if not text.startswith('"'):
        return [text]
    quoted = _QUOTED.findall(text)
    if quoted and _BETWEEN_QUOTED.fullmatch(_QUOTED.sub("", text)):
        return [q.strip(" ") for q in quoted]
    return [text.strip('"').strip(" ")]


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def _block_end(tokens: Sequence[Token], start: int) -> int:
    """Index of the token that closes the block opened at `start`."""
    token = tokens[start]
    if token.nesting != 1:
        return start
    for index in range(start + 1, len(tokens)):
        if tokens[index].level == token.level and tokens[index].nesting == -1:
            return index
    return len(tokens) - 1
