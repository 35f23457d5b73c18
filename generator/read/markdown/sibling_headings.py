"""Which headings are string codes (`## INVALID_TRANSACTION` then a paragraph): a
decision about siblings, so made before the walk, over the part of the page read."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from markdown_it.token import Token

from ..layouts.headings import string_code_siblings
from .bullets import code_bullet
from .plaintext import token_text


def string_code_heading_lines(tokens: Sequence[Token], start: int, end: int,
                              indexes: Sequence[int] | None = None) -> set[int]:
    """First lines of the headings in tokens[start:end] that are string codes;
    `indexes`: of every heading_open token, when known (`heading_indexes`)."""
    if indexes is None:
        headings = [i for i in range(start, end) if tokens[i].type == "heading_open"]
    else:
        headings = list(indexes[bisect_left(indexes, start) : bisect_left(indexes, end)])
    # Siblings that are string codes are two headings without a space at least; most
    # pages have none (`-1000 UNKNOWN`): no groups to make (bench row `dump synthetic-20000.md`).
    if sum(1 for index in headings if " " not in tokens[index + 1].content.strip()) < 2:
        return set()
    groups: dict[tuple[int, int], list[int]] = {}
    parents: list[tuple[int, int]] = []  # (level, index) of open headings
    for index in headings:
        level = int(tokens[index].tag[1:])
        while parents and parents[-1][0] >= level:
            parents.pop()
        parent = parents[-1][1] if parents else -1
        groups.setdefault((parent, level), []).append(index)
        parents.append((level, index))
    bounds = dict(zip(headings, [*headings[1:], end]))
    lines: set[int] = set()
    for members in groups.values():
        # A string code holds no space: most groups (`-1000 UNKNOWN`) end here, unread.
        if len(members) < 2 or any(" " in tokens[index + 1].content.strip() for index in members):
            continue
        texts = [token_text(tokens[index + 1]).text for index in members]
        holds = [_holds_codes(tokens, index + 3, bounds[index]) for index in members]
        if string_code_siblings(texts, holds):
            lines.update(_line(tokens[index]) for index in members)
    return lines


def _holds_codes(tokens: Sequence[Token], start: int, end: int) -> bool:
    """A table or a code bullet stands under the heading, before the next heading."""
    for index in range(start, end):
        kind = tokens[index].type
        if kind == "table_open":
            return True
        if kind == "list_item_open" and index + 2 < end and tokens[index + 2].type == "inline":
            if code_bullet([tokens[index + 2]]) is not None:
                return True
    return False


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def heading_indexes(tokens: Sequence[Token]) -> list[int]:
    """The index of every heading_open token: one scan of the page for every rule on
    headings (bench row `dump synthetic-20000.md`: a scan is 2% of the walk)."""
    return [index for index, token in enumerate(tokens) if token.type == "heading_open"]
