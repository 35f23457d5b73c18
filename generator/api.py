"""What each verb does, as functions that return results: never print, never exit."""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import write
from .config import Config, SourceConfig
from .diagnostics import Diagnostic, ErrgenError
from .model import ErrorPage
from .parse import PageOptions, parse_page
from .read import read_source
from .targets.json import render_json, render_json_schema
from .targets.python import render_python, render_python_package
from .targets.typescript import render_typescript

_OWNED_SUFFIXES = {"json": (".json",), "python": (".py", "py.typed"), "typescript": (".ts",)}


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

    @property
    def is_current(self) -> bool:
        return self.plan.is_current


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
        pages[source.id] = page
        diagnostics += found
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
        base_identifiers=None if base is None else {e.code: e.identifier for e in base.errors},
    )
    return parse_page(src, options)


def render_project(config: Config) -> Rendered:
    pages, diagnostics = load_pages(config)
    files: dict[Path, str] = {}
    owned: dict[Path, tuple[str, ...]] = {}
    for target in config.targets:
        folder = config.output[target]
        if target == "python":
            folder = folder / config.python_package
        owned[folder] = _OWNED_SUFFIXES[target]
        for rel, text in render_target(target, pages).items():
            files[folder / rel] = text
    return Rendered(tuple(pages), files, owned, tuple(diagnostics))


_PER_PAGE: Mapping[str, Callable[[ErrorPage], dict[str, str]]] = {
    "json": render_json,
    "python": render_python,
    "typescript": render_typescript,
}


def render_target(target: str, pages: list[ErrorPage]) -> dict[str, str]:
    """`{path relative to the target folder: text}` for every page."""
    files: dict[str, str] = {}
    for page in pages:
        files.update(_PER_PAGE[target](page))
    if target == "python":
        files.update(render_python_package(pages))
    if target == "json":
        files.update(render_json_schema())
    return files


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
    return CheckResult(plan, "".join(chunks), rendered.diagnostics, rendered.pages)


def dump(path: Path) -> tuple[str, tuple[Diagnostic, ...]]:
    """The JSON target for one page, no configuration needed (source id: the file's stem)."""
    shown = display_path(path)
    page, diagnostics = parse_page(read_source(path, shown), PageOptions(source_id=path.stem, path=shown))
    (text,) = render_json(page).values()
    return text, tuple(diagnostics)


def _base_first(sources: tuple[SourceConfig, ...]) -> list[SourceConfig]:
    # A translation's base is never itself a translation (config.py checks), so
    # one stable sort puts every base before the pages translated from it.
    return sorted(sources, key=lambda source: source.translation_of is not None)
