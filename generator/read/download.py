"""One HTTP GET of a docs page, as served: for `errgen fetch`.

The standard library's urllib, not httpx: one conditional GET per source needs
no async, no HTTP/2 and no connection pool, and urllib already honours the
proxy variables (`http_proxy`, `https_proxy`, `no_proxy`) and the system's
certificates; httpx would add six packages to every SDK's dev environment.
What urllib leaves out is done here: gzip with a cap on the inflated size, a
deadline for the whole answer (a server that trickles bytes), at most 5
redirects, and answers over 20 MB refused.

Every failure is an `ErrgenError` at the URL (`url: error: … [fetch-…]`).
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from io import BufferedIOBase
from typing import Any
from urllib.parse import urlsplit

from ..diagnostics import Diagnostic, ErrgenError

MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 30.0
_CHUNK = 64 * 1024
_USER_AGENT = "errgen (https://github.com/; error-code docs fetcher)"


@dataclass(frozen=True)
class Answer:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified: `data` is empty)
    data: bytes
    etag: str | None
    last_modified: str | None
    charset: str | None  # from Content-Type
    content_type: str


def raw_url(url: str) -> str:
    """A GitHub `…/blob/REF/PATH` page is the raw file at raw.githubusercontent.com."""
    parts = urlsplit(url)
    segments = parts.path.split("/")
    if parts.hostname in ("github.com", "www.github.com") and len(segments) > 4 and segments[3] == "blob":
        owner, repo, ref_and_path = segments[1], segments[2], "/".join(segments[4:])
        return f"https://raw.githubusercontent.com/{owner}/{repo}/{ref_and_path}"
    return url


def get(url: str, etag: str | None = None, last_modified: str | None = None,
        timeout: float = TIMEOUT_SECONDS) -> Answer:
    if urlsplit(url).scheme not in ("http", "https"):
        raise fetch_error(url, "fetch-scheme", f"only http and https URLs are fetched, not {urlsplit(url).scheme!r}")
    headers = {"Accept-Encoding": "gzip", "User-Agent": _USER_AGENT, "Accept": "text/html, text/markdown, */*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    opener = urllib.request.build_opener(_Redirects())  # ProxyHandler (the environment's) is in by default
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            data = _body(url, response, deadline)
            info = response.headers
            return Answer(response.geturl(), response.status, data, info.get("ETag"), info.get("Last-Modified"),
                          info.get_content_charset(), info.get_content_type())
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Answer(url, 304, b"", etag, last_modified, None, "")
        if 300 <= exc.code < 400:
            raise fetch_error(url, "fetch-redirects", f"more than {MAX_REDIRECTS} redirects, or a redirect loop "
                              f"(last: HTTP {exc.code} to {exc.headers.get('Location')!r})") from None
        raise fetch_error(url, "fetch-http", f"the server answered HTTP {exc.code} {exc.reason}") from None
    except (socket.timeout, TimeoutError):  # noqa: UP041 - two classes before Python 3.10
        raise fetch_error(url, "fetch-timeout", f"no complete answer within {timeout:g} s (--timeout)") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (socket.timeout, TimeoutError)):
            raise fetch_error(url, "fetch-timeout", f"no answer within {timeout:g} s (--timeout)") from None
        raise fetch_error(url, "fetch-network", f"cannot reach the server: {exc.reason}") from None
    except (OSError, ValueError) as exc:  # a reset connection, a malformed answer
        raise fetch_error(url, "fetch-network", f"the download failed: {exc}") from None


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 1  # the same URL twice is a loop


def _body(url: str, response: Any, deadline: float) -> bytes:
    info: Message = response.headers
    length = info.get("Content-Length")
    if length is not None and length.isdigit() and int(length) > MAX_BYTES:
        raise _too_large(url, f"announces {int(length)} bytes")
    gzip = (info.get("Content-Encoding") or "").strip().lower() in ("gzip", "x-gzip")
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzip else None
    chunks: list[bytes] = []
    size = 0
    stream: BufferedIOBase = response
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError  # a trickling answer: the whole of it is past the deadline
        chunk = stream.read1(_CHUNK)  # what one receive brings: read() would wait for all _CHUNK bytes
        if not chunk:
            break
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, MAX_BYTES + 1 - size)
            except zlib.error as exc:
                raise fetch_error(url, "fetch-network", f"the gzip answer is corrupt: {exc}") from None
        size += len(chunk)
        if size > MAX_BYTES:
            raise _too_large(url, f"is over {MAX_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(url: str, what: str) -> ErrgenError:
    return fetch_error(url, "fetch-too-large", f"the answer {what}; errgen fetches pages up to {MAX_BYTES} bytes")


def fetch_error(url: str, rule: str, message: str) -> ErrgenError:
    return ErrgenError([Diagnostic(url, 0, 0, "error", message, rule)])
