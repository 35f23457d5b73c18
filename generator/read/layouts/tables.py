"""A code table's rows, read by the columns' roles, whatever the format the
table was written in: the reader hands each row's cell texts; this decides
which row is a code and what each cell of it says.

A code cell that is almost a code (`-1125.`, a footnote mark, `-1127 / -1128`)
is read as what it means, with a problem; a row whose code cell is no code at
all ("0 or absent", "see below") is not read, with a problem; so is a row whose
code cell is empty while another cell holds text. A table of something else
whose header looks like a code table's (currency codes) is not read, with a
notice."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from ...diagnostics import Diagnostic, Severity
from .cells import http_status, unquote_cell
from .codes import CellCodes, cell_codes
from .columns import column_roles, decoy_code_column


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


class CellProblem(NamedTuple):
    """A code cell that is not exactly one code, or a table left out: the reader reports it at its line."""

    line: int
    message: str
    severity: str = "warning"  # "notice": a table that is not read (rule not-a-code-table)


def problem_diagnostic(path: str, problem: CellProblem, column: int) -> Diagnostic:
    """A table problem at its row's line: a notice for a table left out, else a code-cell warning."""
    rule = "not-a-code-table" if problem.severity == "notice" else "code-cell"
    severity: Severity = "notice" if problem.severity == "notice" else "warning"
    return Diagnostic(path, problem.line, column, severity, problem.message, rule)


class CodeTable(NamedTuple):
    rows: list[TableRow]
    message_column: int | None
    problems: list[CellProblem]


# (row, column) -> the code cell's plain text without its footnote marks, and those marks
# (`-1126<sup>1</sup>`); None when the cell can hold none: its text as given is the code cell's.
FootnotedCell = Callable[[int, int], "tuple[str, tuple[str, ...]] | None"]


def table_rows(headers: Sequence[str], rows: Sequence[RowCells], overrides: Mapping[str, str],
               struck: Callable[[int, int], bool], code_cell: FootnotedCell | None = None,
               line: int = 1) -> CodeTable | None:
    """The code rows of a table, its message column and the problems of its code
    cells; None for a table without a code column (a message table).
    `struck(row, column)`: whether that cell is struck out; `line`: the table's."""
    texts = [row.texts for row in rows]
    roles = column_roles(headers, texts, overrides)
    if "code" not in roles:
        return None
    decoy = decoy_code_column(headers, texts, roles, overrides)
    if decoy is not None:
        return CodeTable([], None, [CellProblem(line, f"this table is not read: {decoy}", "notice")])
    # Each row is read with a "" appended, and a role the table lacks reads
    # that last cell: a short row (a broken table's) or a missing column is "".
    columns = {role: index for index, role in enumerate(roles) if role is not None}
    code, name, message = columns["code"], columns.get("name", -1), columns.get("message")
    status, description = columns.get("http_status", -1), columns.get("description", -1)
    pad = [""] * (len(roles) + 1)
    read: list[TableRow] = []
    problems: list[CellProblem] = []
    for index, (row_line, cells, links) in enumerate(rows):
        row = cells + pad
        found = _codes(row[code], index, code, code_cell)
        if found.problem is not None:
            problems.append(CellProblem(row_line, found.problem))
        elif not found.codes and any(cells):
            problems.append(CellProblem(row_line, "this row's code cell is empty: the row is not read"))
        for each in found.codes:
            read.append(TableRow(
                row_line,
                each,
                unquote_cell(row[name])[0],
                struck(index, code),
                http_status(row[status]),
                None if message is None else tuple(text for text in unquote_cell(row[message]) if text),
                row[description],
                links,
                index,
            ))
    return CodeTable(read, message, problems)


def _codes(text: str, row: int, column: int, code_cell: FootnotedCell | None) -> CellCodes:
    """A code cell's codes; footnote marks are never digits of the code."""
    found = None if code_cell is None else code_cell(row, column)
    if found is None:
        return cell_codes(text)
    plain, marks = found
    return cell_codes(plain, marks)
