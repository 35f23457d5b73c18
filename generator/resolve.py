"""Page-wide rules on codes: repeated codes, and one identifier per code.

Both follow DESIGN.md. A repeated code with the same name is merged (warning);
with another name it is an error at both places. A published name given to two
codes keeps its identifier for the first and appends `_<abs(code)>` for later
ones (warning); two different names that give one identifier are an error at
both places that names the `errgen.toml` override.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from .diagnostics import Diagnostic
from .model import Message
from .names import fallback_identifier, identifier_for


@dataclass(slots=True)
class RawEntry:
    """A code as the walk finds it, before page-wide rules apply."""

    code: int
    name: str
    line: int
    column: int
    category: str | None
    messages: list[Message] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)

    def add_message(self, message: Message) -> None:
        if all(message.text != known.text for known in self.messages):
            self.messages.append(message)


def merge_duplicates(
    entries: Sequence[RawEntry], path: str, *, both_places: bool = False
) -> tuple[list[RawEntry], list[Diagnostic]]:
    """One entry per code. A repeat under the same name warns at the second place
    (DESIGN.md); `both_places` (lint) warns at the first too, so an editor shows
    the repeat from either end."""
    first: dict[int, RawEntry] = {}
    diagnostics: list[Diagnostic] = []
    for entry in entries:
        earlier = first.get(entry.code)
        if earlier is None:
            first[entry.code] = entry
        elif earlier.name == entry.name:
            for message in entry.messages:
                earlier.add_message(message)
            earlier.description += [d for d in entry.description if d not in earlier.description]
            earlier.links += entry.links
            diagnostics.append(
                Diagnostic(path, entry.line, entry.column, "warning",
                           f"code {entry.code} is listed again; messages merged (first at line {earlier.line})",
                           "duplicate-code"))
            if both_places:
                diagnostics.append(
                    Diagnostic(path, earlier.line, earlier.column, "warning",
                               f"code {entry.code} is listed again at line {entry.line}; messages merged here",
                               "duplicate-code"))
        else:
            for here, there in ((earlier, entry), (entry, earlier)):
                diagnostics.append(
                    Diagnostic(path, here.line, here.column, "error",
                               f'code {here.code} is named "{here.name}" here and "{there.name}" at line {there.line}',
                               "code-with-two-names")
                )
    return list(first.values()), diagnostics


def assign_identifiers(
    entries: Sequence[RawEntry],
    path: str,
    overrides: Mapping[int, str],
    base: Mapping[int, str] | None,
) -> tuple[dict[int, str], list[Diagnostic]]:
    """Identifier per code, unique in the page, in document order."""
    result: dict[int, str] = {}
    owner: dict[str, RawEntry] = {}
    diagnostics: list[Diagnostic] = []

    def warn(entry: RawEntry, message: str, rule: str) -> None:
        diagnostics.append(Diagnostic(path, entry.line, entry.column, "warning", message, rule))

    for entry in entries:
        ident = _wanted_identifier(entry, overrides, base, warn)
        earlier = owner.get(ident)
        if earlier is not None and earlier.name == entry.name:
            ident = f"{ident}_{abs(entry.code)}"
            warn(entry, f'name "{entry.name}" is also the name of code {earlier.code} (line {earlier.line}); '
                        f"identifier {ident} used here", "duplicate-name")
            earlier = owner.get(ident)
        if earlier is not None:
            for here, there in ((earlier, entry), (entry, earlier)):
                diagnostics.append(
                    Diagnostic(path, here.line, here.column, "error",
                               f'names "{here.name}" (code {here.code}) and "{there.name}" (code {there.code}, '
                               f"line {there.line}) both give identifier {ident}; set one in errgen.toml under "
                               f'the source: identifiers = {{ "{entry.code}" = "{ident}_{abs(entry.code)}" }}',
                               "identifier-collision")
                )
            continue
        owner[ident] = entry
        result[entry.code] = ident
    return result, diagnostics


_Warn = Callable[[RawEntry, str, str], None]


def _wanted_identifier(
    entry: RawEntry, overrides: Mapping[int, str], base: Mapping[int, str] | None, warn: _Warn
) -> str:
    if entry.code in overrides:
        return overrides[entry.code]
    if base is None:
        return identifier_for(entry.name, entry.code)
    if entry.code in base:
        return base[entry.code]
    ident = fallback_identifier(entry.code)
    warn(entry, f"code {entry.code} is not on the base page; identifier {ident} used", "not-in-base")
    return ident
