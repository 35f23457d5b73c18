"""`section = "Error Codes"`: the token ranges under the headings a source names.

A part runs from the first heading whose plain text is the name (any case) to
the next heading of the same or a higher level, so one file that holds a whole
API, or an English and a Chinese page glued together, gives only its codes.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from ...diagnostics import Diagnostic
from ..layouts.headings import names_errors
from .plaintext import inline_text


def section_ranges(
    tokens: Sequence[Token], names: Sequence[str], path: str
) -> tuple[list[tuple[int, int]], list[Diagnostic]]:
    headings = [
        (index, int(token.tag[1:]), inline_text([tokens[index + 1]]).text)
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]
    ranges: list[tuple[int, int]] = []
    problems: list[Diagnostic] = []
    for name in names:
        wanted = name.strip().casefold()
        found = next((n for n, (_, _, text) in enumerate(headings) if text.casefold() == wanted), None)
        if found is None:
            shown = ", ".join([repr(text) for _, level, text in headings if level <= 2][:6])
            problems.append(Diagnostic(path, 1, 1, "error", f"section {name!r} is not on the page"
                                       f" (its first headings: {shown or 'none'})", "section-not-found"))
            continue
        start, level, _ = headings[found]
        end = next((index for index, other, _ in headings[found + 1 :] if other <= level), len(tokens))
        ranges.append((start, end))
    return sorted(set(ranges)), problems


def error_section_ranges(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """Without a `section`: the parts under headings that name errors (`Error Codes`,
    `错误码`), outermost only: (start, end, heading text)."""
    headings = [
        (index, int(token.tag[1:]), inline_text([tokens[index + 1]]).text)
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]
    ranges: list[tuple[int, int, str]] = []
    for n, (start, level, text) in enumerate(headings):
        if (ranges and start < ranges[-1][1]) or not names_errors(text):
            continue
        end = next((index for index, other, _ in headings[n + 1 :] if other <= level), len(tokens))
        ranges.append((start, end, text))
    return ranges


def top_level_ranges(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """The parts under the page's highest-level headings: (start, end, heading text)."""
    headings = [(index, int(token.tag[1:])) for index, token in enumerate(tokens) if token.type == "heading_open"]
    if not headings:
        return []
    top = min(level for _, level in headings)
    starts = [index for index, level in headings if level == top]
    return [(start, end, inline_text([tokens[start + 1]]).text)
            for start, end in zip(starts, [*starts[1:], len(tokens)])]
