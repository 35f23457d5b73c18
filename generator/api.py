"""What each verb does, as functions that return results: never print, never exit."""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import classes, targets, write
from .config import Config, SourceConfig
from .diagnostics import Diagnostic, ErrgenError
from .diff import PageDiff, PageView, diff_pages, view_of_page
from .document import document_text, read_view
from .lint import lint_source, make_strict, unknown_group_code
from .model import ErrorPage
from .parse import PageOptions, parse_page
from .read import read_source


@dataclass(frozen=True, slots=True)
class Rendered:
    pages: tuple[ErrorPage, ...]
    files: dict[Path, str]  # relative to the project root
    owned: dict[Path, tuple[str, ...]]  # folders errgen owns -> suffixes it writes
    diagnostics: tuple[Diagnostic, ...]  # warnings; errors raise ErrgenError


@dataclass(frozen=True, slots=True)
class CheckResult:
    plan: write.Plan
    diff: str  # unified diff of every stale file, `--- a/path` / `+++ b/path`
    diagnostics: tuple[Diagnostic, ...]
    pages: tuple[ErrorPage, ...] = field(default=())
    docs: tuple[DocsChange, ...] = field(default=())  # set when output is stale

    @property
    def is_current(self) -> bool:
        return self.plan.is_current


@dataclass(frozen=True, slots=True)
class DocsChange:
    """What changed in one source's page since its JSON output was committed."""

    page: str  # the page's path, as errgen.toml gives it
    previous: str  # the committed JSON output it is compared with
    diff: PageDiff | None  # None: no readable previous output


def display_path(path: Path) -> str:
    """A path as diagnostics print it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def load_pages(config: Config) -> tuple[list[ErrorPage], list[Diagnostic]]:
    """Parse every source, base pages before their translations; all errors at once."""
    pages: dict[str, ErrorPage] = {}
    diagnostics: list[Diagnostic] = []
    failed: set[str] = set()
    for source in _base_first(config.sources):
        if source.translation_of in failed:
            failed.add(source.id)
            continue
        base = pages.get(source.translation_of) if source.translation_of else None
        try:
            page, found = load_page(config.root, source, base)
        except ErrgenError as exc:
            diagnostics += exc.diagnostics
            failed.add(source.id)
            continue
        pages[source.id] = classes.assign(page, config.groups, base)
        diagnostics += found
        diagnostics += unknown_group_code(config.display_path, page, config.groups)
    if failed:
        raise ErrgenError(diagnostics)
    return [pages[source.id] for source in config.sources], diagnostics


def load_page(root: Path, source: SourceConfig, base: ErrorPage | None) -> tuple[ErrorPage, list[Diagnostic]]:
    src = read_source(root / source.path, display_path(root / source.path))
    options = PageOptions(
        source_id=source.id,
        path=source.path.as_posix(),
        url=source.url,
        language=source.language,
        identifiers=source.identifiers,
        base_identifiers=None if base is None else {int(e.code): e.identifier for e in base.errors},
    )
    return parse_page(src, options)


def render_project(config: Config) -> Rendered:
    pages, diagnostics = load_pages(config)
    files: dict[Path, str] = {}
    owned: dict[Path, tuple[str, ...]] = {}
    for name in config.targets:
        target = targets.get(name)
        folder = config.output[name]
        context = target.context(python_package=config.python_package)
        for rel, text in target.render(pages, context).items():
            path = folder / rel
            files[path] = text
            owned[path.parent] = target.owned
    return Rendered(tuple(pages), files, owned, tuple(diagnostics))


def generate(config: Config) -> tuple[write.Plan, tuple[Diagnostic, ...]]:
    """Render everything in memory, then write what changed, all or nothing."""
    rendered = render_project(config)
    plan = write.plan(config.root, rendered.files, rendered.owned)
    write.apply(plan)
    return plan, rendered.diagnostics


def check(config: Config) -> CheckResult:
    """What `generate` would change, as a plan and a diff; writes nothing."""
    rendered = render_project(config)
    plan = write.plan(config.root, rendered.files, rendered.owned)
    chunks: list[str] = []
    for rel in plan.changed:
        old = (config.root / rel).read_text(encoding="utf-8", errors="replace")
        chunks += difflib.unified_diff(
            old.splitlines(keepends=True),
            rendered.files[rel].splitlines(keepends=True),
            fromfile=f"a/{rel.as_posix()}",
            tofile=f"b/{rel.as_posix()}",
        )
    docs = () if plan.is_current else docs_changes(config, rendered.pages)
    return CheckResult(plan, "".join(chunks), rendered.diagnostics, rendered.pages, docs)


def docs_changes(config: Config, pages: Sequence[ErrorPage]) -> tuple[DocsChange, ...]:
    """Each page against its committed output/json/<id>.json: the docs' side of a stale output."""
    if "json" not in config.targets:
        return ()
    changes = []
    for page in pages:
        rel = (config.output["json"] / f"{page.source.id}.json").as_posix()
        previous = read_view(config.root / rel, rel)
        diff = None if previous is None else diff_pages(previous, view_of_page(page))
        changes.append(DocsChange(page.source.path, rel, diff))
    return tuple(changes)


def lint(paths: Sequence[Path], strict: bool = False) -> tuple[Diagnostic, ...]:
    """Findings in every page, sorted; `strict` makes every warning an error. A file
    that is no readable page raises ErrgenError carrying its diagnostics and every
    other page's findings."""
    found: list[Diagnostic] = []
    unreadable: list[Diagnostic] = []
    for path in paths:
        try:
            src = read_source(path, display_path(path))
        except ErrgenError as exc:
            unreadable += exc.diagnostics
            continue
        found += lint_source(src)
    if strict:
        found = make_strict(found)
    if unreadable:
        raise ErrgenError(unreadable + found)
    return tuple(sorted(found))


def diff(old: Path, new: Path) -> PageDiff:
    """Codes added, removed, renamed and changed from `old` to `new`; both must parse."""
    views: list[PageView] = []
    errors: list[Diagnostic] = []
    for path in (old, new):
        shown = display_path(path)
        try:
            page, _warnings = parse_page(read_source(path, shown), PageOptions(source_id=path.stem, path=shown))
        except ErrgenError as exc:
            errors += exc.diagnostics
            continue
        views.append(view_of_page(page))
    if errors:
        raise ErrgenError(errors)
    return diff_pages(views[0], views[1])


def dump(path: Path) -> tuple[str, tuple[Diagnostic, ...]]:
    """The JSON target for one page, no configuration needed (source id: the file's stem)."""
    shown = display_path(path)
    page, diagnostics = parse_page(read_source(path, shown), PageOptions(source_id=path.stem, path=shown))
    return document_text(classes.assign(page)), tuple(diagnostics)


def _base_first(sources: tuple[SourceConfig, ...]) -> list[SourceConfig]:
    # A translation's base is never itself a translation (config.py checks), so
    # one stable sort puts every base before the pages translated from it.
    return sorted(sources, key=lambda source: source.translation_of is not None)
