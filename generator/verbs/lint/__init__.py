"""`errgen lint`: doc defects in pages, as diagnostics. The rules, one small function
each, are in rules.py; here is the verb: files given on the command line, or the
sources of errgen.toml read as generate reads them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ...diagnostics import Diagnostic, ErrgenError, display_path, make_strict
from ...pipeline import PageOptions, ReadOptions
from ...read.source import read_source
from ..crosspage import differing_codes
from .rules import RULES, lint_source, unknown_group_code

if TYPE_CHECKING:
    from ...config.project import Config, SourceConfig

__all__ = ["RULES", "lint", "lint_source", "lint_sources", "unknown_group_code"]


def lint(
    paths: Sequence[Path], strict: bool = False, ignore: Sequence[str] = (), reading: ReadOptions | None = None
) -> tuple[Diagnostic, ...]:
    """Findings in every file given, sorted; `strict` makes every warning an error,
    `ignore` drops rules. A file with no error codes at all is no error page: one
    notice says so. A file that is no readable page raises ErrgenError carrying its
    diagnostics and every other page's findings."""
    found: list[Diagnostic] = []
    unreadable: list[Diagnostic] = []
    for path in paths:
        try:
            src = read_source(path, display_path(path))
        except ErrgenError as exc:
            unreadable += exc.diagnostics
            continue
        options = PageOptions(source_id=path.stem, path=src.display_path, reading=reading or ReadOptions())
        found += _not_a_page(src.display_path, lint_source(src, options))
    return _lint_result(found, unreadable, strict, set(ignore))


def lint_sources(config: Config, strict: bool = False, ignore: Sequence[str] = ()) -> tuple[Diagnostic, ...]:
    """`lint` of the configured sources, each read as errgen.toml says, without
    the rules its `lint = { ignore = [...] }` switches off."""
    found: list[Diagnostic] = []
    unreadable: list[Diagnostic] = []
    for source in config.sources:
        path = config.root / source.path
        try:
            src = read_source(path, display_path(path), source.format)
        except ErrgenError as exc:
            unreadable += exc.diagnostics
            continue
        off = set(source.lint_ignore)
        found += [d for d in lint_source(src, _options(source)) if d.rule not in off]
    if config.groups or len(config.sources) > 1:  # findings known once the pages are read
        try:
            from ..project import (
                load_pages,  # reads and assembles every page: only when groups or pages meet
            )

            pages, _ = load_pages(config)
        except ErrgenError:
            pages = []  # each page's own errors are above
        found += [d for page in pages for d in unknown_group_code(config.display_path, page, config.groups)]
        translations = {source.id for source in config.sources if source.translation_of is not None}
        found += differing_codes([page for page in pages if page.source.id not in translations])
    return _lint_result(found, unreadable, strict, set(ignore))


def _not_a_page(shown: str, found: list[Diagnostic]) -> list[Diagnostic]:
    """A file given on the command line that holds no codes (a README beside the
    pages) is reported once, as what it is, not as a failed page."""
    if [d.rule for d in found] != ["no-codes"]:
        return found
    return [Diagnostic(shown, 1, 1, "notice", "not an error-code page (no codes in any layout errgen reads); "
                       "skipped", "not-a-page")]


def _lint_result(found: list[Diagnostic], unreadable: list[Diagnostic], strict: bool,
                 ignore: set[str]) -> tuple[Diagnostic, ...]:
    kept = [d for d in found if d.rule not in ignore]
    if strict:
        kept = [*make_strict(d for d in kept if d.severity == "warning"), *(d for d in kept if d.severity != "warning")]
    if unreadable:
        raise ErrgenError(unreadable + kept)
    return tuple(sorted(kept))


def _options(source: SourceConfig) -> PageOptions:
    """The source read as generate reads it (project.py imports this package: asked here)."""
    from ..project import page_options

    return page_options(source)
