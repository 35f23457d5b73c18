"""Code bullets: `<li><code>10000</code> Url not found.</li>` or
`<li>100001 - signature verification failed</li>`; the rest of the item is its message."""

from __future__ import annotations

from typing import Any

from ..layouts.items import CodeBullet, number_first, spanned_bullet
from .text import ElementText, nodes_text


def code_bullet(item: Any, read: ElementText) -> CodeBullet | None:
    """The code and message of a list item, or None (read/layouts/items.py decides)."""
    first = next((child for child in item.iter(include_text=True)
                  if child.tag != "-text" or (child.text_content or "").strip()), None)
    if first is not None and first.tag == "code":
        return spanned_bullet(first.text(deep=True), nodes_text(_after(item, first)).text)
    return number_first(read.text)


def _after(item: Any, first: Any) -> list[Any]:
    children = list(item.iter(include_text=True))
    return children[children.index(first) + 1 :] if first in children else []
