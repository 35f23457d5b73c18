"""A no-op `errgen check` without parsing: inputs already known to give this output.

The output is a function of its inputs: errgen itself (its code, templates
and the versions of the libraries it renders with), errgen.toml, every page's
text, errgen.lock and the user's template folders. When a full `check` finds
the output current, it records, in the user's cache (never in the project),
"these inputs give these files". A later check computes the inputs' digest
again; if a record exists and every file on disk still has its recorded
digest, and no file of errgen's is left over, the output is current, exactly
as a full check would find it. Anything else (no record, a changed byte, an
unreadable config) falls back to the full check.

This module imports no parser, no Jinja and no black: it is what lets a
no-op check cost less than importing them.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..config.toml import loads
from ..diagnostics import ErrgenError
from ..read.source import read_regular_file, read_source
from ..version import version
from . import cache
from .files import is_leftover, locked
from .lockfile import LOCK_NAME, digest

_PACKAGE = Path(__file__).resolve().parent.parent  # the errgen package
_LIBRARIES = ("black", "Jinja2", "markdown-it-py")


def key(root: Path, config_path: Path) -> str | None:
    """Digest of every input of a run on this project; None when it cannot be read."""
    try:
        config = read_regular_file(config_path, str(config_path))  # a FIFO is refused, never waited on
        data = loads(config.decode("utf-8"))
        sources = [str(source["path"]) for source in data.get("sources", [])]
        template_dirs = [str(folder) for folder in data.get("output", {}).get("template_dirs", [])]
        parts = [_tool(), config]
        parts += [f"{path}\0{read_source(root / path, path).sha256}".encode() for path in sources]
        parts.append(_optional(root / LOCK_NAME))
        parts += [_tree(root / folder) for folder in template_dirs]
    except Exception:  # noqa: BLE001 - any problem here is the full check's to report
        return None
    return hashlib.sha256(b"\0".join(hashlib.sha256(part).digest() for part in parts)).hexdigest()


def remember(run_key: str, files: Mapping[Path, str], folders: Iterable[Path]) -> None:
    """Record that the inputs `run_key` give `files` (relative path -> text) in `folders`."""
    record = {"files": {rel.as_posix(): digest(text.encode("utf-8")) for rel, text in files.items()},
              "folders": sorted(folder.as_posix() for folder in folders)}
    cache.store("check", run_key, json.dumps(record, sort_keys=True))


def known_current(config_file: Path) -> int | None:
    """The number of output files when a run with these very inputs found them
    current, without parsing or rendering; None when a full check must tell."""
    root = config_file.parent
    with locked(root, str(config_file), shared=True):
        return _verified(root, key(root, config_file))


def _verified(root: Path, run_key: str | None) -> int | None:
    text = None if run_key is None else cache.read("check", run_key)
    if text is None:
        return None
    try:
        record = json.loads(text)
        files: dict[str, str] = record["files"]
        for rel, expected in files.items():
            if digest(read_regular_file(root / rel, rel)) != expected:
                return None
        for folder in record["folders"]:
            with os.scandir(root / folder) as entries:
                names = [entry.name for entry in entries if entry.is_file(follow_symlinks=False)]
            if any(f"{folder}/{name}" not in files and is_leftover(root, Path(folder) / name) for name in names):
                return None
    except (OSError, ValueError, KeyError, TypeError, ErrgenError):
        return None
    return len(files)


def _tool() -> bytes:
    """errgen as installed here: its code and templates, and the libraries it renders with."""
    from importlib import metadata  # 20 ms: only once the cheap reads have worked

    from ..targets.templates import templates_dir

    versions = [f"{name}={metadata.version(name)}" for name in _LIBRARIES]
    versions.append(f"errgen={version()}")  # in every header: a new version alone changes the output
    header = "\0".join([*versions, f"python={sys.version_info[0]}.{sys.version_info[1]}"]).encode()
    return header + _tree(_PACKAGE, ".py") + _tree(templates_dir())


def _tree(folder: Path, suffix: str = "") -> bytes:
    """Every file below `folder` (with `suffix`), names and contents, in a stable order."""
    chunks = []
    for path in sorted(folder.rglob(f"*{suffix}")):
        if path.is_file() and "__pycache__" not in path.parts:
            chunks.append(path.relative_to(folder).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return b"\0".join(chunks)


def _optional(path: Path) -> bytes:
    if not os.path.lexists(path):
        return b"<none>"
    return read_regular_file(path, str(path)).replace(b"\r\n", b"\n")


