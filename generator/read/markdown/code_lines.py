"""Code lines: a paragraph or block-quote line holding only a code and a name
(`> -1000 UNKNOWN`), or only a code, followed by a bullet list of its messages."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from ..layouts.codes import integer_token

_CODE_LINE = re.compile(r"(?P<code>[-\u2212]?[0-9]+)(?:\s*:\s*|\s+[-\u2013\u2014]\s+|\s+|$)(?P<name>[^\s].*|)", re.DOTALL)
_BETWEEN = frozenset({"paragraph_close", "blockquote_close"})


def code_line(text: str, inline: Token) -> tuple[str, str] | None:
    """(code, name) of a one-line paragraph's plain text, or None."""
    if any(child.type in ("softbreak", "hardbreak") for child in inline.children or ()):
        return None
    found = _CODE_LINE.fullmatch(text)
    code = integer_token(found["code"]) if found else None
    return None if found is None or code is None else (code, found["name"].strip(" "))


def bullets_follow(tokens: Sequence[Token], index: int, end: int) -> bool:
    """Whether the next block after the inline at `index` is a bullet list."""
    for token in tokens[index + 1 : end]:
        if token.type not in _BETWEEN:
            return token.type == "bullet_list_open"
    return False
