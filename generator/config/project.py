"""`errgen.toml`: which pages to read and where generated code goes.

Every key is checked: an unknown key (with a did-you-mean), a wrong type or a
bad value is `errgen.toml:LINE:COL: error: … [config]` at its own place, all
of them at once, before anything is read or written.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import targets as registry
from ..assemble.identifiers import is_valid_identifier
from ..diagnostics import Diagnostic, ErrgenError, did_you_mean, error
from ..model import DEFAULT_PAYLOAD, BodyShape, Code, PathPart
from ..read.layouts.code_pattern import CodePatternError, compile_code_pattern
from ..read.layouts.codes import is_plain_integer
from ..read.raw import LAYOUT_CHOICES, ROLES
from ..read.source import FORMATS, read_regular_file
from ..targets.typescript.reserved import KEYWORDS as TYPESCRIPT_KEYWORDS
from ..write.lockfile import CONFIG_NAME
from .places import Key, Places, key_places
from .toml import TOMLDecodeError, loads

TARGETS = registry.NAMES
RULE = "config"
_MODULE = re.compile(r"[a-z_][a-z0-9_]*")
_CLASS = re.compile(r"[A-Z][A-Za-z0-9]*")
_RULE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
# RFC 5646 language tags, with the primary language limited to the 2-3
# letters of ISO 639 (4-8 letter primary subtags are reserved or unused).
_BCP47 = re.compile(
    r"(?i)[a-z]{2,3}(?:-[a-z]{3}){0,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*(?:-x(?:-[a-z0-9]{1,8})+)?"
)
# A source id names a Python module and a TypeScript module that SDKs import
# by name: no keyword of either language (each target keeps its own list).
_RESERVED = frozenset(keyword.kwlist) | TYPESCRIPT_KEYWORDS

_TOP_KEYS = ("output", "sources", "groups", "targets")
_SOURCE_KEYS = ("id", "path", "url", "language", "translation_of", "identifiers", "section", "columns",
                "placeholders", "lint", "layout", "code_pattern", "format", "payload", "subcodes", "class_names")
_GROUP_KEYS = ("name", "retryable", "outcome", "codes")
_PAYLOAD_KEYS = ("code", "message")
OUTCOMES = ("unknown",)  # a group's `outcome`: what a caller knows of the request's execution
_TARGET_KEYS = ("name", "template", "path")


@dataclass(frozen=True)
class SourceConfig:
    id: str
    path: Path  # relative to the project root
    url: str | None = None
    language: str = "en"
    translation_of: str | None = None
    identifiers: dict[Code, str] = field(default_factory=dict)  # code as on the page -> identifier
    section: tuple[str, ...] = ()
    columns: dict[str, str] = field(default_factory=dict)  # header text -> role
    placeholders: tuple[str, ...] = ()
    layout: str | None = None  # read only this layout (LAYOUT_CHOICES); None: infer
    code_pattern: str | None = None  # checked: has a `code` group, cannot backtrack badly
    lint_ignore: tuple[str, ...] = ()  # rule ids `errgen lint` does not report for this page
    format: str | None = None  # "markdown" | "html"; None: from the file's name and first bytes
    payload: tuple[BodyShape, ...] = DEFAULT_PAYLOAD  # where an error body holds the code and message
    subcodes: str = ""  # separator of a `PARENT_SUB` code (OKX's "_"), "" for none
    class_names: str = ""  # "message": an unnamed code's class from its first message
    # Where each `identifiers` key is written, for errors found once the page is read.
    identifier_places: dict[Code, tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class GroupConfig:
    """A `[[groups]]` table: a class every listed code's class inherits."""

    name: str
    retryable: bool
    codes: dict[str, tuple[int | str, ...]]  # source id -> codes
    outcome: str | None = None  # "unknown": the request may have been executed
    # Where each source's codes are listed, for warnings found once the pages are read.
    places: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class UserTargetConfig:
    name: str
    template: str  # looked up in template_dirs
    path: str  # relative to the project root, holding `{id}`


@dataclass(frozen=True)
class Config:
    root: Path  # the folder holding errgen.toml; every path is relative to it
    display_path: str  # errgen.toml as diagnostics print it
    sources: tuple[SourceConfig, ...]
    targets: tuple[str, ...]
    output: dict[str, Path]  # target -> folder, relative to root
    python_package: str
    template_dirs: tuple[Path, ...] = ()  # searched before the built-in templates
    groups: tuple[GroupConfig, ...] = ()
    user_targets: tuple[UserTargetConfig, ...] = ()
    file: Path = Path(CONFIG_NAME)  # errgen.toml itself, as --config gave it

    def error_at(self, place: tuple[int, int], message: str) -> Diagnostic:
        return Diagnostic(self.display_path, place[0], place[1], "error", message, RULE)


def load_config(path: Path, display_path: str) -> Config:
    text = _read(path, display_path)
    try:
        data = loads(text)
    except TOMLDecodeError as exc:
        found = _TOML_POSITION.search(str(exc))
        line, column = (int(found[1]), int(found[2])) if found else (1, 1)
        raise error(display_path, RULE, f"invalid TOML: {exc}", line, column) from None
    except RecursionError:  # tomllib recurses once per nested array or table
        raise error(display_path, RULE, "invalid TOML: nested too deeply for errgen.toml") from None
    return replace(_Checker(path.parent, display_path, key_places(text)).config(data), file=path)


def is_module_name(value: str) -> bool:
    """What a source id and a Python package must be: importable by name in Python and TypeScript."""
    return _MODULE.fullmatch(value) is not None and value not in _RESERVED and not value.startswith("__")


def _read(path: Path, display_path: str) -> str:
    if not path.exists() and not path.is_symlink():
        if display_path == CONFIG_NAME:
            message = f"no {CONFIG_NAME} here; run `errgen init` to write one, or pass --config PATH"
        else:
            message = "no such configuration file; --config takes the path of an errgen.toml"
        raise error(display_path, "no-config", message)
    try:
        return read_regular_file(path, display_path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(display_path, RULE, f"not UTF-8: {exc}") from None


class _Checker:
    """Builds a Config from parsed TOML, collecting every problem at its place."""

    def __init__(self, root: Path, display_path: str, places: Places) -> None:
        self.root = root
        self.display_path = display_path
        self.places = places
        self.problems: list[Diagnostic] = []

    def bad(self, key: Key, message: str) -> None:
        line, column = self.places.at(key)
        self.problems.append(Diagnostic(self.display_path, line, column, "error", message, RULE))

    def config(self, data: dict[str, Any]) -> Config:
        self.known(data, (), _TOP_KEYS)
        output = self.table(data, ("output",))
        self.known(output, ("output",), ("python_package", "targets", "template_dirs", *TARGETS))
        targets = self.names(output, ("output", "targets"), TARGETS) if "targets" in output else TARGETS
        folders = {t.name: self.folder(output, ("output", t.name), t.folder) for t in registry.BUILTIN}
        package = output.get("python_package", "errors")
        if not isinstance(package, str) or not is_module_name(package):
            self.bad(("output", "python_package"), f"python_package {package!r} must be a lower-case Python "
                     "package name that is not a keyword (it is imported by name)")
        template_dirs = tuple(Path(d) for d in self.strings(output, ("output", "template_dirs")))
        for index, folder in enumerate(template_dirs):
            if not self.inside(folder):
                self.bad(("output", "template_dirs", index), f"template folder {folder.as_posix()!r} lies outside the "
                         "project (symbolic links followed); templates are read only from inside it")
            elif not (self.root / folder).is_dir():
                self.bad(("output", "template_dirs", index), f"template folder {folder.as_posix()!r} is not a folder")
        if not data.get("sources"):
            self.bad(("sources",), 'no [[sources]]: list at least one page, e.g. [[sources]] id = "spot" '
                     'path = "docs_src/spot.md"')
        sources = tuple(s for i, raw in enumerate(self.tables(data, "sources")) if (s := self.source(raw, i)))
        self.translations(sources)
        groups = tuple(g for i, raw in enumerate(self.tables(data, "groups")) if (g := self.group(raw, i, sources)))
        user_targets = tuple(t for i, raw in enumerate(self.tables(data, "targets")) if (t := self.target(raw, i)))
        names = [t.name for t in user_targets]
        for index, name in enumerate(names):
            if names.index(name) != index:
                self.bad(("targets", index, "name"), f"target name {name!r} is taken: every target needs its own")
        if self.problems:
            raise ErrgenError(self.problems)
        chosen = tuple(sorted(set(targets), key=TARGETS.index))
        return Config(self.root, self.display_path, sources, chosen, folders, str(package), template_dirs, groups,
                      user_targets)

    # -- tables -------------------------------------------------------------

    def source(self, raw: dict[str, Any], index: int) -> SourceConfig | None:
        key: Key = ("sources", index)
        self.known(raw, key, _SOURCE_KEYS)
        source_id, path = raw.get("id"), raw.get("path")
        if not isinstance(source_id, str) or not is_module_name(source_id):
            self.bad((*key, "id"), f"source id {source_id!r} must be a lower-case module name that is a keyword "
                     "in neither Python nor TypeScript (it names the generated modules)")
            return None
        if not isinstance(path, str) or not path:
            self.bad((*key, "path") if "path" in raw else key, f"source {source_id!r} needs a path to its page")
            return None
        if not self.inside(Path(path)):
            self.bad((*key, "path"), f"source {source_id!r}: path {path!r} lies outside the project (symbolic links "
                     "followed) or holds a NUL; errgen reads pages only from inside the folder of errgen.toml")
            return None
        language = self.string(raw, (*key, "language")) or "en"
        if not _BCP47.fullmatch(language):
            self.bad((*key, "language"), f"language {language!r} is not a BCP 47 language tag such as 'en' or 'zh-CN'")
        lint = self.table(raw, (*key, "lint"))
        self.known(lint, (*key, "lint"), ("ignore",))
        identifiers, places = self.identifiers(raw, (*key, "identifiers"))
        return SourceConfig(
            id=source_id,
            path=Path(path),
            url=self.string(raw, (*key, "url")),
            language=language,
            translation_of=self.string(raw, (*key, "translation_of")),
            identifiers=identifiers,
            section=self.sections(raw, (*key, "section")),
            columns=self.columns(raw, (*key, "columns")),
            placeholders=self.strings(raw, (*key, "placeholders")),
            layout=self.layout(raw, (*key, "layout")),
            code_pattern=self.code_pattern(raw, (*key, "code_pattern")),
            lint_ignore=self.rule_ids(lint, (*key, "lint", "ignore")),
            format=self.format(raw, (*key, "format")),
            identifier_places=places,
            payload=self.payload(raw, (*key, "payload")),
            subcodes=self.subcodes(raw, (*key, "subcodes")),
            class_names=self.class_names(raw, (*key, "class_names")),
        )

    def class_names(self, raw: dict[str, Any], key: Key) -> str:
        value = raw.get("class_names", "")
        if value in ("", "message"):
            return str(value)
        self.bad(key, f'class_names must be "message" (name a code without a published name from its first '
                 f"message or description), not {value!r}")
        return ""

    def payload(self, raw: dict[str, Any], key: Key) -> tuple[BodyShape, ...]:
        """`payload = {code = "retCode", message = "retMsg"}`, or a list of such tables tried in order."""
        value = raw.get("payload")
        if value is None:
            return DEFAULT_PAYLOAD
        listed = [value] if isinstance(value, dict) else value
        if not isinstance(listed, list) or not listed or not all(isinstance(item, dict) for item in listed):
            self.bad(key, 'payload must be a table such as { code = "retCode", message = "retMsg" }, '
                     "or a list of them")
            return DEFAULT_PAYLOAD
        shapes = []
        for index, shape in enumerate(listed):
            where: Key = key if isinstance(value, dict) else (*key, index)
            self.known(shape, where, _PAYLOAD_KEYS)
            code = self.body_path(shape, (*where, "code")) if "code" in shape else None
            if "code" not in shape:
                self.bad(where, 'a payload table needs `code`, the path of the code in the body ("error.code")')
            message = self.body_path(shape, (*where, "message")) if "message" in shape else None
            if code is not None:
                shapes.append(BodyShape(code, () if message is None else (message,)))
        return tuple(shapes) if len(shapes) == len(listed) else DEFAULT_PAYLOAD

    def body_path(self, raw: dict[str, Any], key: Key) -> tuple[PathPart, ...] | None:
        """A dotted path into a JSON body, list indexes as numbers: `data.0.sCode`."""
        value = raw.get(str(key[-1]))
        parts = value.split(".") if isinstance(value, str) else []
        if not parts or not all(part and part == part.strip() and len(part) <= 200 for part in parts) \
                or len(parts) > 32:
            self.bad(key, f"{key[-1]} must be a dotted path into the body such as 'data.0.sCode', not {value!r}")
            return None
        return tuple(int(part) if part.isascii() and part.isdigit() and len(part) <= 9 else part for part in parts)

    def subcodes(self, raw: dict[str, Any], key: Key) -> str:
        value = raw.get("subcodes", "")
        if isinstance(value, str) and (value == "" or (len(value) <= 3 and not value.isalnum()
                                                       and value.isprintable() and not value.isspace())):
            return value
        self.bad(key, f'subcodes must be the separator of a sub-code such as "_" (51008_1000), not {value!r}')
        return ""

    def identifiers(self, raw: dict[str, Any], key: Key) -> tuple[dict[Code, str], dict[Code, tuple[int, int]]]:
        identifiers: dict[Code, str] = {}
        places: dict[Code, tuple[int, int]] = {}
        for written, ident in self.table(raw, key).items():
            if not isinstance(ident, str) or not is_valid_identifier(ident):
                self.bad((*key, written), f"identifiers entry {written!r} = {ident!r} must map a code, as the page "
                         "writes it, to a SCREAMING_SNAKE identifier")
                continue
            code: Code = int(written) if is_plain_integer(written) else written
            identifiers[code] = ident
            places[code] = self.places.at((*key, written))
        return identifiers, places

    def format(self, raw: dict[str, Any], key: Key) -> str | None:
        value = raw.get("format")
        if value is None or value in FORMATS:
            return value
        self.bad(key, f"format must be one of {', '.join(map(repr, FORMATS))}, not {value!r}")
        return None

    def sections(self, raw: dict[str, Any], key: Key) -> tuple[str, ...]:
        value = raw.get("section", [])
        listed = [value] if isinstance(value, str) else value
        if isinstance(listed, list) and all(isinstance(item, str) and item.strip() for item in listed):
            return tuple(listed)
        self.bad(key, f"section must be a heading's text or a list of them, not {value!r}")
        return ()

    def layout(self, raw: dict[str, Any], key: Key) -> str | None:
        value = self.string(raw, key)
        if value is not None and value not in LAYOUT_CHOICES:
            self.bad(key, f"layout {value!r}{did_you_mean(value, LAYOUT_CHOICES)}; layouts: {', '.join(LAYOUT_CHOICES)}")
            return None
        return value

    def code_pattern(self, raw: dict[str, Any], key: Key) -> str | None:
        value = self.string(raw, key)
        if value is None:
            return None
        try:
            compile_code_pattern(value)
        except CodePatternError as exc:
            self.bad(key, str(exc))
            return None
        return value

    def columns(self, raw: dict[str, Any], key: Key) -> dict[str, str]:
        columns: dict[str, str] = {}
        for header, role in self.table(raw, key).items():
            if role not in ROLES:
                self.bad((*key, header), f"column {header!r} has role {role!r}{did_you_mean(str(role), ROLES)}; "
                         f"roles: {', '.join(ROLES)}")
            else:
                columns[header] = role
        return columns

    def rule_ids(self, raw: dict[str, Any], key: Key) -> tuple[str, ...]:
        ids = self.strings(raw, key)
        for index, rule in enumerate(ids):
            if not _RULE_ID.fullmatch(rule):
                self.bad((*key, index), f"{rule!r} is not a rule id (the word in brackets, e.g. 'name-style')")
        return ids

    def translations(self, sources: tuple[SourceConfig, ...]) -> None:
        ids = [s.id for s in sources]
        for index, source in enumerate(sources):
            if ids.index(source.id) != index:
                self.bad(("sources", index, "id"), f"source id {source.id!r} is listed twice")
            base = next((s for s in sources if s.id == source.translation_of), None)
            if source.translation_of is not None and (base is None or base.translation_of is not None):
                self.bad(("sources", index, "translation_of"),
                         f"source {source.id!r}: translation_of must name a source that is not itself a "
                         f"translation, not {source.translation_of!r}")

    def group(self, raw: dict[str, Any], index: int, sources: tuple[SourceConfig, ...]) -> GroupConfig | None:
        key: Key = ("groups", index)
        self.known(raw, key, _GROUP_KEYS)
        name = raw.get("name")
        if not isinstance(name, str) or not _CLASS.fullmatch(name):
            self.bad((*key, "name"), f"group name {name!r} must be a class name such as 'RateLimited'")
            return None
        retryable = raw.get("retryable", False)
        if not isinstance(retryable, bool):
            self.bad((*key, "retryable"), f"group {name!r}: retryable must be true or false")
        outcome = raw.get("outcome")
        if outcome is not None and outcome not in OUTCOMES:
            self.bad((*key, "outcome"), f"group {name!r}: outcome must be one of {', '.join(map(repr, OUTCOMES))} "
                     f"(execution status unknown: reconcile before resubmitting), not {outcome!r}")
            outcome = None
        ids = {s.id for s in sources}
        codes: dict[str, tuple[int | str, ...]] = {}
        for source_id, listed in self.table(raw, (*key, "codes")).items():
            where = (*key, "codes", source_id)
            if source_id not in ids:
                self.bad(where, f"group {name!r}: no source {source_id!r}{did_you_mean(source_id, sorted(ids))}")
            elif not isinstance(listed, list) or not all(_is_code(c) for c in listed):
                self.bad(where, f"group {name!r}: codes of {source_id!r} must be a list of codes")
            else:
                codes[source_id] = tuple(listed)
        places = {source_id: self.places.at((*key, "codes", source_id)) for source_id in codes}
        return GroupConfig(name, retryable is True, codes, outcome, places)

    def target(self, raw: dict[str, Any], index: int) -> UserTargetConfig | None:
        key: Key = ("targets", index)
        self.known(raw, key, _TARGET_KEYS)
        name, template, path = (self.string(raw, (*key, k)) for k in _TARGET_KEYS)
        if name is None or not _MODULE.fullmatch(name) or name in TARGETS:
            self.bad((*key, "name"), f"target name {name!r} must be a lower-case name other than {', '.join(TARGETS)}")
        if template is None:
            self.bad((*key, "template") if "template" in raw else key, "a target needs a template")
        if path is None or "{id}" not in path:
            self.bad((*key, "path") if "path" in raw else key,
                     f"target path {path!r} must hold {{id}} (one file per source)")
        elif not self.inside(Path(path.replace("{id}", "x")).parent):
            self.bad((*key, "path"), f"target path {path!r} lies outside the project")
        if name is None or template is None or path is None:
            return None
        return UserTargetConfig(name, template, path)

    # -- values -------------------------------------------------------------

    def known(self, raw: Mapping[str, Any], key: Key, allowed: tuple[str, ...]) -> None:
        for name in raw:
            if name not in allowed:
                where = f"[{'.'.join(str(k) for k in key if isinstance(k, str))}]" if key else "the top level"
                self.bad((*key, name), f"unknown key {name!r} in {where}{did_you_mean(name, allowed)}; "
                         f"known: {', '.join(allowed)}")

    def table(self, raw: Mapping[str, Any], key: Key) -> dict[str, Any]:
        value = raw.get(str(key[-1]), {})
        if isinstance(value, dict):
            return value
        self.bad(key, f"{key[-1]} must be a table")
        return {}

    def tables(self, raw: Mapping[str, Any], name: str) -> list[dict[str, Any]]:
        value = raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.bad((name,), f"{name} must be written as [[{name}]] tables")
            return []
        return value

    def string(self, raw: Mapping[str, Any], key: Key) -> str | None:
        value = raw.get(str(key[-1]))
        if value is None or isinstance(value, str):
            return value
        self.bad(key, f"{key[-1]} must be a string, not {_toml_type(value)}")
        return None

    def strings(self, raw: Mapping[str, Any], key: Key) -> tuple[str, ...]:
        value = raw.get(str(key[-1]), [])
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return tuple(value)
        self.bad(key, f"{key[-1]} must be a list of strings")
        return ()

    def names(self, raw: Mapping[str, Any], key: Key, allowed: tuple[str, ...]) -> tuple[str, ...]:
        listed = self.strings(raw, key)
        for index, name in enumerate(listed):
            if name not in allowed:
                self.bad((*key, index), f"unknown target {name!r}{did_you_mean(name, allowed)}; "
                         f"targets: {', '.join(allowed)}")
        return tuple(name for name in listed if name in allowed)

    def folder(self, raw: Mapping[str, Any], key: Key, default: str) -> Path:
        value = self.string(raw, key)
        folder = Path(default if value is None else value)
        if not self.inside(folder):
            self.bad(key, f"output folder {folder.as_posix()!r} lies outside the project (symbolic links "
                     "followed) or holds a NUL; errgen writes only inside the folder of errgen.toml")
        return folder

    def inside(self, path: Path) -> bool:
        """Relative, and inside the project once symbolic links are followed (a NUL is never inside)."""
        if "\0" in str(path):
            return False
        root = self.root.resolve()
        return not path.is_absolute() and (root / path).resolve().is_relative_to(root)


def _is_code(value: object) -> bool:
    return isinstance(value, (int, str)) and not isinstance(value, bool)


def _toml_type(value: object) -> str:
    names: dict[type, str] = {bool: "a boolean", int: "an integer", float: "a number", list: "an array",
                              dict: "a table"}
    return names.get(type(value), type(value).__name__)

