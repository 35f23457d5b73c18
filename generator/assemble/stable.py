"""Names that never move: what errgen.lock remembers of each source, and the rules it keeps.

DESIGN.md: an identifier, once generated, keeps its code and is never given to
another code; a code that leaves the page stays, deprecated, until
`generate --prune`; a code whose published name changes takes the new name's
identifier and keeps the old one as a deprecated alias; a category keeps its
id when its heading is reworded. Class names are kept alike: every class
(a code's, a category's, a group's) keeps the name the lock gave it, and no
name the lock holds is given to another class, even after its owner left the
page or errgen.toml, until `--prune`. `assemble` asks `Pins` before it names a
code; `remember` is what the lock records after a run.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Category, Code, ErrorCode, ErrorPage


@dataclass(frozen=True)
class LockedCode:
    """One code of a source as errgen.lock records it."""

    code: Code
    identifier: str
    name: str  # the published name it had
    category: str | None  # category id
    aliases: tuple[str, ...] = ()  # earlier identifiers, deprecated
    retired: bool = False  # no longer on the page: kept, deprecated, until --prune (the JSON says the same)
    class_name: str = ""  # its class; "" in a lock from before code classes were recorded


@dataclass(frozen=True)
class SourceLock:
    codes: tuple[LockedCode, ...] = ()  # page order, then the codes gone from the page
    classes: Mapping[str, str] = field(default_factory=dict)  # category id -> the class it was given
    groups: Mapping[str, str] = field(default_factory=dict)  # errgen.toml group name -> its class in this module

    def by_code(self) -> dict[Code, LockedCode]:
        return {entry.code: entry for entry in self.codes}

    def class_owners(self) -> dict[str, str]:
        """Every class name the lock holds -> who it belongs to, as a warning names it."""
        owners = {entry.class_name: f"code {entry.code}" for entry in self.codes if entry.class_name}
        owners.update((name, f"category {category!r}") for category, name in self.classes.items())
        owners.update((name, f"group {group!r}") for group, name in self.groups.items())
        return owners


@dataclass(frozen=True)
class Pins:
    """What the lock fixes before a page's codes are named."""

    kept: Mapping[Code, str]  # code -> the identifier it keeps (its published name is unchanged)
    owner: Mapping[str, Code]  # every identifier and alias ever given -> its code

    def taken_by_other(self, identifier: str, code: Code) -> Code | None:
        """The code `identifier` was given to, when that is another code."""
        owner = self.owner.get(identifier)
        return None if owner is None or owner == code else owner


NO_PINS = Pins({}, {})


def pins(lock: SourceLock | None, names: Mapping[Code, str]) -> Pins:
    """`names`: the page's codes and their published names, as read now."""
    if lock is None:
        return NO_PINS
    kept: dict[Code, str] = {}
    owner: dict[str, Code] = {}
    for entry in lock.codes:
        for identifier in (entry.identifier, *entry.aliases):
            owner.setdefault(identifier, entry.code)
        if names.get(entry.code) == entry.name:
            kept[entry.code] = entry.identifier
    return Pins(kept, owner)


def aliases(entry: LockedCode | None, identifier: str) -> tuple[str, ...]:
    """The deprecated identifiers a code keeps beside `identifier`: every one the lock
    gave it before, oldest first (a renamed code's last identifier among them)."""
    if entry is None:
        return ()
    return tuple(dict.fromkeys(a for a in (*entry.aliases, entry.identifier) if a != identifier))


def stable_categories(lock: SourceLock | None, categories: Sequence[Category],
                      codes: Mapping[str, Sequence[Code]]) -> dict[str, str]:
    """Category id as read -> the id it keeps. `codes`: each category's codes.

    A category keeps the id the lock gave the category of its first code the lock
    knows, unless an earlier category claimed it first: a reworded heading over
    the same codes keeps its id; a new heading gets the id its title gives (made
    unique against every id the lock still holds)."""
    was = {} if lock is None else {entry.code: entry.category for entry in lock.codes}
    wanted = {c.id: next((was[code] for code in codes.get(c.id, ()) if was.get(code)), None) for c in categories}
    reserved = {cid for cid in wanted.values() if cid is not None}
    mapping: dict[str, str] = {}
    claimed: set[str] = set()
    for category in categories:
        kept = wanted[category.id]
        if kept is not None and kept not in claimed:
            new = kept
        else:
            new, n = category.id, 1
            while new in claimed or new in reserved:
                n += 1
                new = f"{category.id}_{n}"
        claimed.add(new)
        mapping[category.id] = new
    return mapping


def retired_entries(lock: SourceLock | None, present: Collection[Code]) -> tuple[LockedCode, ...]:
    """The codes the lock has that the page no longer lists, in the lock's order."""
    return () if lock is None else tuple(entry for entry in lock.codes if entry.code not in present)


def retired_codes(gone: Iterable[LockedCode], categories: Iterable[Category]) -> tuple[ErrorCode, ...]:
    """Codes gone from the page (`retired_entries`): deprecated members, kept because
    servers still send them, after the page's own codes; `categories`: the page's."""
    ids = {category.id for category in categories}
    return tuple(
        ErrorCode(code=e.code, name=e.name, identifier=e.identifier,
                  category=e.category if e.category in ids else None, messages=(), description="",
                  line=1, column=1, deprecated=True, aliases=e.aliases, retired=True)
        for e in gone
    )


def remember(page: ErrorPage, previous: SourceLock | None = None, prune: bool = False) -> SourceLock:
    """What the lock records of a page as generated: every member, those gone from the page
    marked. `previous`: the lock the run read; the class names of its categories and groups
    that have left the page stay recorded (nobody else may take them) unless `prune`."""
    classes = {category.id: category.class_name for category in page.categories if category.class_name}
    groups = {group.config_name or group.name: group.name for group in page.groups}
    if previous is not None and not prune:
        used = {*classes.values(), *groups.values(), *(e.class_name for e in page.errors)}
        classes = {**{k: v for k, v in previous.classes.items() if k not in classes and v not in used}, **classes}
        groups = {**{k: v for k, v in previous.groups.items() if k not in groups and v not in used}, **groups}
    return SourceLock(
        tuple(LockedCode(e.code, e.identifier, e.name, e.category, e.aliases, e.retired, e.class_name)
              for e in page.errors),
        dict(sorted(classes.items())),
        dict(sorted(groups.items())),
    )
