"""The errgen version that generates a file: named in every header and in errgen.lock."""

from __future__ import annotations

import functools
import re
from pathlib import Path

_PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"  # a checkout: generator/ beside it


@functools.lru_cache(maxsize=None)
def version() -> str:
    """The installed distribution's version (pyproject's `version`), read once and only
    when something is rendered or compared: importing importlib.metadata costs ~20 ms."""
    from importlib import metadata

    try:
        return metadata.version("errgen")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        found = re.search(r'(?m)^version = "([^"]+)"$', _read(_PYPROJECT))
        return found[1] if found else "unknown"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""
