"""What a table cell says, whatever the format it was written in: a quoted
message (`"A." / "B."`) and an HTTP status."""

from __future__ import annotations

import re

_QUOTED = re.compile(r'"([^"]*)"')
_BETWEEN_QUOTED = re.compile(r"[\s/,;|.]*")
_HTTP_STATUS = re.compile(r"[1-5][0-9][0-9]")


def unquote_cell(text: str) -> list[str]:
    """A message cell without the quotes that wrap it on the page.

    `"A." / "B."` lists two messages; `"A".` is `A.` (the server sends the
    period, DESIGN "Plain text"); an unclosed `"A.` still gives `A.`.
    """
    if not text.startswith('"'):
        return [text]
    if text.endswith('".') and text.count('"') == 2:
        return [text[1:-2].strip(" ") + "."]
    quoted = _QUOTED.findall(text)
    if quoted and _BETWEEN_QUOTED.fullmatch(_QUOTED.sub("", text)):
        return [q.strip(" ") for q in quoted]
    return [text.strip('"').strip(" ")]


def http_status(text: str) -> int | None:
    return int(text) if _HTTP_STATUS.fullmatch(text) else None
