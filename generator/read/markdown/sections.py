"""`section = "Error Codes"`: the token ranges under the headings a source names
(the rule: layouts/sections.py)."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from ...diagnostics import Diagnostic
from ..layouts.headings import names_errors
from ..layouts.sections import section_ranges as shared_section_ranges
from .plaintext import inline_text


def section_ranges(
    tokens: Sequence[Token], names: Sequence[str], path: str
) -> tuple[list[tuple[int, int]], list[Diagnostic]]:
    headings = _headings(tokens)
    return shared_section_ranges(headings, names, path, len(tokens))


def error_section_ranges(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """Without a `section`: the parts under headings that name errors (`Error Codes`,
    `错误码`), outermost only: (start, end, heading text)."""
    headings = _headings(tokens)
    ranges: list[tuple[int, int, str]] = []
    for n, (start, level, text) in enumerate(headings):
        if (ranges and start < ranges[-1][1]) or not names_errors(text):
            continue
        end = next((index for index, other, _ in headings[n + 1 :] if other <= level), len(tokens))
        ranges.append((start, end, text))
    return ranges


def top_level_ranges(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """The parts under the page's highest-level headings: (start, end, heading text)."""
    headings = _headings(tokens)
    if not headings:
        return []
    top = min(level for _, level, _ in headings)
    starts = [(index, text) for index, level, text in headings if level == top]
    ends = [index for index, _ in starts[1:]] + [len(tokens)]
    return [(start, end, text) for (start, text), end in zip(starts, ends)]


def _headings(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """(index of its token, level, plain text) of every heading, in page order."""
    return [
        (index, int(token.tag[1:]), inline_text([tokens[index + 1]]).text)
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]
