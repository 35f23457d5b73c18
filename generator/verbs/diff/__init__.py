"""`errgen diff`: what changed between two versions of a page, for the people whose code uses it.

    views.py      a page (or what errgen.lock records of it) -> `PageView`
    committed.py  a committed JSON document read back -> `PageView` (for `check`)
    compare.py    two views -> `PageDiff` (added, removed, renamed, moved, changed)
    formats.py    a `PageDiff` as text, GitHub annotations, JSON or Markdown
"""

from __future__ import annotations

from pathlib import Path

from ...diagnostics import Diagnostic, ErrgenError
from ...pipeline import ReadOptions
from ..dump import page_alone
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
    "diff_files", "Change", "CodeView", "MessageView", "PageDiff", "PageView", "code_span", "diff_pages", "findings",
    "format_github", "format_json", "format_markdown", "format_text", "read_view", "summary", "view_of_document",
    "view_of_lock", "view_of_page",
]


def diff_files(old: Path, new: Path, reading: ReadOptions | None = None, strict: bool = False,
               class_names: str = "") -> PageDiff:
    """Codes added, removed, renamed and changed from `old` to `new`; both must parse.
    `class_names`: as errgen.toml's, so classes are named as `generate` names them."""
    views: list[PageView] = []
    errors: list[Diagnostic] = []
    for path in (old, new):
        try:
            page, _warnings = page_alone(path, reading, strict, class_names)
        except ErrgenError as exc:
            errors += exc.diagnostics
            continue
        views.append(view_of_page(page))
    if errors:
        raise ErrgenError(errors)
    return diff_pages(views[0], views[1])
