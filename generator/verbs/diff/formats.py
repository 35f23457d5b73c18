"""A page diff as text, GitHub annotations, JSON (DESIGN.md's shape) and a
Markdown changelog section."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ...diagnostics import Diagnostic, Severity, one_line
from .compare import Change, PageDiff, moved, quote, reclassed
from .views import CodeView, MessageView

_BACKTICKS = re.compile("`+")


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
    return "".join(line + "\n" for line in [*lines, summary(diff)])


# Removed and renamed codes break SDK code written against the old page.
_SEVERITY: Mapping[str, Severity] = {"code-removed": "error", "code-renamed": "error", "code-moved": "error"}


def format_github(diff: PageDiff) -> str:
    """GitHub Actions annotations: breaking changes as errors, the others as notices."""
    lines = [
        Diagnostic(f.path, f.where.line, f.where.column, _SEVERITY.get(f.rule, "notice"), f.message, f.rule)
        .format_github()
        for f in findings(diff)
    ]
    return "".join(line + "\n" for line in [*lines, summary(diff)])


def summary(diff: PageDiff) -> str:
    """The last line of the text form: what changed in codes, in one line (fetch prints it too)."""
    summary = "no change in error codes" if diff.is_empty else f"{diff.counts()}: {diff.named()}"
    return f"errgen: {summary}{'; breaking' if diff.breaking else ''}"


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
        ) + (f"; {reclassed(change)}" if change.reclassed else "")
        lines.append(Finding(diff.new_path, new,
                             f"code {new.code} {quote(old.name)} was renamed to {quote(new.name)}; {identifier} "
                             f"(was at {_place(diff.old_path, old)})", "code-renamed"))
    lines += [Finding(diff.new_path, c.new, f"code {c.new.code} {quote(c.new.name)} {moved(c)} "
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
                     "identifier": c.new.identifier, **_classes_json(c)} for c in diff.renamed],
        "changed": [{"code": c.new.code, "name": c.new.name, "identifier": c.new.identifier,
                     "messages_added": [m.text for m in c.messages_added],
                     "messages_removed": [m.text for m in c.messages_removed]} for c in diff.changed],
        "moved": [{"code": c.new.code, "name": c.new.name, "old_identifier": c.old.identifier,
                   "identifier": c.new.identifier, "old_category": c.old.category, "category": c.new.category,
                   **_classes_json(c)} for c in diff.moved],
        "breaking": diff.breaking,
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _classes_json(change: Change) -> dict[str, str]:
    """`old_class` and `class`, when both sides record the class (a lock of before does not)."""
    if not (change.old.class_name and change.new.class_name):
        return {}
    return {"old_class": change.old.class_name, "class": change.new.class_name}


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
            f"{code_span(c.new.name)})" + (f"; class {code_span(c.old.class_name)} is now "
                                           f"{code_span(c.new.class_name)}." if c.reclassed else ".")
            for c in diff.renamed
        ]
        out += [f"- {_member(c.old)}: {code_span(moved(c))}." for c in diff.moved]
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
    return f"{fence}{pad}{one_line(text)}{pad}{fence}"


def _place(path: str, where: CodeView | MessageView) -> str:
    return f"{path}:{where.line}:{where.column}"
