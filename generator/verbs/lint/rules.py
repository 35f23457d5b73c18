"""Doc defects in a page, one small function per rule id.

Each rule reads the assembled page, and what the reader recorded while it
read (the raw Markdown of each message, since plain text has lost its
backticks; every listing of a code; nested lists), and yields warnings at the
exact place: the page is parsed once. The parser's own findings come along
(`duplicate-code`, `duplicate-name`, its errors); `duplicate-code` is also
reported at the first place, so an editor shows a repeat from either end.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from ...assemble.page import assemble
from ...diagnostics import Diagnostic, ErrgenError
from ...model import ErrorCode, ErrorPage, Message
from ...pipeline import PageOptions
from ...read.raw import RawEntry
from ...read.reader import read_raw
from ...read.source import SourceText

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ...config.project import GroupConfig

_SCREAMING_SNAKE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")
# `10xx`, `11xx - 2xxx`, `3xxx-5xxx` at the start of a category heading.
_RANGE = re.compile(r"\s*([0-9]+)([xX]+)(?:\s*[-\u2013\u2014]\s*([0-9]+)([xX]+))?(?![0-9A-Za-z])")
# What separates a code from its name in a heading (as the parser reads it).
_CODE_PREFIX = re.compile(r"\s*\\?[-\u2212][0-9]+(?:\s*:\s*|\s+\\?[-\u2013\u2014]\s+|\s+)")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_OPENS_AFTER = frozenset("([{/=:,")
_BACKTICKS = re.compile("`+")


@dataclass(frozen=True)
class LintPage:
    page: ErrorPage
    path: str
    lines: tuple[str, ...]
    # Raw inline Markdown of the paragraph, heading or first table cell that
    # starts on a line: what a message or a name was written as.
    raw: Mapping[int, str]
    # First line of a list item -> first line of a list nested in it.
    nested_lists: Mapping[int, int]
    listings: tuple[RawEntry, ...]  # every listing of a code, repeats included
    unread: tuple[tuple[int, int, str, str], ...] = ()  # code-shaped text no layout read


Rule = Callable[[LintPage], Iterable[Diagnostic]]


def lint_source(src: SourceText, options: PageOptions | None = None) -> list[Diagnostic]:
    """Every finding in one page, read and assembled as `generate` reads it (with
    errgen.toml's `options` for the source), sorted; a page the parser rejects gives its errors."""
    options = options or PageOptions(source_id="page", path=src.display_path)
    raw = read_raw(src, options.reading)
    try:
        page, found = assemble(raw, options)
    except ErrgenError as exc:
        return list(exc.diagnostics)
    target = LintPage(page, src.display_path, tuple(src.text.split("\n")), raw.raw_inlines, raw.nested_lists,
                      raw.entries, raw.unread)
    return sorted([*found, *(d for rule in RULES for d in rule(target))])


# -- rules ------------------------------------------------------------------


def duplicate_code(target: LintPage) -> Iterator[Diagnostic]:
    """The first place of a repeated code (the parser warns at each later one)."""
    first: dict[str, RawEntry] = {}
    for entry in target.listings:
        earlier = first.setdefault(entry.code, entry)
        if earlier is not entry:
            yield _warn(target, earlier.line, earlier.column, "duplicate-code",
                        f"code {entry.code} is listed again at line {entry.line}; messages merged here")


def code_order(target: LintPage) -> Iterator[Diagnostic]:
    """Within a category, codes ascend by absolute value (-4188 after -4202 does not)."""
    previous: dict[str | None, ErrorCode] = {}
    for error in target.page.errors:
        before = previous.get(error.category)
        if before is not None and _magnitude(error) < _magnitude(before):
            yield _warn(target, error.line, error.column, "code-order",
                        f"code {error.code} comes after {before.code} (line {before.line}); "
                        f"codes in a category ascend by absolute value")
        previous[error.category] = error


def name_style(target: LintPage) -> Iterator[Diagnostic]:
    """Published names are SCREAMING_SNAKE; a translated (non-ASCII) name is not checked."""
    for error in target.page.errors:
        if error.name and error.name.isascii() and not _SCREAMING_SNAKE.fullmatch(error.name):
            yield _warn(target, error.line, _name_column(target, error), "name-style",
                        f'name "{error.name}" of code {error.code} is not SCREAMING_SNAKE_CASE; '
                        f"its identifier is {error.identifier}")


def copied_message(target: LintPage) -> Iterator[Diagnostic]:
    """A message that is already another code's: `match` without a code cannot tell them apart."""
    first: dict[str, tuple[ErrorCode, Message]] = {}
    for error in target.page.errors:
        for message in error.messages:
            owner, where = first.setdefault(message.text, (error, message))
            if owner is not error:
                yield _warn(target, message.line, message.column, "copied-message",
                            f'message "{message.text}" of code {error.code} is also a message of code '
                            f"{owner.code} (line {where.line}); match() without a code answers {owner.code}")


def no_message(target: LintPage) -> Iterator[Diagnostic]:
    """A code with no message, no description and no message table says nothing about itself."""
    tabled = {code for table in target.page.message_tables if table.rows for code in table.codes}
    for error in target.page.errors:
        if not (error.messages or error.description or error.code in tabled):
            yield _warn(target, error.line, error.column, "no-message",
                        f'code {error.code} "{error.name}" has no message or description')


def nested_list(target: LintPage) -> Iterator[Diagnostic]:
    """A message bullet with bullets under it: one message made of several items
    (real: a table of contents pasted after a code's last bullet)."""
    for error in target.page.errors:
        for message in error.messages:
            inner = target.nested_lists.get(message.line)
            if inner is not None:
                text = target.lines[inner - 1]
                yield _warn(target, inner, len(text) - len(text.lstrip()) + 1, "nested-list",
                            f"a list nested in a message of code {error.code} (line {message.line}) is folded "
                            f"into that message; its items are no messages of their own")


def unbalanced_backtick(target: LintPage) -> Iterator[Diagnostic]:
    """A backtick run that closes no code span: the message around it is likely cut wrong."""
    for line, raw in _message_sources(target):
        unclosed = _scan_code_spans(raw)[0]
        if unclosed:
            where, excerpt = _RawText(target, line, raw), _excerpt(raw)
            for offset in unclosed:
                yield _warn(target, *where.position(offset), "unbalanced-backtick",
                            f"backtick opens a code span that never closes, in message: {excerpt}")


def unbalanced_quote(target: LintPage) -> Iterator[Diagnostic]:
    """A quote with no partner outside code spans (apostrophes are not quotes)."""
    for line, raw in _message_sources(target):
        unpaired = _unpaired_quotes(_scan_code_spans(raw)[1])
        if unpaired:
            where, excerpt = _RawText(target, line, raw), _excerpt(raw)
            for offset in unpaired:
                yield _warn(target, *where.position(offset), "unbalanced-quote",
                            f"quote {raw[offset]} has no partner, in message: {excerpt}")


def category_range(target: LintPage) -> Iterator[Diagnostic]:
    """A heading such as `10xx - …` holds only codes whose absolute value is in its range."""
    held: dict[str | None, list[ErrorCode]] = {}
    for error in target.page.errors:
        held.setdefault(error.category, []).append(error)
    for category in target.page.categories:
        bounds = heading_range(category.title)
        if bounds is None:
            continue
        low, high = bounds
        outside = [e for e in held.get(category.id, []) if not low <= _magnitude(e) <= high]
        if outside:
            rest = len(outside) - 1
            more = f" and {rest} more code{'s' if rest > 1 else ''} are" if rest else " is"
            yield _warn(target, category.line, _indent_column(target, category.line), "category-range",
                        f'category "{category.title}" is for codes -{low} to -{high}, but '
                        f"{outside[0].code} (line {outside[0].line}){more} under it")


def unread_code(target: LintPage) -> Iterator[Diagnostic]:
    """A heading, list item or paragraph that starts like a code (or ends with one in
    parentheses) but that no layout read: a real code is never lost without a word.
    A mention of a code the page lists elsewhere is no loss."""
    listed = {entry.code.lstrip("0") or "0" for entry in target.listings}
    for line, column, what, code in target.unread:
        if code.lstrip("0") in listed:
            continue
        yield _warn(target, line, column, "unread-code",
                    f"{what} looks like a code but no layout read it; if it is one, write it as the page's other "
                    f"codes are, or give errgen.toml a `code_pattern` (--code-pattern) that reads it")


RULES: tuple[Rule, ...] = (
    duplicate_code, code_order, name_style, copied_message, no_message, nested_list, unbalanced_backtick, unbalanced_quote,
    category_range, unread_code,
)


# -- helpers ----------------------------------------------------------------


def heading_range(title: str) -> tuple[int, int] | None:
    """`11xx - 2xxx Request issues` -> (1100, 2999); None for a heading without a range."""
    found = _RANGE.match(title)
    if found is None:
        return None
    first, width = int(found[1]), len(found[2])
    last, last_width = (int(found[3]), len(found[4])) if found[3] else (first, width)
    return first * 10**width, (last + 1) * 10**last_width - 1


def _magnitude(error: ErrorCode) -> int:
    """What codes are ordered and ranged by: |code|, or 0 for a string code (no order)."""
    return abs(error.code) if isinstance(error.code, int) else 0


def _warn(target: LintPage, line: int, column: int, rule: str, message: str) -> Diagnostic:
    return Diagnostic(target.path, line, column, "warning", message, rule)


def _indent_column(target: LintPage, line: int) -> int:
    text = target.lines[line - 1] if 0 < line <= len(target.lines) else ""
    return len(text) - len(text.lstrip()) + 1


def _name_column(target: LintPage, error: ErrorCode) -> int:
    raw = target.raw.get(error.line)
    prefix = _CODE_PREFIX.match(raw) if raw is not None else None
    if raw is None or prefix is None:
        return error.column
    return _RawText(target, error.line, raw).position(prefix.end())[1]


def _message_sources(target: LintPage) -> Iterator[tuple[int, str]]:
    """(line, raw Markdown) of every message once: one table cell may list several."""
    messages = [m for error in target.page.errors for m in error.messages]
    messages += [row.message for table in target.page.message_tables for row in table.rows]
    for line in sorted({m.line for m in messages}):
        if line in target.raw:
            yield line, target.raw[line]


class _RawText:
    """Inline Markdown that starts on `line`, mapped back to the file: each
    position is a lookup (one message full of quotes stays linear)."""

    def __init__(self, target: LintPage, line: int, raw: str) -> None:
        self.rows = raw.split("\n")
        self.starts = [0]
        for row in self.rows[:-1]:
            self.starts.append(self.starts[-1] + len(row) + 1)
        files = target.lines[line - 1 : line - 1 + len(self.rows)]
        self.shift = [max(text.find(row), 0) for text, row in zip(files, self.rows)]
        self.shift += [0] * (len(self.rows) - len(self.shift))
        self.line = line

    def position(self, offset: int) -> tuple[int, int]:
        row = bisect_right(self.starts, offset) - 1
        return self.line + row, self.shift[row] + offset - self.starts[row] + 1


def _scan_code_spans(raw: str) -> tuple[list[int], str]:
    """Offsets of backtick runs that close no code span, and `raw` with code
    spans and backslash escapes masked (same length) so quotes in them do not count.

    A span closes at the next backtick run of its opening's length: the runs of
    each length are listed once, and each closing is found by bisection."""
    runs: dict[int, list[int]] = {}
    for found in _BACKTICKS.finditer(raw):
        runs.setdefault(found.end() - found.start(), []).append(found.start())
    unclosed: list[int] = []
    out = list(raw)
    i, end = 0, len(raw)
    while i < end:
        ch = raw[i]
        if ch == "\\" and i + 1 < end and raw[i + 1] in _ESCAPABLE:
            out[i : i + 2] = "xx"
            i += 2
            continue
        if ch != "`":
            i += 1
            continue
        j = i
        while j < end and raw[j] == "`":
            j += 1
        starts = runs.get(j - i, [])
        after = bisect_left(starts, j)
        if after == len(starts):
            unclosed.append(i)
            i = j
            continue
        close = starts[after] + (j - i)
        out[i:close] = "x" * (close - i)
        i = close
    return unclosed, "".join(out)


def _unpaired_quotes(text: str) -> list[int]:
    """Offsets of quotes without a partner: straight and curly double quotes,
    and single quotes that open (after a space or bracket) and never close."""
    straight = [i for i, ch in enumerate(text) if ch == '"']
    unpaired = straight[-1:] if len(straight) % 2 else []
    unpaired += _unpaired(text, "\u201c", "\u201d", apostrophe=False)
    unpaired += _unpaired(text, "'", "'", apostrophe=True)
    unpaired += _unpaired(text, "\u2018", "\u2019", apostrophe=True)
    return sorted(unpaired)


def _unpaired(text: str, opener: str, closer: str, apostrophe: bool) -> list[int]:
    """Pairs quotes left to right. Where `closer` doubles as an apostrophe
    (symbol's, doesn\u2019t), only an opener counts when left over."""
    open_at: list[int] = []
    stray: list[int] = []
    for i in (found.start() for found in re.finditer(f"[{opener}{closer}]", text)):
        ch, before, after = text[i], text[i - 1 : i], text[i + 1 : i + 2]
        if ch == opener and (not apostrophe or _opens(before, after)):
            open_at.append(i)
        elif ch == closer and open_at:
            open_at.pop()
        elif ch == closer and not apostrophe:
            stray.append(i)
    return open_at + stray


def _opens(before: str, after: str) -> bool:
    # A quote opens after a space or bracket and before text; elsewhere it is
    # an apostrophe or a closing quote.
    return (not before or before.isspace() or before in _OPENS_AFTER) and bool(after) and not after.isspace()


def _excerpt(raw: str, limit: int = 60) -> str:
    """The message as written, on one line and cut short."""
    text = " ".join(raw.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"



def unknown_group_code(config_path: str, page: ErrorPage, groups: Iterable[GroupConfig]) -> Iterator[Diagnostic]:
    """`unknown-group-code`: a `[[groups]]` code for this page's source that the page does not
    have, at the line of errgen.toml that lists it."""
    listed = {error.code for error in page.errors}
    for group in groups:
        line, column = group.places.get(page.source.id, (1, 1))
        for code in group.codes.get(page.source.id, ()):
            if code not in listed:
                yield Diagnostic(config_path, line, column, "warning",
                                 f"group {group.name!r} lists code {code!r} for source {page.source.id!r}, "
                                 f"which {page.source.path} does not have", "unknown-group-code")
