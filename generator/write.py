"""The one module that touches `output/`: plan, then apply all or nothing.

`plan` compares what was rendered with what is on disk and writes nothing;
`check` reports it. `apply` first writes every new file to a temporary file in
its own folder, then moves them into place with `os.replace` (atomic on POSIX),
and on any failure puts back what it had already replaced. A killed process
therefore leaves each file old or new, never partial; a failed run leaves
`output/` as it was. Files whose bytes are unchanged are not touched.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

_TMP_MARK = ".errgen-tmp"


@dataclass(frozen=True, slots=True)
class Plan:
    root: Path
    changed: dict[Path, bytes]  # relative path -> new bytes, file exists with other bytes
    added: dict[Path, bytes]  # relative path -> bytes, no file yet
    unchanged: tuple[Path, ...]
    orphaned: tuple[Path, ...]  # in an owned folder, produced by no source (or a killed run's temporary)

    @property
    def is_current(self) -> bool:
        return not (self.changed or self.added or self.orphaned)


def plan(root: Path, files: Mapping[Path, str], owned: Mapping[Path, tuple[str, ...]]) -> Plan:
    """`files`: relative path -> text; `owned`: folder -> suffixes errgen writes there."""
    changed: dict[Path, bytes] = {}
    added: dict[Path, bytes] = {}
    unchanged: list[Path] = []
    for rel in sorted(files):
        data = files[rel].encode("utf-8")
        try:
            current = (root / rel).read_bytes()
        except FileNotFoundError:
            added[rel] = data
            continue
        if current == data:
            unchanged.append(rel)
        else:
            changed[rel] = data
    orphaned = sorted(
        rel
        for folder, suffixes in owned.items()
        for rel in _files_in(root, folder)
        if rel not in files and (rel.name.endswith(suffixes) or _TMP_MARK in rel.name)
    )
    return Plan(root, changed, added, tuple(unchanged), tuple(orphaned))


def apply(plan: Plan) -> None:
    """Make disk match the plan, or leave it exactly as it was and raise OSError."""
    staged: list[tuple[Path, Path]] = []  # (temporary, final), absolute
    try:
        for rel, data in {**plan.changed, **plan.added}.items():
            final = plan.root / rel
            final.parent.mkdir(parents=True, exist_ok=True)
            staged.append((_write_temporary(final, data), final))
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    _commit(plan, staged)


def _commit(plan: Plan, staged: list[tuple[Path, Path]]) -> None:
    previous: list[tuple[Path, bytes | None]] = []  # what each replaced path held
    try:
        for tmp, final in staged:
            old = final.read_bytes() if final.exists() else None
            os.replace(tmp, final)
            previous.append((final, old))
        for rel in plan.orphaned:
            path = plan.root / rel
            old = path.read_bytes()
            path.unlink()
            previous.append((path, old))
    except BaseException:
        _roll_back(previous)
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise


def _roll_back(previous: list[tuple[Path, bytes | None]]) -> None:
    for path, old in reversed(previous):
        if old is None:
            path.unlink(missing_ok=True)
        else:
            os.replace(_write_temporary(path, old), path)


def create(path: Path, data: bytes) -> bool:
    """Create `path` holding `data` unless a file is there (False, left as it is).

    Written aside first, then hard-linked into place: the link fails if the
    name exists, so nothing is overwritten and no one sees a half-written file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _write_temporary(path, data)
    try:
        os.link(tmp, path)
    except FileExistsError:
        return False
    finally:
        tmp.unlink()
    return True


def _write_temporary(final: Path, data: bytes) -> Path:
    tmp = final.with_name(f".{final.name}.{os.getpid()}{_TMP_MARK}")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return tmp


def _files_in(root: Path, folder: Path) -> list[Path]:
    directory = root / folder
    if not directory.is_dir():
        return []
    # A temporary file here was left by a killed run (this run has written
    # none yet): it is orphaned, so `check` names it and `generate` removes it.
    return [folder / entry.name for entry in directory.iterdir() if entry.is_file()]
