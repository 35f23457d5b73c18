"""What each verb does, as functions that return results: never print, never exit."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
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
from .crosspage import differing_codes
from .diff import PageDiff, PageView, diff_pages, read_view, view_of_lock, view_of_page
from .dump import dump, page_alone
from .lint import lint_source, unknown_group_code

__all__ = [
    "CheckResult", "DocsChange", "Rendered", "check", "diff", "docs_changes", "dump", "generate", "lint",
    "lint_sources", "load_page", "load_pages", "page_options", "plan_writes", "reading_options", "render_project",
]

if TYPE_CHECKING:  # the targets import Jinja and black: `dump` needs neither
    from ..config.project import Config, GroupConfig, SourceConfig
    from ..targets.base import RenderContext, Target


@dataclass(frozen=True)
class Rendered:
    pages: tuple[ErrorPage, ...]
    files: dict[Path, str]  # relative to the project root, errgen.lock included
    folders: tuple[Path, ...]  # output folders, where errgen looks for files of its own to remove
    diagnostics: tuple[Diagnostic, ...]  # warnings; errors raise ErrgenError


@dataclass(frozen=True)
class CheckResult:
    plan: write.Plan
    diff: str  # unified diff of every stale file, `--- a/path` / `+++ b/path`
    diagnostics: tuple[Diagnostic, ...]
    pages: tuple[ErrorPage, ...] = field(default=())
    docs: tuple[DocsChange, ...] = field(default=())  # set when output is stale
    first_changes: dict[Path, int] = field(default_factory=dict)  # changed file -> its first changed line
    # Set when errgen.lock was written by another errgen version: (that version, or ""
    # for a lock from before versions were recorded; this version).
    version_skew: tuple[str, str] | None = None

    @property
    def is_current(self) -> bool:
        return self.plan.is_current

    def first_changed_line(self, rel: Path) -> int:
        """The line of the file on disk where `generate` would first change it (1 when unknown)."""
        return self.first_changes.get(rel, 1)


@dataclass(frozen=True)
class DocsChange:
    """What changed in one source's page since its JSON output was committed."""

    page: str  # the page's path, as errgen.toml gives it
    previous: str  # the committed JSON output it is compared with
    diff: PageDiff | None  # None: no readable previous output


def load_pages(config: Config, prune: bool = False) -> tuple[list[ErrorPage], list[Diagnostic]]:
    """Parse every source, base pages before their translations, with the identifiers
    errgen.lock gave them (`prune`: without the codes gone from the page); all errors at once."""
    lock = read_lock(config.root, display_path(config.root / LOCK_NAME))
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


def render_project(config: Config, strict: bool = False, prune: bool = False) -> Rendered:
    """Every output file in memory, errgen.lock among them; writes nothing."""
    from .. import targets
    from ..targets.user import user_target

    pages, diagnostics = load_pages(config, prune)
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
    fetched = read_lock(config.root, display_path(config.root / LOCK_NAME)).fetched  # fetch's, kept
    lock = Lock(files={rel.as_posix(): digest(text.encode("utf-8")) for rel, text in files.items()},
                sources={page.source.id: remember(page) for page in pages},
                fetched={source.id: fetched[source.id] for source in config.sources if source.id in fetched},
                errgen_version=version())
    files[Path(LOCK_NAME)] = lock_text(lock)
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


def generate(config: Config, strict: bool = False, prune: bool = False) -> tuple[write.Plan, tuple[Diagnostic, ...]]:
    """Render everything in memory, then write what changed, all or nothing.
    `strict`: a page's warnings are errors, and nothing is written. `prune`: codes
    gone from the pages leave the modules and errgen.lock, aliases with them.

    The project's lock is held from before errgen.lock and the pages are read
    until the new files are in place: a run that started earlier cannot publish
    a code between this run's reading and its writing (a lost update)."""
    with write.locked(config.root, config.display_path):
        run_key = noop.key(config.root, config.file)
        rendered = render_project(config, strict, prune)
        plan = plan_writes(config, rendered)
        write.apply(plan)
        _remember_if_current(config, run_key, plan, rendered)
    return plan, rendered.diagnostics


def check(config: Config, strict: bool = False) -> CheckResult:
    """What `generate` would change, as a plan and a diff; writes nothing."""
    with write.locked(config.root, config.display_path, shared=True):
        run_key = noop.key(config.root, config.file)
        rendered = render_project(config, strict)
        plan = plan_writes(config, rendered)
        _remember_if_current(config, run_key, plan, rendered)
        diff, first = _differences(config.root, plan, rendered.files)
        docs = () if plan.is_current else docs_changes(config, rendered.pages)
    return CheckResult(plan, diff, rendered.diagnostics, rendered.pages, docs, first, _version_skew(config))


def _version_skew(config: Config) -> tuple[str, str] | None:
    """(the version that wrote errgen.lock, this one) when they differ."""
    lock = read_lock(config.root, display_path(config.root / LOCK_NAME))
    if not lock.files or lock.errgen_version == version():
        return None
    return lock.errgen_version, version()


def _differences(root: Path, plan: write.Plan, files: dict[Path, str]) -> tuple[str, dict[Path, int]]:
    """A unified diff of every changed file, and the line where each first changes."""
    chunks: list[str] = []
    first: dict[Path, int] = {}
    for rel in plan.changed:
        old = (root / rel).read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
        new = files[rel].splitlines(keepends=True)
        first[rel] = _first_difference(old, new)
        chunks += difflib.unified_diff(old, new, fromfile=f"a/{rel.as_posix()}", tofile=f"b/{rel.as_posix()}")
    return "".join(chunks), first


def _first_difference(old: list[str], new: list[str]) -> int:
    """1-based line of `old` where `new` first differs; past the end, its last line."""
    same = next((i for i, (a, b) in enumerate(zip(old, new)) if a.rstrip("\r\n") != b.rstrip("\r\n")),
                min(len(old), len(new)))
    return max(1, min(same + 1, len(old)))


def _remember_if_current(config: Config, run_key: str | None, plan: write.Plan, rendered: Rendered) -> None:
    # Only when nothing moved under the run: the inputs read before rendering
    # are still the inputs now, so the record states a fact.
    if run_key is not None and not (plan.changed or plan.added or plan.orphaned) \
            and noop.key(config.root, config.file) == run_key:
        noop.remember(run_key, rendered.files, rendered.folders)


def plan_writes(config: Config, rendered: Rendered) -> write.Plan:
    """What `generate` would do on disk now, given what was rendered."""
    lock = read_lock(config.root, display_path(config.root / LOCK_NAME))
    sources = [source.path.as_posix() for source in config.sources]
    protected = [Path(config.file.name), *(source.path for source in config.sources), *config.template_dirs]
    return write.plan(config.root, rendered.files, rendered.folders, lock, sources=sources,
                      roots=output_roots(config), protected=protected)


def output_roots(config: Config) -> tuple[Path, ...]:
    """The folders errgen.toml gives the targets: errgen removes files only below them."""
    roots = [config.output[name] for name in config.targets]
    roots += [Path(spec.path).parent for spec in config.user_targets]
    return tuple(sorted(set(roots)))


def docs_changes(config: Config, pages: Sequence[ErrorPage]) -> tuple[DocsChange, ...]:
    """Each page against what was committed: the docs' side of a stale output. The
    committed JSON document says the most (messages too); without a JSON target,
    errgen.lock still knows every code, name, identifier and category."""
    lock = read_lock(config.root, display_path(config.root / LOCK_NAME))
    documents = config.output["json"] if "json" in config.targets else None
    changes = []
    for page in pages:
        if documents is not None:
            shown = (documents / f"{page.source.id}.json").as_posix()
            previous = read_view(config.root / shown, shown)
        else:
            shown, locked = LOCK_NAME, lock.sources.get(page.source.id)
            previous = None if locked is None else view_of_lock(locked, shown)
        diff = None if previous is None else diff_pages(previous, view_of_page(page))
        changes.append(DocsChange(page.source.path, shown, diff))
    return tuple(changes)


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
        found += [d for d in lint_source(src, page_options(source)) if d.rule not in off]
    if config.groups or len(config.sources) > 1:  # findings known once the pages are read
        try:
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


def diff(old: Path, new: Path, reading: ReadOptions | None = None, strict: bool = False) -> PageDiff:
    """Codes added, removed, renamed and changed from `old` to `new`; both must parse."""
    views: list[PageView] = []
    errors: list[Diagnostic] = []
    for path in (old, new):
        try:
            page, _warnings = page_alone(path, reading, strict)
        except ErrgenError as exc:
            errors += exc.diagnostics
            continue
        views.append(view_of_page(page))
    if errors:
        raise ErrgenError(errors)
    return diff_pages(views[0], views[1])


def _base_first(sources: tuple[SourceConfig, ...]) -> list[SourceConfig]:
    # A translation's base is never itself a translation (config.py checks), so
    # one stable sort puts every base before the pages translated from it.
    return sorted(sources, key=lambda source: source.translation_of is not None)
