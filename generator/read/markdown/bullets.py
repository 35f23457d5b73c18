"""Code bullets: a list item that starts with a code (``- `10000` Url not found.``,
`- 100001 - signature verification failed`); the rest of the item is its message.
What is a code item is decided in read/layouts/items.py, for every reader."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from ..layouts.items import CodeBullet, number_first, spanned_bullet
from .plaintext import children_text

__all__ = ["CodeBullet", "code_bullet"]


def code_bullet(inlines: Sequence[Token]) -> CodeBullet | None:
    """The code and message of a list item's inline tokens, or None."""
    children = inlines[0].children or [] if inlines else []
    if not children:
        return None
    first = children[0]
    if first.type == "code_inline":
        return spanned_bullet(first.content, children_text(children[1:]).text)
    return number_first(children_text(children).text)
