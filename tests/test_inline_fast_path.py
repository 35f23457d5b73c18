"""errgen's markdown-it gives exactly markdown-it's tokens (readers/markdown/inline.py).

The plugin writes the text token itself for inline content with no character
that could start markup; everything else goes through markdown-it's inline
parser. Each test compares the whole token stream, children included, with
stock markdown-it's on the same text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from errgen.read.markdown import MARKDOWN
from errgen.read.markdown.inline import plain_text_inline
from hostile import HOSTILE
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from support import CORPUS, ROOT

STOCK = MarkdownIt("commonmark").enable("table")
STOCK_STRIKETHROUGH = MarkdownIt("commonmark").enable(["table", "strikethrough"])
FAST_STRIKETHROUGH = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(plain_text_inline)

PAGES = sorted(
    [*CORPUS.glob("*.md"), *CORPUS.glob("*.mdx"), *(ROOT / "docs_src").glob("*.md"),
     *(ROOT / "examples").glob("*/docs_src/*.md*"), *(ROOT / "tests" / "cases").glob("*/*/input.md")]
)


def _same(fast: MarkdownIt, stock: MarkdownIt, text: str) -> None:
    got, expected = fast.parse(text), stock.parse(text)
    assert _flat(got) == _flat(expected)
    assert got == expected  # Token equality: type, content, map, level, attrs, children…


def _flat(tokens: list[Token]) -> list[tuple[str, str, int]]:
    """A readable form for the assertion message."""
    out = []
    for token in tokens:
        out.append((token.type, token.content, token.level))
        out += [("  " + child.type, child.content, child.level) for child in token.children or ()]
    return out


def test_pages_are_real_and_many() -> None:
    assert len(PAGES) > 40


@pytest.mark.parametrize("page", PAGES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_page_in_the_repository_gives_markdown_its_tokens(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    _same(MARKDOWN, STOCK, text)
    _same(FAST_STRIKETHROUGH, STOCK_STRIKETHROUGH, text)


def test_plain_content_takes_the_shortcut_and_markup_does_not() -> None:
    # The shortcut's token for a plain cell, and the parser's for a cell with markup.
    tokens = MARKDOWN.parse("Code | Message\n---|---\n50000 | Internal error; try again.\n-1 | `x` & y\n")
    cells = [token.children for token in tokens if token.type == "inline"]
    assert [[child.type for child in children or ()] for children in cells] == [
        ["text"], ["text"], ["text"], ["text"], ["text"], ["code_inline", "text"],
    ]


# Markup characters and the characters around them, so that most texts mix
# plain runs (the shortcut) with constructs (the parser), at every depth.
_MARKUP = st.sampled_from([
    "*", "_", "**", "~~", "~", "`", "``", "[", "]", "(", ")", "![", "<", ">", "&", "&amp;", "&#35;", "\\",
    "\\*", "<br>", "<a id='x'>", "</a>", "http://x.y", ":", "-", "- ", "* ", "1. ", "> ", "#", "# ", "|",
    "---", "\n", "\n\n", "  \n", "\t", "    ", " ", "\u00a0", "\u2028",
])
_WORDS = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=8)
_PAGE = st.lists(st.one_of(_MARKUP, _WORDS, st.sampled_from(HOSTILE)), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_PAGE)
def test_any_text_gives_markdown_its_tokens(text: str) -> None:
    _same(MARKDOWN, STOCK, text)
    _same(FAST_STRIKETHROUGH, STOCK_STRIKETHROUGH, text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.one_of(_WORDS, _MARKUP), max_size=4).map("".join), min_size=2, max_size=5))
def test_any_table_gives_markdown_its_tokens(cells: list[str]) -> None:
    row = " | ".join(cell.replace("\n", " ") for cell in cells)
    text = f"{row}\n{'|'.join('---' for _ in cells)}\n{row}\n{row[::-1]}\n"
    _same(MARKDOWN, STOCK, text)


def _dash_rule(state: StateInline, silent: bool) -> bool:
    """A plugin's inline rule that starts at `-`, which no rule of markdown-it's own does."""
    if not state.src.startswith("--", state.pos):
        return False
    if not silent:
        state.push("dash", "", 0).content = "--"
    state.pos += 2
    return True


def test_a_plugin_rule_at_any_terminator_still_fires() -> None:
    fast = MarkdownIt("commonmark").enable("table").use(plain_text_inline)
    stock = MarkdownIt("commonmark").enable("table")
    for md in (fast, stock):
        md.inline.ruler.before("emphasis", "dash", _dash_rule)
    text = "# -1000 A--B\n\n- rate limit -- 5 per second\n\nCode | Message\n---|---\n1 | x--y\n"
    _same(fast, stock, text)
    assert [child.type for token in fast.parse(text) for child in token.children or ()].count("dash") == 3


def test_text_with_only_terminators_no_rule_takes_is_one_text_token() -> None:
    # `-`, `:`, `%`, `=`, `#` stop markdown-it's text rule, but no rule starts there.
    _same(MARKDOWN, STOCK, "# -1000 TOO_MANY: 50% = #1 + @2 ^ {x} $y >z\n\nKeys - a: b; c=d%\n")
