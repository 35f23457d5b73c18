"""Code bullets: a list item that starts with a code (``- `10000` Url not found.``,
`- 100001 - signature verification failed`); the rest of the item is its message."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from ..layouts.codes import code_token
from ..layouts.lines import SEPARATOR, number_first
from .plaintext import children_text


def code_bullet(inlines: Sequence[Token]) -> tuple[str, str] | None:
    """(code, message text) of a list item's inline tokens, or None."""
    children = inlines[0].children or [] if inlines else []
    if not children:
        return None
    first = children[0]
    if first.type == "code_inline":
        code = code_token(first.content)
        rest = children_text(children[1:]).text.lstrip(SEPARATOR)
        return None if code is None else (code, rest)
    return number_first(children_text(children).text)
