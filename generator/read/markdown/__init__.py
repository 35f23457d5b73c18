"""The Markdown reader: markdown-it-py's token stream -> `RawPage`.

One module per layout (headings, code lines, tables, code bullets,
definitions) says what its blocks look like; `walk` visits the blocks in
document order and hands each to the layout it belongs to.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ...diagnostics import Diagnostic
from ..layouts.headings import code_heading
from ..layouts.sections import translation_of
from ..raw import RawPage, ReadOptions
from ..source import SourceText
from .container import markdown_text
from .inline import plain_text_inline
from .sections import (
    error_section_ranges,
    page_headings,
    section_ranges,
    top_level_ranges,
)
from .sibling_headings import heading_indexes
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
    indexes = heading_indexes(tokens)
    for start, end in ranges:
        walker.walk(tokens, start, end, indexes)
    if options.section:
        return walker.page()
    # Once for both rules below, with the texts the walk read (bench row `parse+model / floor (sapi)`).
    headings = page_headings(tokens, walker.heading_texts, indexes)
    return (_errors_part(src, tokens, options, walker, headings)
            or _first_language(src, tokens, options, walker, headings) or walker.page())


def _errors_part(src: SourceText, tokens: list[Token], options: ReadOptions, whole: Walker,
                 headings: list[tuple[int, int, str]]) -> RawPage | None:
    """A whole API document read without `section`: when most of its code listings
    stand under headings that name errors and the rest elsewhere (an endpoint's
    table, a changelog), only the former (a notice names the sections). None:
    the whole page is what it holds."""
    found = error_section_ranges(headings, len(tokens))
    if not found or not whole.entries:
        return None
    bounds = [(_line_of(tokens, start), _line_of(tokens, end)) for start, end, _ in found]
    inside = [e for e in whole.entries if any(first <= e.line < last for first, last in bounds)]
    # Most listings must stand there: a page of two code tables, one of them
    # headed "RPC errors", is an error page in two parts, not a document with an errors part.
    if not inside or len(inside) == len(whole.entries) or len(inside) * 2 <= len(whole.entries):
        return None
    walker = (whole.part(found[0][0], found[0][1], tokens) if len(found) == 1 else None
              ) or _walked(src, options, tokens, [(start, end) for start, end, _ in found])
    names = ", ".join(repr(text) for _, _, text in found)
    line = bounds[0][0]
    walker.diagnostics.append(Diagnostic(
        src.display_path, line, 1, "notice",
        f"read only the part under {names}: {len(inside)} of the page's {len(whole.entries)} code listings stand "
        f"there; to read another part, give `section` (--section)", "section-chosen"))
    return walker.page()


def _first_language(src: SourceText, tokens: list[Token], options: ReadOptions, whole: Walker,
                    headings: list[tuple[int, int, str]]) -> RawPage | None:
    """A file that holds a page and then its translation (top-level parts that list
    the same codes): only the first part, with a notice. None: no such parts."""
    parts = top_level_ranges(headings, len(tokens))
    if len(parts) < 2:
        return None
    bounds = [(_line_of(tokens, start), _line_of(tokens, end)) for start, end, _ in parts]
    codes = [{e.code for e in whole.entries if first <= e.line < last} for first, last in bounds]
    # Parts of two codes or more, under headings that are no codes themselves.
    if any(code_heading(text) for _, _, text in parts):
        return None
    holding = [n for n, listed in enumerate(codes) if len(listed) >= 2]
    if len(holding) < 2 or not all(translation_of(codes[holding[0]], codes[n]) for n in holding[1:]):
        return None
    start, end, text = parts[holding[0]]
    walker = whole.part(start, end, tokens) or _walked(src, options, tokens, [(start, end)])
    others = ", ".join(repr(parts[n][2]) for n in holding[1:])
    walker.diagnostics.append(Diagnostic(
        src.display_path, bounds[holding[0]][0], 1, "notice",
        f"read only the part under {text!r}: {others} lists the same codes again (a translation); "
        f"to read another part, give `section` (--section)", "section-chosen"))
    return walker.page()


def _walked(src: SourceText, options: ReadOptions, tokens: list[Token], ranges: list[tuple[int, int]]) -> Walker:
    """A fresh walk of these ranges, when the whole walk cannot be cut (Walker.part)."""
    walker = Walker(src, options, MARKDOWN.options["maxNesting"])
    for start, end in ranges:
        walker.walk(tokens, start, end)
    return walker


def _line_of(tokens: list[Token], index: int) -> int:
    """First line of tokens[index]; past the last line at the end."""
    if index >= len(tokens):
        return 1 << 62
    found = tokens[index].map
    return found[0] + 1 if found else 1


def read_markdown(src: SourceText, options: ReadOptions) -> RawPage:
    return read_tokens(src, tokenize(src), options)
