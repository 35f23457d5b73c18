"""Sub-codes: a code written `PARENT_SUB` (OKX's `51008_1000`) under `PARENT`.

With `subcodes = "_"` in errgen.toml the server sends `51008` and the page
lists only `51008_1000`, `51008_1001`, …: the parent becomes a code of the page
too (unnamed, before its first sub-code), so `lookup` finds it and its class
is the base of its sub-codes' classes.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Code, ErrorPage
from ..read.raw import RawEntry


def parent_of(code: Code, separator: str) -> str | None:
    """`PARENT` of a code written `PARENT<separator>SUB`, else None."""
    if not separator or not isinstance(code, str):
        return None
    parent, found, sub = code.partition(separator)
    return parent if found and parent and sub else None


def with_parents(entries: Sequence[RawEntry], separator: str) -> list[RawEntry]:
    """`entries` with a bare entry for each parent listed only through its sub-codes,
    at the place of its first sub-code (where a warning about it points)."""
    if not separator:
        return list(entries)
    listed = {entry.code for entry in entries}
    added: set[str] = set()
    result: list[RawEntry] = []
    for entry in entries:
        parent = parent_of(entry.code, separator)
        if parent is not None and parent not in listed and parent not in added:
            added.add(parent)
            result.append(RawEntry(parent, "", entry.line, entry.column, entry.category, entry.layout))
        result.append(entry)
    return result


def subcodes_of(page: ErrorPage) -> dict[Code, tuple[Code, ...]]:
    """Parent -> its sub-codes on the page, in page order."""
    found: dict[Code, list[Code]] = {}
    codes = {error.code for error in page.errors}
    for error in page.errors:
        parent = parent_of(error.code, page.subcodes)
        if parent is not None and parent in codes:
            found.setdefault(parent, []).append(error.code)
    return {parent: tuple(subs) for parent, subs in found.items()}
