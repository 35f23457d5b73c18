"""The identifiers of a source file's code: what a runtime or module template names.

Jinja tags, comments and string literals are taken out first (a word in a
docstring is no name); a name right after `.` is a property, not a binding.
"""

from __future__ import annotations

import re

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_STRINGS = re.compile(r'"""(?:\\.|[^\\])*?"""|\'\'\'(?:\\.|[^\\])*?\'\'\'|"(?:\\.|[^"\\\n])*"|'
                      r"'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`", re.S)
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_NAME = re.compile(r"(?<![.\w$])[A-Za-z_$][\w$]*")


def code_identifiers(source: str, line_comment: str) -> set[str]:
    text = _JINJA.sub(" ", source)
    text = _STRINGS.sub(" ", text)
    if line_comment == "//":
        text = _BLOCK_COMMENT.sub(" ", text)
    text = re.sub(re.escape(line_comment) + r"[^\n]*", " ", text)
    return set(_NAME.findall(text))
