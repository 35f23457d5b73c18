"""Hostile text for the escaping tests, and a Markdown writer for it.

`HOSTILE` holds one sample of every way text from a page has broken out of
generated code somewhere: quotes and string prefixes, escapes that mean
something in Python (`\\N{`, `\\u`), template literals (`${`, backticks),
Jinja source (`{{ }}`), comment ends (`*/`, CR, U+2028/U+2029, NEL), bidi
controls, directives tools read from comments, astral characters.

`markdown_inline` writes Markdown whose plain text (DESIGN.md: escapes
resolved, HTML dropped, entities decoded) is exactly the given string, so a
test can put arbitrary text into a page and expect it back from every target.
"""

from __future__ import annotations

import re
import string

HOSTILE: tuple[str, ...] = (
    # Python strings and docstrings
    '"', "'", '"""', "'''", '\\', 'ends with a backslash \\', 'ends with a quote "',
    '", __import__("os").system("id"), "', "'''; import os; '''", '""" + __import__("os").getcwd() + """',
    "\\N{BULLET}", "\\u2022", "\\U0001F600", "\\x41", "\\0", "\\n", "f'{os.environ}'", "{0.__class__}",
    "%s %d %b %(name)s {name} {0} {{ }}",
    # JavaScript and TypeScript strings, template literals, JSON
    "${process.exit(1)}", "`${`", "`; process.exit(1); `", '"}]; process.exit(1); //', "</script><script>",
    "\u2028", "\u2029", "a\u2028b\u2029c", "__proto__", "constructor", "toString",
    # Jinja source
    "{{ 7 * 7 }}", "{% raw %}", "{# comment #}", "{{ page.source.path }}",
    # comments: ends, line ends, directives
    "*/", "/*", "/**/", "// @ts-ignore", "@ts-expect-error", "@ts-nocheck", "/// <reference path=\"x\" />",
    "type: ignore", "type: int", "fmt: off", "fmt: skip", "# noqa", "mypy: ignore-errors",
    "-*- coding: latin-1 -*-", "//# sourceMappingURL=data:,", "@param x @returns y", "-->", "<!--",
    "a\rb", "a\r\nb", "a\nb", "\x85", "a\x0bb\x0cc", "\x1c\x1d\x1e\x1f", "\x7f\x80\x9f",
    # what misleads a reviewer
    "\u202eevil\u202c", "\u2066\u2067\u2068\u2069", "\u200e\u200f\u061c", "zero\u200bwidth\u200d",
    "\ufeffBOM", "\u00a0nbsp\u00a0", "\u3000", "\u00ad", "\ue000", "\U000e0041",
    # astral and combining characters, regex syntax
    "\U0001f600", "\U0001d11e\U00010000\U0010fffd", "e\u0301\u0301", "\u0301", "\ud7ff\ue000\uffff",
    "^$.|?*+()[]{}\\", "(?P<x>.)", "\\d+", "[^]", "$&$1", "\\k<x>",
)

# CommonMark lets a backslash escape any ASCII punctuation character.
_PUNCTUATION = frozenset(string.punctuation)
# A guard at both ends: markdown-it trims whitespace (NBSP, U+2028, VT…) and
# reads block syntax at the start of a line; dropped inline HTML keeps both
# away from the text without adding any.
_GUARD = "<i></i>"
_FOLD = re.compile(r"[ \t\r\n]+")


def markdown_inline(text: str) -> str:
    """One line of Markdown whose plain text is `text` (NUL excepted: a page never holds one)."""
    pieces = []
    for ch in text:
        if ch in _PUNCTUATION:
            pieces.append("\\" + ch)
        elif ch in "\r\n":
            pieces.append(f"&#{ord(ch)};")  # a raw line end would end the heading or paragraph
        else:
            pieces.append(ch)
    return _GUARD + "".join(pieces) + _GUARD


def plain(text: str) -> str:
    """DESIGN.md's plain text: runs of spaces, tabs and line ends are one space, then trimmed."""
    return _FOLD.sub(" ", text).strip(" ")
