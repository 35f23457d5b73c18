"""`errgen fetch [ID…]`: download each source's `url` into its `path`, as served.

Per source: a conditional GET (the validators errgen.lock recorded), then the
page is read as `generate` will read it. A page that reads no codes, or fewer
than half the codes of the page it replaces, is refused unless `force` (a
login wall, a "page moved" shell, a page rendered in the browser, a captcha).
Nothing is written until every source has been downloaded and read; then the
changed pages and errgen.lock are written together by the one writer, all or
nothing. `check`: download and report, write nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..config.project import Config, SourceConfig
from ..diagnostics import Diagnostic, ErrgenError, display_path
from ..model import ErrorPage
from ..pipeline import parse_page
from ..read.download import TIMEOUT_SECONDS, Answer, fetch_error, get, raw_url
from ..read.source import decode_source, read_source
from ..write import files as write
from ..write.lockfile import LOCK_NAME, Fetched, Lock, digest, lock_text, read_lock
from .api import page_options
from .diff import diff_pages, summary, view_of_page


@dataclass(frozen=True)
class FetchOptions:
    ids: tuple[str, ...] = ()  # none: every source with a url
    check: bool = False  # report only, write nothing
    force: bool = False  # take a page that lost most of its codes
    timeout: float = TIMEOUT_SECONDS


@dataclass(frozen=True)
class SourceFetch:
    source_id: str
    path: str  # as diagnostics print it
    url: str
    outcome: str  # "not modified" (304), "unchanged" (same bytes), "changed", "new"
    summary: str  # what changed in codes (diff's summary line); "" when the bytes did not change
    codes: int  # on the downloaded page


@dataclass(frozen=True)
class FetchResult:
    sources: tuple[SourceFetch, ...]
    diagnostics: tuple[Diagnostic, ...]  # the downloaded pages' warnings

    @property
    def changed(self) -> bool:
        return any(source.outcome in ("changed", "new") for source in self.sources)


def fetch(config: Config, options: FetchOptions) -> FetchResult:
    sources = _chosen(config, options.ids)
    lock = read_lock(config.root, display_path(config.root / LOCK_NAME))
    results: list[SourceFetch] = []
    diagnostics: list[Diagnostic] = []
    writes: dict[Path, bytes] = {}
    fetched = dict(lock.fetched)
    failures: list[Diagnostic] = []
    for source in sources:
        try:
            result, data, record, found = _one(config, source, lock, options)
        except ErrgenError as exc:
            failures += exc.diagnostics
            continue
        results.append(result)
        diagnostics += found
        if record is not None:
            fetched[source.id] = record
        if data is not None:
            writes[source.path] = data
    if failures:
        raise ErrgenError(failures)
    new_lock = replace(lock, fetched=fetched)
    if new_lock != lock:
        writes[Path(LOCK_NAME)] = lock_text(new_lock).encode("utf-8")
    if writes and not options.check:
        with write.locked(config.root, config.display_path):
            write.replace_files(config.root, writes)
    return FetchResult(tuple(results), tuple(diagnostics))


def _chosen(config: Config, ids: Sequence[str]) -> list[SourceConfig]:
    by_id = {source.id: source for source in config.sources}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise ErrgenError([Diagnostic(config.display_path, 1, 1, "error", f"no source {i!r} in errgen.toml "
                                      f"(sources: {', '.join(by_id) or 'none'})", "fetch-source") for i in unknown])
    chosen = [by_id[i] for i in dict.fromkeys(ids)] if ids else [s for s in config.sources if s.url]
    without = [s.id for s in chosen if not s.url]
    if without:
        raise ErrgenError([Diagnostic(config.display_path, 1, 1, "error", f"source {i!r} has no url to fetch",
                                      "fetch-source") for i in without])
    if not chosen:
        raise ErrgenError([Diagnostic(config.display_path, 1, 1, "error", "no source has a url to fetch; add "
                                      "url = \"https://…\" to a [[sources]] table", "fetch-source")])
    return chosen


def _one(config: Config, source: SourceConfig, lock: Lock, options: FetchOptions,
         ) -> tuple[SourceFetch, bytes | None, Fetched | None, list[Diagnostic]]:
    """(what happened, the bytes to write or None, the validators to record, the page's warnings)."""
    assert source.url is not None
    url = raw_url(source.url)
    path = config.root / source.path
    shown = display_path(path)
    current = path.read_bytes() if path.is_file() else None
    known = lock.fetched.get(source.id)
    # Validators only for the bytes they were sent with: a page edited by hand is downloaded again.
    usable = known if known is not None and current is not None and digest(current) == known.sha256 else None
    answer = get(url, usable.etag if usable else None, usable.last_modified if usable else None, options.timeout)
    if answer.status == 304:
        return SourceFetch(source.id, shown, url, "not modified", "", -1), None, None, []
    record = Fetched(digest(answer.data), answer.etag, answer.last_modified, answer.charset)
    if current == answer.data:
        return SourceFetch(source.id, shown, url, "unchanged", "", -1), None, record, []
    page, found = _read(config, source, answer, shown)
    old = _old_page(config, source, shown, known) if current is not None else None
    if old is not None and len(page.errors) < len(old.errors) / 2 and not options.force:
        raise _refused(url, answer, source, f"reads {len(page.errors)} codes where {shown} has {len(old.errors)}")
    text = summary(diff_pages(view_of_page(old), view_of_page(page))) if old is not None else (
        f"errgen: {len(page.errors)} codes")
    outcome = "new" if current is None else "changed"
    return SourceFetch(source.id, shown, url, outcome, text, len(page.errors)), answer.data, record, found


def _read(config: Config, source: SourceConfig, answer: Answer, shown: str) -> tuple[ErrorPage, list[Diagnostic]]:
    """The downloaded page, read as `generate` will read the file (its name, its format)."""
    url = answer.url
    try:
        src = decode_source(answer.data, shown, source.format, served_as=answer.charset)
        return parse_page(src, page_options(source))
    except ErrgenError as exc:
        if any(d.rule == "no-codes" for d in exc.diagnostics):
            raise _refused(url, answer, source, "reads no error codes") from None
        raise fetch_error(url, "fetch-unreadable", "the downloaded page cannot be read: "
                          + "; ".join(d.format() for d in exc.diagnostics if d.is_error)) from None


def _old_page(config: Config, source: SourceConfig, shown: str, known: Fetched | None) -> ErrorPage | None:
    charset = known.charset if known else None
    try:
        return parse_page(read_source(config.root / source.path, shown, source.format, charset),
                          page_options(source))[0]
    except ErrgenError:
        return None  # the page it replaces is unreadable: nothing to lose


def _refused(url: str, answer: Answer, source: SourceConfig, what: str) -> ErrgenError:
    kind = answer.content_type or "no content type"
    return fetch_error(url, "fetch-refused", (
        f"the downloaded page {what} ({len(answer.data)} bytes of {kind}): a login wall, a moved page or a page "
        f"the browser renders? Nothing written. Look at it: curl -sL '{url}' -o page.html && errgen dump page.html; "
        f"take it anyway: errgen fetch {source.id} --force"))
