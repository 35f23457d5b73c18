"""Which reader reads a page: by the format `source.py` found (name, first bytes, errgen.toml)."""

from __future__ import annotations

from .raw import RawPage, ReadOptions
from .source import SourceText


def read_raw(src: SourceText, options: ReadOptions) -> RawPage:
    if src.format == "html":
        # Imported for HTML pages only: Markdown runs never load Lexbor.
        from .html import read_html

        return read_html(src, options)
    from .markdown import read_markdown

    return read_markdown(src, options)
