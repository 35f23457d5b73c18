"""Where errgen keeps what it may forget: the user's cache, never the project.

`ERRGEN_CACHE_DIR` chooses the folder (empty: no cache at all), else
`$XDG_CACHE_HOME/errgen` or `~/.cache/errgen`. A cache is an optimisation:
every entry is keyed by the digest of everything it depends on.
"""

from __future__ import annotations

import os
from pathlib import Path


def read(kind: str, key: str) -> str | None:
    """The entry for `key`, or None: caching off, no such entry or unreadable."""
    path = cache_path(kind, key)
    if path is None:
        return None
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def store(kind: str, key: str, text: str) -> None:
    """Keep `text` for `key`, atomically (a concurrent run reads all of it or
    nothing); failing to write a cache is never an error."""
    path = cache_path(kind, key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def cache_path(kind: str, key: str) -> Path | None:
    """The file for `key` among the cache's `kind` entries; None when caching is off."""
    root = os.environ.get("ERRGEN_CACHE_DIR")
    if root == "":
        return None  # ERRGEN_CACHE_DIR= turns the cache off
    base = Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "errgen"
    return base / kind / key[:2] / key
