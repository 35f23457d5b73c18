"""The page model: frozen dataclasses, complete before anything renders.

Nothing here holds Markdown: every string is the plain text an API sends or a
reader reads. Targets see only these types.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

from .speed.frozen import fast_init

# int on a page whose codes are all plain integers, else every code is a str.
# Union, not `int | str`: an alias is evaluated at import, also on Python 3.9.
Code = Union[int, str]
CodeType = Literal["int", "str"]
PathPart = Union[str, int]  # a key of a JSON object, or an index into a JSON array


@dataclass(frozen=True)
class BodyShape:
    """Where one shape of error body holds its code and message (errgen.toml's `payload`)."""

    code: tuple[PathPart, ...]
    messages: tuple[tuple[PathPart, ...], ...]  # tried in order; none: the body sends no message


# `{"code": …, "msg": …}` and `{"code": …, "message": …}`.
DEFAULT_PAYLOAD = (BodyShape(("code",), (("msg",), ("message",))),)


@dataclass(frozen=True)
class Source:
    """Where a page came from."""

    id: str
    path: str
    sha256: str
    url: str | None = None
    language: str = "en"


@fast_init
@dataclass(frozen=True)
class Message:
    """One message variant as the API sends it, with its placeholders."""

    text: str
    placeholders: tuple[str, ...]
    pattern: str  # anchored; the same text is valid in Python `re` and JS `RegExp(…, "su")`
    literal_length: int  # characters outside placeholders: how specific the template is
    line: int
    column: int
    http_status: int | None = None  # of the table row it came from
    # The text between placeholders, len(placeholders) + 1 pieces: what a matcher
    # in any language compares, so no runtime re-finds the placeholders.
    literals: tuple[str, ...] = ()


@fast_init
@dataclass(frozen=True)
class Category:
    id: str
    title: str
    line: int
    class_name: str = ""  # ApiError subclass for the category (classes.py)


@fast_init
@dataclass(frozen=True)
class ErrorCode:
    code: Code
    name: str
    identifier: str
    category: str | None  # Category.id, None when the code stands under no heading
    messages: tuple[Message, ...]
    description: str
    line: int
    column: int
    class_name: str = ""  # ApiError subclass for the code (classes.py)
    deprecated: bool = False  # struck out on the page, or gone from it but kept by errgen.lock
    aliases: tuple[str, ...] = ()  # earlier identifiers of the code, kept as deprecated aliases
    groups: tuple[str, ...] = ()  # names of the errgen.toml groups the code is in
    http_status: tuple[int, ...] = ()  # statuses of its table rows, when they hold no messages
    retired: bool = False  # gone from the page, kept (deprecated) by errgen.lock until --prune

    def with_classes(self, class_name: str, groups: tuple[str, ...]) -> ErrorCode:
        """This code with its class and groups (classes.py): `dataclasses.replace`
        without its lookup of every field by name, a third of naming a large page."""
        return ErrorCode(self.code, self.name, self.identifier, self.category, self.messages, self.description,
                         self.line, self.column, class_name, self.deprecated, self.aliases, groups,
                         self.http_status, self.retired)


@fast_init
@dataclass(frozen=True)
class TableRow:
    message: Message
    description: str
    line: int


@fast_init
@dataclass(frozen=True)
class MessageTable:
    """Specific messages for some codes, such as spot's "Filter failures"."""

    title: str
    codes: tuple[Code, ...]
    rows: tuple[TableRow, ...]
    line: int


@dataclass(frozen=True)
class Group:
    """A `[[groups]]` of errgen.toml that has codes on this page: a class they all inherit."""

    name: str  # its class name: the group's name in errgen.toml unless that was taken (classes.py)
    retryable: bool
    codes: tuple[Code, ...]
    outcome: str | None = None  # "unknown": the request may have been executed
    config_name: str = ""  # its name in errgen.toml (errgen.lock's key); "": the same as `name`


@dataclass(frozen=True)
class ErrorPage:
    source: Source
    title: str
    categories: tuple[Category, ...]
    errors: tuple[ErrorCode, ...]
    message_tables: tuple[MessageTable, ...]
    code_type: CodeType = "int"
    groups: tuple[Group, ...] = ()
    payload: tuple[BodyShape, ...] = DEFAULT_PAYLOAD  # the error bodies' shapes, tried in order
    subcodes: str = ""  # separator of `PARENT_SUB` codes (OKX's "_"); "" when the page has none
