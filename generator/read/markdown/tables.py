"""Tables: a code table (a column whose role is `code`: one entry per row) or a
message table (spot's "Filter failures": specific messages for some codes).

A table is first a `Grid` of inline tokens, from markdown-it's table tokens or
from a paragraph that is plainly a broken table (a header and a delimiter row
of different widths, which renderers show as text): its codes would otherwise
vanish without a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from markdown_it.token import Token

from ..layouts.codes import code_token
from ..layouts.columns import column_roles
from .plaintext import plain_text, token_text

_QUOTED = re.compile(r'"([^"]*)"')
_BETWEEN_QUOTED = re.compile(r"[\s/,;|.]*")
_DELIMITER_ROW = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
_HTTP_STATUS = re.compile(r"[1-5][0-9][0-9]")


@dataclass(frozen=True)
class Grid:
    line: int
    header: list[Token]  # one inline token per header cell
    rows: list[tuple[int, list[Token]]]  # (line, inline token per cell)


class CodeRow(NamedTuple):
    """One row of a code table, read by the columns' roles (a tuple: a table has thousands)."""

    line: int
    code: str
    name: str
    deprecated: bool  # the code is struck out
    http_status: int | None
    messages: tuple[str, ...] | None  # None: the table has no message column (a description is no template)
    description: str
    links: tuple[str, ...]
    message_source: Token | None  # the message cell, whose raw Markdown lint reads


def code_rows(grid: Grid, overrides: Mapping[str, str]) -> list[CodeRow] | None:
    """The rows of a table with a code column; None for a table without one (a message table).

    A row whose code cell is no single token ("0 or absent") is no code."""
    headers = [token_text(token).text for token in grid.header]
    read_cells = [_cells(tokens) for _, tokens in grid.rows]
    texts = [texts for texts, _ in read_cells]
    roles = column_roles(headers, texts, overrides)
    if "code" not in roles:
        return None
    # Each row is read with a "" appended, and a role the table lacks reads
    # that last cell: a short row (a broken table's) or a missing column is "".
    columns = {role: index for index, role in enumerate(roles) if role is not None}
    code, name, message = columns["code"], columns.get("name", -1), columns.get("message")
    status, description = columns.get("http_status", -1), columns.get("description", -1)
    pad = [""] * (len(roles) + 1)
    read = []
    for (line, tokens), (cells, links) in zip(grid.rows, read_cells):
        row = cells + pad
        found = code_token(row[code])
        if found is None:
            continue
        read.append(CodeRow(
            line,
            found,
            unquote_cell(row[name])[0],
            _struck(tokens[code]),
            http_status(row[status]),
            None if message is None else tuple(text for text in unquote_cell(row[message]) if text),
            row[description],
            links,
            tokens[message] if message is not None and message < len(tokens) else None,
        ))
    return read


def _cells(tokens: Sequence[Token]) -> tuple[list[str], tuple[str, ...]]:
    """A row's cell texts, and the links in any of them."""
    texts = []
    links: tuple[str, ...] = ()
    for token in tokens:
        plain = plain_text(token)
        if plain is None:
            cell = token_text(token)
            texts.append(cell.text)
            links += cell.links
        else:
            texts.append(plain)
    return texts, links


def _struck(token: Token) -> bool:
    """Wholly or partly struck out (`~~10018~~`)."""
    return any(child.type == "s_open" for child in token.children or ())


def grid_from_tokens(tokens: Sequence[Token], start: int) -> tuple[Grid, int]:
    """The table opened by tokens[start] (`table_open`), and the index after its `table_close`
    (a table holds no block that could hold another table)."""
    header: list[Token] = []
    rows: list[tuple[int, list[Token]]] = []
    in_body = False
    index = start
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        kind = token.type
        if kind == "inline":
            (rows[-1][1] if in_body and rows else header).append(token)
        elif kind == "tr_open" and in_body:
            rows.append((_line(token), []))
        elif kind == "tbody_open":
            in_body = True
        elif kind == "table_close":
            break
    grid = Grid(_line(tokens[start]), header, [(line, cells) for line, cells in rows if cells])
    return grid, index + 1


def broken_table(inline: Token, parse_inline: Callable[[str], list[Token]]) -> tuple[Grid, int, int] | None:
    """A paragraph whose second line is a delimiter row: (grid, header cells, delimiter cells)."""
    lines = inline.content.split("\n")
    if len(lines) < 2 or "|" not in lines[0] or not _DELIMITER_ROW.fullmatch(lines[1].strip()):
        return None
    first = _line(inline)
    header = [_cell_token(text, parse_inline) for text in split_row(lines[0])]
    rows = [(first + offset, [_cell_token(text, parse_inline) for text in split_row(line)])
            for offset, line in enumerate(lines[2:], start=2) if line.strip()]
    return Grid(first, header, rows), len(header), len(split_row(lines[1]))


def split_row(line: str) -> list[str]:
    """A table row's cells: split at pipes that are neither escaped nor in a code span."""
    cells, current, ticks, i = [], [], 0, 0
    text = line.strip()
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if ch == "`":
            ticks ^= 1
        if ch == "|" and not ticks:
            cells.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    cells.append("".join(current))
    if text.startswith("|"):
        cells = cells[1:]
    if text.endswith("|") and cells:
        cells = cells[:-1]
    return [cell.strip() for cell in cells]


def unquote_cell(text: str) -> list[str]:
    """A message cell without the quotes that wrap it on the page.

    `"A." / "B."` lists two messages; `"A".` is `A.` (the server sends the
    period, DESIGN "Plain text"); an unclosed `"A.` still gives `A.`.
    """
    if not text.startswith('"'):
        return [text]
    if text.endswith('".') and text.count('"') == 2:
        return [text[1:-2].strip(" ") + "."]
    quoted = _QUOTED.findall(text)
    if quoted and _BETWEEN_QUOTED.fullmatch(_QUOTED.sub("", text)):
        return [q.strip(" ") for q in quoted]
    return [text.strip('"').strip(" ")]


def http_status(text: str) -> int | None:
    return int(text) if _HTTP_STATUS.fullmatch(text) else None


def _cell_token(text: str, parse_inline: Callable[[str], list[Token]]) -> Token:
    return parse_inline(text)[0]


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1
