"""The four built HTML pages of tests/corpus/html/, read by the HTML reader and
checked against an independent reading of each.

The readings are regular expressions over the known markup of each page
(which element holds the code, which the name or message), written from the
files, not from the reader: where they agree on every code, both are right.
The two pages built from Markdown in the corpus must give the JSON of that
Markdown, apart from `source` and the line and column of each item.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from errgen.model import ErrorPage
from errgen.pipeline import PageOptions, ReadOptions, parse_page
from errgen.read.source import read_source
from errgen.targets.json.document import document as page_document
from support import run_errgen

HTML = Path(__file__).parent / "corpus" / "html"
BLOCPAL, BYBIT = HTML / "blocpal-exchange-errors.html", HTML / "bybit-v5-error.html"
KUCOIN, LIBUV = HTML / "kucoin-2019-build-en.html", HTML / "libuv-errors.html"


def read(path: Path, section: tuple[str, ...] = ()) -> ErrorPage:
    page, _ = parse_page(read_source(path, path.name), PageOptions(path.stem, reading=ReadOptions(section=section)))
    return page


def between(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def test_blocpal_headings_as_the_article_has_them() -> None:
    text = BLOCPAL.read_text(encoding="utf-8")
    article = between(text, "<article>", "</article>")
    # <h4 class="anchor …" id="-1000-unknown">-1000 UNKNOWN<a … class="hash-link" …>​</a></h4>
    headings = re.findall(r'<h4[^>]*>(-\d+) ([A-Z0-9_]+)<a [^>]*class="hash-link"', article)
    page = read(BLOCPAL)
    assert [(e.code, e.name) for e in page.errors] == [(int(code), name) for code, name in headings]
    assert len(headings) == 39
    # The right-hand table of contents links every section heading again, outside <article>.
    toc = text[text.index("</article>") :]
    assert 'href="#10xx-general-server-or-network-issues"' in toc
    titles = [c.title for c in page.categories]
    assert len(titles) == len(set(titles)) and "10xx general server or network issues" in titles
    first = next(e for e in page.errors if e.code == -1000)
    assert [m.text for m in first.messages] == ["An unknown error occured while processing the request."]


def test_bybit_rows_as_the_tables_have_them() -> None:
    text = BYBIT.read_text(encoding="utf-8")
    article = between(text, "<article>", "</article>")
    rows = []
    for body in re.findall(r"<tbody>(.*?)</tbody>", article, re.DOTALL):
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.DOTALL):
            first = re.match(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)
            assert first is not None
            cell = first[1]
            rows.append((html.unescape(re.sub(r"<[^>]+>", "", cell)).strip(), "<del>" in cell))
    assert len(rows) == 726
    codes = list(dict.fromkeys(int(code) for code, _ in rows))
    assert len(codes) == 710
    page = read(BYBIT)
    assert [e.code for e in page.errors] == codes
    struck = {int(code) for code, deleted in rows if deleted}
    assert struck and {e.code for e in page.errors if e.deprecated} == struck
    assert any(e.code < 0 for e in page.errors)


def test_kucoin_error_section_and_not_the_decoy() -> None:
    text = KUCOIN.read_text(encoding="utf-8")
    errors = between(text, "<h2 id='errors'>", "<h2 id='success'>")
    rows = re.findall(r"<tr>\s*<td>(\d+)</td>\s*<td>(.*?)</td>", errors, re.DOTALL)
    page = read(KUCOIN, ("Errors",))
    assert [(e.code, e.description) for e in page.errors] == [(int(c), html.unescape(d)) for c, d in rows]
    assert len(rows) == 20
    assert [c.title for c in page.categories] == ["HTTP error status codes", "System error codes"]


def test_libuv_definitions_as_sphinx_writes_them() -> None:
    text = LIBUV.read_text(encoding="utf-8")
    macros = re.findall(r'<dl class="macro">\s*<dt id="c\.(\w+)">\s*<code class="descname">(\w+)</code>'
                        r'<a class="headerlink"[^>]*>¶</a></dt>\s*<dd><p>(.*?)</p>', text, re.DOTALL)
    page = read(LIBUV)
    assert [(e.code, e.description) for e in page.errors] == [(code, " ".join(d.split())) for _, code, d in macros]
    assert len(macros) == 78  # UV_ERRNO_MAP(iter_macro) is a macro, not a code
    assert page.code_type == "str"


def _without_places(document: dict[str, Any]) -> dict[str, Any]:
    """The JSON document without `source` and the lines of each item: the
    Markdown and the HTML put one page on different lines."""
    text = json.dumps({k: v for k, v in document.items() if k != "source"})
    return dict(json.loads(re.sub(r'"(line|column)": \d+', r'"\1": 0', text)))


@pytest.mark.parametrize(("built", "source"), [
    (BLOCPAL, HTML / "blocpal-exchange-errors.md"),
    (BYBIT, HTML / "bybit-v5-error.mdx"),
], ids=["blocpal", "bybit"])
def test_html_reads_as_its_markdown(built: Path, source: Path) -> None:
    from_html = _without_places(page_document(read(built)))
    from_markdown = _without_places(page_document(read(source)))
    if built == BYBIT:
        # The MDX has its title in front matter, which Docusaurus prints as the page's <h1>.
        assert (from_markdown.pop("title"), from_html.pop("title")) == ("HTTP Code", "Error Codes")
    assert from_html == from_markdown
    assert len(from_html["errors"]) in (39, 710)


def test_positions_point_at_the_text_in_the_file() -> None:
    """Each code's line and column is where its text starts in the HTML file,
    also on a minified page (bybit: 15 lines)."""
    for path in (BLOCPAL, BYBIT, LIBUV):
        lines = path.read_text(encoding="utf-8").split("\n")
        for error in read(path).errors:
            at = lines[error.line - 1][error.column - 1 :]
            assert re.match(r"(<[^>]+>)*" + re.escape(str(error.code)), at), (path.name, error.code, at[:40])


def test_dump_and_lint_of_an_html_page(tmp_path: Path) -> None:
    result = run_errgen("dump", str(LIBUV), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["errors"][0]["code"] == "UV_E2BIG"
    lint = run_errgen("lint", str(BLOCPAL), cwd=tmp_path)
    assert "Traceback" not in lint.stderr and lint.returncode in (0, 1)
