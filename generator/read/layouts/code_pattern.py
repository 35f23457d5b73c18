"""`code_pattern`: a user's regular expression over the plain text of a heading,
list item or paragraph, with named groups `code` (required), `name` and `message`.

Python's `re` backtracks, and a page is untrusted input: a pattern such as
`(a+)+$` or `(.*)(.*)(.*)x` takes exponential or high-polynomial time on a
crafted line. So a pattern is *refused* when it can backtrack badly, rather
than run under a time bound (`re` cannot be interrupted from Python: a
time bound needs a process per match, and a refused pattern is an error the
user sees at its place in errgen.toml once, not a run that is slow on some
page later). What is refused, checked on the parsed pattern:

* backreferences, lookaround and conditionals (no linear-time meaning);
* a repetition inside a repetition, or an alternation or an optional part
  that can match nothing inside one (`(a+)+`, `(a|ab)*`, `(a?)*`): exponential;
* more than two unbounded repetitions in a row that can take the same
  characters (`.*.*.*`): each one more multiplies the work by the text's length.

What is left matches in at most quadratic steps in the text's length, and the
text is capped (`MAX_TEXT`): a heading, item or paragraph longer than that is
no code line and is not matched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

try:  # Python 3.11+ keeps the parser here; 3.9 and 3.10 as sre_parse
    import re._constants as _sre_constants  # type: ignore[import-not-found,unused-ignore]
    import re._parser as _sre_parse  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _sre_constants  # type: ignore[no-redef,unused-ignore]
    import sre_parse as _sre_parse  # type: ignore[no-redef,unused-ignore]

MAX_TEXT = 1000
GROUPS = ("code", "name", "message")
_UNBOUNDED = _sre_constants.MAXREPEAT
_REPEATS = {_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT}
_REFUSED = {
    _sre_constants.GROUPREF: "a backreference",
    _sre_constants.GROUPREF_EXISTS: "a conditional group",
    _sre_constants.ASSERT: "a lookahead or lookbehind",
    _sre_constants.ASSERT_NOT: "a negative lookahead or lookbehind",
}
for _name in ("POSSESSIVE_REPEAT", "ATOMIC_GROUP"):  # Python 3.11+; errgen runs on 3.9 too
    if hasattr(_sre_constants, _name):
        _REFUSED[getattr(_sre_constants, _name)] = "a possessive or atomic group (not on Python 3.9)"
# Characters sampled to tell whether two repetitions can take the same characters.
_SAMPLE = [chr(c) for c in range(0x250)] + ["\u00a0", "\u2028", "\u3000", "\u4e00", "\u9fff", "\U0001f600"]


class CodePatternError(ValueError):
    """Why a `code_pattern` is refused (said at its place in errgen.toml, or for the flag)."""


def compile_code_pattern(text: str) -> re.Pattern[str]:
    try:
        pattern = re.compile(text)
    except re.error as exc:
        raise CodePatternError(f"code_pattern is no regular expression: {exc}") from None
    if "code" not in pattern.groupindex:
        raise CodePatternError("code_pattern has no group named 'code': write (?P<code>...) around the code")
    unknown = sorted(set(pattern.groupindex) - set(GROUPS))
    if unknown:
        raise CodePatternError(f"code_pattern's group {unknown[0]!r} is none of {', '.join(GROUPS)}")
    problem = backtracking_problem(_sre_parse.parse(text))
    if problem is not None:
        raise CodePatternError(f"code_pattern could take exponential or long polynomial time on a page: "
                               f"{problem}; rewrite it without")
    return pattern


def match_code_pattern(pattern: re.Pattern[str], text: str) -> tuple[str, str, str] | None:
    """(code, name, message) of a heading's, item's or paragraph's plain text, or None."""
    if len(text) > MAX_TEXT:
        return None
    found = pattern.fullmatch(text)
    if found is None or not (found.group("code") or "").strip():
        return None
    groups = found.groupdict()
    return (groups["code"].strip(), (groups.get("name") or "").strip(), (groups.get("message") or "").strip())


def backtracking_problem(items: Sequence[Any]) -> str | None:
    """What in a parsed pattern can backtrack badly, or None."""
    for op, av in items:
        if op in _REFUSED:
            return _REFUSED[op]
        if op in _REPEATS:
            low, high, body = av
            if high == _UNBOUNDED or high > 1:
                inner = _repeat_body_problem(body)
                if inner is not None:
                    return inner
        for sub in _children(op, av):
            found = backtracking_problem(sub)
            if found is not None:
                return found
    return _overlapping_run(items)


def _repeat_body_problem(body: Sequence[Any]) -> str | None:
    delimited = _delimited(body)
    for op, av in body:
        if op in _REPEATS and (av[1] == _UNBOUNDED or av[1] > 1 or av[0] == 0) and not delimited:
            return "a repetition inside a repetition"
        if op == _sre_constants.BRANCH:
            return "an alternation inside a repetition"
        for sub in _children(op, av):
            found = _repeat_body_problem(sub)
            if found is not None:
                return found
    if _can_be_empty(body):
        return "a repetition of something that can match nothing"
    return None


def _delimited(body: Sequence[Any]) -> bool:
    """A repeated body that starts with a required character no repetition inside
    it takes (`(?:\\.\\w+)*`, `(?:,\\s*\\w+)*`): each round starts at a delimiter, so
    the rounds cannot share out the text in more than one way."""
    flat = _flat(body)
    if not flat or flat[0][0] not in (_sre_constants.LITERAL, _sre_constants.IN, _sre_constants.NOT_LITERAL):
        return False
    first = _accepts(flat[:1])
    repeats = [_accepts(av[2]) for op, av in _all_repeats(flat)]
    return not any(first(ch) and accepts(ch) for accepts in repeats for ch in _SAMPLE)


def _all_repeats(items: Sequence[Any]) -> list[tuple[Any, Any]]:
    found: list[tuple[Any, Any]] = []
    for op, av in items:
        if op in _REPEATS:
            found.append((op, av))
        for sub in _children(op, av):
            found += _all_repeats(sub)
    return found


def _flat(items: Sequence[Any]) -> list[tuple[Any, Any]]:
    """A sequence with its groups opened: a group does not change what matches."""
    flat: list[tuple[Any, Any]] = []
    for op, av in items:
        if op == _sre_constants.SUBPATTERN:
            flat += _flat(av[-1])
        elif op in _REPEATS and av[1] == 1:
            flat += _flat(av[2])  # an optional part counts as if it were there
        else:
            flat.append((op, av))
    return flat


def _overlapping_run(items: Sequence[Any]) -> str | None:
    """Three unbounded repetitions in a row (only atoms they share between them)
    that can take the same characters."""
    run: list[Callable[[str], bool]] = []
    for op, av in _flat(items):
        if op in _REPEATS and av[1] == _UNBOUNDED:
            accepts = _accepts(av[2])
            if run and not any(accepts(ch) and run[-1](ch) for ch in _SAMPLE):
                run = []
            run.append(accepts)
            if len(run) > 2:
                return "three unbounded repetitions in a row that can take the same characters"
        elif run and not _within(run[-1], [(op, av)]):
            run = []
    return None


def _children(op: Any, av: Any) -> list[Sequence[Any]]:
    if op == _sre_constants.SUBPATTERN:
        return [av[-1]]
    if op in _REPEATS:
        return [av[2]]
    if op == _sre_constants.BRANCH:
        return list(av[1])
    return []


def _can_be_empty(items: Sequence[Any]) -> bool:
    for op, av in items:
        if op in _REPEATS and av[0] > 0 and not _can_be_empty(av[2]):
            return False
        if op == _sre_constants.SUBPATTERN and not _can_be_empty(av[-1]):
            return False
        if op == _sre_constants.BRANCH and not any(_can_be_empty(b) for b in av[1]):
            return False
        if op in (_sre_constants.LITERAL, _sre_constants.NOT_LITERAL, _sre_constants.ANY, _sre_constants.IN):
            return False
    return True


def _within(accepts: Callable[[str], bool], items: Sequence[Any]) -> bool:
    """Whether every character an atom takes is one the repetition before takes too
    (`.*x.*`: the `x` does not end the run)."""
    checker = _accepts(items)
    return all(accepts(ch) for ch in _SAMPLE if checker(ch))


def _accepts(items: Sequence[Any]) -> Callable[[str], bool]:
    """Whether a character can be the first of what `items` match (an over-approximation)."""
    compiled = re.compile(_sre_pattern_text(items), re.DOTALL) if items else None

    def accepts(ch: str) -> bool:
        return compiled is not None and compiled.match(ch) is not None
    return accepts


def _sre_pattern_text(items: Sequence[Any]) -> str:
    """A pattern that matches one character a parsed piece can start with."""
    pieces: list[str] = []
    for op, av in items:
        if op == _sre_constants.LITERAL:
            pieces.append(re.escape(chr(av)))
        elif op == _sre_constants.NOT_LITERAL:
            pieces.append(f"[^{re.escape(chr(av))}]")
        elif op == _sre_constants.ANY:
            pieces.append(".")
        elif op == _sre_constants.IN:
            pieces.append(_class_text(av))
        elif op in _REPEATS:
            pieces.append(f"(?:{_sre_pattern_text(av[2])})")
        elif op == _sre_constants.SUBPATTERN:
            pieces.append(f"(?:{_sre_pattern_text(av[-1])})")
        elif op == _sre_constants.BRANCH:
            pieces.append("(?:" + "|".join(_sre_pattern_text(b) for b in av[1]) + ")")
        if pieces and not _can_be_empty([(op, av)]):
            break
    return "|".join(pieces) or "(?!)"


def _class_text(av: Sequence[Any]) -> str:
    parts: list[str] = []
    negate = False
    categories = {
        "CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
        "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W",
    }
    for op, value in av:
        if op == _sre_constants.NEGATE:
            negate = True
        elif op == _sre_constants.LITERAL:
            parts.append(re.escape(chr(value)))
        elif op == _sre_constants.RANGE:
            parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif op == _sre_constants.CATEGORY:
            parts.append(categories.get(str(value), r"\s\S"))
    return "[" + ("^" if negate else "") + "".join(parts) + "]" if parts else "[\\s\\S]"
