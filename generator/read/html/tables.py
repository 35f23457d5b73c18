"""`<table>`s: a code table (a column whose role is `code`) or a message table,
read by the same rules as a Markdown table (layouts/tables.py).

The header is the `<thead>`'s first row, else the first row (of `<th>`
cells, or of `<td>` cells in a table written without a header). Rows are the table's own (a table nested in a cell is read
as a table of its own, and left out of the cell's text).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .text import ElementText, element_text

_NESTED = frozenset({"table"})


@dataclass(frozen=True)
class HtmlRow:
    node: Any  # the `<tr>`
    cells: list[Any]  # its `<td>`/`<th>` elements
    texts: list[ElementText]


@dataclass(frozen=True)
class HtmlGrid:
    header: list[str]
    rows: list[HtmlRow]


def grid(table: Any) -> HtmlGrid:
    header: HtmlRow | None = None
    rows: list[HtmlRow] = []
    for part in table.iter(include_text=False):
        if part.tag == "tr":
            rows.append(_row(part))
            continue
        if part.tag not in ("thead", "tbody", "tfoot"):
            continue
        for tr in part.iter(include_text=False):
            if tr.tag == "tr":
                row = _row(tr)
                if part.tag == "thead" and header is None:
                    header = row
                elif part.tag != "thead":
                    rows.append(row)
    if header is None and rows:  # a first row of `<th>`, or a table without a header row
        header = rows.pop(0)
    return HtmlGrid([] if header is None else [text.text for text in header.texts], [row for row in rows if row.cells])


def _row(tr: Any) -> HtmlRow:
    cells = [cell for cell in tr.iter(include_text=False) if cell.tag in ("td", "th")]
    return HtmlRow(tr, cells, [element_text(cell, _NESTED) for cell in cells])
