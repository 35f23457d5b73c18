"""What a code looks like where a layout expects one: a single token, no whitespace inside.

Every rule is a small function over plain text, so the Markdown and the HTML
readers decide alike. A cell or item that is *almost* a code (`-1125.`,
`-1126` with a footnote mark, `-1127 / -1128`) is read as what it plainly
means, and says so: `CellCodes.problem` is the reader's warning at its place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...speed.frozen import fast_init

# Letters, digits and `_ . : -` (`INVALID_PARAM_VALUE`, `00001`, `base-symbol-error`,
# `51008_1000`), ending in a letter or digit: `-1125.` is a code and a period.
# A sentence such as "0 or absent" is no code.
_CODE_TOKEN = re.compile(r"-?[A-Za-z0-9](?:[A-Za-z0-9_.:-]*[A-Za-z0-9])?")
_INTEGER = re.compile(r"-?[0-9]+")
# What a reader of the issue calls code-shaped: an integer, hex (`0x6985`),
# SCREAMING_SNAKE (`INVALID_TRANSACTION`) or a dotted/colon token (`auth.expired`).
_CODE_SHAPED = re.compile(
    r"-?[0-9]+|0[xX][0-9A-Fa-f]+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Za-z][A-Za-z0-9_]+(?:[.:][A-Za-z0-9_]+)+|[A-Z]{2,}[0-9]*"
)
# Footnote marks written after a code in plain text: `[^1]`, `*`, `†`, `‡`, superscript digits.
_FOOTNOTE_MARK = re.compile(r"(?:\[\^[^\]\s]+\]|[*\u2020\u2021\u00b9\u00b2\u00b3\u2070-\u2079]+)$")
_TRAILING_PUNCTUATION = re.compile(r"[.,;:]+$")
# `-1127 / -1128`, `-1127, -1128`, `-1127 or -1128`, `-1127 & -1128`.
_LIST_SEPARATOR = re.compile(r"\s*(?:[/,;&]|\bor\b|\band\b)\s*")


def normalise(text: str) -> str:
    """A code as written, with a typographic minus (U+2212) as `-`."""
    return text.strip().replace("\u2212", "-")


def code_token(text: str) -> str | None:
    code = normalise(text)
    return code if _CODE_TOKEN.fullmatch(code) else None


def integer_token(text: str) -> str | None:
    """Layouts that find a code in running text (code lines, bullets) take only numbers."""
    code = normalise(text)
    return code if _INTEGER.fullmatch(code) else None


_PLAIN_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")


def is_plain_integer(code: str) -> bool:
    """A code an integer page holds (DESIGN.md "Codes"): digits, an optional minus, no
    leading zero (`00001` is a string code). errgen.toml's code keys are read the same way."""
    return _PLAIN_INTEGER.fullmatch(code) is not None


def is_integer(code: str) -> bool:
    return _INTEGER.fullmatch(code) is not None


def code_shaped(text: str) -> bool:
    """Whether a whole token looks like a code to a reader: not a word, not a sentence."""
    return _CODE_SHAPED.fullmatch(normalise(text)) is not None


@fast_init
@dataclass(frozen=True)
class CellCodes:
    """What a code cell (or a code item's code) holds: its codes, and why it is not exactly one code."""

    codes: tuple[str, ...]  # () when the cell holds none
    problem: str | None = None  # a warning for the reader to give at the cell; None when exact


def cell_codes(text: str, marks: Sequence[str] = ()) -> CellCodes:
    """The codes of a code cell's plain text. `marks` are footnote marks the
    reader took out of the text (an HTML `<sup>1</sup>`): never digits of the code.

    Each rule below is tried in turn on what the previous one left."""
    shown = normalise(text)
    exact = code_token(shown)
    if exact is not None and not marks:
        return CellCodes((exact,))
    if not shown:
        return CellCodes(())
    stripped, notes = without_footnote_marks(shown)
    notes += tuple(mark for mark in marks if mark)
    stripped, punctuation = without_trailing_punctuation(stripped)
    exact = code_token(stripped)
    if exact is not None:
        why = [f"footnote mark {', '.join(repr(n) for n in notes)}" if notes else "",
               f"trailing {punctuation!r}" if punctuation else ""]
        said = " and ".join(part for part in why if part)
        return CellCodes((exact,), f"code cell {_shown(shown, marks)!r} has {said}: read as code {exact}")
    listed = listed_codes(stripped)
    if listed:
        return CellCodes(listed, f"code cell {_shown(shown, marks)!r} lists {len(listed)} codes: "
                                 f"each read with this row ({', '.join(listed)})")
    # Not a code at all: the row is not read, and never without a word (a
    # message's second line that a renderer took for a row is such a cell).
    return CellCodes((), f"code cell {_shown(shown, marks)!r} is not a code: this row is not read")


def without_footnote_marks(text: str) -> tuple[str, tuple[str, ...]]:
    """`-1126[^1]`, `-1126*`, `-1126¹` -> `-1126` and the marks taken off."""
    marks: list[str] = []
    found = _FOOTNOTE_MARK.search(text)
    while found is not None and found.start() > 0:
        marks.insert(0, found.group())
        text = text[: found.start()].rstrip()
        found = _FOOTNOTE_MARK.search(text)
    return text, tuple(marks)


def without_trailing_punctuation(text: str) -> tuple[str, str]:
    """`-1125.` -> (`-1125`, `.`): a sentence's period after a code is no part of it."""
    found = _TRAILING_PUNCTUATION.search(text)
    return (text, "") if found is None or found.start() == 0 else (text[: found.start()], found.group())


def listed_codes(text: str) -> tuple[str, ...]:
    """`-1127 / -1128` -> both codes, when every piece is a code of one shape; () otherwise."""
    pieces = [piece for piece in _LIST_SEPARATOR.split(text)]
    if len(pieces) < 2:
        return ()
    codes = [code_token(piece) for piece in pieces]
    if any(code is None or not code_shaped(code) for code in codes):
        return ()
    kinds = {is_integer(code) for code in codes if code is not None}
    return tuple(code for code in codes if code is not None) if len(kinds) == 1 else ()


def _shown(text: str, marks: Sequence[str]) -> str:
    return text + "".join(f"<sup>{mark}</sup>" for mark in marks)
