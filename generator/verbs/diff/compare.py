"""Two projections of a page compared by code number: a code is added, removed,
renamed (published name changed), moved (identifier, category or class changed) or
changed (its set of message templates changed)."""

from __future__ import annotations

from dataclasses import dataclass

from ...diagnostics import one_line
from .views import CodeView, MessageView, PageView


@dataclass(frozen=True)
class Change:
    """One code in both versions whose name or templates differ."""

    old: CodeView
    new: CodeView
    messages_added: tuple[MessageView, ...]  # places in the new version
    messages_removed: tuple[MessageView, ...]  # places in the old version

    @property
    def renamed(self) -> bool:
        return self.old.name != self.new.name

    @property
    def moved(self) -> bool:
        """The published name stayed, but the identifier, the category id or the class would
        change: code written against the old module (`except spot.BadSymbol:`) names
        something else or nothing."""
        return not self.renamed and (self.old.identifier != self.new.identifier
                                     or self.old.category != self.new.category or self.reclassed)

    @property
    def reclassed(self) -> bool:
        """The code's class would have another name (known on both sides: a lock of
        before records none)."""
        return bool(self.old.class_name and self.new.class_name) and self.old.class_name != self.new.class_name


@dataclass(frozen=True)
class PageDiff:
    old_path: str
    new_path: str
    added: tuple[CodeView, ...]  # new document order
    removed: tuple[CodeView, ...]  # old document order
    renamed: tuple[Change, ...]  # new document order, as are `changed` and `moved`
    changed: tuple[Change, ...]
    moved: tuple[Change, ...] = ()

    @property
    def breaking(self) -> bool:
        """Code written against the old page may stop compiling or stop matching."""
        return bool(self.removed or self.renamed or self.moved)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.renamed or self.changed or self.moved)

    def named(self, limit: int = 10) -> str:
        """The first `limit` of `phrases`, on one line."""
        phrases = self.phrases()
        shown = "; ".join(phrases[:limit])
        return shown + (f"; and {len(phrases) - limit} more" if len(phrases) > limit else "")

    def phrases(self) -> list[str]:
        """Each code that changed, by code and name: `-1121 BAD_SYMBOL changed its messages`."""
        phrases = [f"{named(c)} was removed" for c in self.removed]
        phrases += [f"{c.new.code} {c.old.name or c.old.identifier} was renamed to {c.new.name or c.new.identifier}"
                    for c in self.renamed]
        phrases += [f"{named(c.new)} {moved(c)}" for c in self.moved]
        phrases += [f"{named(c.new)} changed its messages" for c in self.changed]
        phrases += [f"{named(c)} was added" for c in self.added]
        return phrases

    def counts(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.removed)} removed, "
            f"{len(self.renamed)} renamed, {len(self.changed)} changed"
        ) + (f", {len(self.moved)} with another identifier, category or class" if self.moved else "")


def diff_pages(old: PageView, new: PageView) -> PageDiff:
    before = {code.code: code for code in old.codes}
    after = {code.code: code for code in new.codes}
    messages = old.with_messages and new.with_messages
    changes = [_change(before[code.code], code, messages) for code in new.codes if code.code in before]
    return PageDiff(
        old_path=old.path,
        new_path=new.path,
        added=tuple(code for code in new.codes if code.code not in before),
        removed=tuple(code for code in old.codes if code.code not in after),
        renamed=tuple(change for change in changes if change.renamed),
        changed=tuple(change for change in changes if change.messages_added or change.messages_removed),
        moved=tuple(change for change in changes if change.moved),
    )


def _change(old: CodeView, new: CodeView, messages: bool = True) -> Change:
    # A set comparison: moving a message within its list changes no template.
    if not messages:
        return Change(old, new, (), ())
    old_texts, new_texts = old.texts(), new.texts()
    return Change(
        old,
        new,
        tuple(m for m in new.messages if m.text not in old_texts),
        tuple(m for m in old.messages if m.text not in new_texts),
    )


def named(code: CodeView) -> str:
    """`-1121 BAD_SYMBOL`: a code by number and name, on one line."""
    return f"{code.code} {one_line(code.name or code.identifier)}"


def moved(change: Change) -> str:
    """What moved, in the past tense: `had identifier FOO, now FOO_1001`."""
    old, new = change.old, change.new
    parts = []
    if old.identifier != new.identifier:
        parts.append(f"had identifier {old.identifier}, now {new.identifier}")
    if old.category != new.category:
        parts.append(f"was in category {quote(str(old.category))}, now in {quote(str(new.category))}")
    if change.reclassed:
        parts.append(reclassed(change))
    return " and ".join(parts)


def reclassed(change: Change) -> str:
    """`had class BadSymbol, now InvalidSymbol`: what `except` clauses written against the old class meet."""
    return f"had class {change.old.class_name}, now {change.new.class_name}"


def quote(text: str) -> str:
    """`"text"` on one line: quotes and backslashes escaped, control characters spelled out."""
    return '"' + one_line(text.replace("\\", "\\\\").replace('"', '\\"')) + '"'
