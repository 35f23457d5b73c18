"""A code listed more than once on a page is one code (DESIGN.md): messages in
order, each once; descriptions joined without repeats; the first name wins (a
warning names both when they differ). One pass with dicts and sets: linear in
the page. What the reader recorded is never changed: a merge is a new entry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from ..diagnostics import Diagnostic
from ..model import Code
from ..read.raw import RawEntry


class Listed(NamedTuple):
    """A reader's entry with its code as the page's code type gives it."""

    code: Code
    entry: RawEntry


def merge_duplicates(listed: Sequence[Listed], path: str) -> tuple[list[Listed], list[Diagnostic]]:
    """One entry per code, warning at each later place. A repeated code's entry is
    a copy made at its first repeat, so the reader's entries stay as recorded
    (lint reads them)."""
    first: dict[Code, Listed] = {}
    merged: dict[Code, tuple[RawEntry, set[str]]] = {}  # the copy, and its descriptions as a set
    diagnostics: list[Diagnostic] = []
    for item in listed:
        code, entry = item
        earlier = first.get(code)
        if earlier is None:
            first[code] = item
            continue
        if code not in merged:
            merged[code] = (_copy(earlier.entry), set(earlier.entry.description))
            first[code] = Listed(code, merged[code][0])
        kept, descriptions = merged[code]
        if entry.name and kept.name and entry.name != kept.name:
            message = (f'code {code} is named "{entry.name}" here and "{kept.name}" at line {kept.line}; '
                       f'the first name "{kept.name}" is kept and the messages merged')
            rule = "code-with-two-names"
        else:
            message = f"code {code} is listed again; messages merged (first at line {kept.line})"
            rule = "duplicate-code"
            kept.name = kept.name or entry.name
        diagnostics.append(Diagnostic(path, entry.line, entry.column, "warning", message, rule))
        _merge(kept, entry, descriptions)
    return list(first.values()), diagnostics


def _copy(entry: RawEntry) -> RawEntry:
    return replace(entry, messages=list(entry.messages), description=list(entry.description),
                   links=list(entry.links), http_status=list(entry.http_status),
                   _seen={(message.text, message.http_status) for message in entry.messages})


def _merge(kept: RawEntry, entry: RawEntry, descriptions: set[str]) -> None:
    """`entry`'s messages, descriptions, links and statuses added to `kept`, the copy assemble owns."""
    for message in entry.messages:
        kept.add_message(message)
    for text in entry.description:
        if text not in descriptions:
            descriptions.add(text)
            kept.description.append(text)
    kept.links += entry.links
    kept.http_status += [status for status in entry.http_status if status not in kept.http_status]
    kept.deprecated = kept.deprecated and entry.deprecated
