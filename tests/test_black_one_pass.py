"""The Python template writes what black would write: black, run on a cache miss,
then formats each module in one pass (it formats twice whenever the first pass
changed anything), and a page's module costs one black pass, not two."""

from __future__ import annotations

from pathlib import Path

import pytest
from errgen import targets
from errgen.config.project import load_config
from errgen.model import ErrorPage
from errgen.pipeline import PageOptions, parse_page
from errgen.read.source import read_source
from errgen.targets.python.format import format_python
from errgen.targets.python.target import MODULE_TEMPLATE, module_source
from errgen.verbs.api import load_pages
from support import ROOT

HOSTILE = ROOT / "tests" / "fixtures" / "hostile.md"


def project_pages() -> list[ErrorPage]:
    pages, _ = load_pages(load_config(ROOT / "errgen.toml", "errgen.toml"))
    return [*pages, parse_page(read_source(HOSTILE, "hostile.md"), PageOptions(source_id="hostile"))[0]]


@pytest.mark.parametrize("page", project_pages(), ids=lambda page: page.source.id)
def test_black_leaves_the_module_as_the_template_wrote_it(page: ErrorPage, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ERRGEN_CACHE_DIR", "")  # black itself, not a cached answer
    source = module_source(page, targets.get("python").context())
    assert format_python(source, MODULE_TEMPLATE) == source


def test_a_long_url_and_quotes_in_messages_need_no_second_pass(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """What black would otherwise rewrite: the URL line (85 characters here), and
    a message with more double quotes than single ones (black quotes it with
    single quotes)."""
    monkeypatch.setenv("ERRGEN_CACHE_DIR", "")
    page = tmp_path / "page.md"
    page.write_text('### 10xx\n\n#### -1001 QUOTED\n\n- Order "%s" is not "open".\n- It\'s "1" of \'2\'\n',
                    encoding="utf-8")
    url = "https://developers.binance.com/docs/derivatives/usds-margined-futures/error-code#a123"
    parsed, _ = parse_page(read_source(page, "page.md"), PageOptions(source_id="page", url=url))
    source = module_source(parsed, targets.get("python").context())
    assert format_python(source, MODULE_TEMPLATE) == source


def test_one_message_under_many_codes_needs_no_second_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`match` keeps one template per text, owned by every code that lists it:
    its tuple of codes is longer than a line here."""
    monkeypatch.setenv("ERRGEN_CACHE_DIR", "")
    page = tmp_path / "page.md"
    page.write_text("### 10xx\n\n" + "".join(f"#### -{1000 + n} CODE_{n}\n\n- Too many requests.\n\n" for n in range(20)),
                    encoding="utf-8")
    parsed, _ = parse_page(read_source(page, "page.md"), PageOptions(source_id="page"))
    source = module_source(parsed, targets.get("python").context())
    assert "-1019,\n" in source  # the codes' tuple is one code a line
    assert format_python(source, MODULE_TEMPLATE) == source
