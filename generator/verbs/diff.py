"""What changed between two versions of a page, for the people whose code uses it.

Both versions are reduced to a small projection (`PageView`) that can be built
from a parsed page or from a JSON document `errgen generate` wrote earlier
(document.py), so
`check` can say what changed in the docs since output/ was committed. Codes
are matched by number: a code is added, removed, renamed (published name
changed) or changed (its set of message templates changed). A code's templates
are its own messages plus the rows of the message tables linked to it: both are
what `match(text, code)` tries.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..assemble.stable import SourceLock
from ..diagnostics import Diagnostic, Severity
from ..model import Code, ErrorPage

_BACKTICKS = re.compile("`+")


@dataclass(frozen=True)
class MessageView:
    text: str
    line: int
    column: int


@dataclass(frozen=True)
class CodeView:
    code: Code
    name: str
    identifier: str
    messages: tuple[MessageView, ...]
    line: int
    column: int
    category: str | None = None  # category id

    def texts(self) -> set[str]:
        return {message.text for message in self.messages}


@dataclass(frozen=True)
class PageView:
    path: str
    codes: tuple[CodeView, ...]  # document order, one per code
    with_messages: bool = True  # False: a projection that records no messages (errgen.lock's)


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
        """The published name stayed, but the identifier or the category id would change:
        code written against the old module names something else or nothing."""
        return not self.renamed and (self.old.identifier != self.new.identifier
                                     or self.old.category != self.new.category)


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
        phrases = [f"{_named(c)} was removed" for c in self.removed]
        phrases += [f"{c.new.code} {c.old.name or c.old.identifier} was renamed to {c.new.name or c.new.identifier}"
                    for c in self.renamed]
        phrases += [f"{_named(c.new)} {_moved(c)}" for c in self.moved]
        phrases += [f"{_named(c.new)} changed its messages" for c in self.changed]
        phrases += [f"{_named(c)} was added" for c in self.added]
        return phrases

    def counts(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.removed)} removed, "
            f"{len(self.renamed)} renamed, {len(self.changed)} changed"
        ) + (f", {len(self.moved)} with another identifier or category" if self.moved else "")


# -- projections ------------------------------------------------------------


def view_of_page(page: ErrorPage) -> PageView:
    tables: dict[Code, list[MessageView]] = {}
    for table in page.message_tables:
        for code in table.codes:
            tables.setdefault(code, []).extend(
                MessageView(row.message.text, row.message.line, row.message.column) for row in table.rows
            )
    codes = tuple(
        CodeView(
            error.code,
            error.name,
            error.identifier,
            unique_messages([MessageView(m.text, m.line, m.column) for m in error.messages] + tables.get(error.code, [])),
            error.line,
            error.column,
            error.category,
        )
        for error in page.errors
        if not error.retired  # kept by errgen.lock, gone from the page: removed, as far as the docs go
    )
    return PageView(page.source.path, codes)


def view_of_lock(locked: SourceLock, path: str) -> PageView:
    """The projection of what errgen.lock records of a source: codes, names, identifiers
    and categories, no messages and no places (each code at line 1)."""
    codes = tuple(CodeView(e.code, e.name, e.identifier, (), 1, 1, e.category) for e in locked.codes if not e.gone)
    return PageView(path, codes, with_messages=False)


def unique_messages(messages: Iterable[MessageView]) -> tuple[MessageView, ...]:
    """First place of each text: a table row may repeat a code's own message."""
    seen: dict[str, MessageView] = {}
    for message in messages:
        seen.setdefault(message.text, message)
    return tuple(seen.values())


# -- comparison -------------------------------------------------------------


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


# -- formats ----------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One line of the text format, one annotation of the GitHub format."""

    path: str
    where: CodeView | MessageView
    message: str
    rule: str


def format_text(diff: PageDiff) -> str:
    """Compiler-style lines, breaking changes first, then a summary line."""
    lines = [f"{_place(f.path, f.where)}: {f.message} [{f.rule}]" for f in findings(diff)]
    return "".join(line + "\n" for line in [*lines, _summary(diff)])


# Removed and renamed codes break SDK code written against the old page.
_SEVERITY: Mapping[str, Severity] = {"code-removed": "error", "code-renamed": "error", "code-moved": "error"}


def format_github(diff: PageDiff) -> str:
    """GitHub Actions annotations: breaking changes as errors, the others as notices."""
    lines = [
        Diagnostic(f.path, f.where.line, f.where.column, _SEVERITY.get(f.rule, "notice"), f.message, f.rule)
        .format_github()
        for f in findings(diff)
    ]
    return "".join(line + "\n" for line in [*lines, _summary(diff)])


def _summary(diff: PageDiff) -> str:
    summary = "no change in error codes" if diff.is_empty else f"{diff.counts()}: {diff.named()}"
    return f"errgen: {summary}{'; breaking' if diff.breaking else ''}"


def _named(code: CodeView) -> str:
    return f"{code.code} {_one_line(code.name or code.identifier)}"


def findings(diff: PageDiff) -> list[Finding]:
    """Every change at its place, breaking ones first."""
    lines = [
        Finding(diff.old_path, code, f"code {code.code} {quote(code.name)} was removed", "code-removed")
        for code in diff.removed
    ]
    for change in diff.renamed:
        old, new = change.old, change.new
        identifier = (
            f"identifier {old.identifier} is now {new.identifier}"
            if old.identifier != new.identifier
            else f"identifier {new.identifier} unchanged"
        )
        lines.append(Finding(diff.new_path, new,
                             f"code {new.code} {quote(old.name)} was renamed to {quote(new.name)}; {identifier} "
                             f"(was at {_place(diff.old_path, old)})", "code-renamed"))
    lines += [Finding(diff.new_path, c.new, f"code {c.new.code} {quote(c.new.name)} {_moved(c)} "
                                            f"(was at {_place(diff.old_path, c.old)})", "code-moved")
              for c in diff.moved]
    for change in diff.changed:
        lines += _changed_lines(diff, change)
    lines += [
        Finding(diff.new_path, code, f"code {code.code} {quote(code.name)} was added", "code-added")
        for code in diff.added
    ]
    return lines


def _changed_lines(diff: PageDiff, change: Change) -> list[Finding]:
    new = change.new
    head = Finding(
        diff.new_path, new,
        f"code {new.code} {quote(new.name)} changed its messages: {len(change.messages_added)} added, "
        f"{len(change.messages_removed)} removed (was at {_place(diff.old_path, change.old)})",
        "code-changed",
    )
    removed = [
        Finding(diff.old_path, m, f"message {quote(m.text)} was removed from code {new.code}", "message-removed")
        for m in change.messages_removed
    ]
    added = [
        Finding(diff.new_path, m, f"message {quote(m.text)} was added to code {new.code}", "message-added")
        for m in change.messages_added
    ]
    return [head, *removed, *added]


def format_json(diff: PageDiff) -> str:
    """DESIGN.md's shape: codes in document order, keys sorted."""
    document = {
        "added": [_code_json(code) for code in diff.added],
        "removed": [_code_json(code) for code in diff.removed],
        "renamed": [{"code": c.new.code, "old": c.old.name, "new": c.new.name, "old_identifier": c.old.identifier,
                     "identifier": c.new.identifier} for c in diff.renamed],
        "changed": [{"code": c.new.code, "name": c.new.name, "identifier": c.new.identifier,
                     "messages_added": [m.text for m in c.messages_added],
                     "messages_removed": [m.text for m in c.messages_removed]} for c in diff.changed],
        "moved": [{"code": c.new.code, "name": c.new.name, "old_identifier": c.old.identifier,
                   "identifier": c.new.identifier, "old_category": c.old.category, "category": c.new.category}
                  for c in diff.moved],
        "breaking": diff.breaking,
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _moved(change: Change) -> str:
    """What moved, in the past tense: `had identifier FOO, now FOO_1001`."""
    old, new = change.old, change.new
    parts = []
    if old.identifier != new.identifier:
        parts.append(f"had identifier {old.identifier}, now {new.identifier}")
    if old.category != new.category:
        parts.append(f"was in category {quote(str(old.category))}, now in {quote(str(new.category))}")
    return " and ".join(parts)


def _code_json(code: CodeView) -> dict[str, object]:
    return {"code": code.code, "name": code.name, "identifier": code.identifier,
            "messages": [m.text for m in code.messages]}


def format_markdown(diff: PageDiff) -> str:
    """A changelog section an SDK pastes into its release notes.

    Every name and message is a code span, so no text from a page is read as
    Markdown. Members are named by identifier: what SDK users write.
    """
    out = ["### Error codes", ""]
    if diff.is_empty:
        return "\n".join([*out, "No changes to error codes.", ""])
    out += [f"{diff.counts().capitalize()}.", ""]
    if diff.breaking:
        out += ["#### Breaking", ""]
        out += [f"- Removed {_member(code)}." for code in diff.removed]
        out += [
            f"- Renamed {code_span(str(c.new.code))}: {code_span(c.old.identifier)} is now "
            f"{code_span(c.new.identifier)} (published name {code_span(c.old.name)} is now "
            f"{code_span(c.new.name)})."
            for c in diff.renamed
        ]
        out += [f"- {_member(c.old)}: {code_span(_moved(c))}." for c in diff.moved]
        out.append("")
    if diff.added:
        out += ["#### Added", "", *(f"- {_member(code)}" for code in diff.added), ""]
    if diff.changed:
        out += ["#### Changed messages", ""]
        for change in diff.changed:
            out.append(f"- {_member(change.new)}")
            out += [f"  - removed: {code_span(m.text)}" for m in change.messages_removed]
            out += [f"  - added: {code_span(m.text)}" for m in change.messages_added]
        out.append("")
    return "\n".join(out)


def _member(code: CodeView) -> str:
    return f"{code_span(str(code.code))} {code_span(code.identifier)}"


def code_span(text: str) -> str:
    """`text` as a CommonMark code span, whatever backticks it holds."""
    fence = "`" * (max(map(len, _BACKTICKS.findall(text)), default=0) + 1)
    # A space keeps a leading or trailing backtick off the fence; CommonMark
    # strips one space from each side when both are there.
    edge = text[:1] + text[-1:]
    pad = " " if "`" in edge or edge == "  " or not text else ""
    return f"{fence}{pad}{_one_line(text)}{pad}{fence}"


def quote(text: str) -> str:
    """`"text"` on one line: quotes and backslashes escaped, control characters spelled out."""
    return '"' + _one_line(text.replace("\\", "\\\\").replace('"', '\\"')) + '"'


def _one_line(text: str) -> str:
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def _place(path: str, where: CodeView | MessageView) -> str:
    return f"{path}:{where.line}:{where.column}"


def read_view(path: Path, shown: str) -> PageView | None:
    """The diff projection of a committed document; None when it is missing or of another shape."""
    try:
        return view_of_document(json.loads(path.read_text(encoding="utf-8")), shown)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def view_of_document(document: Mapping[str, Any], path: str) -> PageView:
    """The projection of a JSON document (output/json/<id>.json).

    The document records no message positions: a message is placed at its
    code's line, a table row at its table's line. Raises KeyError, TypeError
    or ValueError on a document of another shape.
    """
    tables: dict[Code, list[MessageView]] = {}
    for table in document["message_tables"]:
        rows = [MessageView(str(row["message"]), int(table["line"]), 1) for row in table["rows"]]
        for code in table["codes"]:
            tables.setdefault(_code(code), []).extend(rows)
    codes = []
    for error in document["errors"]:
        if error.get("retired", False):
            continue  # kept by errgen.lock, not on the page
        code, line = _code(error["code"]), int(error["line"])
        own = [MessageView(str(message["text"]), line, 1) for message in error["messages"]]
        category = error.get("category")
        codes.append(CodeView(code, str(error["name"]), str(error["identifier"]),
                              unique_messages(own + tables.get(code, [])), line, 1,
                              None if category is None else str(category)))
    return PageView(path, tuple(codes))


def _code(value: object) -> Code:
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        return value
    raise TypeError(f"a code is an int or a str, not {value!r}")
