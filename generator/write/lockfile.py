"""`errgen.lock`, committed beside errgen.toml: what errgen wrote, and from what.

`files` records every generated file (path relative to the project root ->
sha256 of its text with line endings normalised): it is how errgen knows a
JSON file is its own (JSON has no comments to carry a marker) and which files
it may replace or remove. `sources` records each source's codes with the
identifier, published name, category and class each was given, and the class
of each category (`classes`) and of each `[[groups]]` entry (`groups`) in that
source's module (stable.py keeps them from moving). `fetched` records, per source `errgen fetch` downloaded, the
validators its server sent (ETag, Last-Modified) and the sha256 of the bytes.
"""

from __future__ import annotations

import hashlib
import json
import keyword
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..assemble.classes import is_class_name
from ..assemble.identifiers import is_valid_identifier
from ..assemble.stable import LockedCode, SourceLock
from ..diagnostics import Diagnostic, ErrgenError, error
from ..read.source import read_regular_file
from . import json_places

# The files errgen keeps at a project's root, beside each other.
CONFIG_NAME = "errgen.toml"
LOCK_NAME = "errgen.lock"
VERSION = 1
MAX_SAFE_INTEGER = 2**53 - 1
# A value errgen sends back as a request header: no line break can split it.
_HEADER_VALUE = re.compile(r"[\x20-\x7e]{1,1024}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_SOURCE_ID = re.compile(r"[a-z_][a-z0-9_]*")
_CATEGORY_ID = re.compile(r"\w+")  # names.category_id: alphanumeric words joined by `_`


@dataclass(frozen=True)
class Fetched:
    """What a source's last download was: sent back as If-None-Match / If-Modified-Since."""

    sha256: str  # digest() of the bytes written
    etag: str | None = None
    last_modified: str | None = None
    # The charset of the answer's Content-Type: what the page is read in when it
    # declares none itself (no BOM, no <meta charset>), as a browser would.
    charset: str | None = None


@dataclass(frozen=True)
class Lock:
    files: Mapping[str, str] = field(default_factory=dict)  # posix path -> digest()
    sources: Mapping[str, SourceLock] = field(default_factory=dict)  # source id -> its codes
    # Only while a run moves files (the interim lock): the digests of the files it is
    # putting in place, so a killed run leaves both old and new bytes owned.
    incoming: Mapping[str, str] = field(default_factory=dict)
    fetched: Mapping[str, Fetched] = field(default_factory=dict)  # source id -> its last download
    errgen_version: str = ""  # the errgen that wrote it; "" in a lock from before versions were recorded


def digest(data: bytes) -> str:
    """sha256 of bytes with CRLF read as LF: a CRLF checkout holds the same file."""
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()


def lock_text(lock: Lock) -> str:
    sources = {source: _source_entry(locked) for source, locked in lock.sources.items()}
    document: dict[str, Any] = {"version": VERSION, "files": dict(lock.files), "sources": sources}
    if lock.incoming:
        document["incoming"] = dict(lock.incoming)
    if lock.fetched:  # absent until a first fetch: the locks of projects that never fetch stay as they were
        document["fetched"] = {source: _fetched_entry(entry) for source, entry in lock.fetched.items()}
    if lock.errgen_version:
        document["errgen_version"] = lock.errgen_version
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def read_lock(root: Path, display_path: str) -> Lock:
    """The project's lock, every value checked (LockChecker); an empty one when there is none yet."""
    if not os.path.lexists(root / LOCK_NAME):
        return Lock()
    data = read_regular_file(root / LOCK_NAME, display_path)  # a FIFO is refused, never waited on
    try:
        located = json_places.parse(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _invalid(display_path, f"not UTF-8 at byte {exc.start}") from None
    except json_places.JsonError as exc:
        raise _invalid(display_path, str(exc), exc.line, exc.column) from None
    return LockChecker(display_path, located).lock()


class LockChecker:
    """errgen.lock is input like errgen.toml (a merge or a pull request edits it): every
    value is checked before it names anything, each problem at its line and column,
    all at once. A new field adds a method here and calls it from `lock`."""

    def __init__(self, display_path: str, located: json_places.Located) -> None:
        self.display_path = display_path
        self.located = located
        self.problems: list[Diagnostic] = []

    def bad(self, key: json_places.Key, message: str) -> None:
        line, column = self.located.at(key)
        self.problems.append(Diagnostic(self.display_path, line, column, "error", message, "lock"))

    def lock(self) -> Lock:
        document = self.located.value
        if not isinstance(document, dict) or document.get("version") != VERSION:
            raise _invalid(self.display_path, f'expected an object with "version": {VERSION}')
        files = self.files(document, "files")
        incoming = self.files(document, "incoming")
        fetched = {source: entry for source, raw in self.object(document, ("fetched",)).items()
                   if (entry := self.fetched(raw, ("fetched", source))) is not None}
        sources = {source: locked for source, raw in self.object(document, ("sources",)).items()
                   if (locked := self.source(raw, ("sources", source))) is not None}
        errgen_version = self.version(document.get("errgen_version", ""), ("errgen_version",))
        if self.problems:
            raise ErrgenError(self.problems)
        return Lock(files, sources, incoming, fetched, errgen_version)

    def version(self, value: Any, key: json_places.Key) -> str:
        """The errgen that wrote the lock: a short string without line breaks or quotes to trip on."""
        if isinstance(value, str) and len(value) <= 64 and all(c.isalnum() or c in ".+-_!" for c in value):
            return value
        self.bad(key, f'"errgen_version" must be a version string, not {value!r}')
        return ""

    def object(self, raw: Any, key: json_places.Key) -> dict[str, Any]:
        value = raw.get(key[-1], {}) if isinstance(raw, dict) else None
        if isinstance(value, dict):
            return value
        self.bad(key, f'"{key[-1]}" must be an object')
        return {}

    def files(self, document: dict[str, Any], name: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for path, recorded in self.object(document, (name,)).items():
            if not is_project_path(path):
                self.bad((name, path), f'"{name}" holds {path!r}, which is not a path inside the project')
            elif not isinstance(recorded, str) or not _SHA256.fullmatch(recorded):
                self.bad((name, path), f'"{name}": {path!r} must map to the sha256 digest of its text')
            else:
                found[path] = recorded
        return found

    def source(self, raw: Any, key: json_places.Key) -> SourceLock | None:
        if not _SOURCE_ID.fullmatch(str(key[-1])):
            self.bad(key, f"source id {key[-1]!r} is not one errgen.toml can give")
            return None
        if not isinstance(raw, dict) or not isinstance(raw.get("codes"), list):
            self.bad(key, 'each source in "sources" must be an object with a list of "codes"')
            return None
        # (index in the file, entry): a bad entry is left out, the places of the others stay right
        indexed = [(i, c) for i, entry in enumerate(raw["codes"]) if (c := self.code(entry, (*key, "codes", i)))]
        codes = [entry for _, entry in indexed]
        self.one_type(codes, (*key, "codes"))
        self.unique(codes, (*key, "codes"))
        classes = self.classes(raw, (*key, "classes"), "category")
        groups = self.classes(raw, (*key, "groups"), "group")
        self.one_owner_per_class(key, indexed, classes, groups)
        return SourceLock(tuple(codes), classes, groups)

    def code(self, entry: Any, key: json_places.Key) -> LockedCode | None:
        if not isinstance(entry, dict):
            self.bad(key, "a code entry must be an object")
            return None
        missing = [name for name in ("code", "identifier", "name") if name not in entry]
        if missing:  # named as the lock spells them, not as Python's None
            self.bad(key, "a code entry needs " + " and ".join(f'"{name}"' for name in missing))
            return None
        code, identifier, name = entry.get("code"), entry.get("identifier"), entry.get("name")
        category, aliases, class_name = entry.get("category"), entry.get("aliases", []), entry.get("class", "")
        retired = entry.get("retired", entry.get("gone", False))  # "gone": the key of locks before 0.1.0's
        ok = True
        if isinstance(code, bool) or not (isinstance(code, str) and code or isinstance(code, int)
                                          and abs(code) <= MAX_SAFE_INTEGER):
            ok = self.fail((*key, "code"), f"code {code!r} must be a string or an integer of at most 2^53 - 1")
        ok = self.identifier(identifier, (*key, "identifier")) and ok
        if not isinstance(aliases, list):
            ok = self.fail((*key, "aliases"), '"aliases" must be a list of identifiers')
        else:
            ok = all([self.identifier(alias, (*key, "aliases", i)) for i, alias in enumerate(aliases)]) and ok
        if not isinstance(name, str):
            ok = self.fail((*key, "name"), '"name" must be a string')
        if category is not None and not (isinstance(category, str) and _CATEGORY_ID.fullmatch(category)):
            ok = self.fail((*key, "category"), f"category {category!r} must be null or a category id")
        if not isinstance(retired, bool):
            ok = self.fail((*key, "retired" if "retired" in entry else "gone"), '"retired" must be true or false')
        if "class" in entry:  # absent in a lock of before: the next generate records it
            ok = self.class_name(class_name, (*key, "class")) and ok
        if not ok:
            return None
        return LockedCode(code, identifier, name, category, tuple(aliases), retired,  # type: ignore[arg-type]
                          class_name)  # checked above

    def identifier(self, value: Any, key: json_places.Key) -> bool:
        if isinstance(value, str) and is_valid_identifier(value):
            return True
        return self.fail(key, f"identifier {value!r} must be SCREAMING_SNAKE: A-Z, 0-9 and _, starting with a "
                         "letter (it names a member in Python and TypeScript)")

    def fail(self, key: json_places.Key, message: str) -> bool:
        self.bad(key, message)
        return False

    def one_type(self, codes: list[LockedCode], key: json_places.Key) -> None:
        kinds = {isinstance(c.code, int) for c in codes}
        if len(kinds) > 1:
            self.bad(key, "codes of one source are all integers or all strings (a page has one code type)")

    def unique(self, codes: list[LockedCode], key: json_places.Key) -> None:
        """Two codes with one identifier: a merge kept both sides of the lock (issue 26)."""
        owner: dict[object, int] = {}
        for index, entry in enumerate(codes):
            for name in dict.fromkeys((("code", entry.code), *(("id", i) for i in (entry.identifier, *entry.aliases)))):
                first = owner.setdefault(name, index)
                if first == index:
                    continue
                other = codes[first].code
                what = f"code {entry.code!r} is listed twice" if name[0] == "code" else \
                    f"identifier {name[1]!r} is given to both code {other!r} and code {entry.code!r}"
                self.bad((*key, index), f"{what}; a merge kept both sides of {LOCK_NAME}: keep either side and "
                         "run `errgen generate`, or give one code another identifier with an `identifiers` "
                         "override in errgen.toml")

    def fetched(self, raw: Any, key: json_places.Key) -> Fetched | None:
        """What `errgen fetch` recorded of a source's last download: sent back in request
        headers, so each value must be a plain header value."""
        if not _SOURCE_ID.fullmatch(str(key[-1])):
            self.bad(key, f"source id {key[-1]!r} is not one errgen.toml can give")
            return None
        if not isinstance(raw, dict) or set(raw) - {"etag", "last_modified", "sha256", "charset"}:
            self.bad(key, 'each entry of "fetched" must be an object of etag, last_modified, sha256 '
                             "and charset")
            return None
        sha256 = raw.get("sha256")
        if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
            self.bad((*key, "sha256"), '"sha256" must be the sha256 digest of the page fetched')
            return None
        values = {name: raw.get(name) for name in ("etag", "last_modified", "charset")}
        for name, value in values.items():
            if value is not None and not (isinstance(value, str) and _HEADER_VALUE.fullmatch(value)):
                self.bad((*key, name), f'"{name}" must be null or a header value (printable ASCII, '
                                 "at most 1024 characters)")
                return None
        return Fetched(sha256, values["etag"], values["last_modified"], values["charset"])

    def classes(self, raw: dict[str, Any], key: json_places.Key, owner: str) -> dict[str, str]:
        """`classes` (category id -> class) or `groups` (group name -> class); absent: none yet."""
        found: dict[str, str] = {}
        for name, value in self.object(raw, key).items():
            if owner == "category" and not _CATEGORY_ID.fullmatch(name):
                self.bad((*key, name), f"{name!r} is not a category id")
            elif owner == "group" and not is_class_name(name):
                self.bad((*key, name), f"{name!r} is not a group name errgen.toml can give (CamelCase)")
            elif self.class_name(value, (*key, name)):
                found[name] = value
        return found

    def class_name(self, value: Any, key: json_places.Key) -> bool:
        from ..targets.reserved import (
            is_reserved_class_name,  # the targets' runtimes: only when a lock is read
        )

        if isinstance(value, str) and is_class_name(value) and not keyword.iskeyword(value) \
                and not is_reserved_class_name(value):
            return True
        return self.fail(key, f"class name {value!r} must be CamelCase (A-Z, a-z, 0-9), not a keyword and not a "
                         "name the generated modules' runtimes declare or use")

    def one_owner_per_class(self, key: json_places.Key, codes: list[tuple[int, LockedCode]],
                            classes: Mapping[str, str], groups: Mapping[str, str]) -> None:
        """One class name, one class of the module: codes first, then categories, then groups;
        the later owner is the error, at its place. `codes`: (index in the file, entry)."""
        owners = [(entry.class_name, (*key, "codes", i, "class"), f"code {entry.code!r}")
                  for i, entry in codes if entry.class_name]
        owners += [(name, (*key, "classes", category), f"category {category!r}") for category, name in classes.items()]
        owners += [(name, (*key, "groups", group), f"group {group!r}") for group, name in groups.items()]
        first: dict[str, str] = {}
        for name, place, owner in owners:
            if name in first:
                self.bad(place, f"class name {name!r} is given to both {first[name]} and {owner}; a class name "
                         f"belongs to one class: keep either side of {LOCK_NAME} after a merge, then run "
                         "`errgen generate`")
            else:
                first[name] = owner


def _fetched_entry(entry: Fetched) -> dict[str, Any]:
    found = {"etag": entry.etag, "last_modified": entry.last_modified, "sha256": entry.sha256}
    return {**found, "charset": entry.charset} if entry.charset else found




def _source_entry(locked: SourceLock) -> dict[str, Any]:
    found: dict[str, Any] = {"codes": [_code_entry(entry) for entry in locked.codes], "classes": dict(locked.classes)}
    if locked.groups:  # absent while no [[groups]] entry has codes on the page
        found["groups"] = dict(locked.groups)
    return found


def _code_entry(entry: LockedCode) -> dict[str, Any]:
    found: dict[str, Any] = {"code": entry.code, "identifier": entry.identifier, "name": entry.name,
                             "category": entry.category}
    if entry.class_name:
        found["class"] = entry.class_name
    if entry.aliases:
        found["aliases"] = list(entry.aliases)
    if entry.retired:
        found["retired"] = True
    return found


def is_project_path(path: str) -> bool:
    """A relative POSIX path that stays below the folder it is relative to."""
    pure = PurePosixPath(path)
    return bool(path) and not pure.is_absolute() and ".." not in pure.parts and "\\" not in path


def _invalid(display_path: str, why: str, line: int = 1, column: int = 1) -> ErrgenError:
    return error(display_path, "lock", f"{LOCK_NAME} is not a lock errgen wrote ({why}); after a merge "
                 "conflict keep either side, then run `errgen generate`", line, column)
