"""What encoding an HTML page's bytes are in: its BOM, else its `<meta charset>`
(in the first 1024 bytes, as browsers look), else the charset it was served
with (fetch), else UTF-8.

A saved page is read later without its HTTP headers, so the page's own
declaration comes before the header's: `generate` then reads the file exactly
as `fetch` checked it. An encoding name Python does not know is an error at
its place, never a guess.
"""

from __future__ import annotations

import codecs
import re

from ..diagnostics import error

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_PRESCAN = 1024
# `<meta charset="x">` and `<meta http-equiv="Content-Type" content="text/html; charset=x">`:
# the prescan of the encoding sniffing algorithm reads only these, byte-wise, before any parsing.
_META = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
# WHATWG: these labels mean windows-1252, which is what servers that say them send.
_LABELS = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
           "ascii": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252"}


def html_encoding(data: bytes, display_path: str, served_as: str | None = None) -> str:
    """The Python codec name to decode `data` with."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    found = _META.search(data[:_PRESCAN])
    if found is not None:
        label = found[1].decode("ascii")
        return _codec(label, display_path, data[: found.start(1)])
    if served_as:
        return _codec(served_as, display_path, b"")
    return "utf-8"


def _codec(label: str, display_path: str, before: bytes) -> str:
    key = label.strip().lower()
    try:
        name = codecs.lookup(_LABELS.get(key, key)).name
    except LookupError:
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise error(display_path, "unknown-encoding", f"unknown character encoding {label!r}", line, column) from None
    # UTF-16 declared in a page read as ASCII bytes is a lie the spec turns into UTF-8.
    return "utf-8" if name.startswith("utf-16") or name == "utf-8" else name
