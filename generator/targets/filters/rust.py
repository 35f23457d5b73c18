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


FILTERS: dict[str, Filter] = {"ruststr": ruststr}
