"""Code items: a list item that starts with a code, and what is *not* one though it
starts with a number (a changelog's year, a range of numbers), decided on plain text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .codes import is_integer

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
