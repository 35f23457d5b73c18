"""Heading text -> the anchors links point at (GitHub's slugs) and stable category ids."""

from __future__ import annotations

import re
import unicodedata

_SLUG_DROPPED_ASCII = re.compile(r"[^a-z0-9 _-]+")
# Candidates for dropping: `\w` keeps letters, numbers and `_` without a
# Unicode lookup; what is left is kept only when it is a mark.
_SLUG_DROPPED = re.compile(r"[^\w\- ]")


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to '-'.

    Kept: letters, numbers and marks (Unicode categories L, N, M), `-` and `_`.
    """
    lowered = text.lower()
    if lowered.isascii():
        return _SLUG_DROPPED_ASCII.sub("", lowered).replace(" ", "-")
    return _SLUG_DROPPED.sub(_keep_mark, lowered).replace(" ", "-")


def _keep_mark(found: re.Match[str]) -> str:
    ch = found.group()
    return ch if unicodedata.category(ch)[0] == "M" else ""


def unique_slug(text: str, taken: set[str]) -> str:
    """`github_slug`, with `-1`, `-2`… appended the way GitHub does for repeats."""
    base = github_slug(text) or "section"
    slug, n = base, 0
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


def category_id(title: str, taken: set[str]) -> str:
    """Stable id of a category heading: `10xx - General …` -> `10xx_general_…`."""
    words = "".join(ch if ch.isalnum() else " " for ch in title.lower()).split()
    base = "_".join(words) or "category"
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}_{n}"
    taken.add(ident)
    return ident
