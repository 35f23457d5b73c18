"""Where errgen keeps what it may forget: the user's cache, never the project.

`ERRGEN_CACHE_DIR` chooses the folder (empty: no cache at all), else
`$XDG_CACHE_HOME/errgen` or `~/.cache/errgen`. A cache is an optimisation:
every entry is keyed by the digest of everything it depends on.

A cache is input too (a CI cache restored from another branch, a shared
folder): entries are written like the output's temporary files (an
unpredictable name, created exclusively, then renamed: nothing planted is
written through) and read without following a link. Each entry is sealed:
its first line is an HMAC-SHA256 of kind, key and text under a secret kept
outside the cache folder (`$XDG_STATE_HOME/errgen/cache.key`, mode 0600, made
on first use). An entry that anyone without that secret wrote (a restored CI
cache, a file planted in a shared folder) fails the seal and is a miss, so
neither a black result nor a no-op record is ever taken from it.

Why a seal rather than checking each entry: checking a black result against
its input (same syntax tree, as black's safety check does) costs two parses and
dumps per module, about 0.6 s for a 150 KB module (render_project of this
repository with a warm cache: 9.7 s against 2.5 s, one run on a loaded machine),
where a sealed entry costs one HMAC; and a no-op record ("these inputs give these files") cannot be checked
without doing the run it saves.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
import tempfile
from pathlib import Path


def read(kind: str, key: str) -> str | None:
    """The text entry for `key`, or None: caching off, no such entry or unreadable."""
    body = read_bytes(kind, key)
    try:
        return None if body is None else body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def store(kind: str, key: str, text: str) -> None:
    """Keep `text` for `key` (store_bytes)."""
    store_bytes(kind, key, text.encode("utf-8"))


def read_bytes(kind: str, key: str) -> bytes | None:
    """The entry for `key`, or None: caching off, no such entry, unreadable or unsealed."""
    path = cache_path(kind, key)
    if path is None:
        return None
    secret = _secret()
    data = _read_private(path, owner_only=False) if secret is not None else None
    if secret is None or data is None:
        return None
    seal, _, body = data.partition(b"\n")
    if not hmac.compare_digest(seal, _seal(secret, kind, key, body)):
        return None  # not written by errgen on this account
    return body


def store_bytes(kind: str, key: str, body: bytes) -> None:
    """Keep `body` for `key`, atomically (a concurrent run reads all of it or
    nothing); failing to write a cache is never an error."""
    path = cache_path(kind, key)
    secret = _secret()
    if path is None or secret is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # O_CREAT|O_EXCL
        try:
            with open(fd, "wb") as handle:
                handle.write(_seal(secret, kind, key, body) + b"\n" + body)
            os.replace(name, path)  # replaces a link planted at `path`, never writes through it
        except BaseException:
            os.unlink(name)
            raise
    except OSError:
        pass


# The entries' layout (sealed, since errgen 0.1.0's trust work): a folder of its own, so an
# errgen that wrote or reads another layout never takes one for its own (an older one
# would take the seal line for the first line of a module).
_FORMAT = "sealed-1"


def cache_path(kind: str, key: str) -> Path | None:
    """The file for `key` among the cache's `kind` entries; None when caching is off."""
    folder = kind_folder(kind)
    return None if folder is None else folder / key[:2] / key


def kind_folder(kind: str, base: Path | None = None) -> Path | None:
    """The folder of the `kind` entries ("black", "jinja", "check") in the cache folder
    `base` (else the user's, cache_root); None when caching is off."""
    base = cache_root() if base is None else base
    return None if base is None else base / _FORMAT / kind


def cache_root() -> Path | None:
    """The user's cache folder; None when ERRGEN_CACHE_DIR is set empty (no cache)."""
    root = os.environ.get("ERRGEN_CACHE_DIR")
    if root == "":
        return None
    return Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "errgen"


def _seal(secret: bytes, kind: str, key: str, body: bytes) -> bytes:
    return hmac.new(secret, f"{kind}\0{key}\0".encode() + body, hashlib.sha256).hexdigest().encode()


def _secret() -> bytes | None:
    """This account's sealing key, made on first use; None (no caching) when it cannot be
    had safely: a key that is a link, another user's, or readable by others is not trusted."""
    home = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    path = Path(home) / "errgen" / "cache.key"
    try:
        found = _read_private(path, owner_only=True)
        if found is None and not os.path.lexists(path):
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=path.parent, prefix=".cache.key.")  # 0600
            try:
                with open(fd, "wb") as handle:
                    handle.write(os.urandom(32))
                os.link(name, path)  # fails if another run made one first: then that one is read
            except FileExistsError:
                pass
            finally:
                os.unlink(name)
            found = _read_private(path, owner_only=True)
    except OSError:
        return None
    return found if found is not None and len(found) == 32 else None


def _read_private(path: Path, owner_only: bool) -> bytes | None:
    """The bytes of a regular file, not through a link; `owner_only`: also ours and
    unreadable by anyone else. None when it is missing or fails."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return None
    with open(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None  # a FIFO or device planted at the name
        if owner_only and (info.st_uid != os.getuid() or info.st_mode & 0o077):
            return None
        return handle.read()
