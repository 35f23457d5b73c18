"""`errgen lint` across the configured pages: a code that means different things.

Binance's -4005 is a quantity above the maximum on USDⓈ-M and a rate limit on
SAPI (ccxt #15722): an SDK that maps codes to errors by number alone gets one
of them wrong. Computed from the pages; nothing is recorded in their JSON.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..diagnostics import Diagnostic
from ..model import Code, ErrorCode, ErrorPage

RULE = "code-differs-across-pages"
_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]+")
_SPACE = re.compile(r"\s+")


def differing_codes(pages: Sequence[ErrorPage]) -> Iterator[Diagnostic]:
    """A notice at each later place of a code whose name or messages differ from
    its first page's, naming both places. Translations are left out by the caller."""
    first: dict[Code, tuple[ErrorPage, ErrorCode]] = {}
    for page in pages:
        for error in page.errors:
            if error.retired:
                continue
            seen = first.get(error.code)
            if seen is None:
                first[error.code] = (page, error)
                continue
            other_page, other = seen
            what = _difference(other, error)
            if what:
                yield Diagnostic(
                    page.source.path, error.line, error.column, "notice",
                    f"code {error.code} {what} on {page.source.id} and on {other_page.source.id} "
                    f"({other_page.source.path}:{other.line}): one code, two meanings; handle it per page",
                    RULE)


def _difference(one: ErrorCode, other: ErrorCode) -> str:
    if _name_key(one.name) != _name_key(other.name):
        return f"is named {other.name or '(no name)'!r} and {one.name or '(no name)'!r}"
    # Named alike: the same meaning, however the messages are worded (Binance
    # rewords -1003's on every page). Unnamed on both: the messages are all there is.
    ours, theirs = _messages(one), _messages(other)
    if not one.name and ours and theirs and not ours & theirs:
        return "has no message in common"
    return ""


def _name_key(name: str) -> str:
    return _NOT_ALNUM.sub("_", name).strip("_").upper()


def _messages(error: ErrorCode) -> frozenset[str]:
    """Messages as a reader compares them: case, whitespace and a final period aside."""
    return frozenset(_SPACE.sub(" ", m.text).strip().rstrip(".").lower() for m in error.messages)
