"""Jinja environments: one per target, the user's template dirs before the built-in ones.

A target renders only with its own filters; a user target gets every filter.
A file in a user's template dir replaces the built-in template of the same
relative path (datamodel-code-generator's `--custom-template-dir`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from .filters import Filter
from .templates import templates_dir


def environment(filters: Mapping[str, Filter], user_dirs: Sequence[Path] = ()) -> jinja2.Environment:
    """The environment for one set of filters and user template dirs (cached)."""
    return _environment(tuple(sorted(filters.items())), tuple(user_dirs))


@functools.cache
def _environment(filters: tuple[tuple[str, Filter], ...], user_dirs: tuple[Path, ...]) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(path)) for path in user_dirs]
    loaders.append(jinja2.FileSystemLoader(templates_dir()))
    # A template from a user's folder (a pull request can change one) renders sandboxed:
    # it reads the data it is given, through the filters, and cannot reach Python's
    # internals. errgen's own templates alone render without the sandbox's checks.
    kind = SandboxedEnvironment if user_dirs else jinja2.Environment
    env = kind(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(dict(filters))
    return env


def render(env: jinja2.Environment, template: str, **context: Any) -> str:
    return env.get_template(template).render(**context)
