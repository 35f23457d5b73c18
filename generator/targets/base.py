"""What a target is: declared once, rendered through one signature.

Every target is `render(pages, context) -> {path relative to its folder: text}`
(sqlc's `Generate(request) -> files`): the pages are the language-neutral
model, the context what the project's configuration adds.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import ErrorPage
from .filters import Filter

TYPE_CHECKING = False
if TYPE_CHECKING:  # config asks the registry for names and folders: no Jinja until a target renders
    import jinja2


@dataclass(frozen=True)
class RenderContext:
    """What a target renders with, besides the pages."""

    environment: jinja2.Environment  # the target's filters, user template dirs first
    python_package: str = "errors"
    formatting: bool = True  # False: the text as the templates write it (bench/ times the formatter apart)

    def formatted(self, target: Target, text: str, origin: str) -> str:
        """`text` through the target's formatter, when it has one and formatting is on."""
        return target.formatter(text, origin) if self.formatting and target.formatter else text

    def render(self, template: str, **context: Any) -> str:
        return self.environment.get_template(template).render(**context)

    def verbatim(self, name: str, marker: str) -> str:
        """A template folder's plain source file (a runtime) from below its marker line,
        found as templates are: a user's template dir first."""
        text = _source(self.environment, name)
        return text[text.index(marker) + len(marker):].rstrip("\n")


@functools.lru_cache(maxsize=32)
def _source(env: jinja2.Environment, name: str) -> str:
    loader = env.loader
    assert loader is not None
    source, _filename, _uptodate = loader.get_source(env, name)
    return source


Render = Callable[[Sequence[ErrorPage], RenderContext], dict[str, str]]


@dataclass(frozen=True)
class Target:
    name: str
    folder: str  # default output folder, relative to errgen.toml
    filters: Mapping[str, Filter]
    render: Render
    formatter: Callable[[str, str], str] | None = None  # (text, origin) -> text
    templates: tuple[str, ...] = field(default=())  # built-in templates, relative to templates/
    user: bool = False  # declared in errgen.toml: whatever its template raises is the user's to fix

    def context(self, user_dirs: Sequence[Path] = (), python_package: str = "errors") -> RenderContext:
        from .environment import environment

        return RenderContext(environment(self.filters, user_dirs), python_package)
