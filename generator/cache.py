"""Where errgen keeps what it may forget: the user's cache, never the project.

`ERRGEN_CACHE_DIR` chooses the folder (empty: no cache at all), else
`$XDG_CACHE_HOME/errgen` or `~/.cache/errgen`. A cache is an optimisation:
every entry is keyed by the digest of everything it depends on.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_path(kind: str, key: str) -> Path | None:
    """The file for `key` among the cache's `kind` entries; None when caching is off."""
    root = os.environ.get("ERRGEN_CACHE_DIR")
    if root == "":
        return None  # ERRGEN_CACHE_DIR= turns the cache off
    base = Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "errgen"
    return base / kind / key[:2] / key
