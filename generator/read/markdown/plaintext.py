"""markdown-it inline tokens -> the plain text an API sends.

Escapes are already resolved by markdown-it; here code-span backticks and
emphasis markers go, links keep their text (a link with no visible text, a
permalink, goes), HTML is dropped (a `<br>` is a line break), and runs of
spaces, tabs and line endings fold to one space. Every other character, U+00A0
and U+2028 included, is kept as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from ...speed.frozen import fast_init
from ..layouts.text import is_invisible, squeeze_spaces

_BR = re.compile(r"^</?br\s*/?>$", re.IGNORECASE)
_SUP_OPEN = re.compile(r"^<sup(?:\s[^>]*)?>$", re.IGNORECASE)
_SUP_CLOSE = re.compile(r"^</sup\s*>$", re.IGNORECASE)
_ANCHOR_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)

_TEXT_TYPES = frozenset({"text", "text_special", "code_inline"})
_BREAK_TYPES = frozenset({"softbreak", "hardbreak"})


@fast_init
@dataclass(frozen=True)
class InlineText:
    text: str
    links: tuple[str, ...]  # hrefs, as written
    anchors: tuple[str, ...]  # ids of inline HTML anchors


def inline_text(tokens: Sequence[Token]) -> InlineText:
    """Plain text of one or more inline tokens, joined by a space."""
    if len(tokens) == 1:
        return token_text(tokens[0])
    return _joined_text(tokens)


def token_text(token: Token) -> InlineText:
    """Plain text of one inline token (a heading, a table cell, a paragraph)."""
    plain = plain_text(token)
    return _joined_text((token,)) if plain is None else InlineText(plain, (), ())


def plain_text(token: Token) -> str | None:
    """The text of an inline token that is one run of text (most cells and many
    bullets: nothing to collect); None for any other."""
    children = token.children
    if children and len(children) == 1 and children[0].type == "text":
        return squeeze_spaces(children[0].content)
    return None


def _joined_text(tokens: Sequence[Token]) -> InlineText:
    return _collected([inline.children or [] for inline in tokens])


def children_text(children: Sequence[Token]) -> InlineText:
    """Plain text of some of one inline token's children (a list item after its code)."""
    return _collected([children])


def _collected(groups: Sequence[Sequence[Token]]) -> InlineText:
    """Each group of children's text, joined by a space, with the links and anchors in them."""
    pieces: list[str] = []
    links: list[str] = []
    anchors: list[str] = []
    for children in groups:
        pieces.append(" ")
        _collect(children, pieces, links, anchors)
    return InlineText(squeeze_spaces("".join(pieces)), tuple(links), tuple(anchors))


def _collect(children: Sequence[Token], pieces: list[str], links: list[str], anchors: list[str]) -> None:
    link_start = 0
    for child in children:
        kind = child.type
        if kind in _TEXT_TYPES:
            pieces.append(child.content)
        elif kind in _BREAK_TYPES:
            pieces.append(" ")
        elif kind == "html_inline":
            if _BR.match(child.content.strip()):
                pieces.append(" ")
            anchors.extend(html_anchor_ids(child.content))
        elif kind == "link_open":
            link_start = len(pieces)
            href = child.attrGet("href")
            if isinstance(href, str):
                links.append(href)
        elif kind == "link_close" and is_invisible("".join(pieces[link_start:])):
            # A permalink (Docusaurus writes `[\u200b](#-1000-unknown)` after
            # every heading): its text is no part of the name.
            del pieces[link_start:]
        elif kind == "image":
            _collect(child.children or [], pieces, links, anchors)


def footnoted_text(token: Token) -> tuple[str, tuple[str, ...]]:
    """Plain text of a code cell without what `<sup>…</sup>` holds, and those
    marks: a footnote mark is never part of a code (`-1126<sup>1</sup>`)."""
    kept: list[Token] = []
    marks: list[str] = []
    mark: list[Token] | None = None
    for child in token.children or ():
        if child.type == "html_inline" and _SUP_OPEN.match(child.content.strip()):
            mark = []
        elif child.type == "html_inline" and _SUP_CLOSE.match(child.content.strip()) and mark is not None:
            marks.append(children_text(mark).text)
            mark = None
        else:
            (kept if mark is None else mark).append(child)
    return children_text(kept).text, tuple(marks)


def html_anchor_ids(html: str) -> list[str]:
    return _ANCHOR_ID.findall(html)
