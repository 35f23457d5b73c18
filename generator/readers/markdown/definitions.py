"""Definitions: a term that is only a code (`` `M_FORBIDDEN` ``), then `: description`
lines (Hugo's and kramdown's definition lists): one paragraph's inline tokens, or
a term's paragraph and the paragraphs of `: description` lines after it."""

from __future__ import annotations

from markdown_it.token import Token

from ...plaintext import children_text
from .codes import code_token, integer_token

_BREAKS = frozenset({"softbreak", "hardbreak"})


def definition(inline: Token) -> tuple[str, list[str]] | None:
    """(code, description lines) of a paragraph, or None when it is no definition."""
    lines = _lines(inline)
    code = _term(lines[0])
    details = _details(lines[1:])
    return None if code is None or not details else (code, details)


def term(inline: Token) -> str | None:
    """The code of a paragraph that is only a term, or None: its definition may
    follow in the next paragraph (kramdown and PHP Markdown Extra allow a blank
    line between the two)."""
    lines = _lines(inline)
    return _term(lines[0]) if len(lines) == 1 else None


def details(inline: Token) -> list[str] | None:
    """The description lines of a paragraph of `: description` lines only, or None."""
    return _details(_lines(inline))


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
