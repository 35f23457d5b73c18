"""The one helper every golden test compares and updates with.

A golden case is a folder; what the code produces is a mapping of relative
paths to text. `compare` asserts each file equals its golden copy and that no
golden file is left over; with `--update-goldens` it rewrites the folder
instead (stale files removed), for review like any change.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path


def compare(folder: Path, actual: Mapping[str, str], update: bool, rerun: str, *, exclusive: bool = True) -> None:
    """`actual`: path relative to `folder` -> text. `exclusive`: every file under
    `folder` must be one of `actual` (use False where the folder also holds inputs)."""
    if update:
        _rewrite(folder, actual, exclusive)
        return
    problems: list[str] = []
    for rel, text in sorted(actual.items()):
        golden = folder / rel
        wanted = golden.read_text(encoding="utf-8") if golden.is_file() else None
        if wanted is None:
            problems.append(f"{folder.name}/{rel}: no golden file\n")
        elif wanted != text:
            problems += difflib.unified_diff(
                wanted.splitlines(keepends=True), text.splitlines(keepends=True), f"{folder.name}/{rel}", "actual"
            )
    if exclusive:
        problems += [f"{folder.name}/{rel}: golden file that nothing produces\n" for rel in _files(folder) - set(actual)]
    assert not problems, "".join(problems) + f"\nIf the change is intended: {rerun} --update-goldens"


def _rewrite(folder: Path, actual: Mapping[str, str], exclusive: bool) -> None:
    if exclusive:
        for rel in _files(folder) - set(actual):
            (folder / rel).unlink()
    for rel, text in actual.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} if folder.is_dir() else set()
