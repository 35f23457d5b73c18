"""Where errgen keeps what it may forget: the user's cache, never the project.

`ERRGEN_CACHE_DIR` chooses the folder (empty: no cache at all), else
`$XDG_CACHE_HOME/errgen` or `~/.cache/errgen`. A cache is an optimisation:
every entry is keyed by the digest of everything it depends on.

A cache is input too (a CI cache restored from another branch, a shared
folder): entries are written like the output's temporary files (an
unpredictable name, created exclusively, then renamed: nothing planted is
written through), read without following a link, and whoever uses an entry
checks it before trusting it (format.py: black's result must be equivalent to
its input).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def read(kind: str, key: str) -> str | None:
    """The entry for `key`, or None: caching off, no such entry or unreadable."""
    path = cache_path(kind, key)
    if path is None:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None  # a FIFO or device planted at the name
            return handle.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def store(kind: str, key: str, text: str) -> None:
    """Keep `text` for `key`, atomically (a concurrent run reads all of it or
    nothing); failing to write a cache is never an error."""
    path = cache_path(kind, key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # O_CREAT|O_EXCL
        try:
            with open(fd, "wb") as handle:
                handle.write(text.encode("utf-8"))
            os.replace(name, path)  # replaces a link planted at `path`, never writes through it
        except BaseException:
            os.unlink(name)
            raise
    except OSError:
        pass


def cache_path(kind: str, key: str) -> Path | None:
    """The file for `key` among the cache's `kind` entries; None when caching is off."""
    root = os.environ.get("ERRGEN_CACHE_DIR")
    if root == "":
        return None  # ERRGEN_CACHE_DIR= turns the cache off
    base = Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "errgen"
    return base / kind / key[:2] / key
