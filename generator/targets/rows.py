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

# The loose fold, applied alike to templates (`fold` below) and to texts (the
# same steps in each runtime, on this data): every white-space character in
# SPACES becomes a tab; the tab that begins a run between two characters that
# are neither white space nor ASCII punctuation becomes a space (KEPT_SPACE);
# the other tabs go. So runs become one space, a space next to punctuation
# goes and the ends are trimmed, while the marked text keeps the text's length
# (each tab a dropped character: how the runtimes map a folded index back).
# Then a leading A-Z is lowered and one trailing period dropped. ASCII classes
# only, so Python and JavaScript fold every text the same way.
SPACES = " \t\n\r\x0b\x0c\xa0"
PUNCTUATION = "".join(chr(point) for point in range(0x21, 0x7F) if not chr(point).isalnum())
_NEITHER = "[^\\t!-/:-@\\[-`{-~]"  # a character that is neither a tab nor punctuation
KEPT_SPACE = f"\\t(?<={_NEITHER}\\t)(?=\\t*{_NEITHER})"  # Python's re
# JavaScript has lookbehind only from ES2018 (Safari 16.4): its pattern takes
# the character before the tab as group 1 and puts it back ("$1 "). Python's
# re would expand that group in Python code for every run, hence two spellings.
KEPT_SPACE_ES2015 = f"({_NEITHER})\\t(?=\\t*{_NEITHER})"
SPACE_CLASS = "[" + "".join(f"\\u{ord(ch):04x}" for ch in SPACES) + "]"  # SPACES, for JavaScript
# A prefix fit must end at a boundary of the text: one of these on either side
# of its end (`_` and `-` join the parts of a name: PERCENT_PRICE_BY_SIDE).
BOUNDARY = " " + "".join(ch for ch in PUNCTUATION if ch not in "_-")

# The near tier compares words: a token is a value (a number, or a quoted or
# parenthesised stretch of at most 64 characters: what servers fill in, so it
# stands for any placeholder) or a word (characters that are neither white
# space nor ASCII punctuation, `_` included), with the apostrophes inside it:
# "Order's" and "user's" are words, so the scan never starts a quoted value
# at an apostrophe within a word (that took "'s position side does not match
# user'" for one value). One pattern in both engines, bounded: no token is
# looked for past 66 characters. Group 1 holds a value.
_WORD = "[^ \\t\\n\\r\\x0b\\x0c\\xa0!-/:-@\\[-^`{-~]"
NEAR_TOKEN = (f"('[^'\\n]{{0,64}}'|\"[^\"\\n]{{0,64}}\"|\\([^()\\n]{{0,64}}\\)"
              f"|[0-9]+(?:[.:,][0-9]+)*(?!{_WORD}))|{_WORD}+(?:'{_WORD}+)*")
# How close is close enough, chosen from the near cases in tests/cases/match
# (one kind of drift each: a typo, a changed word order, added context, a
# dropped clause; and texts that must not fit). Of the tokens (words and
# values) of template and text, the shared ones must be at least NEAR_RECALL
# of the template's (a dropped clause keeps most of it: "Way too many
# requests; IP banned until 1700000000000." keeps 8 of 17), at least
# NEAR_PRECISION of the text's (added context stays a minority: "current limit
# of IP(1.2.3.4) is …" adds 3 to 7), the two fractions together at least
# NEAR_SUM (one may be low only when the other is nearly whole), and
# NEAR_SHARED at the least (two shared words are a coincidence: "Balance is
# insufficient." is not "Margin is insufficient."). A word one edit from a
# template's word (both ASCII, NEAR_TYPO characters or more) is the same word:
# "occurred" is the docs' "occured". On those cases the texts that must fit
# reach at least 0.44 of the template, 0.88 of the text and 1.44 together; the
# texts that must not at most 0.39, 0.70 and 1.09: the limits sit between
# (NEAR_SUM midway), NEAR_PRECISION below the added context a text may carry.
NEAR_RECALL = 0.4
NEAR_PRECISION = 0.6
NEAR_SUM = 1.3
NEAR_SHARED = 3
NEAR_TYPO = 4
NEAR_TEMPLATES = 64  # at most this many of the code's templates are compared
NEAR_TOKENS = 256  # and at most this many of the text's tokens read
_NEAR_TOKEN = re.compile(NEAR_TOKEN)
_TABS = str.maketrans(SPACES, "\t" * len(SPACES))
_KEPT_SPACE = re.compile(KEPT_SPACE)


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
    words: tuple[str, ...]  # its tokens for the near tier: words as `near_word` keeps them, "" for a value


@dataclass(frozen=True)
class MatchData:
    """Everything `match` reads, decided here once and emitted to both runtimes."""

    templates: tuple[TemplateRow, ...]
    key_length: int  # the longest key in code points (Python slices a text by them)
    key_units: int  # and in UTF-16 units (JavaScript's)
    spaces: str = SPACES
    kept_space: str = KEPT_SPACE
    kept_space_es2015: str = KEPT_SPACE_ES2015
    space_class: str = SPACE_CLASS
    boundary: str = BOUNDARY
    near_token: str = NEAR_TOKEN
    near_recall: float = NEAR_RECALL
    near_precision: float = NEAR_PRECISION
    near_sum: float = NEAR_SUM
    near_shared: int = NEAR_SHARED
    near_typo: int = NEAR_TYPO
    near_templates: int = NEAR_TEMPLATES
    near_tokens: int = NEAR_TOKENS


def match_data(page: ErrorPage) -> MatchData:
    templates = tuple(template_rows(page))
    keys = [key for row in templates for key in (row.key, row.loose_key)]
    return MatchData(templates, max(map(len, keys), default=0), max(map(_utf16_length, keys), default=0))


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


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
    pieces = message.literals  # patterns.py splits every message at its placeholders
    loose = fold_pieces(pieces)
    return TemplateRow(codes, message.text, pieces, loose, pieces[0][:PREFIX_KEY], loose[0][:PREFIX_KEY],
                       near_words(pieces))


# What stands for a placeholder when a template is read for the near tier: a
# value, as a server fills one in, so the template reads as such a text reads.
NEAR_FILL = "0"


def near_words(pieces: tuple[str, ...]) -> tuple[str, ...]:
    """A template's tokens for the near tier: its words, and "" for each value, a
    placeholder or one written in its text (a number, a quoted or parenthesised value).

    The template is read whole, with its placeholders filled, as the runtimes read a
    server's text: read piece by piece, "Component '%s' is incorrectly populated on
    '%s' order." took "' is incorrectly populated on '" for a quoted value.
    """
    return tuple("" if found.group(1) is not None else near_word(found.group())
                 for found in _NEAR_TOKEN.finditer(NEAR_FILL.join(pieces)))


def near_word(word: str) -> str:
    """A word as the near tier compares it: ASCII lowered (both runtimes lower only ASCII words)."""
    return word.lower() if word.isascii() else word


def fold(text: str) -> str:
    """The loose tier's fold of one text: the runtimes' `_fold`/`fold`, step for step."""
    folded = _KEPT_SPACE.sub(" ", text.translate(_TABS)).replace("\t", "")
    if "A" <= folded[:1] <= "Z":
        folded = folded[0].lower() + folded[1:]
    return folded[:-1] if folded[-1:] == "." else folded


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
