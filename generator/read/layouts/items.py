"""Code items: a list item that starts with a code, and what is *not* one though it
starts with a number (a changelog's year, a range of numbers), decided on plain text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from .codes import code_token, integer_token, is_integer

# A bare number needs a separator after it: `- 5 orders at most` is a message, not code 5.
_NUMBER_FIRST = re.compile(r"(?P<code>[-\u2212]?[0-9]+)\s*(?P<sep>[-\u2013\u2014:])\s+(?P<rest>.*)", re.DOTALL)
# What separates a code written as code (`10000`) from the message after it.
SEPARATOR = " -\u2013\u2014:"
# `- 10 - 20 requests per second`: a number, a dash, a number: a range, not code 10.
_RANGE_REST = re.compile(r"[0-9]")
_DATE = re.compile(r"(?:19|20)[0-9][0-9][-/.](?:0?[1-9]|1[0-2])(?:[-/.](?:0?[1-9]|[12][0-9]|3[01]))?")
_YEAR = re.compile(r"(?:19|20)[0-9][0-9]")
# A quoted message after a code (`0101: "Unknown Error"`, `“Unknown Error”.`).
_QUOTED_MESSAGE = re.compile(r'"(?P<a>[^"]*)"(?P<tail>[.]?)|\u201c(?P<b>[^\u201d]*)\u201d(?P<tail2>[.]?)')


def number_range(rest: str) -> bool:
    """`10 - 20 requests`: the text after a bare number and its dash is another number."""
    return _RANGE_REST.match(rest) is not None


def is_date(code: str) -> bool:
    """`2024-01-05`, `2024/01`: a changelog's date, never a code."""
    return _DATE.fullmatch(code) is not None


def changelog_years(codes: Sequence[str], separators: Sequence[str]) -> bool:
    """A list whose every bare-number item is a year written `2024:` is a changelog, not codes."""
    return bool(codes) and all(_YEAR.fullmatch(code) and sep == ":" for code, sep in zip(codes, separators))


def own_code_under(heading_code: str, item_code: str) -> bool:
    """Under a code heading, an item whose code has the heading code's shape (both
    integers of one sign: `-2011` under `-2010`) is a code of its own, not a message."""
    if not (is_integer(heading_code) and is_integer(item_code)) or item_code == heading_code:
        return False
    return heading_code.startswith("-") == item_code.startswith("-")


def quoted_message(text: str) -> str:
    """`"Unknown Error"` -> `Unknown Error`: quotes that wrap a whole message are the page's, not the server's."""
    found = _QUOTED_MESSAGE.fullmatch(text.strip())
    if found is None:
        return text
    inner = found["a"] if found["a"] is not None else found["b"]
    tail = found["tail"] or found["tail2"] or ""
    return inner.strip() + tail


class CodeBullet(NamedTuple):
    code: str
    text: str  # the message, quotes that wrap it taken off
    bare: bool  # a bare number (not a code span): a changelog's year could look like one
    separator: str  # what follows a bare number (`:` or a dash); "" for a code span


def spanned_bullet(code_text: str, rest: str) -> CodeBullet | None:
    """An item that starts with a code written as code (``- `10000` Url not found.``)."""
    code = code_token(code_text)
    if code is None or is_date(code):
        return None
    return CodeBullet(code, quoted_message(rest.lstrip(SEPARATOR)), False, "")


def number_first(text: str) -> CodeBullet | None:
    """An item whose plain text starts with a number and a separator
    (`100001 - signature verification failed`); a range (`10 - 20 requests`) is none."""
    found = _NUMBER_FIRST.fullmatch(text)
    code = integer_token(found["code"]) if found else None
    if found is None or code is None or number_range(found["rest"]):
        return None
    return CodeBullet(code, quoted_message(found["rest"]), True, found["sep"])
