"""`errgen.toml`: which pages to read and where generated code goes."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import targets as registry
from .diagnostics import ErrgenError, error
from .names import is_class_name, is_valid_identifier

CONFIG_NAME = "errgen.toml"
TARGETS = registry.NAMES
_SOURCE_ID = re.compile(r"[a-z_][a-z0-9_]*")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True, slots=True)
class SourceConfig:
    id: str
    path: Path  # relative to the project root
    url: str | None = None
    language: str = "en"
    translation_of: str | None = None
    identifiers: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class GroupConfig:
    """A `[[groups]]` table: a class every listed code's class inherits."""

    name: str
    retryable: bool
    codes: dict[str, tuple[int | str, ...]]  # source id -> codes


@dataclass(frozen=True, slots=True)
class Config:
    root: Path  # the folder holding errgen.toml; every path is relative to it
    display_path: str  # errgen.toml as diagnostics print it
    sources: tuple[SourceConfig, ...]
    targets: tuple[str, ...]
    output: dict[str, Path]  # target -> folder, relative to root
    python_package: str
    groups: tuple[GroupConfig, ...] = ()


def load_config(path: Path, display_path: str) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(
            display_path, "no-config",
            f"no {CONFIG_NAME} here; run `errgen init` to write one, or pass --config PATH",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(display_path, "io", f"cannot read configuration: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_POSITION.search(str(exc))
        line, column = (int(found[1]), int(found[2])) if found else (1, 1)
        raise error(display_path, "bad-config", f"invalid TOML: {exc}", line, column) from None
    return _build(data, path.parent, display_path)


def _build(data: dict[str, Any], root: Path, display_path: str) -> Config:
    def bad(message: str) -> ErrgenError:
        return error(display_path, "bad-config", message)

    output = data.get("output", {})
    if not isinstance(output, dict):
        raise bad("[output] must be a table")
    targets = output.get("targets", list(TARGETS))
    if not isinstance(targets, list) or not all(t in TARGETS for t in targets):
        raise bad(f"output.targets must be a list drawn from {', '.join(TARGETS)}")
    folders = {target.name: Path(str(output.get(target.name, target.folder))) for target in registry.BUILTIN}
    package = output.get("python_package", "errors")
    if not isinstance(package, str) or not _SOURCE_ID.fullmatch(package):
        raise bad("output.python_package must be a lower-case Python identifier")
    raw_sources = data.get("sources")
    if not isinstance(raw_sources, list) or not raw_sources:
        raise bad("no [[sources]]: list at least one page, e.g. [[sources]] id = \"spot\" path = \"docs_src/spot.md\"")
    sources = tuple(_source(raw, bad) for raw in raw_sources)
    ids = [s.id for s in sources]
    for source in sources:
        if ids.count(source.id) > 1:
            raise bad(f"source id {source.id!r} is listed twice")
        base = next((s for s in sources if s.id == source.translation_of), None)
        if source.translation_of is not None and (base is None or base.translation_of is not None):
            raise bad(
                f"source {source.id!r}: translation_of must name a source that is not itself a translation, "
                f"not {source.translation_of!r}"
            )
    raw_groups = data.get("groups", [])
    if not isinstance(raw_groups, list):
        raise bad("groups must be an array of [[groups]] tables")
    groups = tuple(_group(raw, bad) for raw in raw_groups)
    return Config(root, display_path, sources, tuple(sorted(set(targets), key=TARGETS.index)), folders, package,
                  groups)


def _group(raw: object, bad: Any) -> GroupConfig:
    if not isinstance(raw, dict):
        raise bad("each [[groups]] entry must be a table")
    name, retryable, codes = raw.get("name"), raw.get("retryable", False), raw.get("codes", {})
    if not isinstance(name, str) or not is_class_name(name):
        raise bad(f"group name {name!r} must be a CamelCase class name, e.g. \"RateLimited\"")
    if not isinstance(retryable, bool):
        raise bad(f"group {name!r}: retryable must be true or false")
    if not isinstance(codes, dict) or not all(
        isinstance(listed, list) and all(isinstance(c, (int, str)) and not isinstance(c, bool) for c in listed)
        for listed in codes.values()
    ):
        raise bad(f"group {name!r}: codes must be a table of source id = [codes], e.g. {{ usdm = [-1003] }}")
    return GroupConfig(name, retryable, {source: tuple(listed) for source, listed in codes.items()})


def _source(raw: object, bad: Any) -> SourceConfig:
    if not isinstance(raw, dict):
        raise bad("each [[sources]] entry must be a table")
    source_id, path = raw.get("id"), raw.get("path")
    if not isinstance(source_id, str) or not _SOURCE_ID.fullmatch(source_id):
        raise bad(f"source id {source_id!r} must be a lower-case Python identifier (it names modules)")
    if not isinstance(path, str) or not path:
        raise bad(f"source {source_id!r} needs a path")
    overrides = raw.get("identifiers", {})
    if not isinstance(overrides, dict):
        raise bad(f"source {source_id!r}: identifiers must be a table of code = IDENTIFIER")
    identifiers: dict[int, str] = {}
    for code, ident in overrides.items():
        if not re.fullmatch(r"-?[0-9]+", code) or not isinstance(ident, str) or not is_valid_identifier(ident):
            raise bad(f"source {source_id!r}: identifiers entry {code!r} = {ident!r} must map a code to SCREAMING_SNAKE")
        identifiers[int(code)] = ident
    for key in ("url", "language", "translation_of"):
        if key in raw and not isinstance(raw[key], str):
            raise bad(f"source {source_id!r}: {key} must be a string")
    return SourceConfig(
        id=source_id,
        path=Path(path),
        url=raw.get("url"),
        language=raw.get("language", "en"),
        translation_of=raw.get("translation_of"),
        identifiers=identifiers,
    )
