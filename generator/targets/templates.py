"""Where the built-in templates are: apart from environment.py, so that what reads
them as source (reserved names, the no-op check) needs no Jinja."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def templates_dir() -> Path:
    """Inside the package in a wheel; `templates/` beside the package in a checkout.

    The wheel's own copy comes first: installed, the folder beside the package
    is site-packages/templates, which another distribution may have put there.
    """
    packaged = Path(str(resources.files("errgen") / "templates"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "templates"
