"""One identifier per code, unique in the page, that never moves (DESIGN.md "Identifiers").

From the published name: upper-cased, every run of non-alphanumeric characters
`_`, a leading digit prefixed with `E_` (`Request Throttled` ->
`REQUEST_THROTTLED`). No name, or one with nothing usable or in another script
(a translated page): from the code, `E<abs(code)>` for an integer, the code
itself for a string. A published name given to two codes keeps its identifier
for the first and appends `_<abs(code)>` for later ones; two names that give one
identifier do the same, and the warning names the `errgen.toml` override.
errgen.lock's identifiers come first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from ..diagnostics import Diagnostic, Severity
from ..model import Code
from ..read.raw import RawEntry
from .repeats import Listed
from .stable import NO_PINS, Pins

_NON_ALNUM = re.compile(r"[^A-Z0-9]+")
_IDENTIFIER = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")


def is_valid_identifier(ident: str) -> bool:
    """What an `identifiers` override in errgen.toml must look like."""
    return re.fullmatch(r"[A-Z][A-Z0-9_]*", ident) is not None and not ident.endswith("_")


def assign_identifiers(
    listed: Sequence[Listed],
    path: str,
    overrides: Mapping[Code, str],
    base: Mapping[Code, str] | None,
    pinned: Pins = NO_PINS,
) -> tuple[dict[Code, str], list[Diagnostic]]:
    """Identifier per code, unique in the page, in document order.

    errgen.lock comes first: a code whose published name is unchanged keeps its
    identifier, and no code takes one the lock gave another code (it gets
    `_<abs(code)>`, as a repeated name does). The page's own defects (a name two
    codes share, two names giving one identifier) are reported whether or not
    the lock settles them, each naming the identifier the code really gets.
    """
    diagnostics: list[Diagnostic] = []

    def warn(entry: RawEntry, message: str, rule: str, severity: Severity = "warning") -> None:
        diagnostics.append(Diagnostic(path, entry.line, entry.column, severity, message, rule))

    wanted = {item.code: _wanted_identifier(item, overrides, base, warn) for item in listed}
    result: dict[Code, str] = {}
    owner: dict[str, Code] = {}
    for code, _entry in listed:  # the lock's identifiers are taken before any new one is made
        if code in pinned.kept and code not in overrides:
            owner[pinned.kept[code]] = code
            result[code] = pinned.kept[code]
    for code, entry in listed:
        if code in result:
            continue
        ident = wanted[code]
        locked_to = pinned.taken_by_other(ident, code)
        if locked_to is not None and code not in overrides:
            ident = f"{ident}_{_code_suffix(code)}"
            warn(entry, f"identifier {wanted[code]} belongs to code {locked_to} (errgen.lock): an identifier "
                        f"never moves to another code; {ident} used here", "identifier-taken")
        if ident in owner:
            ident = f"{ident}_{_code_suffix(code)}"
            if ident in owner or pinned.taken_by_other(ident, code) is not None:
                warn(entry, f"identifier {ident} of code {code} is taken by another code too; set one "
                            f'in errgen.toml under the source: identifiers = {{ "{code}" = "..." }}',
                     "identifier-collision", "error")
                continue
        owner[ident] = code
        result[code] = ident
    _report_shared_identifiers(listed, wanted, result, warn)
    return result, diagnostics


def _report_shared_identifiers(listed: Sequence[Listed], wanted: Mapping[Code, str], result: Mapping[Code, str],
                               warn: Callable[[RawEntry, str, str], None]) -> None:
    """The page's own naming defects, at the later code, as if there were no lock."""
    first: dict[str, Listed] = {}
    for item in listed:
        code, entry = item
        ident = wanted[code]
        earlier = first.get(ident)
        if earlier is None:
            first[ident] = item
            continue
        if code not in result:
            continue  # an error already says so
        first.setdefault(f"{ident}_{_code_suffix(code)}", item)
        other = earlier.entry
        if other.name == entry.name:
            warn(entry, f'name "{entry.name}" is also the name of code {earlier.code} (line {other.line}); '
                        f"identifier {result[code]} used here", "duplicate-name")
        else:
            warn(entry, f'names "{entry.name}" (code {code}) and "{other.name}" (code {earlier.code}, '
                        f"line {other.line}) both give identifier {ident}; {result[code]} used here; to choose "
                        f'another, set it in errgen.toml under the source: identifiers = {{ "{code}" = "..." }}',
                 "identifier-collision")


_Warn = Callable[[RawEntry, str, str], None]


def _wanted_identifier(item: Listed, overrides: Mapping[Code, str], base: Mapping[Code, str] | None, warn: _Warn) -> str:
    code, entry = item
    if code in overrides:
        return overrides[code]
    if base is None:
        return identifier(entry.name, code)
    if code in base:
        return base[code]
    ident = code_identifier(code)
    warn(entry, f"code {code} is not on the base page; identifier {ident} used", "not-in-base")
    return ident


def identifier(name: str, code: Code) -> str:
    """From the published name; failing that (none, nothing usable, another script), from the code."""
    return _from_text(name) or code_identifier(code)


def code_identifier(code: Code) -> str:
    """`E<abs(code)>` for an integer, the code itself made an identifier for a string (`00001` -> `E_00001`)."""
    if isinstance(code, int):
        return f"E{abs(code)}"
    return _from_text(code) or "E_" + code.encode("utf-8").hex().upper()


def _code_suffix(code: Code) -> str:
    return str(abs(code)) if isinstance(code, int) else code_identifier(code)


def _from_text(text: str) -> str:
    """SCREAMING_SNAKE of an ASCII text, "" when nothing usable is left (or the text is in another script)."""
    if _IDENTIFIER.fullmatch(text):  # most published names already are one
        return text
    if not text.isascii():
        return ""
    ident = _NON_ALNUM.sub("_", text.upper()).strip("_")
    return "E_" + ident if ident[:1].isdigit() else ident
