"""Identifiers from published names, and the anchors GitHub gives headings.

Both run once per heading, so they take fast paths; each fast path is checked
here against the plain definition it stands for.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from errgen.assemble.identifiers import identifier as identifier_for
from errgen.assemble.slugs import github_slug, unique_slug


def slug_by_definition(text: str) -> str:
    """GitHub's rule, one character at a time: letters, numbers, marks, `-`, `_` stay; spaces become `-`."""
    kept = []
    for ch in text.lower():
        if ch == " ":
            kept.append("-")
        elif ch in "-_" or unicodedata.category(ch)[0] in "LNM":
            kept.append(ch)
    return "".join(kept)


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Filter failures", "filter-failures"),
        ("11xx - 2xxx Request issues", "11xx---2xxx-request-issues"),
        ("-1121 BAD_SYMBOL", "-1121-bad_symbol"),
        ("Messages for -1010 ERROR_MSG_RECEIVED, -2010 NEW_ORDER_REJECTED", "messages-for--1010-error_msg_received--2010-new_order_rejected"),
        ("10xx - 常规服务器或网络问题", "10xx---常规服务器或网络问题"),
        ("无效的TIF参数（timeInForce）", "无效的tif参数timeinforce"),
        ("Café́ – naïve", "café́--naïve"),
    ],
)
def test_slugs_of_real_and_accented_headings(heading: str, slug: str) -> None:
    assert github_slug(heading) == slug == slug_by_definition(heading)


def test_the_slug_keeps_exactly_letters_numbers_and_marks_in_the_whole_bmp() -> None:
    # Lower-casing can change a string's length, so compare character by character.
    for start in range(0x80, 0x10000, 0x800):
        chars = [chr(c) for c in range(start, start + 0x800) if not 0xD800 <= c < 0xE000]
        assert [github_slug(f"a{ch}") for ch in chars] == [slug_by_definition(f"a{ch}") for ch in chars]


def test_repeated_headings_are_numbered_as_github_numbers_them() -> None:
    taken: set[str] = set()
    assert [unique_slug(t, taken) for t in ("Filter failures", "Filter failures", "Filter failures-1", "")] == [
        "filter-failures",
        "filter-failures-1",
        "filter-failures-1-1",
        "section",
    ]


def identifier_by_definition(name: str, code: int) -> str:
    """DESIGN.md's rule without the fast path."""
    if not name.isascii():
        return f"E{abs(code)}"
    ident = re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")
    if not ident:
        return f"E{abs(code)}"
    return "E_" + ident if ident[0].isdigit() else ident


@pytest.mark.parametrize(
    "name",
    ["BAD_SYMBOL", "MARGIN_NOT_SUFFICIEN", "Request Throttled", "Exceed_Maximum_Modify_Order_Limit", "A__B", "_A",
     "A_", "X1_2", "1ST", "未知错误", "无效的TIF参数", "--", "Order cancel-replace partially failed", "ÉTAT"],
)
def test_identifiers_follow_the_rule_whichever_path_computes_them(name: str) -> None:
    assert identifier_for(name, -1121) == identifier_by_definition(name, -1121)
    assert re.fullmatch(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*", identifier_for(name, -1121))


def test_a_name_in_another_script_never_leaks_ascii_into_the_identifier() -> None:
    assert identifier_for("无效的TIF参数", -1115) == "E1115"
    assert identifier_for("𝐁𝐀𝐃", -1121) == "E1121"
