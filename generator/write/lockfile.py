"""`errgen.lock`, committed beside errgen.toml: what errgen wrote, and from what.

`files` records every generated file (path relative to the project root ->
sha256 of its text with line endings normalised): it is how errgen knows a
JSON file is its own (JSON has no comments to carry a marker) and which files
it may replace or remove. `sources` records each source's codes with the
identifier, published name and category each was given (stable.py keeps them
from moving).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..assemble.stable import LockedCode, SourceLock
from ..diagnostics import ErrgenError, error

# The files errgen keeps at a project's root, beside each other.
CONFIG_NAME = "errgen.toml"
LOCK_NAME = "errgen.lock"
VERSION = 1


@dataclass(frozen=True)
class Lock:
    files: Mapping[str, str] = field(default_factory=dict)  # posix path -> digest()
    sources: Mapping[str, SourceLock] = field(default_factory=dict)  # source id -> its codes
    errgen_version: str = ""  # the errgen that wrote it; "" in a lock from before versions were recorded


def digest(data: bytes) -> str:
    """sha256 of bytes with CRLF read as LF: a CRLF checkout holds the same file."""
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()


def lock_text(lock: Lock) -> str:
    sources = {source: {"codes": [_code_entry(entry) for entry in locked.codes], "classes": dict(locked.classes)}
               for source, locked in lock.sources.items()}
    document: dict[str, Any] = {"version": VERSION, "files": dict(lock.files), "sources": sources}
    if lock.errgen_version:
        document["errgen_version"] = lock.errgen_version
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
    except (ValueError, TypeError, KeyError) as exc:
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
    return Lock(files, {str(source): _source_lock(locked) for source, locked in sources.items()},
                _errgen_version(document.get("errgen_version", "")))


def _errgen_version(value: Any) -> str:
    """The version that wrote the lock: a short string without line breaks or quotes to trip on."""
    if not isinstance(value, str) or len(value) > 64 or not all(c.isalnum() or c in ".+-_!" for c in value):
        raise TypeError(f'"errgen_version" must be a version string, not {value!r}')
    return value


def _code_entry(entry: LockedCode) -> dict[str, Any]:
    found: dict[str, Any] = {"code": entry.code, "identifier": entry.identifier, "name": entry.name,
                             "category": entry.category}
    if entry.aliases:
        found["aliases"] = list(entry.aliases)
    if entry.gone:
        found["gone"] = True
    return found


def _source_lock(value: Any) -> SourceLock:
    codes = value["codes"] if isinstance(value, dict) else None
    classes = value.get("classes", {}) if isinstance(value, dict) else None
    if not isinstance(codes, list):
        raise TypeError('each source in "sources" must be an object with a list of "codes"')
    if not isinstance(classes, dict) or not all(isinstance(v, str) for v in classes.values()):
        raise TypeError('"classes" must map category ids to class names')
    return SourceLock(tuple(_locked_code(entry) for entry in codes), {str(k): v for k, v in classes.items()})


def _locked_code(entry: Any) -> LockedCode:
    code, identifier, name = entry["code"], entry["identifier"], entry["name"]
    category, aliases, gone = entry.get("category"), entry.get("aliases", []), entry.get("gone", False)
    if (isinstance(code, bool) or not isinstance(code, (int, str)) or not isinstance(identifier, str)
            or not isinstance(name, str) or not isinstance(category, (str, type(None)))
            or not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases)
            or not isinstance(gone, bool)):
        raise TypeError(f"a code entry of another shape: {entry!r}")
    return LockedCode(code, identifier, name, category, tuple(aliases), gone)


def is_project_path(path: str) -> bool:
    """A relative POSIX path that stays below the folder it is relative to."""
    pure = PurePosixPath(path)
    return bool(path) and not pure.is_absolute() and ".." not in pure.parts and "\\" not in path


def _invalid(display_path: str, why: str) -> ErrgenError:
    return error(display_path, "lock", f"{LOCK_NAME} is not a lock errgen wrote ({why}); after a merge "
                 "conflict keep either side, then run `errgen generate`")
