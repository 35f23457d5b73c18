"""Definitions: `<dl><dt><code>UV_E2BIG</code></dt><dd>argument list too long</dd></dl>`
(Sphinx, Hugo, kramdown): a term that is only a code, then its descriptions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..layouts.codes import code_token, integer_token
from .text import element_text, is_permalink


def definitions(dl: Any) -> Iterator[tuple[Any, str, list[str]]]:
    """(term element, code, description texts) of each term of a list that is a code."""
    term: Any = None
    code: str | None = None
    described: list[str] = []
    for child in dl.iter(include_text=False):
        if child.tag == "dt":
            if term is not None and code is not None:
                yield term, code, described
            term, code, described = child, _term(child), []
        elif child.tag == "dd" and term is not None:
            text = element_text(child).text
            if text:
                described.append(text)
    if term is not None and code is not None:
        yield term, code, described


def _term(dt: Any) -> str | None:
    """A `<code>` alone (permalinks aside) is a code of any shape; bare text only a number."""
    parts = [child for child in dt.iter(include_text=True)
             if not is_permalink(child) and (child.tag != "-text" or (child.text_content or "").strip())]
    if len(parts) != 1:
        return None
    if parts[0].tag == "code":
        return code_token(parts[0].text(deep=True))
    return integer_token(parts[0].text_content or "") if parts[0].tag == "-text" else None
