"""Targets a user declares in errgen.toml (`[[targets]]`): their template, once per source.

The template gets `page`, the page's JSON document as a dict (the keys of
output/json/<id>.json), and every built-in target's escaping filters.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..diagnostics import error
from ..model import ErrorPage
from . import all_filters
from .base import RenderContext, Target
from .json.document import document
from .python.format import foreign_coding

TYPE_CHECKING = False
if TYPE_CHECKING:  # config imports the registry: no import back
    from ..config.project import UserTargetConfig


def user_target(spec: UserTargetConfig) -> Target:
    def render(pages: Sequence[ErrorPage], context: RenderContext) -> dict[str, str]:
        files = {spec.path.replace("{id}", page.source.id): context.render(spec.template, page=document(page))
                 for page in pages}
        for path, text in files.items():
            _no_coding_line(path, text)
        return files

    # Paths are relative to the project root: the folder is the root itself.
    return Target(name=spec.name, folder="", filters=all_filters(), render=render, templates=(spec.template,),
                  user=True)


def _no_coding_line(path: str, text: str) -> None:
    """A Python file a user's template writes is held to the Python target's rule (PEP 263):
    page text must not reach a coding comment in its first two lines."""
    declared = foreign_coding(text) if path.endswith(".py") else None
    if declared is not None:
        raise error(path, "coding-declaration", f"would declare the encoding {declared!r} in its first two lines; "
                    "this is a bug in a template (page text reached a coding comment)")
