"""`errgen diff`: what changed between two versions of a page, for the people whose code uses it.

    views.py      a page (or what errgen.lock records of it) -> `PageView`
    committed.py  a committed JSON document read back -> `PageView` (for `check`)
    compare.py    two views -> `PageDiff` (added, removed, renamed, moved, changed)
    formats.py    a `PageDiff` as text, GitHub annotations, JSON or Markdown
"""

from .committed import read_view, view_of_document
from .compare import Change, PageDiff, diff_pages
from .formats import (
    code_span,
    findings,
    format_github,
    format_json,
    format_markdown,
    format_text,
    summary,
)
from .views import CodeView, MessageView, PageView, view_of_lock, view_of_page

__all__ = [
    "Change", "CodeView", "MessageView", "PageDiff", "PageView", "code_span", "diff_pages", "findings",
    "format_github", "format_json", "format_markdown", "format_text", "read_view", "summary", "view_of_document",
    "view_of_lock", "view_of_page",
]
