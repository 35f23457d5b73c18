"""Code lines: a paragraph or block-quote line holding only a code and a name
(`> -1000 UNKNOWN`), or only a code, followed by a bullet list of its messages."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from ..layouts.lines import code_line_text

_BETWEEN = frozenset({"paragraph_close", "blockquote_close"})


def code_line(text: str, inline: Token) -> tuple[str, str] | None:
    """(code, name) of a one-line paragraph's plain text, or None."""
    if any(child.type in ("softbreak", "hardbreak") for child in inline.children or ()):
        return None
    return code_line_text(text)


def bullets_follow(tokens: Sequence[Token], index: int, end: int) -> bool:
    """Whether the next block after the inline at `index` is a bullet list."""
    for token in tokens[index + 1 : end]:
        if token.type not in _BETWEEN:
            return token.type == "bullet_list_open"
    return False
