"""Codes in running text, whatever the format: a code line (`-1000 UNKNOWN`), a
bullet that starts with a number (`100001 - signature verification failed`),
and the codes a message table's heading names ("Messages for -1010 …")."""

from __future__ import annotations

import re

from .codes import integer_token

_CODE_LINE = re.compile(r"(?P<code>[-\u2212]?[0-9]+)(?:\s*:\s*|\s+[-\u2013\u2014]\s+|\s+|$)(?P<name>[^\s].*|)", re.DOTALL)
# Codes named in a message table's heading ("Messages for -1010 …, -2010 …");
# `assemble` range-checks them like every other code.
_CODE_IN_TEXT = re.compile(r"(?<![0-9A-Za-z-])[-\u2212]([0-9]+)(?![0-9A-Za-z])")


def code_line_text(text: str) -> tuple[str, str] | None:
    """(code, name) of a one-line paragraph's plain text, or None."""
    found = _CODE_LINE.fullmatch(text)
    code = integer_token(found["code"]) if found else None
    return None if found is None or code is None else (code, found["name"].strip(" "))


def codes_in_text(text: str) -> list[str]:
    return ["-" + (digits.lstrip("0") or "0") for digits in _CODE_IN_TEXT.findall(text)]
