"""An element's plain text as an API sends it (DESIGN "Plain text"): entities
are decoded by the parser; here `<br>` and block boundaries become a space,
what is never read is left out (scripts, navigation, buttons, permalinks), links
keep their text, and runs of white space fold to one space.

The walk is iterative: a page nested 10,000 elements deep is read, not a
RecursionError.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..layouts.text import is_invisible, squeeze_spaces

# Never read, wherever they stand (DESIGN "Sources: Markdown and HTML").
SKIPPED = frozenset({"nav", "aside", "script", "style", "svg", "noscript", "template", "button", "-comment",
                     "head", "iframe", "object", "select", "textarea"})
STRUCK = frozenset({"del", "s", "strike"})
# Elements whose edges separate words: `<li><p>a</p><p>b</p></li>` is "a b".
_SPACED = frozenset({"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "blockquote",
                     "h1", "h2", "h3", "h4", "h5", "h6", "pre", "section", "br", "hr", "tbody", "thead"})
_PERMALINK_CLASSES = ("hash-link", "headerlink")
_PERMALINK_TEXTS = frozenset({"#", "\u00b6", "\U0001f517"})


@dataclass(frozen=True)
class ElementText:
    text: str
    links: tuple[str, ...] = ()  # hrefs, as written
    anchors: tuple[str, ...] = ()  # ids and names of elements inside
    struck: bool = False  # some of it is inside `<del>`, `<s>` or `<strike>`
    nested_list: Any = None  # the first `<ul>`/`<ol>` inside (a list item's: lint's nested-list)


def is_permalink(node: Any) -> bool:
    """`a.hash-link` (Docusaurus), `a.headerlink` (Sphinx), or an anchor whose
    text is only invisible characters, `#` or `¶`."""
    if node.tag != "a":
        return False
    classes = (node.attributes.get("class") or "").split()
    if any(name in classes for name in _PERMALINK_CLASSES):
        return True
    if "href" not in node.attributes:
        return False
    text = node.text(deep=True)
    return is_invisible(text) or text.strip() in _PERMALINK_TEXTS


def element_text(node: Any, skip: frozenset[str] = frozenset()) -> ElementText:
    """The plain text of one element; `skip`: more tags left out (a cell's nested tables)."""
    first = node.child
    if first is not None and first.tag == "-text":
        second = first.next
        # Most cells and items are one run of text; most headings, text and a permalink.
        if second is None or (second.next is None and second.tag == "a" and is_permalink(second)):
            return ElementText(squeeze_spaces(first.text_content or ""))
    return nodes_text([node], skip, own=True)


def nodes_text(nodes: Iterable[Any], skip: frozenset[str] = frozenset(), own: bool = False) -> ElementText:
    """The plain text of a run of sibling nodes (loose text between blocks)."""
    pieces: list[str] = []
    links: list[str] = []
    anchors: list[str] = []
    struck = False
    nested = None
    stack: list[Any] = list(reversed(list(nodes)))
    first = stack[-1] if own and stack else None
    while stack:
        node = stack.pop()
        if node is None:  # the end of a spaced element
            pieces.append(" ")
            continue
        tag = node.tag
        if tag == "-text":
            pieces.append(node.text_content or "")
            continue
        if tag in SKIPPED or tag in skip or is_permalink(node):
            continue
        attributes = node.attributes
        if tag == "a" and attributes.get("href") is not None:
            links.append(attributes["href"] or "")
        anchor = attributes.get("id") or (attributes.get("name") if tag == "a" else None)
        if anchor and node is not first:
            anchors.append(anchor)
        if tag in STRUCK:
            struck = True
        elif nested is None and tag in ("ul", "ol") and node is not first:
            nested = node
        if tag in _SPACED:
            pieces.append(" ")
            stack.append(None)
        stack.extend(reversed(list(node.iter(include_text=True))))
    return ElementText(squeeze_spaces("".join(pieces)), tuple(links), tuple(anchors), struck, nested)
