"""Class names and the class hierarchy of the generated modules, decided once for every target.

Every code has a class (`BAD_SYMBOL` -> `BadSymbol`) under its category's class
(or `ApiError` when it stands under no heading) and the classes of the
`[[groups]]` errgen.toml puts it in. No two classes of a module share a name,
and none takes a name a target's runtime declares or uses (`reserved_names`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import count

from ..diagnostics import Diagnostic
from ..model import Category, Code, ErrorCode, ErrorPage, Group
from .stable import SourceLock
from .subcodes import subcodes_of

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..config.project import GroupConfig

def reserved_names() -> frozenset[str]:
    """What no class may be called: every registered target's runtime declares or uses it
    (targets/<language>/reserved.py read it from the runtime source)."""
    from ..targets.reserved import (
        reserved_class_names,  # the targets' business, asked when naming starts
    )

    return reserved_class_names()


def class_name_for(identifier: str) -> str:
    """The class of a code: `BAD_SYMBOL` -> `BadSymbol`, `E1121` -> `E1121`."""
    if "_" not in identifier:  # one word: a code's fallback (`E50000`), `UNKNOWN`
        return identifier[:1] + identifier[1:].lower()
    return "".join([part[:1] + part[1:].lower() for part in identifier.split("_") if part])


_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])['’](?=[A-Za-z])")
MESSAGE_CLASS_WORDS = 6


def message_words(literals: Sequence[str]) -> str:
    """The words of a message an unnamed code's class is named from: `literals`, the
    text between its placeholders, without the words glued to a placeholder.

    A word glued to a placeholder is part of the value the server fills in, not a
    word of the message: a unit (`%sx` for 20x, `{param1}x`, `{x}ms`), a currency
    (`%sUSDT`), a prefix (`P{param0}`, `limit%s`). Kept, it splits a value into a
    name like `LimitIsX` or `MinimumUsdt`; dropping the fragment with its
    placeholder keeps the message's own words, and a sentence never depends on the
    glued one. (Keeping such a word whole instead would keep `USDT` and `x` as
    words: worse.) Words next to a placeholder across a space or punctuation stay.
    """
    last = len(literals) - 1
    kept = []
    for index, literal in enumerate(literals):
        text = _APOSTROPHE.sub("", literal)
        kept += [word.group() for word in _ASCII_WORD.finditer(text)
                 if not (index > 0 and word.start() == 0 or index < last and word.end() == len(text))]
    return " ".join(kept)


def message_class_name(text: str) -> str:
    """The class of an unnamed code from its first message or description
    (placeholders already left out): `Insufficient balance.` -> `InsufficientBalance`,
    at most MESSAGE_CLASS_WORDS words; "" when no word starts with a letter."""
    words = _ASCII_WORD.findall(_APOSTROPHE.sub("", text))[:MESSAGE_CLASS_WORDS]
    name = "".join(word[:1].upper() + word[1:].lower() for word in words)
    return name if name[:1].isalpha() else ""


def category_class_name(title: str) -> str:
    """The class of a category heading: `11xx - Request issues` -> `RequestIssues`.

    Words holding a digit (the code ranges) are left out; "" when nothing is
    left (a heading in another script), for the caller to fall back on.
    """
    words = [word for word in _ASCII_WORD.findall(title) if not any(ch.isdigit() for ch in word)]
    return "".join(word[:1].upper() + word[1:] for word in words)


def is_class_name(name: str) -> bool:
    """What a `[[groups]]` name in errgen.toml must look like: a CamelCase identifier."""
    return re.fullmatch(r"[A-Z][A-Za-z0-9]*", name) is not None


@dataclass(frozen=True)
class ClassRow:
    """One generated class, in the order a module declares them (bases first)."""

    name: str
    base: str  # the class it extends: ApiError, or a category's class
    groups: tuple[str, ...]  # group classes it also inherits (Python) or answers instanceof for (TypeScript)
    error: ErrorCode | None  # the code it stands for; None for a category's or a group's class
    title: str  # what its docstring says
    retryable: bool
    outcome: str | None = None  # its group's `outcome` ("unknown"), else None

    @property
    def bases(self) -> tuple[str, ...]:
        return (self.base, *self.groups)


class ClassNamer:
    """Hands out one page's class names, in the order its module declares them:
    the groups' first (at creation), then each code's, then each category's.

    errgen.lock comes first (`locked`): a code, category or group it names keeps
    that class, and no other class takes a name it holds; one that would gets
    another name and a warning at its place (`diagnostics`). `assemble` names
    each code as it builds it, so a page's codes are built once; `assign` names
    a page built without names. A translated page (`base`) takes its class names
    from its base page by code, so both modules name their classes alike.
    """

    def __init__(self, source_id: str, codes: Iterable[Code], groups: Sequence[GroupConfig] = (),
                 base: ErrorPage | None = None, code_classes: Iterable[str] = (),
                 locked: SourceLock | None = None, path: str = "", config_path: str = "errgen.toml") -> None:
        locked = locked or SourceLock()
        self.path = path  # the page's, where a code's or a category's warning points
        self.diagnostics: list[Diagnostic] = []
        self.owners = locked.class_owners()  # every name the lock holds, free or not
        self.taken = set(reserved_names()) | set(self.owners)
        self._codes = {entry.code: entry.class_name for entry in locked.codes if entry.class_name}
        self._categories = dict(locked.classes)
        self.base = base
        self._base_classes = {} if base is None else {e.code: e.class_name for e in base.errors if e.class_name}
        listed = set(codes)
        # A group yields to a code's class: adding `[[groups]] name = "BadSymbol"`
        # must not rename -1121's class (`except BadSymbol` would catch the group).
        wanted_by_codes = set(code_classes)
        own_groups = []
        for group in groups:
            in_page = tuple(code for code in group.codes.get(source_id, ()) if code in listed)
            if not in_page:
                continue
            name = locked.groups.get(group.name) or _unique(group.name, "Group", self.taken | wanted_by_codes)
            self.taken.add(name)
            if name != group.name and group.name not in locked.groups:
                self.diagnostics.append(Diagnostic(
                    config_path, *group.places.get(source_id, (1, 1)), "warning",
                    f"group {group.name!r}: {group.name} is {self._held_by(group.name, source_id)}; "
                    f"the group's class there is {name}", "class-name-taken"))
            own_groups.append(Group(name, group.retryable, in_page, group.outcome, group.name))
        self.groups = tuple(own_groups)

    def code(self, code: Code, identifier: str, hint: str = "",
             place: tuple[int, int] | None = None) -> tuple[str, tuple[str, ...]]:
        """The class of a code and the groups it is in; `hint`: the text to name it
        from (`class_names = "message"`), else its identifier; `place`: its line and
        column, where a warning points (None: a retired code, on no page)."""
        name = self._codes.get(code)
        if name is None:
            wanted = self._base_classes.get(code) or (message_class_name(hint) if hint else "") \
                or class_name_for(identifier)
            name = self._give(wanted, "Error", place, code)
        return name, tuple(group.name for group in self.groups if code in group.codes) if self.groups else ()

    def category(self, category: Category, page: ErrorPage) -> Category:
        """A category with its class; `page`: its codes, named already or not."""
        if category.id in self._categories:  # errgen.lock's, whatever the heading says now
            return replace(category, class_name=self._categories[category.id])
        name = category.class_name or category_class_name(category.title)
        if self.base is not None:  # the base page's class of the category its first code is under
            by_code = {error.code: error.category for error in self.base.errors}
            base_names = {c.id: c.class_name for c in self.base.categories}
            first = next((by_code.get(e.code) for e in page.errors if e.category == category.id), None)
            name = base_names.get(first or "", "") or name
        if not name:  # a heading in another script: its code range, if any
            name = "Category" + "".join(word.capitalize() for word in category.id.split("_") if word.isascii())
        return replace(category, class_name=self._give(name, "Errors", (category.line, 1)))

    def finish(self, page: ErrorPage) -> ErrorPage:
        """`page`, whose codes are named, with its categories and groups named too."""
        categories = tuple(self.category(category, page) for category in page.categories)
        return replace(page, categories=categories, groups=self.groups)

    def _give(self, wanted: str, suffix: str, place: tuple[int, int] | None, code: Code | None = None) -> str:
        """`wanted`, or another name when it is taken; a warning at `place` when errgen.lock
        holds it (the page's own clashes and the runtimes' names are renamed quietly, as before)."""
        name = _unique(wanted, suffix, self.taken, code)
        if name != wanted and wanted in self.owners and place is not None:
            self.diagnostics.append(Diagnostic(
                self.path, *place, "warning", f"class {wanted} belongs to {self.owners[wanted]} (errgen.lock): a "
                f"class name never moves to another class; {name} used here", "class-name-taken"))
        return name

    def _held_by(self, name: str, source_id: str) -> str:
        """Who holds a name a group wanted, as its warning says it."""
        if name in self.owners:
            return (f"the class of {self.owners[name]} of source {source_id!r} in errgen.lock, and a class name "
                    "never moves to another class")
        if name in reserved_names():
            return "a name the generated modules' runtimes declare or use"
        return f"the class of a code of source {source_id!r}"


def assign(page: ErrorPage, groups: Sequence[GroupConfig] = (), base: ErrorPage | None = None) -> ErrorPage:
    """`page` with every class name and the groups that have codes on it filled in."""
    namer = ClassNamer(page.source.id, (error.code for error in page.errors), groups, base)
    errors = tuple(error.with_classes(*namer.code(error.code, error.identifier)) for error in page.errors)
    return namer.finish(replace(page, errors=errors))


def assigned(page: ErrorPage) -> ErrorPage:
    """`page` as `assign` leaves it (without groups) unless that is done already:
    what a target renders from, whoever built the page."""
    done = all(error.class_name for error in page.errors) and all(c.class_name for c in page.categories)
    return page if done else assign(page)


def hierarchy(page: ErrorPage) -> list[ClassRow]:
    """Groups, then categories, then codes (the parents of sub-codes first): each
    after the classes it extends. A sub-code's class extends its parent's."""
    classes = {category.id: category.class_name for category in page.categories}
    retryable = {group.name for group in page.groups if group.retryable}
    outcomes = {group.name: group.outcome for group in page.groups if group.outcome is not None}
    rows = [ClassRow(group.name, "ApiError", (), None, f"Group {group.config_name or group.name} of errgen.toml",
                     group.retryable, group.outcome) for group in page.groups]
    rows += [ClassRow(category.class_name, "ApiError", (), None, category.title, False)
             for category in page.categories]
    subcodes = subcodes_of(page)
    parents = {sub: parent for parent, subs in subcodes.items() for sub in subs}
    class_of = {error.code: error.class_name for error in page.errors}
    for error in sorted(page.errors, key=lambda error: error.code not in subcodes):  # stable: page order kept
        if error.code in parents:
            base = class_of[parents[error.code]]
        else:
            base = classes[error.category] if error.category is not None else "ApiError"
        in_retryable = any(group in retryable for group in error.groups)
        outcome = next((outcomes[group] for group in error.groups if group in outcomes), None)
        rows.append(ClassRow(error.class_name, base, error.groups, error, f"{error.code} {error.name}", in_retryable,
                             outcome))
    return rows


def _unique(name: str, suffix: str, taken: set[str], code: Code | None = None) -> str:
    """`name`, else `name + suffix`, else that with the code or a number appended; then taken."""
    if name not in taken:  # nearly every name: no generator to start
        taken.add(name)
        return name
    chosen = next(candidate for candidate in _candidates(name, suffix, code) if candidate not in taken)
    taken.add(chosen)
    return chosen


def _candidates(name: str, suffix: str, code: Code | None) -> Iterator[str]:
    yield name
    yield name + suffix
    if code is not None:
        yield name + "".join(ch for ch in str(code) if ch.isalnum())
    yield from (f"{name}{suffix}{n}" for n in count(2))
