"""The runtime of every generated Python module: written once, by hand.

The Python target embeds everything below the marker line verbatim, after the
page's data. Above the marker stand small stand-ins for that data, so that
mypy --strict and pyright check this file on its own. Python 3.8 and later;
standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum

TYPE_CHECKING = False


class ErrorCode(IntEnum):
    EXAMPLE = -1000

    @property
    def published_name(self) -> str:
        return "Example"


_Code = int
_CODE_TYPE = "int"
_KEY_LENGTH = 8
_SPACES = " \t\n\r\x0b\x0c\xa0"
_KEPT_SPACE = "\t(?<=[^\t!-/:-@\\[-`{-~]\t)(?=\t*[^\t!-/:-@\\[-`{-~])"
_BOUNDARY = " !\"#$%&'()*+,./:;<=>?@[\\]^`{|}~"
# Class name -> (its code, its bases, its docstring): code classes made on first use.
_CODE_CLASSES: dict[str, tuple[_Code, tuple[str, ...], str]] = {
    "Example": (-1000, ("ApiError",), "-1000 Example"),
}
_PAYLOAD: tuple[tuple[tuple[str | int, ...], tuple[tuple[str | int, ...], ...]], ...] = (
    (("code",), (("msg",), ("message",))),
)
_SUBCODES: dict[_Code, tuple[_Code, ...]] = {}
_NEAR_TOKEN = "('[^'\\n]{0,64}'|[0-9]+)|[a-z]+"
_NEAR_RECALL = 0.4
_NEAR_PRECISION = 0.6
_NEAR_SUM = 1.3
_NEAR_SHARED = 3
_NEAR_TYPO = 4
_NEAR_TEMPLATES = 64
_NEAR_TOKENS = 256
_TEMPLATES: tuple[
    tuple[tuple[_Code, ...], str, tuple[str, ...], tuple[str, ...], str, str, tuple[str, ...]], ...
] = (
    (
        (-1000,),
        "Example %s.",
        ("Example ", "."),
        ("example ", ""),
        "Example ",
        "example ",
        ("example", ""),
    ),
)
# errgen: the runtime starts here.
if TYPE_CHECKING:
    import re
    from collections.abc import Callable
    from typing import Any

    # Checkers ship typing_extensions (typing has Self from 3.11 on);
    # nothing imports it at run time.
    from typing_extensions import Self

_BY_CODE: dict[_Code, ErrorCode] = {member.value: member for member in ErrorCode}


def lookup(code: _Code) -> ErrorCode | None:
    """The member for `code`, or None for a code the page does not list."""
    return _BY_CODE.get(code)


class Match:
    """The template an API message came from, and what `match` read from it."""

    __slots__ = ("args", "codes", "error", "kind", "rest", "template")
    _FIELDS = ("error", "template", "args", "kind", "rest", "codes")

    def __init__(
        self,
        error: ErrorCode,
        template: str,
        args: tuple[str, ...],
        kind: str,
        rest: str,
        codes: tuple[ErrorCode, ...],
    ) -> None:
        self.error = error  # the code the template is documented under
        self.template = template
        self.args = args  # the values in its placeholders ("near": those that could be aligned)
        self.kind = kind  # "exact", "loose", "prefix" or "near": the tier that fitted
        self.rest = rest  # what the server appended to the template ("prefix")
        self.codes = codes  # every code the template belongs to, in page order

    def _fields(self) -> tuple[object, ...]:
        return (self.error, self.template, self.args, self.kind, self.rest, self.codes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Match) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._FIELDS, self._fields()))
        return f"Match({fields})"


# Template positions (indexes into _TEMPLATES, so in the order to try) by code
# and by leading characters, built on the first call to `match`.
_by_code: dict[_Code, list[int]] = {}
_by_key: dict[str, list[int]] = {}
_by_loose_key: dict[str, list[int]] = {}
_by_text: dict[str, int] = {}  # templates without placeholders, by their text
_patterns: list[re.Pattern[str]] = []  # KEPT_SPACE; NEAR_TOKEN
_members: dict[int, tuple[ErrorCode, ...]] = {}  # template position -> its codes' members


def match(text: str, code: _Code | None = None) -> Match | None:
    """The template `text` was made from, or None when none fits in any tier.

    Tiers, in order: "exact"; "loose" (a trailing period, the first letter's
    case and whitespace folded); "prefix" (a template followed by context the
    server appended, in `Match.rest`). With `code`, its templates are tried
    first, then the page's others; when none fits, "near": the code's template
    whose words are closest to the text's, when close enough. Templates are
    tried most specific first. Linear in the text's length times the number of
    templates.
    """
    if not _patterns:
        _build_index()
    own = _by_code.get(code, []) if code is not None else []
    # A template without placeholders that is the text: the first exact fit.
    whole = _by_text.get(text)
    if whole is not None and (not own or whole in own):
        return _match(whole, code, (), "exact", "")
    found = _exact(text, own, code)
    folded = None
    if found is None and own:
        folded = _fold(text)
        found = _loose(text, folded, own, code)
    if found is None:
        found = _exact(text, _candidates(_by_key, text), code)
    if found is None:
        folded = _fold(text) if folded is None else folded
        found = _loose(text, folded, _candidates(_by_loose_key, folded[0]), code)
    if found is None and own:
        found = _near(text, own[:_NEAR_TEMPLATES], code)
    return found


def _exact(text: str, candidates: list[int], code: _Code | None) -> Match | None:
    """The first candidate that `text` fits as it is."""
    for index in candidates:
        fit = _glob(_TEMPLATES[index][2], text, True)
        if fit is not None:
            return _match(index, code, tuple(text[start:end] for start, end in fit[0]), "exact", "")
    return None


def _loose(
    text: str, folded: tuple[str, str], candidates: list[int], code: _Code | None
) -> Match | None:
    """The first candidate that the folded text fits whole, else as a prefix;
    values and rest are read from `text` itself."""
    for kind in ("loose", "prefix"):
        for index in candidates:
            pieces = _TEMPLATES[index][3]
            fit = _glob(pieces, folded[0], kind == "loose")
            if fit is None or (kind == "prefix" and not _is_rest(pieces[-1], folded[0], fit[1])):
                continue
            original = _positions(folded[1])
            values = tuple(_value(text, folded[0], original, start, end) for start, end in fit[0])
            rest = (
                _rest(text, _TEMPLATES[index][1], original(fit[1] - 1) + 1)
                if kind == "prefix"
                else ""
            )
            return _match(index, code, values, kind, rest)
    return None


def _glob(
    pieces: tuple[str, ...], text: str, whole: bool
) -> tuple[list[tuple[int, int]], int] | None:
    """Where the values between `pieces` lie in `text`, and where the fit ends.

    Each placeholder takes at least one character and as few as it can, each
    piece the leftmost place left for it: the values a lazy `(.+?)` pattern
    gives, found without backtracking. `whole`: the last piece ends the text;
    else it may be followed by more (the prefix tier).
    """
    first, last = pieces[0], len(pieces) - 1
    if not text.startswith(first):
        return None
    if last == 0:
        return ([], len(first)) if not whole or len(text) == len(first) else None
    stop = len(text)
    if whole:
        if not text.endswith(pieces[last]):
            return None
        stop -= len(pieces[last])
    spans: list[tuple[int, int]] = []
    start = len(first)
    for piece in pieces[1:last] if whole else pieces[1:]:
        found = text.find(piece, start + 1, stop - 1 if whole else stop)
        if found < 0:
            return None
        spans.append((start, found))
        start = found + len(piece)
    if whole:
        if stop - start < 1:
            return None
        spans.append((start, stop))
        start = len(text)
    return spans, start


def _value(text: str, folded: str, original: Callable[[int], int], start: int, end: int) -> str:
    """A value read in the folded text, as `text` has it, without the spaces around it."""
    while start < end and folded[start] == " ":
        start += 1
    while end > start and folded[end - 1] == " ":
        end -= 1
    return text[original(start) : original(end - 1) + 1] if start < end else ""


def _rest(text: str, template: str, start: int) -> str:
    """What follows the template in `text`; the template's own final period is not part of it."""
    return (
        text[start + 1 :]
        if template[-1:] == "." and text[start : start + 1] == "."
        else text[start:]
    )


def _is_rest(last_piece: str, folded: str, end: int) -> bool:
    """Whether the template's fit ends at a boundary of the text (white space or
    punctuation other than `_` and `-` on either side), so that what follows is
    context the server appended, not the rest of a longer word."""
    if not last_piece or end >= len(folded):
        return False
    return folded[end] in _BOUNDARY or last_piece[-1] in _BOUNDARY


def _fold(text: str) -> tuple[str, str]:
    """The loose tier's fold (errgen folds each template the same way), and the
    text marked for `_positions`: every white-space character becomes a tab,
    the first of a run between two characters that are neither white space nor
    ASCII punctuation becomes a space, and the tabs go; then a leading A-Z is
    lowered and one trailing period dropped."""
    marked = text
    for space in _SPACES:  # str.translate is 50 times slower on text beyond Latin-1
        if space in marked:
            marked = marked.replace(space, "\t")
    marked = _patterns[0].sub(" ", marked)
    folded = marked.replace("\t", "")
    if "A" <= folded[:1] <= "Z":
        folded = folded[0].lower() + folded[1:]
    return (folded[:-1] if folded[-1:] == "." else folded), marked


def _positions(marked: str) -> Callable[[int], int]:
    """Folded index -> index in the text: `marked` has the text's length, and
    each tab in it is a character the fold dropped."""
    # Imported here, not at the top: see TYPE_CHECKING.
    from bisect import bisect_right
    from itertools import accumulate

    starts = list(accumulate(map(len, marked.split("\t")), initial=0))  # of each stretch, folded

    def original(index: int) -> int:
        return (
            index + bisect_right(starts, index, 0, len(starts) - 1) - 1
        )  # one tab before each stretch

    return original


def _candidates(index: dict[str, list[int]], text: str) -> list[int]:
    """The templates whose key starts `text`, in the order to try them."""
    found: list[int] = []
    for length in range(min(_KEY_LENGTH, len(text)) + 1):
        found += index.get(text[:length], ())
    return sorted(found)


def _match(index: int, code: _Code | None, values: tuple[str, ...], kind: str, rest: str) -> Match:
    members = _members.get(index)
    if members is None:
        members = _members[index] = tuple(_BY_CODE[each] for each in _TEMPLATES[index][0])
    error = _BY_CODE[code] if code is not None and code in _TEMPLATES[index][0] else members[0]
    return Match(error, _TEMPLATES[index][1], values, kind, rest, members)


def _near(text: str, candidates: list[int], code: _Code | None) -> Match | None:
    """The candidate whose words are closest to the text's, when close enough:
    the most shared words and values for their number (ties: the first)."""
    keys, values = _tokens(text)
    best, best_score = -1, 0.0
    for index in candidates:
        score = _closeness(_TEMPLATES[index][6], keys)
        if score > best_score:
            best, best_score = index, score
    if best < 0:
        return None
    return _match(best, code, _aligned(_TEMPLATES[best][6], keys, values), "near", "")


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """The text's first tokens: words (ASCII lowered) and "" for a value; and each
    value without its quotes or parentheses ("" for a word)."""
    keys: list[str] = []
    values: list[str] = []
    for found in _patterns[1].finditer(text):
        token = found.group()
        if found.group(1) is None:
            keys.append(token.lower() if token.isascii() else token)
            values.append("")
        else:
            keys.append("")
            values.append(token[1:-1] if token[0] in "'\"(" else token)
        if len(keys) > _NEAR_TOKENS:
            break
    return keys, values


def _closeness(words: tuple[str, ...], keys: list[str]) -> float:
    """Dice's coefficient of the shared tokens, or 0 when not close enough."""
    if not _close_enough(min(len(words), len(keys)), len(words), len(keys)):
        return 0.0  # not even if every token were shared: no work for a long text
    left: dict[str, int] = {}  # the template's words not yet shared
    slots = 0
    for word in words:
        if word:
            left[word] = left.get(word, 0) + 1
        else:
            slots += 1
    shared = 0
    values = 0
    unshared: list[str] = []
    for key in keys:
        if not key:
            values += 1
        elif left.get(key, 0) > 0:
            left[key] -= 1
            shared += 1
        else:
            unshared.append(key)
    shared += min(slots, values)
    spare = [word for word, count in left.items() for _ in range(count)]
    if not _close_enough(shared + min(len(spare), len(unshared)), len(words), len(keys)):
        return 0.0  # not even if every word left were a typo
    for key in unshared:
        for at, word in enumerate(spare):
            if _one_edit(word, key):
                shared += 1
                spare[at] = ""
                break
    return (
        2 * shared / (len(words) + len(keys))
        if _close_enough(shared, len(words), len(keys))
        else 0.0
    )


def _close_enough(shared: int, words: int, keys: int) -> bool:
    return (
        shared >= _NEAR_SHARED
        and shared >= _NEAR_RECALL * words
        and shared >= _NEAR_PRECISION * keys
        and shared * (words + keys) >= _NEAR_SUM * words * keys
    )


def _one_edit(word: str, key: str) -> bool:
    """Whether two ASCII words of _NEAR_TYPO characters or more differ by one
    character changed, added or dropped, or two neighbours swapped."""
    if len(word) < _NEAR_TYPO or len(key) < _NEAR_TYPO or abs(len(word) - len(key)) > 1:
        return False
    if not (word.isascii() and key.isascii()):
        return False
    at = 0
    while at < len(word) and at < len(key) and word[at] == key[at]:
        at += 1
    if len(word) != len(key):
        return word[at + 1 :] == key[at:] if len(word) > len(key) else word[at:] == key[at + 1 :]
    swapped = word[at + 1 : at + 2] + word[at : at + 1] == key[at : at + 2]
    return word[at + 1 :] == key[at + 1 :] or (swapped and word[at + 2 :] == key[at + 2 :])


def _aligned(words: tuple[str, ...], keys: list[str], values: list[str]) -> tuple[str, ...]:
    """The text's values for the template's placeholders: all of them in order
    when the counts agree, else each one next to the word it has in the template."""
    slots = [at for at, word in enumerate(words) if not word]
    found = [at for at, key in enumerate(keys) if not key]
    if len(slots) == len(found):
        return tuple(values[at] for at in found)
    aligned: list[str] = []
    for slot in slots:
        before = words[slot - 1] if slot > 0 else ""
        after = words[slot + 1] if slot + 1 < len(words) else ""
        for at in found:
            if (before and at > 0 and keys[at - 1] == before) or (
                after and at + 1 < len(keys) and keys[at + 1] == after
            ):
                aligned.append(values[at])
                found.remove(at)
                break
    return tuple(aligned)


def _build_index() -> None:
    import re  # here, not at the top: see TYPE_CHECKING

    for index, (codes, _text, pieces, _loose, key, loose_key, _words) in enumerate(_TEMPLATES):
        for code in codes:
            _by_code.setdefault(code, []).append(index)
        _by_key.setdefault(key, []).append(index)
        _by_loose_key.setdefault(loose_key, []).append(index)
        if len(pieces) == 1:
            _by_text.setdefault(pieces[0], index)
    for parent, subcodes in _SUBCODES.items():  # a parent's own templates, then its sub-codes'
        found = {*_by_code.get(parent, ())}
        for sub in subcodes:
            found.update(_by_code.get(sub, ()))
        _by_code[parent] = sorted(found)
    _patterns.extend((re.compile(_KEPT_SPACE), re.compile(_NEAR_TOKEN)))


# Each code's class by code: a class statement registers it (`code=`); on a
# long page, `_class` makes it on first use from _CODE_CLASSES. _JOINED caches
# an SDK's subclass joined with a code's class.
_classes_by_code: dict[_Code, type[ApiError]] = {}
_lazy_names: dict[_Code, str] = {}  # _CODE_CLASSES by code, built on first use
_JOINED: dict[tuple[type[ApiError], type[ApiError]], type[ApiError]] = {}
# (class from_payload is called on, listed code) -> the class it builds.
_chosen: dict[tuple[type[ApiError], _Code], type[ApiError]] = {}
_MAX_SAFE_INTEGER = 2**53 - 1  # past it, JavaScript cannot hold the code exactly


def _package_error() -> type[Exception]:
    """The ApiError of the errgen package this module was imported from, so that
    `except package.ApiError` catches every page's; Exception for a vendored file."""
    import sys  # always loaded: costs nothing

    package = sys.modules.get(__package__ or "")
    base = getattr(package, "_ERRGEN_BASE", None)
    return base if isinstance(base, type) and issubclass(base, Exception) else Exception


if TYPE_CHECKING:
    _Base = Exception
else:
    _Base = _package_error()


class ApiError(_Base):
    """An error the API returned, e.g. `{"code": -1121, "msg": "Invalid symbol."}`.

    `ApiError.from_payload(body)` builds the most specific class: the code's
    own (`BadSymbol`), which inherits its category's class and its groups'.
    `code` is the `ErrorCode` member, or the raw code for one the page does not
    list; `match` is the template the message came from, when one fits.

    An SDK's subclass gets the code's classes too when it asks for them:
    `class SdkError(ApiError, code_classes=True)`; then
    `SdkError.from_payload(body, status=429)` is both an `SdkError` and a
    `BadSymbol`, and the extra keywords go to `SdkError.__init__`.
    """

    code: ErrorCode | _Code
    msg: str
    match: Match | None
    retryable: bool = False  # True in a class of a `retryable` group, and in its codes' classes
    # "unknown" in a class of a group with `outcome = "unknown"` (and its codes'):
    # the request may have been executed; reconcile before resubmitting.
    outcome: str | None = None
    status: int | None = None  # the HTTP status given to `from_payload`
    retry_after: float | None = None  # seconds, from the Retry-After header given to `from_payload`
    _code_classes = False

    def __init_subclass__(
        cls, code_classes: bool = False, code: _Code | None = None, **kwargs: Any
    ) -> None:
        super().__init_subclass__(**kwargs)
        if code_classes:
            cls._code_classes = True
        if code is not None:  # `class BadSymbol(RequestIssues, code=-1121)`: the first wins
            _classes_by_code.setdefault(code, cls)

    def __init__(
        self,
        code: _Code,
        msg: str,
        *,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(code, msg)
        member = _BY_CODE.get(code)
        self.code = code if member is None else member
        self.msg = msg
        self.match = None if member is None else match(msg, code)
        self.status = status
        self.retry_after = None if headers is None else _retry_after(headers)

    def __str__(self) -> str:
        # getattr: a subclass that never called __init__ still gets a message, never a raise
        code, msg = getattr(self, "code", None), getattr(self, "msg", "")
        if isinstance(code, ErrorCode):
            return f"{code.value} {code.published_name}: {msg}"
        return f"{code} unlisted code: {msg}"

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled by its class's parts and args, restored without calling
        # __init__ (an SDK's may take other arguments); the attributes follow
        # as state. A class joined by `code_classes=True` is joined again.
        cls = type(self)
        parts = cls.__dict__.get("_joined_from", (cls,))
        return (_restore, (parts, self.args), self.__dict__)

    @classmethod
    def from_payload(
        cls,
        payload: object,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
        **extra: Any,
    ) -> Self:
        """Build from an error body (a decoded object, or its JSON text).

        The class is the code's own when `cls` is `ApiError` or a class the code
        is under; an SDK's subclass with `code_classes=True` is joined with it.
        `status` (the HTTP status) is kept as `.status`; `headers` (any mapping,
        or (name, value) pairs) give `.retry_after` from Retry-After. They and
        `extra` go to the constructor, `status` and `headers` only when given.
        TypeError when it is not an error body.
        """
        code, msg = _error_fields(payload)
        if status is not None:
            extra["status"] = status
        if headers is not None:
            extra["headers"] = headers
        built = _class_for(cls, code, msg)(code, msg, **extra)
        assert isinstance(built, cls)  # _class_for gives cls or a subclass of it
        return built


def _class_for(cls: type[ApiError], code: _Code, msg: str) -> type[ApiError]:
    """The class `from_payload` builds: a parent code's sub-code's when the message
    fits one of that sub-code's templates (its class extends the parent's)."""
    subcodes = _SUBCODES.get(code)
    if subcodes is not None:
        found = match(msg, code)
        if found is not None and found.error.value in subcodes:
            code = found.error.value
    chosen = _chosen.get((cls, code))
    if chosen is None:
        member = _BY_CODE.get(code)
        if member is None:
            return cls  # not kept: a server may send any number of unlisted codes
        chosen = _chosen[cls, code] = _class_of_member(cls, member)
    return chosen


def _class_of_member(cls: type[ApiError], member: ErrorCode) -> type[ApiError]:
    specific = _code_class(member)
    if specific is None or issubclass(cls, specific):
        return cls
    if issubclass(specific, cls):
        return specific
    if not cls._code_classes:
        return cls
    return _joined(cls, specific)


def _joined(cls: type[ApiError], specific: type[ApiError]) -> type[ApiError]:
    """An SDK's subclass joined with a code's class, made once."""
    joined = _JOINED.get((cls, specific))
    if joined is None:
        names = {
            "__module__": cls.__module__,
            "__qualname__": cls.__qualname__,
            "__doc__": cls.__doc__,
            "_joined_from": (cls, specific),  # how pickle rebuilds it
        }
        joined = _JOINED[cls, specific] = type(cls.__name__, (cls, specific), names)
    return joined


def _restore(parts: tuple[type[ApiError], ...], args: tuple[object, ...]) -> ApiError:
    """An error unpickled: its class (joined again if it was), args set, no __init__ run."""
    cls = _joined(parts[0], parts[1]) if len(parts) == 2 else parts[0]
    return cls.__new__(cls, *args)


def _error_fields(payload: object) -> tuple[_Code, str]:
    """(code, msg) of an error body; TypeError naming what is wrong when it is none."""
    if isinstance(payload, (str, bytes, bytearray)):
        payload = _decoded(payload)
    if type(payload) is not dict and not isinstance(payload, Mapping):  # dict: no ABC check
        raise TypeError(f"error body must be a JSON object, not {_described(payload)}")
    for code_path, message_paths in _PAYLOAD:
        found = _at(payload, code_path)
        if found is not None:
            return _code_of(found), _message_of(payload, message_paths)
    raise TypeError(f"error body needs {_wanted()}, got {_described(_at(payload, _PAYLOAD[0][0]))}")


# A decoder's raw_decode and decode, made once (json.loads with parse_int makes a
# decoder on every call: half its time), and json.loads for bytes.
_decoders: list[Callable[..., Any]] = []


def _decoded(text: str | bytes | bytearray) -> object:
    """A JSON text decoded; an integer of more than 20 digits is read as JavaScript
    reads it, a float (inf past 1e308): Python 3.11+ refuses int() of 4,300 digits."""
    if not _decoders:
        import json  # here, not at the top: see TYPE_CHECKING

        decoder = json.JSONDecoder(parse_int=_parse_int)
        _decoders.extend((decoder.raw_decode, decoder.decode, json.loads))
    try:
        if type(text) is str and text[:1] == "{" and text[-1:] == "}":
            # An object without white space around it: `decode` without its two
            # white-space searches; anything else (its errors too) goes to `decode`.
            try:
                found, end = _decoders[0](text, 0)
                if end == len(text):
                    return found
            except (ValueError, RecursionError):
                pass
        if type(text) is str and text[:1] != "\ufeff":  # json.loads's own error for a BOM
            return _decoders[1](text)
        return _decoders[2](text, parse_int=_parse_int)
    except (ValueError, RecursionError) as exc:  # RecursionError: nested past the stack
        raise TypeError(f"error body is not JSON: {str(exc)[:200]}") from None


def _parse_int(digits: str) -> int | float:
    return int(digits) if len(digits) <= 20 else float(digits)


def _at(value: object, path: tuple[str | int, ...]) -> object:
    """What `path` leads to in a decoded body, None when it leads nowhere."""
    for part in path:
        if type(value) is dict and type(part) is str:  # a decoded body's objects: no ABC check
            value = value.get(part)
        elif isinstance(part, int) and isinstance(value, list) and part < len(value):
            value = value[part]
        elif isinstance(part, str) and isinstance(value, Mapping):
            value = value.get(part)
        else:
            return None
    return value


def _code_of(value: object) -> _Code:
    """A code as the page writes it: `"-1121"` on an integer page is -1121, 51008 on a string page "51008"."""
    if _CODE_TYPE == "str":
        if type(value) is str:  # as the page writes it
            return _Code(value)
    elif type(value) is int and -_MAX_SAFE_INTEGER <= value <= _MAX_SAFE_INTEGER:
        return _Code(value)
    if isinstance(value, float) and value.is_integer() and abs(value) <= _MAX_SAFE_INTEGER:
        value = int(value)  # JSON has one kind of number: -1121.0 is -1121, as in TypeScript
    is_int = (
        isinstance(value, int) and not isinstance(value, bool) and abs(value) <= _MAX_SAFE_INTEGER
    )
    if _CODE_TYPE == "str":
        if isinstance(value, str) or is_int:
            return _Code(str(value))
    else:
        if isinstance(value, str) and _is_plain_integer(value):
            return _Code(int(value))
        if is_int and isinstance(value, int):
            return _Code(value)
    raise TypeError(f"error body needs {_wanted()}, got {_described(value)}")


def _is_plain_integer(text: str) -> bool:
    """Digits, an optional minus sign, no leading zero, a safe integer (int() is never
    given thousands of digits)."""
    digits = text[1:] if text[:1] == "-" else text
    return (
        0 < len(digits) <= 16
        and digits.isascii()
        and digits.isdigit()
        and (digits == "0" or digits[0] != "0")
        and int(digits) <= _MAX_SAFE_INTEGER
    )


def _wanted() -> str:
    kind = "a string" if _CODE_TYPE == "str" else "an integer"
    paths = " or ".join(f"'{_dotted(code_path)}'" for code_path, _ in _PAYLOAD)
    suffix = " (this page's codes are strings)" if _CODE_TYPE == "str" else ""
    return f"{kind} {paths}{suffix}"


def _dotted(path: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in path)


def _message_of(payload: Mapping[object, object], paths: tuple[tuple[str | int, ...], ...]) -> str:
    """The message at the first of `paths` the body has; "" for a body with no message."""
    if not paths:
        return ""
    msg: object = None
    for path in paths:
        msg = _at(payload, path)
        if msg is not None:
            break
    if not isinstance(msg, str):
        wanted = " or ".join(f"'{_dotted(path)}'" for path in paths)
        raise TypeError(f"error body needs a string {wanted}, got {_described(msg)}")
    return msg


def _described(value: object) -> str:
    """What a value is, in a few words, without printing (or recursing into) all of it."""
    if value is None:
        return "None (missing or null)"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**20:
        return "int (too large)"  # repr of 5,000 digits raises ValueError on 3.11+
    if isinstance(value, (bool, int, float, str)):
        return f"{type(value).__name__} {value!r:.60}"
    return type(value).__name__


def _retry_after(headers: object) -> float | None:
    """Seconds from a Retry-After header (seconds, or an HTTP date), names compared
    without case; None when there is none or it is neither."""
    if headers is None:
        return None
    items = getattr(headers, "items", None)  # a dict, requests', httpx's, aiohttp's, http.client's
    pairs: Any = items() if callable(items) else headers
    value: object = None
    try:
        for name, each in pairs:
            if isinstance(name, str) and name.lower() == "retry-after":
                value = each
                break
    except (TypeError, ValueError):  # neither a mapping nor (name, value) pairs
        return None
    if isinstance(value, (list, tuple)) and value:
        value = value[0]
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.isascii() and text.isdigit() and len(text) <= 12:
        return float(int(text))
    # Imported here, not at the top: see TYPE_CHECKING.
    from email.utils import parsedate_to_datetime
    from time import time

    try:
        when = parsedate_to_datetime(text[:100])
        return max(0.0, when.timestamp() - time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _code_class(member: ErrorCode) -> type[ApiError] | None:
    """The generated class of a code."""
    found = _classes_by_code.get(member.value)
    if found is None and _CODE_CLASSES:
        if not _lazy_names:
            _lazy_names.update((row[0], name) for name, row in _CODE_CLASSES.items())
        name = _lazy_names.get(member.value)
        found = None if name is None else _class(name)
    return found


def _class(name: str) -> type[ApiError]:
    """A generated class by name, made (with its bases) the first time it is asked for."""
    made = globals().get(name)  # declared, or made before
    if made is None:
        code, base_names, doc = _CODE_CLASSES[name]
        namespace = {"__module__": __name__, "__qualname__": name, "__doc__": doc}
        made = type(name, tuple(map(_class, base_names)), namespace, code=code)
        globals()[name] = made  # the next lookup of the module attribute finds it directly
    assert isinstance(made, type) and issubclass(made, ApiError)  # for type checkers
    return made


# Checkers read the declarations instead, so a misspelt class name stays an error.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> type[ApiError]:
        if name in _CODE_CLASSES:
            return _class(name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted({*globals(), *_CODE_CLASSES})
