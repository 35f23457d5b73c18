"""`errgen check`: what `generate` would change, as a plan, a diff and what changed in
the docs; writes nothing. errgen.lock is read once and the inputs hashed once per run."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic
from ..model import ErrorPage
from ..version import version
from ..write import files as write
from ..write import noop
from ..write.lockfile import LOCK_NAME, Lock
from .diff import PageDiff, diff_pages, read_view, view_of_lock, view_of_page
from .project import plan_writes, read_project_lock, remember_if_current, render_project

if TYPE_CHECKING:
    from ..config.project import Config


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


def check(config: Config, strict: bool = False) -> CheckResult:
    """What `generate` would change, as a plan and a diff; writes nothing."""
    with write.locked(config.root, config.display_path, shared=True):
        run_key = noop.key(config.root, config.file)
        lock = read_project_lock(config)  # once: the rendering, the plan, the docs' side and the version read it
        rendered = render_project(config, strict, lock=lock)
        plan = plan_writes(config, rendered, lock)
        remember_if_current(config, run_key, plan, rendered)
        diff, first = _differences(config.root, plan, rendered.files)
        docs = () if plan.is_current else docs_changes(config, rendered.pages, lock)
    return CheckResult(plan, diff, rendered.diagnostics, rendered.pages, docs, first, _version_skew(lock))


def _version_skew(lock: Lock) -> tuple[str, str] | None:
    """(the version that wrote errgen.lock, this one) when they differ."""
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




def docs_changes(config: Config, pages: Sequence[ErrorPage], lock: Lock) -> tuple[DocsChange, ...]:
    """Each page against what was committed: the docs' side of a stale output. The
    committed JSON document says the most (messages too); without a JSON target,
    errgen.lock still knows every code, name, identifier and category."""
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
