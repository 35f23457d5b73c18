"""JSON that remembers where each value was written, so a check of errgen.lock can
point at the line and column of a bad value (as errgen.toml's checks do).

A small recursive-descent reader with a depth limit: a hostile file nested a
million levels deep is an error at its place, never a RecursionError.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from typing import Any, Union

MAX_DEPTH = 32
Key = tuple[Union[str, int], ...]
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]{0,30})(?:\.[0-9]{1,30})?(?:[eE][-+]?[0-9]{1,4})?")
_SPACE = re.compile(r"[ \t\n\r]*")
_LITERALS = {"true": True, "false": False, "null": None}
_DECODER = json.JSONDecoder(strict=True)


class JsonError(ValueError):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.line, self.column = line, column


@dataclass(frozen=True)
class Located:
    value: Any
    places: dict[Key, tuple[int, int]]  # path of a value -> (line, column) of it (of its key, for a member)

    def at(self, key: Key) -> tuple[int, int]:
        """Where `key` is written, else where the nearest enclosing value is."""
        while key not in self.places and key:
            key = key[:-1]
        return self.places.get(key, (1, 1))


def parse(text: str, max_depth: int = MAX_DEPTH) -> Located:
    reader = _Reader(text, max_depth)
    value = reader.value((), 0)
    if reader.skip() != len(text):
        raise reader.fail("extra data after the JSON value")
    return Located(value, reader.places)


class _Reader:
    def __init__(self, text: str, max_depth: int) -> None:
        self.text, self.max_depth, self.i = text, max_depth, 0
        self.places: dict[Key, tuple[int, int]] = {}
        self.lines = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.lines, offset)
        return line, offset - self.lines[line - 1] + 1

    def fail(self, message: str) -> JsonError:
        return JsonError(message, *self.where(self.i))

    def skip(self) -> int:
        self.i = _SPACE.match(self.text, self.i).end()  # type: ignore[union-attr]  # always matches
        return self.i

    def value(self, key: Key, depth: int) -> Any:
        start = self.skip()
        self.places.setdefault(key, self.where(start))
        char = self.text[start:start + 1]
        if char in ("{", "[") and depth >= self.max_depth:
            raise self.fail(f"nested deeper than {self.max_depth} levels")
        if char == "{":
            return self.object(key, depth)
        if char == "[":
            return self.array(key, depth)
        if char == '"':
            return self.string()
        for word, literal in _LITERALS.items():
            if self.text.startswith(word, start):
                self.i += len(word)
                return literal
        found = _NUMBER.match(self.text, start)
        if found is None or found.end() == start:
            raise self.fail("expected a JSON value")
        self.i = found.end()
        return float(found[0]) if any(c in found[0] for c in ".eE") else int(found[0])

    def string(self) -> str:
        try:
            text, self.i = _DECODER.raw_decode(self.text, self.i)  # at a '"': exactly one string
        except json.JSONDecodeError as exc:
            raise JsonError(f"bad string: {exc.msg}", *self.where(exc.pos)) from None
        return str(text)

    def object(self, key: Key, depth: int) -> dict[str, Any]:
        found: dict[str, Any] = {}
        self.i += 1
        if self.skip() < len(self.text) and self.text[self.i] == "}":
            self.i += 1
            return found
        while True:
            if self.skip() >= len(self.text) or self.text[self.i] != '"':
                raise self.fail("expected a quoted key")
            where = self.where(self.i)
            name = self.string()
            if name in found:
                raise JsonError(f"key {name!r} is written twice", *where)
            self.places[(*key, name)] = where
            if self.skip() >= len(self.text) or self.text[self.i] != ":":
                raise self.fail("expected ':'")
            self.i += 1
            found[name] = self.value((*key, name), depth + 1)
            if self.end_of("}"):
                return found

    def array(self, key: Key, depth: int) -> list[Any]:
        items: list[Any] = []
        self.i += 1
        if self.skip() < len(self.text) and self.text[self.i] == "]":
            self.i += 1
            return items
        while True:
            items.append(self.value((*key, len(items)), depth + 1))
            if self.end_of("]"):
                return items

    def end_of(self, closing: str) -> bool:
        """After a member or item: True at `closing`, False at ',', else an error."""
        char = self.text[self.skip():self.i + 1]
        self.i += 1
        if char == closing:
            return True
        if char == ",":
            return False
        self.i -= 1
        raise self.fail(f"expected ',' or '{closing}'")
