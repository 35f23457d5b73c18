"""A part a page is read in without `section` (the errors part, the first of two
languages) is cut from the walk of the whole page (read/markdown/walk.py,
`Walker.part`) instead of walked again: the cut must be exactly what a walk of
that part alone reads, on real pages and on pages made to tell the two apart."""

from __future__ import annotations

import pytest
from errgen.read.markdown import read_tokens, tokenize
from errgen.read.markdown.walk import Walker
from errgen.read.raw import RawPage, ReadOptions
from errgen.read.source import SourceText, read_source
from support import CORPUS

# The corpus pages whose no-flag reading chooses a part (test_inference_corpus.py's CHOSEN).
CHOSEN = ["binance-wallet.md", "binance-portfolio-margin.md", "okx-rest-api-public.md"]

_HALF = """\
## 10xx - General

### -1000 UNKNOWN
* An unknown error occurred.
* Another <a id="m1"></a>message.

### -1001 DISCONNECTED
* Internal error; unable to process your request.

| Message | Description |
|---|---|
| Too many requests | Slow down |

- -1002 - a code bullet
- -1003 - another one
"""

HOSTILE = {
    # An anchor waits for each part's heading, the link target of the message table under it.
    "anchors_before_parts": "".join(f'<a id="{part}"></a>\n\n# {title}\n\n| Message | Description |\n|---|---|\n| Bad | x |\n\n{_HALF}\n'
                                    for part, title in (("en", "Error Codes"), ("zh", "错误代码"))),
    # The second part's heading stands inside a list item of the first part.
    "heading_in_item": f"# Error Codes\n\n{_HALF}\n- last item\n\n  # 错误代码\n\n{_HALF}",
    # The first part ends in an open list (its items are read when it closes).
    "part_ends_in_list": f"# Error Codes\n\n{_HALF}\n- 2024: added\n- 2025: changed\n# 错误代码\n\n{_HALF}",
    # An errors part between an endpoint's codes and a changelog, with categories before it.
    "errors_part": (
        "# API\n\n## Orders\n\n- `-5000` - not an error listing\n\n## Error Codes\n\n" + _HALF.replace("##", "###")
        + "\n### Messages\n\n| Message | Description |\n|---|---|\n| Bad | worse |\n\n## Changelog\n\n- 2024: added\n"
    ),
    # Nested too deep inside the part: the error is the part's.
    "too_deep": "# Error Codes\n\n" + _HALF + "\n" + "".join(">" * 60 + " x\n") + "\n# 错误代码\n\n" + _HALF,
    # The parts' headings are string codes as siblings (codes of the whole page), alone no code.
    "string_code_tops": "".join(f"# ERRORS_{part}\n\n" + "".join(f"## -100{n} CODE_{n}\n* Message {n}.\n\n" for n in range(6))
                                for part in ("EN", "ZH")),
}


def _both(src: SourceText, options: ReadOptions, monkeypatch: pytest.MonkeyPatch) -> tuple[RawPage, RawPage]:
    tokens = tokenize(src)
    cut = read_tokens(src, tokens, options)
    with monkeypatch.context() as patched:
        patched.setattr(Walker, "part", lambda self, start, end, tokens: None)
        walked = read_tokens(src, tokens, options)
    return cut, walked


@pytest.mark.parametrize("name", CHOSEN)
def test_a_part_of_a_corpus_page_is_read_as_walked_alone(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cut, walked = _both(read_source(CORPUS / name, name), ReadOptions(), monkeypatch)
    assert any(d.rule == "section-chosen" for d in cut.diagnostics)
    assert cut == walked


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("pattern", [None, r"(?P<code>-[0-9]+) (?P<name>[A-Z]+)"])
def test_a_part_of_a_hostile_page_is_read_as_walked_alone(name: str, pattern: str | None,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    src = SourceText(f"{name}.md", HOSTILE[name], "0" * 64, "markdown")
    cut, walked = _both(src, ReadOptions(code_pattern=pattern), monkeypatch)
    assert cut == walked
    assert cut.entries  # the page holds codes, whichever part is read
