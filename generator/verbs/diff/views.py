"""What `diff` compares: a small projection of a page (`PageView`), built from a
parsed page or from what errgen.lock records of it. A code's templates are its own
messages plus the rows of the message tables linked to it: both are what
`match(text, code)` tries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ...assemble.stable import SourceLock
from ...model import Code, ErrorPage


@dataclass(frozen=True)
class MessageView:
    text: str
    line: int
    column: int


@dataclass(frozen=True)
class CodeView:
    code: Code
    name: str
    identifier: str
    messages: tuple[MessageView, ...]
    line: int
    column: int
    category: str | None = None  # category id
    class_name: str = ""  # "": not recorded (a lock or a JSON document of before)

    def texts(self) -> set[str]:
        return {message.text for message in self.messages}


@dataclass(frozen=True)
class PageView:
    path: str
    codes: tuple[CodeView, ...]  # document order, one per code
    with_messages: bool = True  # False: a projection that records no messages (errgen.lock's)


def view_of_page(page: ErrorPage) -> PageView:
    tables: dict[Code, list[MessageView]] = {}
    for table in page.message_tables:
        for code in table.codes:
            tables.setdefault(code, []).extend(
                MessageView(row.message.text, row.message.line, row.message.column) for row in table.rows
            )
    codes = tuple(
        CodeView(
            error.code,
            error.name,
            error.identifier,
            unique_messages([MessageView(m.text, m.line, m.column) for m in error.messages] + tables.get(error.code, [])),
            error.line,
            error.column,
            error.category,
            error.class_name,
        )
        for error in page.errors
        if not error.retired  # kept by errgen.lock, gone from the page: removed, as far as the docs go
    )
    return PageView(page.source.path, codes)


def view_of_lock(locked: SourceLock, path: str) -> PageView:
    """The projection of what errgen.lock records of a source: codes, names, identifiers
    categories and classes, no messages and no places (each code at line 1)."""
    codes = tuple(CodeView(e.code, e.name, e.identifier, (), 1, 1, e.category, e.class_name)
                  for e in locked.codes if not e.retired)
    return PageView(path, codes, with_messages=False)


def unique_messages(messages: Iterable[MessageView]) -> tuple[MessageView, ...]:
    """First place of each text: a table row may repeat a code's own message."""
    seen: dict[str, MessageView] = {}
    for message in messages:
        seen.setdefault(message.text, message)
    return tuple(seen.values())
