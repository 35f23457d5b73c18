"""Any bytes that look like HTML read to a page or to errors at their place:
never a traceback, never a loss of the codes around the hostile part."""

from __future__ import annotations

from errgen.diagnostics import ErrgenError
from errgen.pipeline import PageOptions, parse_page
from errgen.read.source import decode_source
from hypothesis import given, settings
from hypothesis import strategies as st

PIECES = ["<table>", "</table>", "<tr>", "<td>", "</td>", "<th>Code</th>", "<ul>", "<li>", "</ul>", "<h4>",
          "</h4>", "<h2>Cat</h2>", "-1000 X", "1001", "<del>", "<!--", "-->", "<script>", "</script>", "<dl>",
          "<dt><code>E_X</code></dt>", "<dd>d</dd>", "<a class=\"hash-link\" href=\"#x\">\u200b</a>", "&amp;",
          "&#x202E;", "<br>", "<p>", "</p>", "<blockquote>", "<div>", "</div>", "<svg>", "<template>", "\n", " ",
          "\ufeff", "<", ">", "\"", "&"]
GOOD = "<h2>Errors</h2><h4>-1 KNOWN_CODE</h4><ul><li>Known message.</li></ul>"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_hostile_html_never_breaks_the_reader(pieces: list[str]) -> None:
    text = "<!doctype html><html><body><main>" + GOOD + "".join(pieces)
    try:
        page, _ = parse_page(decode_source(text.encode(), "page.html"), PageOptions(source_id="page"))
    except ErrgenError as exc:  # an error at its place (a code out of range, a clash): never a traceback
        assert all(d.line >= 1 and d.column >= 1 for d in exc.diagnostics)
        return
    # The well-formed code before the hostile part is always read, once (a string
    # code after it, such as E_X, makes every code of the page a string).
    assert [str(e.code) for e in page.errors].count("-1") == 1
    assert all(e.line >= 1 and e.column >= 1 for e in page.errors)
