"""Reading a page from disk: bytes -> normalised text, or a diagnostic.

Every way a file can be unusable (missing, unreadable, not a regular file,
too large, empty, binary, not in its encoding) ends here as an `ErrgenError`
with a location, never a traceback further down. Here too is what format a
page is in (Markdown or HTML) and, for HTML, what encoding (encoding.py).
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import error
from .encoding import html_encoding

# Real pages are ~30 KB; a synthetic 200,000-code page is ~26 MB. Anything much
# larger is a mistake (a wrong file, a log), not a page.
MAX_BYTES = 64 * 1024 * 1024
_BOM = "\ufeff"
FORMATS = ("markdown", "html")
_HTML_SUFFIXES = (".html", ".htm")
_HTML_STARTS = (b"<!doctype html", b"<html")


@dataclass(frozen=True)
class SourceText:
    display_path: str  # as diagnostics print it
    text: str  # BOM stripped, line endings normalised to LF
    sha256: str  # of `text`: a CRLF checkout of a page is the same page
    format: str = "markdown"  # one of FORMATS: which reader reads it


def read_source(path: Path, display_path: str, format: str | None = None, served_as: str | None = None) -> SourceText:
    """`format`: what errgen.toml says (`format = "html"`); None: from the name and first bytes.
    `served_as`: the charset the page was downloaded with (errgen.lock's `fetched`)."""
    return decode_source(read_regular_file(path, display_path), display_path, format, served_as)


def source_format(display_path: str, data: bytes, declared: str | None = None) -> str:
    """HTML by its name (`.html`, `.htm`), by its first bytes (`<!doctype html`,
    `<html`, after a BOM and white space) or as declared; else Markdown."""
    if declared is not None:
        return declared
    if display_path.lower().endswith(_HTML_SUFFIXES):
        return "html"
    head = data[:512].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return "html" if head.startswith(_HTML_STARTS) else "markdown"


def read_regular_file(path: Path, display_path: str) -> bytes:
    """The bytes of a regular file, at most MAX_BYTES; refused at once otherwise.

    Opened with O_NONBLOCK so that a FIFO cannot block the open itself; then
    anything but a regular file (FIFO, device, socket) is refused before a read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as handle:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(info.st_mode):
                raise error(display_path, "io", "is not a regular file (a FIFO, device or socket): errgen reads files only")
            size = info.st_size
            data = b"" if size > MAX_BYTES else handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise error(display_path, "io", "no such file") from None
    except IsADirectoryError:
        raise error(display_path, "io", "is a directory, not a Markdown file") from None
    except OSError as exc:
        raise error(display_path, "io", f"cannot read file: {exc.strerror}") from None
    except ValueError:  # os.open: "embedded null byte"
        raise error(display_path, "io", "the path holds a NUL character: no file can have it") from None
    if size > MAX_BYTES or len(data) > MAX_BYTES:
        shown = f"{size} bytes" if size > MAX_BYTES else f"more than {MAX_BYTES} bytes"
        raise error(display_path, "file-too-large", f"file is {shown}; errgen reads pages up to {MAX_BYTES} bytes")
    return data


def decode_source(data: bytes, display_path: str, format: str | None = None,
                  served_as: str | None = None) -> SourceText:
    """`served_as`: the charset of an HTTP answer's Content-Type (fetch), which a
    page's own BOM or `<meta charset>` overrides (see encoding.py)."""
    if not data.strip():
        raise error(display_path, "empty-file", "file is empty")
    kind = source_format(display_path, data, format)
    encoding = html_encoding(data, display_path, served_as) if kind == "html" else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line, column = position_of_byte(data, exc.start)
        shown = "UTF-8" if encoding == "utf-8" else encoding
        raise error(
            display_path,
            "invalid-utf8" if encoding == "utf-8" else "invalid-encoding",
            f"invalid {shown}: byte 0x{data[exc.start]:02x} at offset {exc.start}",
            line,
            column,
        ) from None
    if "\x00" in text:
        line, column = position_of_byte(data, data.index(b"\x00"))
        raise error(display_path, "binary-file", "file holds a NUL byte: not a text page", line, column)
    # markdown-it keeps a BOM as text and then no longer sees the first
    # heading as a heading; lone CR and CRLF both end a line.
    text = text.removeprefix(_BOM).replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(display_path, text, hashlib.sha256(text.encode("utf-8")).hexdigest(), kind)


def position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    before = data[:offset]
    line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return line, column
