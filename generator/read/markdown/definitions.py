"""Definitions: a term that is only a code (`` `M_FORBIDDEN` ``), then `: description`
lines (Hugo's and kramdown's definition lists): one paragraph's inline tokens, or
a term's paragraph and the paragraphs of `: description` lines after it."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from ..layouts.codes import code_token, integer_token
from .plaintext import children_text

_BREAKS = frozenset({"softbreak", "hardbreak"})


def definition(tokens: Sequence[Token], index: int, end: int) -> tuple[str, list[str], int] | None:
    """(code, description lines, index of its last inline token) of the definition
    whose term is the paragraph of tokens[index]; None when that is no term.

    The `: description` lines follow the term in its paragraph, or in the
    paragraphs after it (kramdown and PHP Markdown Extra allow a blank line
    between a term and its definitions)."""
    lines = _lines(tokens[index])
    code = _term(lines[0])
    if code is None:
        return None
    if len(lines) > 1:
        described = _details(lines[1:])
        return None if described is None else (code, described, index)
    described, last = [], index
    # paragraph_close, paragraph_open, then the next paragraph's inline token
    while last + 3 < end and tokens[last + 2].type == "paragraph_open" and tokens[last + 3].type == "inline":
        more = _details(_lines(tokens[last + 3]))
        if more is None:
            break
        described, last = described + more, last + 3
    return (code, described, last) if described else None


def _lines(inline: Token) -> list[list[Token]]:
    lines: list[list[Token]] = [[]]
    for child in inline.children or ():
        if child.type in _BREAKS:
            lines.append([])
        else:
            lines[-1].append(child)
    return lines


def _term(line: list[Token]) -> str | None:
    if len(line) == 1 and line[0].type == "code_inline":
        return code_token(line[0].content)
    if len(line) == 1 and line[0].type == "text":
        return integer_token(line[0].content)  # a bare word ("Note") is no code
    return None


def _details(lines: list[list[Token]]) -> list[str] | None:
    if not lines or not all(line and line[0].type == "text" and line[0].content.startswith(":") for line in lines):
        return None
    return [children_text(line).text.removeprefix(":").strip() for line in lines]
