"""`errgen.lock`, committed beside errgen.toml: what errgen wrote, and from what.

`files` records every generated file (path relative to the project root ->
sha256 of its text with line endings normalised): it is how errgen knows a
JSON file is its own (JSON has no comments to carry a marker) and which files
it may replace or remove. `sources` will hold each source's codes and identifiers (stable identifiers);
it is carried through unchanged until then.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .diagnostics import ErrgenError, error

# The files errgen keeps at a project's root, beside each other.
CONFIG_NAME = "errgen.toml"
LOCK_NAME = "errgen.lock"
VERSION = 1


@dataclass(frozen=True, slots=True)
class Lock:
    files: Mapping[str, str] = field(default_factory=dict)  # posix path -> digest()
    sources: Mapping[str, Any] = field(default_factory=dict)


def digest(data: bytes) -> str:
    """sha256 of bytes with CRLF read as LF: a CRLF checkout holds the same file."""
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()


def lock_text(lock: Lock) -> str:
    document = {"version": VERSION, "files": dict(lock.files), "sources": dict(lock.sources)}
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def read_lock(root: Path, display_path: str) -> Lock:
    """The project's lock; an empty one when there is none yet."""
    try:
        text = (root / LOCK_NAME).read_text(encoding="utf-8")
    except FileNotFoundError:
        return Lock()
    except (OSError, UnicodeDecodeError) as exc:
        raise error(display_path, "lock", f"cannot read {LOCK_NAME}: {exc}") from None
    try:
        return _parse(json.loads(text))
    except (ValueError, TypeError) as exc:
        raise _invalid(display_path, str(exc)) from None


def _parse(document: Any) -> Lock:
    if not isinstance(document, dict) or document.get("version") != VERSION:
        raise ValueError(f"expected an object with \"version\": {VERSION}")
    files, sources = document.get("files", {}), document.get("sources", {})
    if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
        raise ValueError('"files" must map paths to sha256 digests')
    for path in files:
        if not is_project_path(path):
            raise ValueError(f'"files" holds {path!r}, which is not a path inside the project')
    if not isinstance(sources, dict):
        raise TypeError('"sources" must be an object')
    return Lock(files, sources)


def is_project_path(path: str) -> bool:
    """A relative POSIX path that stays below the folder it is relative to."""
    pure = PurePosixPath(path)
    return bool(path) and not pure.is_absolute() and ".." not in pure.parts and "\\" not in path


def _invalid(display_path: str, why: str) -> ErrgenError:
    return error(display_path, "lock", f"{LOCK_NAME} is not a lock errgen wrote ({why}); after a merge "
                 "conflict keep either side, then run `errgen generate`")
