"""Message templates: placeholders and the anchored pattern that matches a real message.

The pattern is one string that means the same in Python's `re` (compiled with
DOTALL, used with `fullmatch`) and in JavaScript's `RegExp(pattern, "su")`:
literal text escapes only the characters both engines treat as syntax, and
every placeholder becomes the same lazy group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Message

# printf-style (`%s`, `%d`, `%b`, `%f`; `％s` with a full-width percent is a real
# typo on the Chinese page) and brace-style placeholders: named (`{param}`),
# positional (`{0}`, real on the portfolio-margin-pro page), SLF4J's `{}` and
# Mustache's `{{coin}}` (Bybit).
PLACEHOLDER = re.compile(r"[%％][sdbf]|\{\{[A-Za-z_][A-Za-z0-9_]*\}\}|\{(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+)?\}")

# Characters that are syntax in either engine. Escaping anything else (a space,
# `-`, `#`) is an error in a JavaScript `u`-mode pattern.
_REGEX_SYNTAX = "^$.|?*+()[]{}"  # and the backslash

PLACEHOLDER_GROUP = "(.+?)"


@dataclass(frozen=True)
class Placeholders:
    """The placeholder spellings of one page: the standard ones, and the page's
    own from errgen.toml (`placeholders = ["<Limit>"]`, real on Deribit)."""

    pattern: re.Pattern[str]
    extra: tuple[str, ...]

    @classmethod
    def for_page(cls, extra: tuple[str, ...] = ()) -> Placeholders:
        if not extra:
            return STANDARD
        spellings = "|".join(re.escape(text) for text in sorted(extra, key=len, reverse=True))
        return cls(re.compile(f"{spellings}|{PLACEHOLDER.pattern}"), extra)

    def message(self, text: str, line: int, column: int, http_status: int | None = None) -> Message:
        if not _may_hold_placeholder(text) and not (self.extra and any(spelling in text for spelling in self.extra)):
            # Most messages: no regex scan at all.
            return Message(text, (), f"^{escape_literal(text)}$", len(text), line, column, http_status, (text,))
        return _template(text, self.pattern, line, column, http_status)


def message_from_text(text: str, line: int, column: int) -> Message:
    return STANDARD.message(text, line, column)


def _template(text: str, pattern: re.Pattern[str], line: int, column: int, http_status: int | None) -> Message:
    placeholders: list[str] = []
    literals: list[str] = []
    parts = ["^"]
    literal_length = 0
    position = 0
    for found in pattern.finditer(text):
        literal = text[position : found.start()]
        parts.append(escape_literal(literal))
        literals.append(literal)
        literal_length += len(literal)
        parts.append(PLACEHOLDER_GROUP)
        placeholders.append(found.group())
        position = found.end()
    tail = text[position:]
    parts.append(escape_literal(tail))
    literals.append(tail)
    literal_length += len(tail)
    parts.append("$")
    return Message(
        text=text,
        placeholders=tuple(placeholders),
        pattern="".join(parts),
        literal_length=literal_length,
        line=line,
        column=column,
        http_status=http_status,
        literals=tuple(literals),
    )


STANDARD = Placeholders(PLACEHOLDER, ())


def _may_hold_placeholder(text: str) -> bool:
    # Three substring checks cost a tenth of one PLACEHOLDER scan.
    return "%" in text or "{" in text or "\uff05" in text


def escape_literal(text: str) -> str:
    # One str.replace per syntax character: a few times faster than a loop
    # over the characters, and messages are most of a page.
    text = text.replace("\\", "\\\\")
    for ch in _REGEX_SYNTAX:
        if ch in text:
            text = text.replace(ch, "\\" + ch)
    return text
