"""A code table's rows, read by the columns' roles, whatever the format the
table was written in: the reader hands each row's cell texts; this decides
which row is a code and what each cell of it says."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from .cells import http_status, unquote_cell
from .codes import code_token
from .columns import column_roles


class RowCells(NamedTuple):
    line: int
    texts: list[str]  # each cell's plain text
    links: tuple[str, ...]  # in any cell


class TableRow(NamedTuple):
    """One row of a code table (a tuple: a table has thousands)."""

    line: int
    code: str
    name: str
    deprecated: bool  # the code is struck out
    http_status: int | None
    messages: tuple[str, ...] | None  # None: the table has no message column (a description is no template)
    description: str
    links: tuple[str, ...]
    row: int  # its index among the rows given


def table_rows(headers: Sequence[str], rows: Sequence[RowCells], overrides: Mapping[str, str],
               struck: Callable[[int, int], bool]) -> tuple[list[TableRow], int | None] | None:
    """The code rows of a table and its message column; None for a table without
    a code column (a message table). `struck(row, column)`: whether that cell is
    struck out. A row whose code cell is no single token ("0 or absent") is no code."""
    roles = column_roles(headers, [row.texts for row in rows], overrides)
    if "code" not in roles:
        return None
    # Each row is read with a "" appended, and a role the table lacks reads
    # that last cell: a short row (a broken table's) or a missing column is "".
    columns = {role: index for index, role in enumerate(roles) if role is not None}
    code, name, message = columns["code"], columns.get("name", -1), columns.get("message")
    status, description = columns.get("http_status", -1), columns.get("description", -1)
    pad = [""] * (len(roles) + 1)
    read = []
    for index, (line, cells, links) in enumerate(rows):
        row = cells + pad
        found = code_token(row[code])
        if found is None:
            continue
        read.append(TableRow(
            line,
            found,
            unquote_cell(row[name])[0],
            struck(index, code),
            http_status(row[status]),
            None if message is None else tuple(text for text in unquote_cell(row[message]) if text),
            row[description],
            links,
            index,
        ))
    return read, message
