"""Formatters: in-process black for generated Python, pinned, its results cached."""

from __future__ import annotations

import functools
import hashlib
import re

from ...write import cache

BLACK_LINE_LENGTH = 100
FMT_OFF = "# fmt: off\n"
# PEP 263: a comment on line 1 or 2 naming an encoding changes how Python decodes the file.
_CODING = re.compile(r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


class FormatError(Exception):
    """black rejected what a template produced: a bug in errgen, not in the page."""


def format_python(source: str, origin: str) -> str:
    """Format generated Python with the pinned black, skipping work already done.

    The cache is content-addressed (black version, mode, text), so a no-op
    `generate` or `check` neither runs nor imports black. cache.read returns
    only entries errgen sealed on this account: a poisoned one is a miss.
    """
    declared = foreign_coding(source)
    if declared is not None:
        raise FormatError(f"template {origin} declares the encoding {declared!r} in its first two lines; "
                          "text there must pass through the `pyheader` filter")
    key = hashlib.sha256(f"{_black_version()}\0{BLACK_LINE_LENGTH}\0{source}".encode()).hexdigest()
    formatted = cache.read("black", key)
    if formatted is None:
        formatted = _run_black(source, origin)
        cache.store("black", key, formatted)
    return formatted


def format_module(source: str, origin: str) -> str:
    """The Python target's formatter: black, then `formatter_off`."""
    return formatter_off(format_python(source, origin))


def formatter_off(formatted: str) -> str:
    """`# fmt: off` after the header comments: black and `ruff format`, run by an SDK
    with its own line length, then leave the module as errgen's black wrote it.
    Added after formatting, or errgen's own black would skip the module too."""
    lines = formatted.splitlines(keepends=True)
    header = 0
    while header < len(lines) and lines[header].startswith("#"):
        header += 1
    return "".join([*lines[:header], FMT_OFF, *lines[header:]])


def foreign_coding(source: str) -> str | None:
    """The encoding the first two lines of a Python file declare, unless UTF-8 (or none)."""
    for line in source.split("\n", 2)[:2]:
        found = _CODING.match(line)
        if found and found[1].lower().replace("_", "-") not in ("utf-8", "utf8"):
            return found[1]
    return None


def _run_black(source: str, origin: str) -> str:
    import black  # 100+ ms to import: only when the cache misses
    from black.mode import TargetVersion

    mode = black.Mode(line_length=BLACK_LINE_LENGTH, target_versions={TargetVersion.PY39})
    try:
        return black.format_str(source, mode=mode)
    except Exception as exc:  # whatever black raises is a template's bug, never a traceback
        raise FormatError(f"template {origin} produced Python black cannot format: {exc}") from exc


@functools.cache
def _black_version() -> str:
    from importlib import metadata  # 20 ms: only when something is formatted

    return metadata.version("black")
