"""errgen's verbs as Python functions that return results (never print, never exit):
what cli.py calls, and what a build script may call. Each lives in its own module."""

from __future__ import annotations

from .check import CheckResult, DocsChange, check, docs_changes
from .diff import diff_files as diff
from .dump import dump
from .generate import generate
from .lint import lint, lint_sources
from .project import (
    Rendered,
    load_page,
    load_pages,
    page_options,
    plan_writes,
    read_project_lock,
    reading_options,
    render_project,
)

__all__ = [
    "CheckResult", "DocsChange", "Rendered", "check", "diff", "docs_changes", "dump", "generate", "lint",
    "lint_sources", "load_page", "load_pages", "page_options", "plan_writes", "read_project_lock",
    "reading_options", "render_project",
]
