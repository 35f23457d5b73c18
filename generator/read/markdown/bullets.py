"""Code bullets: a list item that starts with a code (``- `10000` Url not found.``,
`- 100001 - signature verification failed`); the rest of the item is its message."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from markdown_it.token import Token

from ..layouts.codes import code_token, integer_token
from ..layouts.items import is_date, number_range, quoted_message
from .plaintext import children_text

# A bare number needs a separator after it: `- 5 orders at most` is a message, not code 5.
_NUMBER_FIRST = re.compile(r"(?P<code>[-\u2212]?[0-9]+)\s*(?P<sep>[-\u2013\u2014:])\s+(?P<rest>.*)", re.DOTALL)
_SEPARATOR = " -\u2013\u2014:"


class CodeBullet(NamedTuple):
    code: str
    text: str  # the message, quotes that wrap it taken off
    bare: bool  # a bare number (not a code span): a changelog's year could look like one
    separator: str  # what follows a bare number (`:` or a dash); "" for a code span


def code_bullet(inlines: Sequence[Token]) -> CodeBullet | None:
    """The code and message of a list item's inline tokens, or None."""
    children = inlines[0].children or [] if inlines else []
    if not children:
        return None
    first = children[0]
    if first.type == "code_inline":
        code = code_token(first.content)
        rest = children_text(children[1:]).text.lstrip(_SEPARATOR)
        return None if code is None or is_date(code) else CodeBullet(code, quoted_message(rest), False, "")
    text = children_text(children).text
    found = _NUMBER_FIRST.fullmatch(text)
    code = integer_token(found["code"]) if found else None
    if found is None or code is None or number_range(found["rest"]):
        return None
    return CodeBullet(code, quoted_message(found["rest"]), True, found["sep"])
