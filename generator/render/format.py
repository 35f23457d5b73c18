"""Formatters: in-process black for generated Python, pinned, its results cached."""

from __future__ import annotations

import functools
import hashlib
import os
from importlib import metadata
from pathlib import Path

BLACK_LINE_LENGTH = 100


class FormatError(Exception):
    """black rejected what a template produced: a bug in errgen, not in the page."""


def format_python(source: str, origin: str) -> str:
    """Format generated Python with the pinned black, skipping work already done.

    The cache is content-addressed (black version, mode, text), so a no-op
    `generate` or `check` neither runs nor imports black.
    """
    key = hashlib.sha256(f"{_black_version()}\0{BLACK_LINE_LENGTH}\0{source}".encode()).hexdigest()
    cached = _cache_path(key)
    if cached is not None:
        try:
            return cached.read_text(encoding="utf-8")
        except OSError:
            pass
    formatted = _run_black(source, origin)
    if cached is not None:
        _store(cached, formatted)
    return formatted


def _run_black(source: str, origin: str) -> str:
    import black  # 100+ ms to import: only when the cache misses
    from black.mode import TargetVersion

    mode = black.Mode(line_length=BLACK_LINE_LENGTH, target_versions={TargetVersion.PY39})
    try:
        return black.format_str(source, mode=mode)
    except black.parsing.InvalidInput as exc:
        raise FormatError(f"template {origin} produced invalid Python: {exc}") from exc


@functools.cache
def _black_version() -> str:
    return metadata.version("black")


def _cache_path(key: str) -> Path | None:
    root = os.environ.get("ERRGEN_CACHE_DIR")
    if root == "":
        return None  # ERRGEN_CACHE_DIR= turns the cache off
    base = Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "errgen"
    return base / "black" / key[:2] / key


def _store(path: Path, text: str) -> None:
    # A cache is an optimisation: failing to write one is never an error.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
