"""`section = "Error Codes"`: the token ranges under the headings a source names
(the rule: layouts/sections.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from markdown_it.token import Token

from ...diagnostics import Diagnostic
from ..layouts.headings import names_errors
from ..layouts.sections import section_ranges as shared_section_ranges
from .plaintext import token_text


def section_ranges(
    tokens: Sequence[Token], names: Sequence[str], path: str
) -> tuple[list[tuple[int, int]], list[Diagnostic]]:
    headings = page_headings(tokens)
    return shared_section_ranges(headings, names, path, len(tokens))


def error_section_ranges(headings: Sequence[tuple[int, int, str]], end: int) -> list[tuple[int, int, str]]:
    """Without a `section`: the parts under headings (`page_headings`) that name errors
    (`Error Codes`, `错误码`), outermost only: (start, end, heading text)."""
    ranges: list[tuple[int, int, str]] = []
    for n, (start, level, text) in enumerate(headings):
        if (ranges and start < ranges[-1][1]) or not names_errors(text):
            continue
        stop = next((index for index, other, _ in headings[n + 1 :] if other <= level), end)
        ranges.append((start, stop, text))
    return ranges


def top_level_ranges(headings: Sequence[tuple[int, int, str]], end: int) -> list[tuple[int, int, str]]:
    """The parts under the page's highest-level headings (`page_headings`): (start, end, heading text)."""
    if not headings:
        return []
    top = min(level for _, level, _ in headings)
    starts = [(index, text) for index, level, text in headings if level == top]
    ends = [index for index, _ in starts[1:]] + [end]
    return [(start, end, text) for (start, text), end in zip(starts, ends)]


def page_headings(tokens: Sequence[Token], known: Mapping[int, str] | None = None,
                  indexes: Sequence[int] | None = None) -> list[tuple[int, int, str]]:
    """(index of its token, level, plain text) of every heading, in page order;
    `known`: texts already read, by the index of their heading_open token;
    `indexes`: of every heading_open token, when known."""
    known = known or {}
    if indexes is None:
        indexes = [index for index, token in enumerate(tokens) if token.type == "heading_open"]
    return [
        (index, int(tokens[index].tag[1:]), known[index] if index in known else token_text(tokens[index + 1]).text)
        for index in indexes
    ]
