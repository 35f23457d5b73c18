"""Pausing Python's cyclic garbage collector around allocation-heavy work.

Parsing a page (markdown-it's tokens, then the model) allocates an object per
word and keeps them alive until the end. Every few hundred allocations the
collector wakes up and rescans them for reference cycles this work does not
make: about a third of markdown-it's time on a 20,000-code page. Reference
counting still frees everything, and peak memory stays the same.

Not for black: its syntax tree is full of parent links (cycles), and with the
collector paused a 20,000-code module's peak memory doubles.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    if not gc.isenabled():  # nested, or the caller turned it off: leave it so
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
