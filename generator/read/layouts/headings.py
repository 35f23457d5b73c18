"""Headings per code: `#### -1121 BAD_SYMBOL` (Binance), messages in the blocks below."""

from __future__ import annotations

import re

# `-1121 BAD_SYMBOL`, `−1121: BAD_SYMBOL`, `-1121 - BAD_SYMBOL`. Codes are
# negative as published: a heading such as "2024 roadmap" is not a code.
_CODE_HEADING = re.compile(
    r"[-\u2212](?P<digits>[0-9]+)(?:\s*:\s*|\s+[-\u2013\u2014]\s+|\s+|$)(?P<name>.*)", re.DOTALL
)


def code_heading(text: str) -> tuple[str, str] | None:
    """(code as written, name) of a heading's plain text, or None for a heading that is no code."""
    found = _CODE_HEADING.fullmatch(text)
    if found is None:
        return None
    digits = found["digits"].lstrip("0")
    return (f"-{digits}" if digits else "0"), found["name"].strip(" ")
