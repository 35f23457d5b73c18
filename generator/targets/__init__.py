"""The target registry: every built-in target, declared once.

Config, api, write, bench and tests ask this module; nothing else names a target.
"""

from __future__ import annotations

from collections.abc import Mapping

from .base import RenderContext, Target
from .filters import Filter, catalog
from .json.target import TARGET as JSON
from .python.target import TARGET as PYTHON
from .typescript.target import TARGET as TYPESCRIPT

BUILTIN: tuple[Target, ...] = (JSON, PYTHON, TYPESCRIPT)
NAMES: tuple[str, ...] = tuple(target.name for target in BUILTIN)

__all__ = ["BUILTIN", "NAMES", "RenderContext", "Target", "all_filters", "get"]


def get(name: str) -> Target:
    """The built-in target called `name` (KeyError for any other)."""
    for target in BUILTIN:
        if target.name == name:
            return target
    raise KeyError(name)


def all_filters() -> Mapping[str, Filter]:
    """What a user's own template renders with: every built-in target's filters, and
    those for languages errgen has no target of its own for (Rust)."""
    return {**catalog.ALL, **{name: f for target in BUILTIN for name, f in target.filters.items()}}
