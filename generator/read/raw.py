"""What a reader hands to `assemble`: every code as listed, repeats included, with its place.

Nothing here is decided for the whole page yet: codes are kept as written
(`-1121`, `50011`, `INVALID_PARAM`), since whether a page's codes are integers
depends on all of them; identifiers, merges and links come later.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic
from ..model import Message, TableRow
from ..speed.frozen import fast_init

TYPE_CHECKING = False
if TYPE_CHECKING:  # config reads ROLES here, and needs no parser
    from markdown_it.token import Token

# Where a code entry came from: names the layouts in the no-codes message.
LAYOUTS = ("headings", "code lines", "code tables", "code bullets", "definitions")


# errgen.toml `layout`, `--layout`: the one layout a page is read in.
LAYOUT_CHOICES = ("table", "headings", "bullets", "definitions", "lines")

# What a table column can be (errgen.toml `columns`, `--column HEADER=ROLE`).
ROLES = ("code", "name", "message", "description", "http_status", "ignore")

@dataclass(frozen=True)
class ReadOptions:
    """What errgen.toml (or a flag) says about how to read one page."""

    section: tuple[str, ...] = ()  # read only under these headings (plain text, any case)
    columns: Mapping[str, str] = field(default_factory=dict)  # table header -> role
    placeholders: tuple[str, ...] = ()  # the page's own placeholder spellings (`<Limit>`)
    layout: str | None = None  # one of LAYOUT_CHOICES: read only that layout; None: infer
    # A regular expression over a heading's, list item's or paragraph's plain text,
    # with groups code, name, message (checked by layouts.code_pattern).
    code_pattern: str | None = None


@dataclass(frozen=True)
class RawCategory:
    """A heading codes stand under, as read: assemble gives it its id (and the lock keeps it)."""

    title: str
    line: int


@dataclass
class RawEntry:
    """One listing of a code: a heading, a code line, a table row, a bullet or a definition."""

    code: str  # as written, minus sign normalised; `assemble` decides int or str
    name: str  # "" when the layout gives none
    line: int
    column: int
    category: int | None  # index into RawPage.categories; None: under no heading
    layout: str  # one of LAYOUTS
    messages: list[Message] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    http_status: list[int] = field(default_factory=list)  # of rows without a message column
    deprecated: bool = False
    _seen: set[tuple[str, int | None]] = field(default_factory=set, repr=False)

    def add_message(self, message: Message) -> None:
        """Messages in order, each once (a set, so one code with N messages costs N)."""
        key = (message.text, message.http_status)
        if key not in self._seen:
            self._seen.add(key)
            self.messages.append(message)


@fast_init
@dataclass(frozen=True)
class Anchors:
    """Where a link can point at a heading: its GitHub slug (known once every
    heading is read, since repeats are numbered) and the HTML anchors in or before it."""

    ordinal: int  # among all headings
    html: tuple[str, ...]


@dataclass
class RawTable:
    """A message table (no code column): specific messages for the codes it names or links."""

    title: str
    line: int
    anchors: Anchors | None  # of the heading it is under, code or not
    named_codes: tuple[tuple[str, int, int], ...]  # (code as written, line, column) named by its heading
    rows: list[TableRow]


class RawInlines(Mapping[int, str]):
    """The raw inline Markdown of each heading, message and table cell read, by
    its first line (the first one read on a line): for lint, which never parses
    the page a second time. Kept as the tokens, made a dict only when asked:
    `dump` and `generate` never ask."""

    def __init__(self, tokens: list[Token]) -> None:
        self._tokens = tokens
        self._by_line: dict[int, str] | None = None

    def _lines(self) -> dict[int, str]:
        if self._by_line is None:
            self._by_line = {}
            for token in self._tokens:
                if token.map:
                    self._by_line.setdefault(token.map[0] + 1, token.content)
        return self._by_line

    def __getitem__(self, line: int) -> str:
        return self._lines()[line]

    def __iter__(self) -> Iterator[int]:
        return iter(self._lines())

    def __len__(self) -> int:
        return len(self._lines())


@dataclass(frozen=True)
class RawPage:
    path: str  # as diagnostics print it
    sha256: str
    title: str
    categories: tuple[RawCategory, ...]
    entries: tuple[RawEntry, ...]  # document order, repeats included
    tables: tuple[RawTable, ...]
    headings: tuple[str, ...]  # every heading's plain text, for GitHub's anchors
    diagnostics: tuple[Diagnostic, ...]
    raw_inlines: RawInlines  # for lint
    # For lint too: the first line of each outermost list item -> the first line of a list nested in it.
    nested_lists: Mapping[int, int]
    tables_seen: int = 0  # tables of any kind: the no-codes message suggests --column
    # For lint: (line, column, what, code) of code-shaped headings, items and paragraphs no layout read.
    unread: tuple[tuple[int, int, str, str], ...] = ()
