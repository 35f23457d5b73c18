"""Which parts of a page to read when no `section` is given, decided on the codes each part lists."""

from __future__ import annotations

from collections.abc import Collection

# A later part that lists at least this share of an earlier part's codes again is its translation.
_SAME_CODES = 0.8


def translation_of(earlier: Collection[str], later: Collection[str]) -> bool:
    """A part that lists (nearly) the codes of an earlier part again is that part
    translated (Binance's English then Chinese page in one file, OKX's `# Public` then `# 公共`)."""
    if not earlier or not later:
        return False
    shared = len(set(earlier) & set(later))
    return shared >= _SAME_CODES * min(len(set(earlier)), len(set(later)))
