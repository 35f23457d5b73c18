"""What the Python and TypeScript targets both emit: member rows and match templates."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Code, ErrorCode, ErrorPage, Message
from ..patterns import PLACEHOLDER

# `match` finds templates with placeholders by their first literal characters,
# so it tries a handful of patterns, not every one on the page.
PREFIX_KEY = 8


@dataclass(frozen=True, slots=True)
class MemberRow:
    error: ErrorCode
    category_title: str | None  # set on the first member of a category run: a comment line


@dataclass(frozen=True, slots=True)
class TemplateRow:
    """One template `match` tries: a code's message or a message-table row."""

    codes: tuple[Code, ...]  # codes on this page the template belongs to, first is the default
    text: str
    pattern: str
    literal_length: int  # ranks templates: the most literal characters wins
    key: str | None  # up to PREFIX_KEY leading literal characters; None: no placeholders


def member_rows(page: ErrorPage) -> list[MemberRow]:
    titles = {category.id: category.title for category in page.categories}
    rows: list[MemberRow] = []
    previous: str | None = None
    for error in page.errors:
        starts_run = error.category != previous and error.category is not None
        rows.append(MemberRow(error, titles[error.category] if starts_run and error.category else None))
        previous = error.category
    return rows


def template_rows(page: ErrorPage) -> list[TemplateRow]:
    """Every template in document order: codes' messages, then message tables."""
    rows = [_row((error.code,), message) for error in page.errors for message in error.messages]
    listed = {error.code for error in page.errors}
    for table in page.message_tables:
        codes = tuple(code for code in table.codes if code in listed)
        if codes:  # a table for codes this page does not list cannot answer `match`
            rows += [_row(codes, row.message) for row in table.rows]
    return rows


def _row(codes: tuple[Code, ...], message: Message) -> TemplateRow:
    first = PLACEHOLDER.search(message.text)
    key = None if first is None else message.text[: min(first.start(), PREFIX_KEY)]
    return TemplateRow(codes, message.text, message.pattern, message.literal_length, key)
