"""`section = "Error Codes"`: the token ranges under the headings a source names
(the rule: layouts/sections.py)."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from ...diagnostics import Diagnostic
from ..layouts.sections import section_ranges as shared_section_ranges
from .plaintext import inline_text


def section_ranges(
    tokens: Sequence[Token], names: Sequence[str], path: str
) -> tuple[list[tuple[int, int]], list[Diagnostic]]:
    headings = [
        (index, int(token.tag[1:]), inline_text([tokens[index + 1]]).text)
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]
    return shared_section_ranges(headings, names, path, len(tokens))
