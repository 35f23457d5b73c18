"""Published names -> identifiers, and heading text -> anchor slugs."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^A-Z0-9]+")
_IDENTIFIER = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")


def identifier_for(name: str, code: int) -> str:
    """SCREAMING_SNAKE identifier valid in Python and TypeScript.

    `Request Throttled` -> `REQUEST_THROTTLED`. A name with any non-ASCII
    character (a translated page) or with nothing usable falls back to
    `E<abs(code)>`, so no ASCII fragment of a translation leaks into a name.
    """
    if _IDENTIFIER.fullmatch(name):  # most published names already are one
        return name
    if not name or not name.isascii():  # no name (a table without a name column), or a translated one
        return fallback_identifier(code)
    ident = _NON_ALNUM.sub("_", name.upper()).strip("_")
    if not ident:
        return fallback_identifier(code)
    if ident[0].isdigit():
        ident = "E_" + ident
    return ident


def fallback_identifier(code: int) -> str:
    return f"E{abs(code)}"


def is_valid_identifier(ident: str) -> bool:
    """What an `identifiers` override in errgen.toml must look like."""
    return re.fullmatch(r"[A-Z][A-Z0-9_]*", ident) is not None and not ident.endswith("_")


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


def class_name_for(identifier: str) -> str:
    """The class of a code: `BAD_SYMBOL` -> `BadSymbol`, `E1121` -> `E1121`."""
    if "_" not in identifier:  # one word: a code's fallback (`E50000`), `UNKNOWN`
        return identifier[:1] + identifier[1:].lower()
    return "".join([part[:1] + part[1:].lower() for part in identifier.split("_") if part])


_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])['’](?=[A-Za-z])")
MESSAGE_CLASS_WORDS = 6


def message_class_name(text: str) -> str:
    """The class of an unnamed code from its first message or description
    (placeholders already left out): `Insufficient balance.` -> `InsufficientBalance`,
    at most MESSAGE_CLASS_WORDS words; "" when no word starts with a letter."""
    words = _ASCII_WORD.findall(_APOSTROPHE.sub("", text))[:MESSAGE_CLASS_WORDS]
    name = "".join(word[:1].upper() + word[1:].lower() for word in words)
    return name if name[:1].isalpha() else ""


def category_class_name(title: str) -> str:
    """The class of a category heading: `11xx - Request issues` -> `RequestIssues`.

    Words holding a digit (the code ranges) are left out; "" when nothing is
    left (a heading in another script), for the caller to fall back on.
    """
    words = [word for word in _ASCII_WORD.findall(title) if not any(ch.isdigit() for ch in word)]
    return "".join(word[:1].upper() + word[1:] for word in words)


def is_class_name(name: str) -> bool:
    """What a `[[groups]]` name in errgen.toml must look like: a CamelCase identifier."""
    return re.fullmatch(r"[A-Z][A-Za-z0-9]*", name) is not None
