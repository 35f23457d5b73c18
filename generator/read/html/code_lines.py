"""Code lines: a paragraph holding only a code and a name (`<p>-1000 UNKNOWN</p>`),
or only a code, followed by a list of its messages."""

from __future__ import annotations

from collections.abc import Sequence

from ..layouts.lines import code_line_text
from .blocks import Block
from .text import ElementText


def code_line(read: ElementText, blocks: Sequence[Block], index: int, has_break: bool) -> tuple[str, str] | None:
    """(code, name) of the paragraph blocks[index] when a list follows it, or None."""
    if has_break or index + 1 >= len(blocks) or blocks[index + 1].kind != "list":
        return None
    return code_line_text(read.text)
