"""Targets a user declares in errgen.toml (`[[targets]]`): their template, once per source.

The template gets `page`, the page's JSON document as a dict (the keys of
output/json/<id>.json), and every built-in target's escaping filters.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..config.project import UserTargetConfig
from ..model import ErrorPage
from . import all_filters
from .base import RenderContext, Target
from .json.document import document


def user_target(spec: UserTargetConfig) -> Target:
    def render(pages: Sequence[ErrorPage], context: RenderContext) -> dict[str, str]:
        return {spec.path.replace("{id}", page.source.id): context.render(spec.template, page=document(page))
                for page in pages}

    # Paths are relative to the project root: the folder is the root itself.
    return Target(name=spec.name, folder="", filters=all_filters(), render=render, templates=(spec.template,),
                  user=True)
