"""markdown-it's inline passes, without the work they do for nothing on plain text.

Most inline content on an error page is plain words: a table cell `50000`,
`400` or `Internal error; unable to process your request.`. On such text
markdown-it's inline parser builds a state, runs its text rule, which consumes
everything up to the first character that could start markup (the parser's own
`terminator_re`), and flushes the result as one text token; the post-passes
then find nothing to do, and `text_join` rebuilds the children list of every
inline token to join text it does not have. On a 20,000-row table the two cost
a quarter of the parse.

When the content holds no character at which an enabled inline rule can
start, the text rule consumes all of it (a terminator no rule takes is added
to the text), so this plugin writes that one text token directly; and
`text_join` runs only on the inline tokens the parser wrote, the only ones
with something to join. Everything else goes through markdown-it exactly as
before: the tokens are the same either way (tests/test_inline_fast_path.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.parser_inline import ParserInline
from markdown_it.rules_core import StateCore
from markdown_it.rules_core.text_join import text_join
from markdown_it.token import Token


def plain_text_inline(md: MarkdownIt) -> None:
    """Replace markdown-it's core `inline` and `text_join` rules by their plain-text shortcuts."""
    md.core.ruler.at("inline", _inline)
    md.core.ruler.at("text_join", _text_join)


# The inline tokens `_inline` sent to markdown-it's parser, for `_text_join`:
# kept in the parse's `env`, markdown-it's place for data rules share.
_PARSED = "errgen:parsed_inline"


# The characters each of markdown-it's inline rules can start at (each rule
# returns at once anywhere else). The text rule stops at more (`-`, `:`, `%`…,
# kept for extensions); a page of such text is plain all the same. A rule not
# listed here, a plugin's, makes every terminator count.
_RULE_STARTS = {
    "text": "", "linkify": ":", "newline": "\n", "escape": "\\", "backticks": "`", "strikethrough": "~",
    "emphasis": "*_", "link": "[", "image": "!", "autolink": "<", "html_inline": "<", "entity": "&",
}


# markdown-it-py 3.0 (the last for Python 3.9) has no `terminator_re`: its text
# rule stops at this fixed set (rules_inline/text.py), which plugins cannot extend.
_TEXT_TERMINATORS_3_0 = "\n!#$%&*+-:<=>@[\\]^_`{}~"


def _markup_search(parser: ParserInline) -> Callable[[str], re.Match[str] | None]:
    """Where in a text an enabled inline rule could start; None: nowhere, the text is plain."""
    active = parser.ruler.get_active_rules()
    if any(rule not in _RULE_STARTS for rule in active):
        terminators: re.Pattern[str] | None = getattr(parser, "terminator_re", None)  # markdown-it-py 4
        return (terminators or _any_of(_TEXT_TERMINATORS_3_0)).search
    return _any_of("".join(sorted({ch for rule in active for ch in _RULE_STARTS[rule]}))).search


@functools.cache
def _any_of(characters: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(characters)}]")


def _inline(state: StateCore) -> None:
    parser = state.md.inline
    markup_at = _markup_search(parser)
    parsed = state.env[_PARSED] = []
    for token in state.tokens:
        if token.type != "inline":
            continue
        content = token.content
        if token.children is None:
            token.children = []
        if markup_at(content) is None:
            if content:  # the text rule's one token, as its flush writes it
                token.children.append(Token("text", "", 0, content=content))
        else:
            parser.parse(content, state.md, state.env, token.children)
            parsed.append(token)


def _text_join(state: StateCore) -> None:
    """markdown-it's `text_join` on the inline tokens whose children are more than one text token."""
    parsed = state.env.pop(_PARSED, ())  # none when the inline rule did not run: nothing to join
    joined = [token for token in parsed if not _one_text(token.children)]
    if joined:
        text_join(StateCore(state.src, state.md, state.env, joined))


def _one_text(children: list[Token] | None) -> bool:
    """Nothing for text_join to do: no children, or a single text token."""
    return not children or (len(children) == 1 and children[0].type == "text")
