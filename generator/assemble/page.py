"""Raw page -> model: the rules that hold for every layout.

The page's code type (integers only when every code is a plain integer),
the range check, repeats, identifiers and table links. Every diagnostic is
collected; any error raises `ErrgenError` with all of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostic, ErrgenError, has_errors
from ..model import (
    DEFAULT_PAYLOAD,
    BodyShape,
    Category,
    Code,
    CodeType,
    ErrorCode,
    ErrorPage,
    MessageTable,
    Source,
)
from ..read.layouts.codes import is_plain_integer
from ..read.raw import LAYOUTS, RawEntry, RawPage, RawTable
from .classes import ClassNamer, class_name_for, message_class_name, message_words
from .identifiers import assign_identifiers
from .patterns import message_from_text
from .repeats import Listed, merge_duplicates
from .slugs import category_id, unique_slug
from .stable import (
    LockedCode,
    SourceLock,
    aliases,
    pins,
    retired_codes,
    retired_entries,
    stable_categories,
)
from .subcodes import with_parents

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..config.project import GroupConfig

MAX_SAFE_INTEGER = 2**53 - 1
# Digits with an optional minus sign and no leading zero: `00001` makes a string page.


@dataclass(frozen=True)
class AssembleOptions:
    """What assemble needs to name a page's codes (pipeline.PageOptions adds how to read it)."""

    source_id: str
    path: str | None = None  # as recorded in outputs; default: the path diagnostics print
    url: str | None = None
    language: str = "en"
    # Identifier overrides by code, from errgen.toml.
    identifiers: Mapping[Code, str] = field(default_factory=dict)
    # For a translated page: the base page, whose identifiers and class names it takes by code.
    base: ErrorPage | None = None
    # errgen.toml's [[groups]]: classes the codes they list inherit.
    groups: Sequence[GroupConfig] = ()
    # What errgen.lock remembers of this source: identifiers that never move.
    locked: SourceLock | None = None
    # `generate --prune`: forget the codes gone from the page and their aliases.
    prune: bool = False
    # errgen.toml's `payload` (where an error body holds the code and message) and `subcodes`.
    payload: tuple[BodyShape, ...] = DEFAULT_PAYLOAD
    subcodes: str = ""
    # errgen.toml's `class_names`: "message" names an unnamed code's class from its first message.
    class_names: str = ""
    config_path: str = "errgen.toml"  # where warnings about errgen.toml's groups point


def assemble(raw: RawPage, options: AssembleOptions) -> tuple[ErrorPage, list[Diagnostic]]:
    diagnostics = list(raw.diagnostics)
    if not raw.entries and not has_errors(diagnostics):
        diagnostics.append(Diagnostic(raw.path, 1, 1, "error", no_codes_message(raw), "no-codes"))
    plain = [is_plain_integer(e.code) for e in raw.entries]  # once, for the two rules below
    code_type: CodeType = "int" if all(plain) else "str"
    diagnostics += _lone_string_code(raw, plain)
    entries = with_parents(raw.entries, options.subcodes) if code_type == "str" else raw.entries
    # A code out of range is an error at its place and named no further: no identifier,
    # no class, no follow-on warning about a code it is not.
    codes = [(_code(e.code, code_type, raw.path, e.line, e.column, diagnostics), e) for e in entries]
    listed = [Listed(code, e) for code, e in codes if code is not None]
    listed, merged = merge_duplicates(listed, raw.path)
    pinned = pins(options.locked, {item.code: item.entry.name for item in listed})
    base_identifiers = None if options.base is None else {e.code: e.identifier for e in options.base.errors}
    identifiers, named = assign_identifiers(listed, raw.path, options.identifiers, base_identifiers, pinned)
    diagnostics += merged + named
    tables = link_tables(raw, listed, code_type, diagnostics)
    if has_errors(diagnostics):
        raise ErrgenError(diagnostics)
    by_code = {} if options.locked is None or options.prune else options.locked.by_code()
    retired_listed = () if options.prune else retired_entries(options.locked, {item.code for item in listed})
    from_messages = options.class_names == "message"
    # Groups yield to the codes' classes (ClassNamer), a code's locked class aside: without
    # groups nothing asks for them (bench row `dump synthetic-20000.md`: a seventh of assemble).
    code_classes: set[str] = set()
    if options.groups:
        locked_classes = set() if options.locked is None else {e.code for e in options.locked.codes if e.class_name}
        code_classes = {class_name_for(identifiers[item.code]) for item in listed if item.code not in locked_classes}
        if from_messages:
            code_classes |= {message_class_name(_class_hint(item.entry)) for item in listed
                             if not item.entry.name and item.code not in locked_classes}
    namer = ClassNamer(options.source_id, [*(item.code for item in listed), *(e.code for e in retired_listed)],
                       options.groups, options.base, code_classes, options.locked, raw.path, options.config_path)
    categories = _categories(raw)
    ids = tuple(category.id for category in categories)
    errors = [_error_code(item, identifiers[item.code], by_code, namer, ids, from_messages) for item in listed]
    page = _stable_categories(ErrorPage(
        source=Source(options.source_id, options.path or raw.path, raw.sha256, options.url, options.language),
        title=raw.title,
        categories=categories,
        errors=tuple(errors),
        message_tables=tables,
        code_type=code_type,
        payload=options.payload,
        subcodes=options.subcodes,
    ), options.locked)
    if retired_listed:
        gone = (error.with_classes(*namer.code(error.code, error.identifier))
                for error in retired_codes(retired_listed, page.categories))
        page = replace(page, errors=(*page.errors, *gone))
    page = namer.finish(page)
    return page, sorted(diagnostics + namer.diagnostics)


def _lone_string_code(raw: RawPage, plain: Sequence[bool]) -> list[Diagnostic]:
    """One code that is not an integer among integers turns every code of the page
    into a string (and every integer a server sends into a mismatch): never silently.
    `plain`: whether each entry's code is a plain integer."""
    odd = {e.code for e, integer in zip(raw.entries, plain) if not integer}
    integers = sum(plain)
    if len(odd) != 1 or integers < 2:
        return []
    entry = next(e for e in raw.entries if e.code in odd)
    return [Diagnostic(raw.path, entry.line, entry.column, "warning",
                       f"code {entry.code!r} is the only code of this page that is not an integer: "
                       f"every code ({integers} integers) is read as a string", "lone-string-code")]


def _stable_categories(page: ErrorPage, locked: SourceLock | None) -> ErrorPage:
    """Categories keep the ids errgen.lock gave them, whatever their headings now say
    (and so their class names: classes.py finds them by id)."""
    if locked is None:
        return page  # the ids as read are unique: nothing to keep
    codes: dict[str, list[Code]] = {}
    for error in page.errors:
        if error.category is not None:
            codes.setdefault(error.category, []).append(error.code)
    ids = stable_categories(locked, page.categories, codes)
    if all(old == new for old, new in ids.items()):
        return page
    return replace(
        page,
        categories=tuple(replace(category, id=ids[category.id]) for category in page.categories),
        errors=tuple(replace(error, category=None if error.category is None else ids[error.category])
                     for error in page.errors),
    )


def no_codes_message(raw: RawPage) -> str:
    looked = ", ".join(LAYOUTS[:-1]) + f" or {LAYOUTS[-1]}"
    message = (f"no error codes found: looked for {looked} (e.g. '### -1121 BAD_SYMBOL', "
               f"'- `10000` Url not found.', a table with a 'Code' column)")
    if raw.tables_seen:
        tables = "a table" if raw.tables_seen == 1 else f"{raw.tables_seen} tables"
        message += (f"; the page has {tables} without a code column: name the code column with "
                    f"--column 'HEADER=code', or read one part with --section 'HEADING'")
    return message


def _code(text: str, code_type: CodeType, path: str, line: int, column: int,
          diagnostics: list[Diagnostic]) -> Code | None:
    """The code `text` gives, or None (and an error) when it is out of range."""
    if code_type == "str":
        return text
    digits = text.removeprefix("-")
    # Python refuses int() on 4,300+ digits; no safe integer has more than 16.
    if len(digits) > 16 or int(digits) > MAX_SAFE_INTEGER:
        sign = text[: len(text) - len(digits)]
        shown = text if len(digits) <= 20 else f"{sign}{digits[:16]}... ({len(digits)} digits)"
        diagnostics.append(Diagnostic(path, line, column, "error",
                                      f"code {shown} is outside JavaScript's safe integers (|code| <= 2^53 - 1)",
                                      "code-out-of-range"))
        return None
    return int(text)


def link_tables(
    raw: RawPage, listed: Sequence[Listed], code_type: CodeType, diagnostics: list[Diagnostic]
) -> tuple[MessageTable, ...]:
    """Each table with the codes its heading names and the codes whose links lead to it.

    GitHub numbers repeated heading slugs (`filter-failures-1`) in page order,
    so slugs are computed once every heading is read, and only for a page with
    tables. One pass over the codes' links, through a dict of anchors: linear.
    """
    if not raw.tables:
        return ()
    taken: set[str] = set()
    slugs = [unique_slug(text, taken) for text in raw.headings]
    by_anchor: dict[str, list[int]] = {}
    codes: list[dict[Code, None]] = []
    for index, table in enumerate(raw.tables):
        for key in _anchor_keys(table, slugs):
            by_anchor.setdefault(key, []).append(index)
        named = (_code(text, code_type, raw.path, line, column, diagnostics) for text, line, column in table.named_codes)
        codes.append(dict.fromkeys(code for code in named if code is not None))
    for code, entry in listed:
        for link in entry.links:
            if link.startswith("#"):
                for index in by_anchor.get(link[1:], ()):
                    codes[index].setdefault(code)
    return tuple(MessageTable(t.title, tuple(codes[i]), tuple(t.rows), t.line) for i, t in enumerate(raw.tables))


def _anchor_keys(table: RawTable, slugs: Sequence[str]) -> set[str]:
    return set() if table.anchors is None else {slugs[table.anchors.ordinal], *table.anchors.html}


def _categories(raw: RawPage) -> tuple[Category, ...]:
    """The headings codes stand under, each with an id from its title, unique on the page
    (`10xx - General …` -> `10xx_general_…`); errgen.lock keeps them from moving after."""
    taken: set[str] = set()
    return tuple(Category(category_id(c.title, taken), c.title, c.line) for c in raw.categories)


def _error_code(item: Listed, identifier: str, locked: Mapping[Code, LockedCode], namer: ClassNamer,
                category_ids: tuple[str, ...], from_messages: bool = False) -> ErrorCode:
    """The model's code, named; `locked`: what errgen.lock remembers by code (its aliases stay);
    `from_messages`: an unnamed code's class is named from its first message or description."""
    code, entry = item
    kept = locked.get(code)
    hint = _class_hint(entry) if from_messages and not entry.name else ""
    class_name, groups = namer.code(code, identifier, hint, (entry.line, entry.column))
    return ErrorCode(
        code, entry.name, identifier, None if entry.category is None else category_ids[entry.category],
        tuple(entry.messages), " ".join(entry.description),
        entry.line, entry.column, class_name, entry.deprecated, () if kept is None else aliases(kept, identifier),
        groups, tuple(entry.http_status),
    )


def _class_hint(entry: RawEntry) -> str:
    """What an unnamed code's class is named from: its first message, else its
    description, without their placeholders and the words glued to them
    (classes.message_words: `limit is %sx` names no class `...IsX`)."""
    if entry.messages:
        message = entry.messages[0]
        return message_words(message.literals or (message.text,))
    # A description is no template: its placeholders (the standard spellings) are found here.
    return message_words(message_from_text(" ".join(entry.description), 1, 1).literals)
