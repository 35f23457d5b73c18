"""The Markdown reader: markdown-it-py's token stream -> `RawPage`.

One module per layout (headings, code lines, tables, code bullets,
definitions) says what its blocks look like; `walk` visits the blocks in
document order and hands each to the layout it belongs to.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..raw import RawPage, ReadOptions
from ..source import SourceText
from .container import markdown_text
from .inline import plain_text_inline
from .sections import section_ranges
from .walk import Walker

# CommonMark and tables; strikethrough (a struck-out code is deprecated) only
# for a page that has `~~`: its rule costs a tenth of the parse on every page.
# Plain inline text skips markdown-it's inline parser (inline.py).
MARKDOWN = MarkdownIt("commonmark").enable("table").use(plain_text_inline)
_STRIKETHROUGH = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(plain_text_inline)


def tokenize(src: SourceText) -> list[Token]:
    """markdown-it's tokens for a page, in errgen's dialect; MDX and front matter taken apart first."""
    text = markdown_text(src.text, src.display_path)
    return (_STRIKETHROUGH if "~~" in text else MARKDOWN).parse(text)


def read_tokens(src: SourceText, tokens: list[Token], options: ReadOptions) -> RawPage:
    walker = Walker(src, options, MARKDOWN.options["maxNesting"])
    if options.section:
        ranges, problems = section_ranges(tokens, options.section, src.display_path)
        walker.diagnostics += problems
    else:
        ranges = [(0, len(tokens))]
    for start, end in ranges:
        walker.walk(tokens, start, end)
    return walker.page()

