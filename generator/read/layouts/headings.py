"""Headings per code, decided on a heading's plain text, one rule each:

* `code_first`: `-1121 BAD_SYMBOL`, `−1121: BAD_SYMBOL`, `-1121 - BAD_SYMBOL` (Binance);
  a positive code first only before an identifier (`1001 INVALID_KEY`): "2024 roadmap" is no code;
* `code_after_name`: `CURLE_OK (0)`, `UNKNOWN (-1000)`: an identifier, then its code in parentheses;
* `string_code_heading`: a heading that is only a string code (`INVALID_TRANSACTION`),
  read as one when its sibling headings are too (`string_code_siblings`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .codes import code_shaped, is_integer

_SEPARATOR = r"(?:\s*:\s*|\s+[-\u2013\u2014]\s+|\s+|$)"
# Codes are negative as published when nothing else says so.
_NEGATIVE_FIRST = re.compile(r"[-\u2212](?P<digits>[0-9]+)" + _SEPARATOR + r"(?P<name>.*)", re.DOTALL)
_POSITIVE_FIRST = re.compile(r"(?P<digits>[0-9]+)" + _SEPARATOR + r"(?P<name>\S+)", re.DOTALL)
_NAME_THEN_CODE = re.compile(r"(?P<name>\S+)\s*\(\s*(?P<code>[-\u2212]?[0-9]+|0[xX][0-9A-Fa-f]+)\s*\)")
# An identifier with a joint (`INVALID_KEY`, `CURLE_OK`, `InvalidKey`) or all capitals (`UNKNOWN`).
_IDENTIFIER = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*|[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|(?:[A-Z][a-z0-9]+){2,}")
# After a positive number, only a name with a joint: "3 API" or "2024 ROADMAP" is a section.
_JOINED_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|(?:[A-Z][a-z0-9]+){2,}")


def code_heading(text: str) -> tuple[str, str] | None:
    """(code as written, name) of a heading's plain text, or None for a heading that is no code."""
    return code_first(text) or code_after_name(text)


def code_first(text: str) -> tuple[str, str] | None:
    found = _NEGATIVE_FIRST.fullmatch(text)
    if found is not None:
        digits = found["digits"].lstrip("0")
        return (f"-{digits}" if digits else "0"), found["name"].strip(" ")
    found = _POSITIVE_FIRST.fullmatch(text)
    if found is not None and _JOINED_IDENTIFIER.fullmatch(found["name"]):
        return found["digits"], found["name"]
    return None


def code_after_name(text: str) -> tuple[str, str] | None:
    found = _NAME_THEN_CODE.fullmatch(text.strip())
    if found is None or not _IDENTIFIER.fullmatch(found["name"]):
        return None
    return found["code"].replace("\u2212", "-"), found["name"]


def string_code_heading(text: str) -> str | None:
    """The code of a heading that is only a string code (`INVALID_TRANSACTION`, `auth.expired`)."""
    token = text.strip()
    if " " in token or is_integer(token) or not code_shaped(token):
        return None
    return token


def string_code_siblings(texts: Sequence[str], hold_codes: Sequence[bool]) -> bool:
    """Sibling headings are codes of their own when there are two or more, every one
    is only a string code, and none holds codes in another layout below it
    (bitbank's `## SYSTEM_ERROR` headings are categories of code bullets)."""
    return len(texts) >= 2 and not any(hold_codes) and all(string_code_heading(text) for text in texts)


# A heading that names the errors part of a larger document: `Error Codes`,
# `Errors`, `RPC Error Codes`, `Error codes for Binance`, `错误码`.
_ERRORS_SECTION = re.compile(
    r"(?:\S+\s+){0,2}(?:errors?|error\s+codes?|error\s+code\s+list|error\s+reference)(?:\s+for\s+.+)?"
    r"|(?:\S+\s*)?(?:错误码|错误代码|錯誤碼|錯誤代碼|返回码|エラーコード)(?:\S*)",
    re.IGNORECASE,
)


def names_errors(text: str) -> bool:
    """Whether a heading names the part of a page that lists its errors."""
    plain = " ".join(text.split())
    return not code_heading(plain) and not any(ch.isdigit() for ch in plain) and bool(_ERRORS_SECTION.fullmatch(plain))


# What starts like a code though no rule read it: `1001 Invalid key`, `Invalid key (1001)`.
_NUMBER_START = re.compile(r"[-\u2212]?(?P<digits>[0-9]{3,})\b")
_NUMBER_END = re.compile(r".*\((?P<digits>[-\u2212]?[0-9]+)\)\s*")
_YEARISH = re.compile(r"(?:19|20)[0-9][0-9]")


def code_shaped_text(text: str) -> str | None:
    """The code a heading's, item's or paragraph's text starts with (three or more
    digits, not a year) or ends with in parentheses; None for other text. Lint says
    when no layout read it, so a real code is never lost without a word."""
    plain = text.strip().replace("\u2212", "-")
    start = _NUMBER_START.match(plain)
    if start is not None and not (_YEARISH.fullmatch(start["digits"]) and not plain.startswith("-")):
        return start.group().lstrip("+")
    end = _NUMBER_END.fullmatch(plain)
    return None if end is None else end["digits"]
