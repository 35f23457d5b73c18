"""`section = "Error Codes"` and categories, whatever the format: which part of
a page a source reads, which heading names the codes below it, and without a
`section`, which parts to read, decided on the codes each part lists.

A part runs from the first heading whose plain text is the name (any case) to
the next heading of the same or a higher level, so one file that holds a whole
API, or an English and a Chinese page glued together, gives only its codes.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ...diagnostics import Diagnostic
from ..raw import RawCategory

# A later part that lists at least this share of an earlier part's codes again is its translation.
_SAME_CODES = 0.8


def translation_of(earlier: Collection[str], later: Collection[str]) -> bool:
    """A part that lists (nearly) the codes of an earlier part again is that part
    translated (Binance's English then Chinese page in one file, OKX's `# Public` then `# 公共`)."""
    if not earlier or not later:
        return False
    shared = len(set(earlier) & set(later))
    return shared >= _SAME_CODES * min(len(set(earlier)), len(set(later)))


def section_ranges(headings: Sequence[tuple[int, int, str]], names: Sequence[str], path: str, end: int,
                   ) -> tuple[list[tuple[int, int]], list[Diagnostic]]:
    """`headings`: (index of its block, level, plain text) in page order; the
    ranges of block indexes under the named headings, in page order."""
    ranges: list[tuple[int, int]] = []
    problems: list[Diagnostic] = []
    for name in names:
        wanted = name.strip().casefold()
        found = next((n for n, (_, _, text) in enumerate(headings) if text.casefold() == wanted), None)
        if found is None:
            shown = ", ".join([repr(text) for _, level, text in headings if level <= 2][:6])
            problems.append(Diagnostic(path, 1, 1, "error", f"section {name!r} is not on the page"
                                       f" (its first headings: {shown or 'none'})", "section-not-found"))
            continue
        start, level, _ = headings[found]
        stop = next((index for index, other, _ in headings[found + 1 :] if other <= level), end)
        ranges.append((start, stop))
    return sorted(set(ranges)), problems


class Sections:
    """The open non-code headings, outermost first: a heading closes those of its
    level and deeper; the innermost open one becomes the category of the codes
    below it, once a code stands there."""

    def __init__(self) -> None:
        self.categories: list[RawCategory] = []
        self._open: list[tuple[int, str, int, list[int]]] = []  # (level, title, line, its category's index once made)

    def heading(self, level: int) -> None:
        """Any heading: closes the open sections of its level and deeper."""
        while self._open and self._open[-1][0] >= level:
            self._open.pop()

    def open(self, level: int, title: str, line: int) -> None:
        self._open.append((level, title, line, []))

    def category(self) -> int | None:
        """The index of the category the codes read now stand under (assemble names it)."""
        if not self._open:
            return None
        _, title, line, made = self._open[-1]
        if not made:
            made.append(len(self.categories))
            self.categories.append(RawCategory(title, line))
        return made[0]
