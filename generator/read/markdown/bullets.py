"""Code bullets: a list item that starts with a code (``- `10000` Url not found.``,
`- 100001 - signature verification failed`); the rest of the item is its message.
What is a code item is decided in read/layouts/items.py, for every reader."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from ..layouts.items import CodeBullet, number_first, spanned_bullet
from .plaintext import children_text

__all__ = ["CodeBullet", "code_bullet"]

# What plain text a number-first item starts with: a sign or a digit; "" when the
# first text is blank (the next child decides), `{` a Hugo shortcode the text drops.
_MAY_START_NUMBER = frozenset("-\u22120123456789{") | {""}


def code_bullet(inlines: Sequence[Token]) -> CodeBullet | None:
    """The code and message of a list item's inline tokens, or None."""
    children = inlines[0].children or [] if inlines else []
    if not children:
        return None
    first = children[0]
    if first.type == "code_inline":
        return spanned_bullet(first.content, children_text(children[1:]).text)
    if first.type == "text" and first.content.lstrip(" \t\n\r")[:1] not in _MAY_START_NUMBER:
        # The item's plain text starts as this text does, and a number never starts so
        # (most items are messages: bench row `dump synthetic-20000.md`).
        return None
    return number_first(children_text(children).text)
