"""The bench's synthetic pages are the reference page's form at any size: errgen
reads N codes from them, each with the messages of the reference code it copies."""

from __future__ import annotations

from errgen.pipeline import PageOptions, parse_page
from errgen.read.source import decode_source, read_source

from bench.synth import CODES_PER_CATEGORY, REFERENCE, read_reference, synthetic_page

SIZE = 250  # more codes than the reference page has: its blocks repeat


def test_synthetic_page_has_n_codes_copied_from_the_reference_page() -> None:
    reference, _ = parse_page(read_source(REFERENCE, "coinm.md"), PageOptions(source_id="coinm"))
    text = synthetic_page(read_reference(REFERENCE.read_text(encoding="utf-8")), SIZE)
    page, diagnostics = parse_page(decode_source(text.encode(), "synthetic.md"), PageOptions(source_id="synthetic"))

    assert diagnostics == []
    assert len(page.errors) == SIZE
    assert len({error.identifier for error in page.errors}) == SIZE
    assert len(page.categories) == -(-SIZE // CODES_PER_CATEGORY)
    for i, error in enumerate(page.errors):
        original = reference.errors[i % len(reference.errors)]
        assert error.code == -(1000 + i)
        assert error.name == f"{original.name}_{i}"
        assert [m.text for m in error.messages] == [m.text for m in original.messages]
        assert error.category == page.categories[i // CODES_PER_CATEGORY].id


def test_synthetic_page_is_the_same_bytes_every_time() -> None:
    reference = read_reference(REFERENCE.read_text(encoding="utf-8"))
    assert synthetic_page(reference, SIZE) == synthetic_page(reference, SIZE)


def test_the_docusaurus_page_reads_as_its_markdown() -> None:
    """bench/synth_html.py's page is the synthetic page as Docusaurus serves it:
    the HTML reader finds every code, name, message and category of the Markdown."""
    from bench.synth_html import docusaurus_page

    markdown = synthetic_page(read_reference(REFERENCE.read_text(encoding="utf-8")), SIZE)
    html = docusaurus_page(markdown)
    from_markdown, _ = parse_page(decode_source(markdown.encode(), "synthetic.md"), PageOptions(source_id="s"))
    from_html, diagnostics = parse_page(decode_source(html.encode(), "synthetic.html"), PageOptions(source_id="s"))

    assert diagnostics == []
    assert len(from_html.errors) == SIZE
    assert [(e.code, e.name, e.category, [m.text for m in e.messages], e.description) for e in from_html.errors] == \
        [(e.code, e.name, e.category, [m.text for m in e.messages], e.description) for e in from_markdown.errors]
    assert [c.title for c in from_html.categories] == [c.title for c in from_markdown.categories]
