"""The page's content as a flat run of blocks in document order: headings,
lists, tables, definition lists, paragraphs and block quotes.

Only the main content is read: the first of `<article>`, `<main>`,
`.theme-doc-markdown`, Slate's `.content`, Sphinx's `div.body` or
`[role=main]`, else `<body>`. Containers (`div`, `section`, …) are opened,
however deep, so Sphinx's nested sections and Docusaurus's flat article read
alike; text standing loose between blocks is a paragraph of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .text import SKIPPED, is_permalink

CONTENT = ("article", "main", ".theme-doc-markdown", ".content", "div.body", "[role=main]")
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Code blocks (a JSON payload example) and figures are page furniture, never part of a code.
_FURNITURE = frozenset({"pre", "figure", "img", "hr", "picture", "video", "audio", "canvas", "form", "input"})
# Phrasing content: stays inside the paragraph around it.
INLINE = frozenset({
    "-text", "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    "font", "label",
})
# Blocks an unclosed heading swallows (`<h4>-1000 X<ul>…`: HTML5 keeps the list
# inside the heading): read as blocks after it, not as part of its name.
IN_HEADING = frozenset({"ul", "ol", "table", "dl", "p", "blockquote", "pre", "div", "section"})
_IN_HEADING = ", ".join(sorted(IN_HEADING))


@dataclass(frozen=True)
class Block:
    kind: str  # heading, list, table, dl, paragraph, quote
    node: Any  # the element; for a loose paragraph, the container it stands in
    level: int = 0  # of a heading
    run: tuple[Any, ...] = field(default=())  # a loose paragraph's nodes


def content_root(tree: Any) -> Any:
    for selector in CONTENT:
        found = tree.css_first(selector)
        if found is not None:
            return found
    return tree.body if tree.body is not None else tree.root


def blocks(root: Any) -> list[Block]:
    found: list[Block] = []
    # (container, its children, whether its loose text is read: not a heading's)
    stack: list[tuple[Any, Iterator[Any], bool]] = [(root, root.iter(include_text=True), True)]
    run: list[Any] = []
    while stack:
        parent, children, loose = stack[-1]
        node = next(children, None)
        if node is None:
            _loose(found, parent, run)
            stack.pop()
            continue
        tag = node.tag
        if tag in INLINE:
            if tag == "-text" and not run and (node.text_content or "").isspace():
                continue  # white space between blocks (most text nodes of a page)
            if loose and not is_permalink(node):
                run.append(node)
            continue
        _loose(found, parent, run)
        if tag in SKIPPED or tag in _FURNITURE:
            continue
        if tag in HEADINGS:
            found.append(Block("heading", node, HEADINGS[tag]))
            if node.css_first(_IN_HEADING) is not None:
                stack.append((node, node.iter(include_text=True), False))
        elif tag in ("ul", "ol"):
            found.append(Block("list", node))
        elif tag == "table":
            found.append(Block("table", node))
            # A table inside a cell is a table of its own, after the one around it.
            found += [Block("table", inner) for inner in node.css("table") if inner.mem_id != node.mem_id]
        elif tag == "dl":
            found.append(Block("dl", node))
        elif tag == "p":
            found.append(Block("paragraph", node))
        elif tag == "blockquote":
            found.append(Block("quote", node))
        else:
            stack.append((node, node.iter(include_text=True), loose))
    return found


def _loose(found: list[Block], parent: Any, run: list[Any]) -> None:
    if run:
        if any(node.tag != "-text" or (node.text_content or "").strip() for node in run):
            found.append(Block("paragraph", parent, run=tuple(run)))
        run.clear()
