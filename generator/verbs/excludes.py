"""`errgen init`: the output folders in the excludes of the tools an SDK configures.

Edits only where an edit is safe: an ignore file gets lines appended; a TOML
table gets one key inserted under its header when it lacks that key, and the
result is parsed again to prove it is the old document plus that key. Anything
else (eslint's JavaScript config, a key already set, an inline table) is left
as it is, and the lines to add are returned for `init` to print.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config.toml import TOMLDecodeError, loads
from ..write.files import create, edit


@dataclass(frozen=True)
class Folders:
    python: str = "output/python"
    typescript: str = "output/typescript"
    json: str = "output/json"
    pages: str = "docs_src"  # the published pages, kept byte for byte


@dataclass(frozen=True)
class Exclude:
    file: str  # relative to the project root
    tool: str
    lines: tuple[str, ...]  # added, or to add by hand
    edited: bool


def add_excludes(root: Path, folders: Folders) -> tuple[Exclude, ...]:
    """Every tool found configured under `root`, each with what was added or is to add."""
    found: list[Exclude] = []
    for name, table, key, value in _toml_keys(folders):
        path = root / name
        if path.is_file():
            result = _toml_key(path, name, table, key, value)
            if result is not None:
                found.append(result)
    found += _prettier(root, folders)
    found += _eslint(root, folders)
    return tuple(found)


def _toml_keys(folders: Folders) -> list[tuple[str, tuple[str, ...], str, Any]]:
    py = folders.python
    return [
        ("pyproject.toml", ("tool", "ruff"), "extend-exclude", [py]),
        ("ruff.toml", (), "extend-exclude", [py]),
        (".ruff.toml", (), "extend-exclude", [py]),
        ("pyproject.toml", ("tool", "black"), "extend-exclude", f"^/{re.escape(py)}/"),
        ("pyproject.toml", ("tool", "mypy"), "exclude", [f"^{re.escape(py)}/"]),
    ]


def _toml_key(path: Path, name: str, table: tuple[str, ...], key: str, value: Any) -> Exclude | None:
    tool = ".".join(table[1:]) or name.strip(".").split(".")[0]
    line = f"{key} = {json.dumps(value)}  # errgen's generated modules"
    old = path.read_bytes()
    try:
        document = loads(old.decode("utf-8"))
    except (UnicodeDecodeError, TOMLDecodeError):
        return None
    section = _get(document, table)
    if section is None:
        return None  # the tool is not configured here
    if section.get(key) == value:
        return None  # excluded already
    by_hand = Exclude(name, tool, (f"[{'.'.join(table)}]" if table else "# at the top", line), edited=False)
    if key in section:
        return by_hand  # the user's own list: theirs to extend
    new = _inserted(old.decode("utf-8"), table, line)
    if new is None or not _only_added(document, new, table, key, value):
        return by_hand
    if not edit(path, old, new.encode("utf-8")):  # changed meanwhile: the user adds it
        return by_hand
    return Exclude(name, tool, (line,), edited=True)


def _get(document: dict[str, Any], table: tuple[str, ...]) -> dict[str, Any] | None:
    for part in table:
        found = document.get(part)
        if not isinstance(found, dict):
            return None
        document = found
    return document


def _inserted(text: str, table: tuple[str, ...], line: str) -> str | None:
    """`text` with `line` right under the table's header (at the top for the root table)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    if not table:
        return line + newline + text
    name = r"[ \t]*\.[ \t]*".join(map(re.escape, table))  # [tool.ruff], [ tool . ruff ]
    header = re.compile(rf"^[ \t]*\[[ \t]*{name}[ \t]*\][ \t]*(#.*)?$", re.MULTILINE)
    found = header.search(text)
    if found is None:  # dotted keys or an inline table: not ours to rearrange
        return None
    end = text.find("\n", found.end())
    end = len(text) if end < 0 else end + 1
    prefix = text[:end] if text[:end].endswith("\n") else text[:end] + newline
    return prefix + line + newline + text[end:]


def _only_added(document: dict[str, Any], new: str, table: tuple[str, ...], key: str, value: Any) -> bool:
    try:
        changed = loads(new)
    except TOMLDecodeError:
        return False
    section = _get(changed, table)
    if section is None or section.pop(key, None) != value:
        return False
    return changed == document


def _prettier(root: Path, folders: Folders) -> list[Exclude]:
    configured = any(root.glob(".prettierrc*")) or any(root.glob("prettier.config.*")) \
        or _package_json_has(root, lambda data: "prettier" in data or "prettier" in data.get("devDependencies", {}))
    ignore = root / ".prettierignore"
    if not configured and not ignore.exists():
        return []
    lines = (f"{folders.json}/", f"{folders.typescript}/", f"{folders.python}/", f"{folders.pages}/")
    return [_append(ignore, ".prettierignore", "prettier", lines)]


def _eslint(root: Path, folders: Folders) -> list[Exclude]:
    found: list[Exclude] = []
    folder = f"{folders.typescript}/"
    flat = sorted(path.name for path in root.glob("eslint.config.*"))
    for name in flat:
        found.append(Exclude(name, "eslint", (f'{{ ignores: ["{folder}"] }},  // errgen\'s generated modules',),
                             edited=False))
    if (root / ".eslintignore").exists():
        found.append(_append(root / ".eslintignore", ".eslintignore", "eslint", (folder,)))
    legacy = sorted(path.name for path in root.glob(".eslintrc*"))
    for name in legacy:
        found.append(Exclude(name, "eslint", (f'"ignorePatterns": ["{folder}"]',), edited=False))
    return found


def _append(path: Path, name: str, tool: str, lines: tuple[str, ...]) -> Exclude:
    """Add the lines an ignore file lacks, at its end (a new file when there is none)."""
    old = path.read_bytes() if path.exists() else None
    present = set() if old is None else {line.strip() for line in old.decode("utf-8", "replace").splitlines()}
    missing = tuple(line for line in lines if line not in present and line.rstrip("/") not in present)
    if not missing:
        return Exclude(name, tool, (), edited=False)
    block = "# errgen's generated files\n" + "".join(f"{line}\n" for line in missing)
    if old is None:
        return Exclude(name, tool, missing, edited=create(path, block.encode("utf-8")))
    separator = b"" if not old or old.endswith(b"\n") else b"\n"
    return Exclude(name, tool, missing, edited=edit(path, old, old + separator + block.encode("utf-8")))


def _package_json_has(root: Path, test: Callable[[dict[str, Any]], bool]) -> bool:
    try:
        data = json.loads((root / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and test(data)
