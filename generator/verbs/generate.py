"""`errgen generate`: every source of errgen.toml -> output/ and errgen.lock, all or nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic
from ..write import files as write
from ..write import noop
from .project import plan_writes, read_project_lock, remember_if_current, render_project

if TYPE_CHECKING:
    from ..config.project import Config


def generate(config: Config, strict: bool = False, prune: bool = False) -> tuple[write.Plan, tuple[Diagnostic, ...]]:
    """Render everything in memory, then write what changed, all or nothing.
    `strict`: a page's warnings are errors, and nothing is written. `prune`: codes
    gone from the pages leave the modules and errgen.lock, aliases with them.

    The project's lock is held from before errgen.lock and the pages are read
    until the new files are in place: a run that started earlier cannot publish
    a code between this run's reading and its writing (a lost update)."""
    with write.locked(config.root, config.display_path):
        run_key = noop.key(config.root, config.file)
        lock = read_project_lock(config)  # once, under the project lock: what this run builds on
        rendered = render_project(config, strict, prune, lock)
        plan = plan_writes(config, rendered, lock)
        write.apply(plan)
        remember_if_current(config, run_key, plan, rendered)
    return plan, rendered.diagnostics
