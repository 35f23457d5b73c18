"""Where each key and array element of a TOML document is written.

tomllib returns values without positions, so config errors would all point
at line 1. This scanner walks a document tomllib has already accepted and
records the line and column of every key, table header and array element,
under the same path the parsed value has: `("sources", 1, "identifiers",
"-1099")` is the `"-1099"` key in the second `[[sources]]`. It only needs to
be right about valid TOML; it never raises.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from typing import Tuple, Union

Key = Tuple[Union[str, int], ...]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_BASIC = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_LITERAL = re.compile(r"'[^'\n]*'")
_SPACE = re.compile(r"[ \t]*")
_BLANKS = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_SCALAR_END = re.compile(r"[,\]}\n#]")


@dataclass(frozen=True)
class Places:
    found: dict[Key, tuple[int, int]]

    def at(self, key: Key) -> tuple[int, int]:
        """(line, column) of `key`, else of its nearest enclosing key, else (1, 1)."""
        for end in range(len(key), 0, -1):
            if key[:end] in self.found:
                return self.found[key[:end]]
        return (1, 1)


def key_places(text: str) -> Places:
    scanner = _Scanner(text)
    try:
        scanner.document()
    except (IndexError, KeyError, ValueError):  # a document it misread: keep what was found
        pass
    return Places(scanner.found)


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.found: dict[Key, tuple[int, int]] = {}
        self.arrays: dict[Key, int] = {}  # array of tables -> index of its last table
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def document(self) -> None:
        table: Key = ()
        while True:
            self.skip(_BLANKS)
            if self.i >= len(self.text):
                return
            start = self.i
            if self.text.startswith("[[", self.i):
                self.i += 2
                table = self.header(self.keys(), start, array=True)
            elif self.text[self.i] == "[":
                self.i += 1
                table = self.header(self.keys(), start, array=False)
            else:
                keys = self.keys()
                if not keys:  # not TOML tomllib accepted: give up on this line
                    self.skip_line()
                    continue
                path = (*table, *keys)
                self.record(path, start)
                self.skip(_SPACE)
                self.i += 1  # "="
                self.value(path)

    def header(self, path: Key, start: int, array: bool) -> Key:
        resolved: Key = ()
        for part in path[:-1] if array else path:
            resolved = (*resolved, part)
            if resolved in self.arrays:
                resolved = (*resolved, self.arrays[resolved])
        if array:
            resolved = (*resolved, path[-1])
            index = self.arrays.get(resolved, -1) + 1
            self.arrays[resolved] = index
            resolved = (*resolved, index)
        self.record(resolved, start)
        self.skip_line()
        return resolved

    def skip_line(self) -> None:
        end = self.text.find("\n", self.i)
        self.i = len(self.text) if end < 0 else end

    def keys(self) -> Key:
        parts: list[str | int] = []
        while True:
            self.skip(_SPACE)
            for pattern in (_BASIC, _LITERAL, _BARE):
                found = pattern.match(self.text, self.i)
                if found:
                    parts.append(_unquote(found[0]))
                    self.i = found.end()
                    break
            else:
                return tuple(parts)
            self.skip(_SPACE)
            if self.text[self.i : self.i + 1] != ".":
                return tuple(parts)
            self.i += 1

    def value(self, path: Key) -> None:
        self.skip(_SPACE)
        ch = self.text[self.i]
        if ch == "{":
            self.i += 1
            while self.text[self.i] != "}":
                self.skip(_BLANKS)
                if self.text[self.i] in ",}":
                    self.i += self.text[self.i] == ","
                    continue
                start = self.i
                keys = self.keys()
                if not keys:
                    raise IndexError(start)
                inner = (*path, *keys)
                self.record(inner, start)
                self.skip(_SPACE)
                self.i += 1  # "="
                self.value(inner)
                self.skip(_BLANKS)
            self.i += 1
        elif ch == "[":
            self.i += 1
            index = 0
            while True:
                self.skip(_BLANKS)
                if self.text[self.i] == ",":
                    self.i += 1
                    continue
                if self.text[self.i] == "]":
                    self.i += 1
                    return
                start = self.i
                self.record((*path, index), start)
                self.value((*path, index))
                if self.i == start:
                    raise IndexError(start)
                index += 1
        else:
            self.scalar()

    def scalar(self) -> None:
        for quotes in ('"""', "'''"):
            if self.text.startswith(quotes, self.i):
                end = self.text.find(quotes, self.i + 3)
                while quotes == '"""' and end > 0 and _escaped(self.text, end):
                    end = self.text.find(quotes, end + 1)
                self.i = len(self.text) if end < 0 else end + 3
                while self.text[self.i : self.i + 1] == quotes[0]:  # up to two quotes end the body
                    self.i += 1
                return
        for pattern in (_BASIC, _LITERAL):
            found = pattern.match(self.text, self.i)
            if found:
                self.i = found.end()
                return
        stop = _SCALAR_END.search(self.text, self.i)
        self.i = len(self.text) if stop is None else stop.start()

    def skip(self, pattern: re.Pattern[str]) -> None:
        found = pattern.match(self.text, self.i)
        if found:
            self.i = found.end()

    def record(self, key: Key, offset: int) -> None:
        line = bisect.bisect_right(self.starts, offset)
        self.found.setdefault(key, (line, offset - self.starts[line - 1] + 1))


def _unquote(token: str) -> str:
    if token.startswith('"'):
        try:
            value: str = json.loads(token)
            return value
        except ValueError:
            return token[1:-1]
    return token[1:-1] if token.startswith("'") else token


def _escaped(text: str, index: int) -> bool:
    backslashes = len(text[:index]) - len(text[:index].rstrip("\\"))
    return backslashes % 2 == 1
