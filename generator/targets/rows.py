"""What the Python and TypeScript targets both emit: member rows and ranked match templates.

Every decision `match` depends on is made here, once, and emitted as data: the
order templates are tried in, the literal pieces between their placeholders,
those pieces folded the way the loose tier folds a server's text, and the keys
that find candidates by a text's first characters. Each runtime is a short
loop over that data (templates/python/runtime.py, templates/typescript/runtime.ts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Code, ErrorCode, ErrorPage, Message

# `match` finds candidates by up to this many leading literal characters of a
# template, so it tries a handful of templates, not every one on the page.
PREFIX_KEY = 8

# The loose tier's fold, applied alike to templates (here) and to texts (in
# each runtime, with the same two patterns): whitespace runs become one space,
# a space next to ASCII punctuation goes, the ends are trimmed, a leading A-Z
# is lowered and one trailing period dropped. ASCII classes only, so Python
# and JavaScript fold every text the same way.
WHITESPACE = "[ \\t\\n\\r\\x0b\\x0c\\xa0]+"
PUNCTUATION_CLASS = "[!-/:-@\\[-`{-~]"
PUNCTUATION_SPACE = f" ?({PUNCTUATION_CLASS}) ?"
_WHITESPACE = re.compile(WHITESPACE)
_PUNCTUATION_SPACE = re.compile(PUNCTUATION_SPACE)


@dataclass(frozen=True)
class MemberRow:
    error: ErrorCode
    category_title: str | None  # set on the first member of a category run: a comment line
    deprecation: str | None = None  # why the member is deprecated, for its docs



@dataclass(frozen=True)
class TemplateRow:
    """One template `match` tries: a message of one or more codes, or a message-table row."""

    codes: tuple[Code, ...]  # every code on the page it belongs to, in page order; the first is the default
    text: str
    pieces: tuple[str, ...]  # the literal text around its placeholders: one more piece than placeholders
    loose: tuple[str, ...]  # the pieces folded as the loose tier folds a text
    key: str  # pieces[0][:PREFIX_KEY]: a text that starts otherwise cannot fit
    loose_key: str  # the same of the folded pieces


def deprecation(error: ErrorCode) -> str | None:
    """Why a member is deprecated, in words its docs show; None when it is not."""
    if error.retired:
        return "gone from the page; errgen.lock keeps it (servers still send old codes) until `errgen generate --prune`"
    return "struck out on the page" if error.deprecated else None


def member_rows(page: ErrorPage) -> list[MemberRow]:
    titles = {category.id: category.title for category in page.categories}
    rows: list[MemberRow] = []
    previous: str | None = None
    for error in page.errors:
        starts_run = error.category != previous and error.category is not None
        rows.append(MemberRow(error, titles[error.category] if starts_run and error.category else None,
                              deprecation(error)))
        previous = error.category
    return rows


def template_rows(page: ErrorPage) -> list[TemplateRow]:
    """Every template once, in the order `match` tries them.

    The most literal characters first (the most specific template wins), ties
    in page order (codes' messages, then message-table rows). A text listed
    under several codes is one template that belongs to all of them.
    """
    found: list[tuple[tuple[Code, ...], Message]] = []
    for error in page.errors:
        found += [((error.code,), message) for message in error.messages]
    listed = {error.code for error in page.errors}
    for table in page.message_tables:
        codes = tuple(code for code in table.codes if code in listed)  # others cannot answer `match`
        found += [(codes, row.message) for row in table.rows] if codes else []
    owners: dict[str, list[Code]] = {}
    messages: dict[str, Message] = {}  # the first of each text, in page order
    for codes, message in found:
        messages.setdefault(message.text, message)
        known = owners.setdefault(message.text, [])
        known += [code for code in codes if code not in known]
    order = {text: index for index, text in enumerate(messages)}
    ranked = sorted(messages.values(), key=lambda message: (-message.literal_length, order[message.text]))
    return [_row(tuple(owners[message.text]), message) for message in ranked]


def _row(codes: tuple[Code, ...], message: Message) -> TemplateRow:
    pieces = literal_pieces(message)
    loose = fold_pieces(pieces)
    return TemplateRow(codes, message.text, pieces, loose, pieces[0][:PREFIX_KEY], loose[0][:PREFIX_KEY])


def literal_pieces(message: Message) -> tuple[str, ...]:
    """The text around each placeholder, in order (the page's own spellings included)."""
    pieces: list[str] = []
    position = 0
    for placeholder in message.placeholders:
        start = message.text.index(placeholder, position)
        pieces.append(message.text[position:start])
        position = start + len(placeholder)
    pieces.append(message.text[position:])
    return tuple(pieces)


def fold(text: str) -> str:
    """The loose tier's fold of one text (the runtimes do the same to a server's text)."""
    text = _PUNCTUATION_SPACE.sub(r"\1", _WHITESPACE.sub(" ", text).strip(" "))
    if text[:1].isascii() and text[:1].isupper():
        text = text[0].lower() + text[1:]
    return text.removesuffix(".")


def fold_pieces(pieces: tuple[str, ...]) -> tuple[str, ...]:
    """The pieces of a template folded as the whole text would fold, each
    placeholder standing for a value that is neither space nor punctuation.

    A space beside a placeholder is dropped from the piece (unless the piece
    is nothing else): the folded text loses it when the value starts or ends
    with punctuation (`-0.5`, `'x'`), and the runtimes trim it off the value.
    """
    text = "".join(pieces)
    stand_in = next(chr(point) for point in range(0xE000, 0xF900) if chr(point) not in text)  # private use
    folded = fold(stand_in.join(pieces)).split(stand_in)
    last = len(folded) - 1
    return tuple(_beside_placeholders(piece, index > 0, index < last) for index, piece in enumerate(folded))


def _beside_placeholders(piece: str, after: bool, before: bool) -> str:
    trimmed = piece.lstrip(" ") if after else piece
    trimmed = trimmed.rstrip(" ") if before else trimmed
    return trimmed or piece
