"""Definitions: a term that is only a code (`` `M_FORBIDDEN` ``), then `: description`
lines (Hugo's and kramdown's definition lists), read from one paragraph's inline tokens."""

from __future__ import annotations

from markdown_it.token import Token

from ...plaintext import children_text
from .codes import code_token, integer_token

_BREAKS = frozenset({"softbreak", "hardbreak"})


def definition(inline: Token) -> tuple[str, list[str]] | None:
    """(code, description lines) of a paragraph, or None when it is no definition."""
    lines: list[list[Token]] = [[]]
    for child in inline.children or ():
        if child.type in _BREAKS:
            lines.append([])
        else:
            lines[-1].append(child)
    term, details = lines[0], lines[1:]
    if not details or not all(line and line[0].type == "text" and line[0].content.startswith(":") for line in details):
        return None
    if len(term) == 1 and term[0].type == "code_inline":
        code = code_token(term[0].content)
    elif len(term) == 1 and term[0].type == "text":
        code = integer_token(term[0].content)  # a bare word ("Note") is no code
    else:
        return None
    if code is None:
        return None
    return code, [children_text(line).text.removeprefix(":").strip() for line in details]
