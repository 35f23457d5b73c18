"""Compiler-style diagnostics: `path:line:col: severity: message [rule]`."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

Severity = Literal["error", "warning", "notice"]  # notice: GitHub's third level, for diff


@dataclass(frozen=True, order=True)
class Diagnostic:
    # Field order is the sort order: by path, then position.
    path: str
    line: int
    column: int
    severity: Severity
    message: str
    rule: str

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def format(self) -> str:
        # Line 0: a place with no lines, such as the URL `errgen fetch` downloads.
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        return f"{where}: {self.severity}: {one_line(self.message)} [{self.rule}]"

    def format_github(self) -> str:
        """A GitHub Actions workflow command that annotates the line."""
        props = f"file={_gh_prop(self.path)},line={self.line},col={self.column}"
        title = _gh_prop(self.rule)
        return f"::{self.severity} {props},title={title}::{_gh_data(self.message)}"


def display_path(path: os.PathLike[str] | str) -> str:
    """A path as diagnostics print it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def make_strict(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """`--strict`: every warning becomes an error (a notice, which says what errgen
    chose on its own, such as the section it read, stays a notice)."""
    return [replace(d, severity="error") if d.severity == "warning" else d for d in diagnostics]


def fails_strict(diagnostics: Iterable[Diagnostic]) -> bool:
    """Whether `--strict` refuses a page with these findings: any warning or error."""
    return any(d.severity != "notice" for d in diagnostics)


class ErrgenError(Exception):
    """Bad input: carries the diagnostics that explain it (exit code 2)."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(sorted(diagnostics))
        super().__init__("\n".join(d.format() for d in self.diagnostics))


def error(path: str, rule: str, message: str, line: int = 1, column: int = 1) -> ErrgenError:
    return ErrgenError([Diagnostic(path, line, column, "error", message, rule)])


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def one_line(text: str) -> str:
    """`text` on one line: control characters from a page would split a diagnostic."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`; did you mean 'x'?` for a mistyped word, or "" when nothing is close."""
    import difflib  # only a mistyped word needs it (a no-op check never does)

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _gh_data(text: str) -> str:
    return one_line(text).replace("%", "%25")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")
