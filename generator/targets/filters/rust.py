"""Rust: string literals, for users' own Rust targets (`[[targets]]`)."""

from __future__ import annotations

from . import Filter
from .text import escape_each

_RUST_SHORT = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"}


def ruststr(text: str) -> str:
    """A Rust string literal (`"…"`, type `&'static str`) equal to `text`.

    Every character that is not printable is a `\\u{…}` escape, so no control,
    line separator or bidi character reaches the source as itself; `{` needs no
    escape in a literal (only in a `format!` string, which this never is).
    """
    return f'"{escape_each(text, _rust_escape, _RUST_SHORT)}"'


def _rust_escape(ch: str) -> str:
    return f"\\u{{{ord(ch):x}}}"


def rustint(value: object) -> str:
    """An integer literal (`-1121`); anything else is refused, never written as source.

    A template for integer codes raises here on a string-code page (`X =
    std::process::abort` would otherwise be code), and errgen reports it.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"rustint: {value!r} is not an integer (this template writes integer codes only)")
    return str(value)


FILTERS: dict[str, Filter] = {"ruststr": ruststr, "rustint": rustint}
