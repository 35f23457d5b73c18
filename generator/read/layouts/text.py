"""Plain text, whatever the format: runs of white space folded, template
shortcodes dropped, and what counts as invisible (a permalink's text)."""

from __future__ import annotations

import re
import unicodedata

_FOLD = re.compile(r"[ \t\n\r]+")
_SHORTCODE = re.compile(r"\{\{%.*?%\}\}|\{\{<.*?>\}\}", re.DOTALL)


def squeeze_spaces(text: str) -> str:
    """Runs of spaces, tabs and line ends as one space, trimmed; shortcodes dropped. (The
    loose match tier's fold is another thing: targets/rows.py.)"""
    if "{{" in text:  # a Hugo shortcode (`{{% note %}}`, `{{< ref "x" >}}`) is markup, not text
        text = _SHORTCODE.sub("", text)
    if "  " in text or "\t" in text or "\n" in text or "\r" in text:
        text = _FOLD.sub(" ", text)
    return text.strip(" ")  # most text has nothing to squeeze: no regex for it


def is_invisible(text: str) -> bool:
    """Only white space and format characters (Cf: zero-width space, joiners, BOM)."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)
