"""The page model: frozen dataclasses, complete before anything renders.

Nothing here holds Markdown: every string is the plain text an API sends or a
reader reads. Targets see only these types.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Source:
    """Where a page came from."""

    id: str
    path: str
    sha256: str
    url: str | None = None
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Message:
    """One message variant as the API sends it, with its placeholders."""

    text: str
    placeholders: tuple[str, ...]
    pattern: str  # anchored; the same text is valid in Python `re` and JS `RegExp(…, "su")`
    literal_length: int  # characters outside placeholders: how specific the template is
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    title: str
    line: int


@dataclass(frozen=True, slots=True)
class ErrorCode:
    code: int
    name: str
    identifier: str
    category: str | None  # Category.id, None when the code stands under no heading
    messages: tuple[Message, ...]
    description: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class TableRow:
    message: Message
    description: str
    line: int


@dataclass(frozen=True, slots=True)
class MessageTable:
    """Specific messages for some codes, such as spot's "Filter failures"."""

    title: str
    codes: tuple[int, ...]
    rows: tuple[TableRow, ...]
    line: int


@dataclass(frozen=True, slots=True)
class ErrorPage:
    source: Source
    title: str
    categories: tuple[Category, ...]
    errors: tuple[ErrorCode, ...]
    message_tables: tuple[MessageTable, ...]
