"""Where an element stands in the HTML file, for diagnostics: Lexbor's tree
keeps no source positions, so they are mapped back here.

One scan of the text finds the start tags of the elements the reader reports
(headings, list items, rows, cells, terms, paragraphs, containers), outside
comments and raw-text elements (`<script>`, `<style>`, …), in source order.
The k-th `<li` of the source is the k-th `li` element of the tree: the parser
keeps elements in source order, and these tags are never implied. Where the
counts differ (a hostile page: a stray `</p>` makes an empty `p`, a `<td>`
with no `<tr>` makes one), the k-th element takes the k-th tag found or the
last one, so a position may be late there, never missing. A position is the
first character after the start tag's `>` that is no white space: where the
element's text (or its first child's tag) begins.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

MAPPED = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "ul", "ol", "tr", "td", "th", "dt", "dd", "dl",
          "table", "div", "blockquote", "section", "article", "main", "body")
_MAPPED = frozenset(MAPPED)
_TAGS = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|textarea|title|xmp|iframe|noembed|noframes)(?=[\s/>])[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<(" + "|".join(MAPPED) + r")(?=[\s/>])",
    re.DOTALL | re.IGNORECASE,
)


_TEXT_START = re.compile(r"[^ \t\n\r\f]")
_SPACE = frozenset(" \t\n\r\f")


class Positions:
    def __init__(self, text: str, tree: Any, line_offset: int = 0) -> None:
        """`line_offset`: lines before `text` in its file (an HTML block in a Markdown page)."""
        self._text = text
        self._line_offset = line_offset
        self._tree = tree
        self._line_starts = [0] + [found.end() for found in re.finditer("\n", text)]
        self._offsets: dict[str, list[int]] = {}
        for found in _TAGS.finditer(text):
            name = found[2]
            if name is not None:
                self._offsets.setdefault(name.lower(), []).append(found.end())
        self._by_node: dict[str, dict[int, int]] = {}

    def of(self, node: Any) -> tuple[int, int]:
        """(line, column), 1-based, of the text of an element (or of the nearest
        mapped element around a text node)."""
        while node is not None and node.tag not in _MAPPED:
            node = node.parent
        if node is None:
            return 1 + self._line_offset, 1
        offset = self._offset(node)
        line = bisect_right(self._line_starts, offset)
        return line + self._line_offset, offset - self._line_starts[line - 1] + 1

    def _offset(self, node: Any) -> int:
        tag = node.tag
        nodes = self._by_node.get(tag)
        if nodes is None:
            nodes = self._by_node[tag] = {element.mem_id: index for index, element in enumerate(self._tree.css(tag))}
        offsets = self._offsets.get(tag)
        index = nodes.get(node.mem_id)
        if not offsets or index is None:
            return 0
        start = offsets[min(index, len(offsets) - 1)]
        text = self._text
        end = text.find(">", start) + 1
        if end == 0:
            return len(text)
        if end < len(text) and text[end] not in _SPACE:
            return end  # the text starts right after the tag: most elements
        found = _TEXT_START.search(text, end)
        return found.start() if found else end
