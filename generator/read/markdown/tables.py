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
from typing import Optional

from markdown_it.token import Token

from ..layouts.tables import CellProblem, RowCells, TableRow, table_rows
from .plaintext import footnoted_text, plain_text, token_text

_DELIMITER_ROW = re.compile(r"\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")


@dataclass(frozen=True)
class Grid:
    line: int
    header: list[Token]  # one inline token per header cell
    rows: list[tuple[int, list[Token]]]  # (line, inline token per cell)


# A code row, and its message cell, whose raw Markdown lint reads.
CodeRow = tuple[TableRow, Optional[Token]]


def code_rows(grid: Grid, overrides: Mapping[str, str]) -> tuple[list[CodeRow], list[CellProblem]] | None:
    """The rows of a table with a code column, and the problems of its code cells
    (read/layouts/tables.py decides); None for a table without one (a message table)."""
    headers = [token_text(token).text for token in grid.header]
    found = table_rows(headers, [RowCells(line, *_cells(tokens)) for line, tokens in grid.rows], overrides,
                       lambda row, column: _struck(grid.rows[row][1][column]),
                       lambda row, column: _footnoted(grid, row, column), grid.line)
    if found is None:
        return None
    rows, message, problems = found
    read = []
    for row in rows:
        tokens = grid.rows[row.row][1]
        source = tokens[message] if message is not None and message < len(tokens) else None
        read.append((row, source))
    return read, problems


def _footnoted(grid: Grid, row: int, column: int) -> tuple[str, tuple[str, ...]] | None:
    """A code cell's text without what `<sup>…</sup>` holds, and those marks; None for
    a cell without inline HTML: its text as `_cells` read it (bench row `dump table-20000.md`:
    no second plain text of every code cell)."""
    tokens = grid.rows[row][1]
    if column >= len(tokens) or not any(child.type == "html_inline" for child in tokens[column].children or ()):
        return None
    return footnoted_text(tokens[column])


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


def _cell_token(text: str, parse_inline: Callable[[str], list[Token]]) -> Token:
    return parse_inline(text)[0]


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1
