"""TOML, for the files `errgen init` writes."""

from __future__ import annotations

import json

from . import Filter


def tomlstr(text: str) -> str:
    """A TOML basic string equal to `text`.

    JSON's escapes are TOML's, but TOML also forbids a raw DEL, and its `\\u`
    takes no surrogate halves, so non-ASCII text stays as it is.
    """
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


FILTERS: dict[str, Filter] = {"tomlstr": tomlstr}
