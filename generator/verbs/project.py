"""A project's sources in memory: errgen.toml's pages read and rendered, errgen.lock
read once per run, and what `generate` would do on disk. generate and check build on this."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..assemble.stable import SourceLock, remember
from ..diagnostics import (
    Diagnostic,
    ErrgenError,
    display_path,
    error,
    fails_strict,
    make_strict,
)
from ..model import ErrorPage
from ..pipeline import PageOptions, ReadOptions, parse_page
from ..read.source import read_source
from ..version import version
from ..write import files as write
from ..write import noop
from ..write.lockfile import LOCK_NAME, Lock, digest, lock_text, read_lock
from .lint.rules import unknown_group_code

if TYPE_CHECKING:  # the targets import Jinja and black: `dump` needs neither
    from ..config.project import Config, GroupConfig, SourceConfig
    from ..targets.base import RenderContext, Target


@dataclass(frozen=True)
class Rendered:
    pages: tuple[ErrorPage, ...]
    files: dict[Path, str]  # relative to the project root, errgen.lock included
    folders: tuple[Path, ...]  # output folders, where errgen looks for files of its own to remove
    diagnostics: tuple[Diagnostic, ...]  # warnings; errors raise ErrgenError


def read_project_lock(config: Config) -> Lock:
    """errgen.lock beside errgen.toml, every value checked (write/lockfile.py)."""
    return read_lock(config.root, display_path(config.root / LOCK_NAME))


def load_pages(config: Config, prune: bool = False, lock: Lock | None = None) -> tuple[list[ErrorPage], list[Diagnostic]]:
    """Parse every source, base pages before their translations, with the identifiers
    errgen.lock gave them (`prune`: without the codes gone from the page; `lock`: errgen.lock
    as the run read it, else read here); all errors at once."""
    lock = read_project_lock(config) if lock is None else lock
    pages: dict[str, ErrorPage] = {}
    diagnostics: list[Diagnostic] = []
    failed: set[str] = set()
    for source in _base_first(config.sources):
        if source.translation_of in failed:
            failed.add(source.id)
            continue
        base = pages.get(source.translation_of) if source.translation_of else None
        try:
            options = replace(page_options(source, base, lock.sources.get(source.id), prune, config.groups),
                              config_path=config.display_path)
            fetched = lock.fetched.get(source.id)
            page, found = load_page(config.root, source, options, fetched.charset if fetched else None)
        except ErrgenError as exc:
            diagnostics += exc.diagnostics
            failed.add(source.id)
            continue
        pages[source.id] = page
        off = set(source.lint_ignore)  # the page warnings the source silences, here as in `lint`
        diagnostics += [d for d in found if d.is_error or d.rule not in off]
        diagnostics += _overrides_not_on_page(config, source, page)
        diagnostics += unknown_group_code(config.display_path, page, config.groups)
    if failed or any(d.is_error for d in diagnostics):
        raise ErrgenError(diagnostics)
    return [pages[source.id] for source in config.sources], diagnostics


def load_page(root: Path, source: SourceConfig, options: PageOptions,
              served_as: str | None = None) -> tuple[ErrorPage, list[Diagnostic]]:
    """`served_as`: the charset `errgen fetch` downloaded the page with, for a page that declares none."""
    src = read_source(root / source.path, display_path(root / source.path), source.format, served_as)
    return parse_page(src, options)


def page_options(source: SourceConfig, base: ErrorPage | None = None, locked: SourceLock | None = None,
                 prune: bool = False, groups: Sequence[GroupConfig] = ()) -> PageOptions:
    """How errgen.toml says to read and name this source's page; `locked`: what errgen.lock
    remembers of it; `prune`: without the codes gone from the page; `groups`: errgen.toml's."""
    return PageOptions(
        source_id=source.id,
        path=source.path.as_posix(),
        url=source.url,
        language=source.language,
        identifiers=dict(source.identifiers),
        reading=reading_options(source),
        base=base,
        groups=groups,
        locked=locked,
        prune=prune,
        payload=source.payload,
        subcodes=source.subcodes,
        class_names=source.class_names,
    )


def reading_options(source: SourceConfig) -> ReadOptions:
    """How errgen.toml says to find the codes on this source's page."""
    return ReadOptions(source.section, source.columns, source.placeholders, source.layout, source.code_pattern)


def _overrides_not_on_page(config: Config, source: SourceConfig, page: ErrorPage) -> list[Diagnostic]:
    """An `identifiers` entry for a code the page does not have is a typo or a stale entry."""
    codes = {error.code for error in page.errors}
    return [
        config.error_at(source.identifier_places.get(code, (1, 1)),
                        f"source {source.id!r}: identifiers names code {code!r}, which {source.path.as_posix()} "
                        "does not have")
        for code in source.identifiers
        if code not in codes
    ]


def render_project(config: Config, strict: bool = False, prune: bool = False, lock: Lock | None = None) -> Rendered:
    """Every output file in memory, errgen.lock among them; writes nothing. `lock`:
    errgen.lock as the run read it (else read here)."""
    lock = read_project_lock(config) if lock is None else lock
    from .. import targets
    from ..targets.user import user_target

    pages, diagnostics = load_pages(config, prune, lock)
    if strict and fails_strict(diagnostics):
        raise ErrgenError(make_strict(diagnostics))
    files: dict[Path, str] = {}
    user_dirs = tuple(config.root / folder for folder in config.template_dirs)
    chosen = [(targets.get(name), config.output[name]) for name in config.targets]
    chosen += [(user_target(spec), Path()) for spec in config.user_targets]
    for target, folder in chosen:
        context = target.context(user_dirs, python_package=config.python_package)
        for rel, text in _render_target(config, target, pages, context).items():
            files[folder / rel] = text
    folders = tuple(sorted({path.parent for path in files}))
    fetched = lock.fetched  # fetch's, kept
    written = Lock(files={rel.as_posix(): digest(text.encode("utf-8")) for rel, text in files.items()},
                sources={page.source.id: remember(page, lock.sources.get(page.source.id), prune) for page in pages},
                fetched={source.id: fetched[source.id] for source in config.sources if source.id in fetched},
                errgen_version=version())
    files[Path(LOCK_NAME)] = lock_text(written)
    return Rendered(tuple(pages), files, folders, tuple(diagnostics))


def _render_target(config: Config, target: Target, pages: list[ErrorPage], context: RenderContext) -> dict[str, str]:
    """`target.render`, with a template missing from every template dir as bad configuration."""
    import jinja2

    from ..targets.python.format import FormatError

    try:
        return target.render(pages, context)
    except jinja2.TemplateNotFound as exc:
        where = ", ".join(display_path(config.root / d) for d in config.template_dirs) or "no template_dirs"
        raise error(config.display_path, "config",
                    f"target {target.name!r}: template {exc.name!r} is neither in template_dirs ({where}) "
                    f"nor built in") from None
    except jinja2.TemplateSyntaxError as exc:
        shown = display_path(Path(exc.filename)) if exc.filename else config.display_path
        raise error(shown, "template", f"target {target.name!r}: {exc.message}", exc.lineno or 1) from None
    except (ErrgenError, FormatError):
        raise
    except Exception as exc:  # noqa: BLE001 - a user's template may raise anything: a diagnostic, not a traceback
        if not target.user:
            raise
        raise error(config.display_path, "template", f"target {target.name!r}: its template raised "
                    f"{type(exc).__name__}: {exc}") from None


def plan_writes(config: Config, rendered: Rendered, lock: Lock | None = None) -> write.Plan:
    """What `generate` would do on disk now, given what was rendered (`lock`: as the run read it)."""
    lock = read_project_lock(config) if lock is None else lock
    sources = [source.path.as_posix() for source in config.sources]
    protected = [Path(config.file.name), *(source.path for source in config.sources), *config.template_dirs]
    return write.plan(config.root, rendered.files, rendered.folders, lock, sources=sources,
                      roots=output_roots(config), protected=protected)


def output_roots(config: Config) -> tuple[Path, ...]:
    """The folders errgen.toml gives the targets: errgen removes files only below them."""
    roots = [config.output[name] for name in config.targets]
    roots += [Path(spec.path).parent for spec in config.user_targets]
    return tuple(sorted(set(roots)))


def remember_if_current(config: Config, run_key: str | None, plan: write.Plan, rendered: Rendered) -> None:
    # Only when nothing moved under the run: the inputs read before rendering
    # are still the inputs now, so the record states a fact.
    if run_key is not None and not (plan.changed or plan.added or plan.orphaned) \
            and noop.key(config.root, config.file) == run_key:
        noop.remember(run_key, rendered.files, rendered.folders)


def _base_first(sources: tuple[SourceConfig, ...]) -> list[SourceConfig]:
    # A translation's base is never itself a translation (config.py checks), so
    # one stable sort puts every base before the pages translated from it.
    return sorted(sources, key=lambda source: source.translation_of is not None)
