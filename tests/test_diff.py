"""`errgen diff`: the two real versions of the spot page against an independent
reading of both files, small pairs for each kind of change, the three formats,
and `errgen check` saying what changed in the docs."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import shutil
from pathlib import Path

import pytest
from errgen.pipeline import PageOptions, parse_page
from errgen.read.source import decode_source, read_source
from errgen.targets.json.document import document
from errgen.verbs.diff import (
    PageDiff,
    PageView,
    diff_pages,
    format_markdown,
    view_of_document,
    view_of_page,
)
from markdown_it import MarkdownIt
from support import CORPUS, ROOT, make_project, run_errgen

OLD_SPOT = CORPUS / "binance-spot-errors-2025-01-09.md"
NEW_SPOT = CORPUS / "binance-spot-errors-2026-05-18.md"
PAGES = sorted(ROOT.glob("docs_src/*.md")) + [OLD_SPOT]


def view(path: Path) -> PageView:
    page, _ = parse_page(read_source(path, path.name), PageOptions(path.stem))
    return view_of_page(page)


def view_of_text(text: str, path: str) -> PageView:
    page, _ = parse_page(decode_source(text.encode("utf-8"), path), PageOptions("page"))
    return view_of_page(page)


def diff_texts(old: str, new: str) -> PageDiff:
    return diff_pages(view_of_text(old, "old.md"), view_of_text(new, "new.md"))


def independent_reading(path: Path) -> dict[int, tuple[str, set[str]]]:
    """code -> (name, bullet texts), read line by line the way a person reads spot's page:
    `### -CODE NAME` headings (one is `####`), `*` bullets, any other heading ends a code."""

    def plain(text: str) -> str:
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("`", "")
        return " ".join(text.split())

    codes: dict[int, tuple[str, set[str]]] = {}
    current: int | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"#+ -(\d+) (.+)", line)
        if heading:
            current = -int(heading[1])
            codes[current] = (heading[2].strip(), set())
        elif line.startswith("#"):
            current = None
        elif current is not None and re.match(r"\s*\* ", line):
            codes[current][1].add(plain(line.strip()[2:]))
    return codes


@pytest.fixture(scope="module")
def spot() -> PageDiff:
    return diff_pages(view(OLD_SPOT), view(NEW_SPOT))


def test_spot_versions_match_an_independent_reading(spot: PageDiff) -> None:
    old, new = independent_reading(OLD_SPOT), independent_reading(NEW_SPOT)
    assert [c.code for c in spot.added] == [code for code in new if code not in old]
    assert [c.code for c in spot.removed] == [code for code in old if code not in new]
    assert [c.new.code for c in spot.renamed] == [code for code in new if code in old and old[code][0] != new[code][0]]
    bullets_changed = {code for code in new if code in old and old[code][1] != new[code][1]}
    # -1013 links to the "Filter failures" and "other errors" tables, -2010 and
    # -2011 are named by the latter's heading: both tables gained rows.
    assert {c.new.code for c in spot.changed} == bullets_changed | {-1013, -2010, -2011}


def test_spot_versions_hand_checked_facts(spot: PageDiff) -> None:
    assert [(c.code, c.name, c.line) for c in spot.removed] == [(-1167, "BOTH_OCO_ORDERS_CANNOT_BE_CONTINGENT", 187)]
    assert [c.code for c in spot.added][:3] == [-1033, -1034, -1035]
    assert spot.renamed == () and spot.breaking
    by_code = {change.new.code: change for change in spot.changed}
    mdreq = by_code[-1190]  # quotes became a code span: the API's text changed
    assert mdreq.messages_removed[0].text.startswith("'MDReqID (262)' contains a subscription")
    assert [(m.line, m.column) for m in mdreq.messages_added] == [(279, 3), (280, 3)]
    assert "Order amend is not supported for this symbol." in {m.text for m in by_code[-2010].messages_added}
    assert "Filter failure: MAX_NUM_ORDER_AMENDS" in {m.text for m in by_code[-1013].messages_added}
    # -2021's paragraph became a bullet: a template `match` now knows.
    assert [m.text[:24] for m in by_code[-2021].messages_added] == ["This code is sent when e"]


@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(PAGES, 2)), ids=lambda p: p.stem)
def test_diff_of_any_two_pages_is_its_reverse_mirrored(a: Path, b: Path) -> None:
    forward, backward = diff_pages(view(a), view(b)), diff_pages(view(b), view(a))
    assert [c.code for c in forward.added] == [c.code for c in backward.removed]  # both in b's order
    assert {c.code for c in forward.removed} == {c.code for c in backward.added}
    assert {(c.old.name, c.new.name) for c in forward.renamed} == {(c.new.name, c.old.name) for c in backward.renamed}
    assert {(c.new.code, frozenset(m.text for m in c.messages_added)) for c in forward.changed} == {
        (c.new.code, frozenset(m.text for m in c.messages_removed)) for c in backward.changed
    }


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_a_page_and_its_json_document_project_to_the_same_codes(path: Path) -> None:
    page, _ = parse_page(read_source(path, path.name), PageOptions(path.stem))
    from_page = view_of_page(page)
    from_json = view_of_document(json.loads(json.dumps(document(page))), "x.json")
    assert diff_pages(from_json, from_page).is_empty
    assert [(c.code, c.name, c.identifier, [m.text for m in c.messages]) for c in from_json.codes] == [
        (c.code, c.name, c.identifier, [m.text for m in c.messages]) for c in from_page.codes
    ]


# -- small pairs, one kind of change each --------------------------------------

BASE = """## 10xx - General
### -1000 UNKNOWN
* An unknown error occurred.

#### \\-1008 Request Throttled
* Server is busy.
* Try again in %s minutes.
"""


def test_a_published_name_change_is_a_breaking_rename() -> None:
    result = diff_texts(BASE, BASE.replace("Request Throttled", "SERVER_BUSY"))
    (change,) = result.renamed
    assert (change.old.name, change.new.name) == ("Request Throttled", "SERVER_BUSY")
    assert (change.old.identifier, change.new.identifier) == ("REQUEST_THROTTLED", "SERVER_BUSY")
    assert result.breaking and not result.changed and not result.added and not result.removed


def test_a_renamed_code_whose_messages_changed_is_reported_both_ways() -> None:
    new = BASE.replace("Request Throttled", "SERVER_BUSY").replace("* Server is busy.\n", "* Server is overloaded.\n")
    result = diff_texts(BASE, new)
    assert [c.new.code for c in result.renamed] == [c.new.code for c in result.changed] == [-1008]
    (change,) = result.changed
    assert [(m.text, m.line) for m in change.messages_removed] == [("Server is busy.", 6)]
    assert [(m.text, m.line) for m in change.messages_added] == [("Server is overloaded.", 6)]


def test_reordered_messages_moved_codes_and_reformatted_markdown_are_no_change() -> None:
    new = """# Errors

## 10xx - General
#### −1008 Request   Throttled
- Try again in `%s` minutes.
- Server is **busy**.

### -1000 UNKNOWN
* An unknown
  error occurred.
"""
    assert diff_texts(BASE, new).is_empty


def test_a_reworded_category_heading_would_move_its_codes_to_another_category_id() -> None:
    """Without errgen.lock (as `diff` compares two pages) the id follows the heading:
    code that catches the category's class would stop catching, so it is breaking."""
    result = diff_texts(BASE, BASE.replace("## 10xx - General", "## 10xx - General Server issues"))
    assert [(c.new.code, c.old.category, c.new.category) for c in result.moved] == [
        (-1000, "10xx_general", "10xx_general_server_issues"),
        (-1008, "10xx_general", "10xx_general_server_issues"),
    ]
    assert result.breaking and not (result.added or result.removed or result.renamed or result.changed)


def test_added_messages_are_not_breaking_and_removed_codes_are() -> None:
    added = diff_texts(BASE, BASE + "* Server is busy; retry.\n")
    assert [c.new.code for c in added.changed] == [-1008] and not added.breaking
    removed = diff_texts(BASE, BASE.split("#### ")[0])
    assert [(c.code, c.line) for c in removed.removed] == [(-1008, 5)] and removed.breaking


# -- formats and the command line -----------------------------------------------


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    new = BASE.replace("Request Throttled", "SERVER_BUSY").replace("### -1000 UNKNOWN\n* An unknown error occurred.\n\n", "")
    new += "\n### -1003 TOO_MANY_REQUESTS\n* Too many requests.\n"
    new = new.replace("* Try again in %s minutes.\n", "* Try again in %s seconds.\n")
    (tmp_path / "old.md").write_text(BASE, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    return tmp_path


def test_text_format_is_compiler_style_with_both_places(pair: Path) -> None:
    result = run_errgen("diff", "old.md", "new.md", cwd=pair)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        'old.md:2:1: code -1000 "UNKNOWN" was removed [code-removed]',
        (
            'new.md:2:1: code -1008 "Request Throttled" was renamed to "SERVER_BUSY"; '
            "identifier REQUEST_THROTTLED is now SERVER_BUSY; had class RequestThrottled, now ServerBusy "
            "(was at old.md:5:1) [code-renamed]"
        ),
        'new.md:2:1: code -1008 "SERVER_BUSY" changed its messages: 1 added, 1 removed (was at old.md:5:1) [code-changed]',
        'old.md:7:3: message "Try again in %s minutes." was removed from code -1008 [message-removed]',
        'new.md:4:3: message "Try again in %s seconds." was added to code -1008 [message-added]',
        'new.md:6:1: code -1003 "TOO_MANY_REQUESTS" was added [code-added]',
        ("errgen: 1 added, 1 removed, 1 renamed, 1 changed: -1000 UNKNOWN was removed; -1008 Request Throttled was "
         "renamed to SERVER_BUSY; -1008 SERVER_BUSY changed its messages; -1003 TOO_MANY_REQUESTS was added; breaking"),
    ]


def test_breaking_flag_sets_the_exit_code(pair: Path) -> None:
    assert run_errgen("diff", "--breaking", "old.md", "new.md", cwd=pair).returncode == 1
    (pair / "grown.md").write_text(BASE + "### -1001 DISCONNECTED\n* Internal error.\n", encoding="utf-8")
    grown = run_errgen("diff", "--breaking", "old.md", "grown.md", cwd=pair)
    assert (grown.returncode, grown.stdout.splitlines()[-1]) == (0, "errgen: 1 added, 0 removed, 0 renamed, 0 changed: -1001 DISCONNECTED was added")


def test_json_format_carries_names_identifiers_and_messages_per_code(pair: Path) -> None:
    result = run_errgen("diff", "--format", "json", "old.md", "new.md", cwd=pair)
    assert json.loads(result.stdout) == {
        "added": [{"code": -1003, "name": "TOO_MANY_REQUESTS", "identifier": "TOO_MANY_REQUESTS",
                   "messages": ["Too many requests."]}],
        "removed": [{"code": -1000, "name": "UNKNOWN", "identifier": "UNKNOWN",
                     "messages": ["An unknown error occurred."]}],
        "renamed": [{"code": -1008, "old": "Request Throttled", "new": "SERVER_BUSY",
                     "old_identifier": "REQUEST_THROTTLED", "identifier": "SERVER_BUSY",
                     "old_class": "RequestThrottled", "class": "ServerBusy"}],
        "changed": [{"code": -1008, "name": "SERVER_BUSY", "identifier": "SERVER_BUSY",
                     "messages_added": ["Try again in %s seconds."], "messages_removed": ["Try again in %s minutes."]}],
        "moved": [],
        "breaking": True,
    }


def test_markdown_format_is_a_changelog_section(pair: Path) -> None:
    result = run_errgen("diff", "--format", "markdown", "old.md", "new.md", cwd=pair)
    assert result.stdout == (
        "### Error codes\n\n"
        "1 added, 1 removed, 1 renamed, 1 changed.\n\n"
        "#### Breaking\n\n"
        "- Removed `-1000` `UNKNOWN`.\n"
        "- Renamed `-1008`: `REQUEST_THROTTLED` is now `SERVER_BUSY` "
        "(published name `Request Throttled` is now `SERVER_BUSY`); class `RequestThrottled` is now "
        "`ServerBusy`.\n\n"
        "#### Added\n\n- `-1003` `TOO_MANY_REQUESTS`\n\n"
        "#### Changed messages\n\n"
        "- `-1008` `SERVER_BUSY`\n  - removed: `Try again in %s minutes.`\n  - added: `Try again in %s seconds.`\n"
    )


def test_markdown_keeps_hostile_messages_inside_their_code_spans() -> None:
    hostile = ["a ` b", "``x``", "`", "| pipe | *star* <script>x</script> [l](u)", "ends with `", "\\ back"]
    old = "### -1000 A\n* plain\n"
    # Every punctuation character escaped, so each bullet's plain text is `text`.
    new = old + "".join("* " + re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text) + "\n" for text in hostile)
    markdown = format_markdown(diff_texts(old, new))
    inlines = [token for token in MarkdownIt("commonmark").parse(markdown) if token.type == "inline"]
    spans = [child.content for token in inlines for child in token.children or [] if child.type == "code_inline"]
    assert spans == ["-1000", "A", *hostile]


def test_unreadable_or_codeless_pages_are_bad_input(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# Notes\n\nNo codes here.\n", encoding="utf-8")
    result = run_errgen("diff", "notes.md", "missing.md", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert [line.split(": error: ")[0] for line in result.stderr.splitlines()] == ["missing.md:1:1", "notes.md:1:1"]


def test_check_says_what_changed_in_the_docs_for_each_source(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"spot": OLD_SPOT, "tiny": BASE})
    assert run_errgen("generate", cwd=root).returncode == 0
    shutil.copyfile(NEW_SPOT, root / "docs_src" / "spot.md")
    (root / "output" / "json" / "tiny.json").write_text("{not json", encoding="utf-8")
    lock = json.loads((root / "errgen.lock").read_text(encoding="utf-8"))  # committed with it: errgen's bytes
    lock["files"]["output/json/tiny.json"] = hashlib.sha256(b"{not json").hexdigest()
    (root / "errgen.lock").write_text(json.dumps(lock), encoding="utf-8")
    result = run_errgen("check", cwd=root)
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("errgen: docs_src/")] == [
        "errgen: docs_src/spot.md changed since output/json/spot.json: 16 added, 1 removed, 0 renamed, 16 changed",
        "errgen: docs_src/tiny.md: no readable output/json/tiny.json to compare the docs with",
    ]
    # Then code by code, the breaking ones first, naming each code.
    named = [line for line in result.stderr.splitlines() if line.startswith("errgen:   ")]
    assert named[:2] == ["errgen:   -1167 BOTH_OCO_ORDERS_CANNOT_BE_CONTINGENT was removed",
                         "errgen:   -1013 INVALID_MESSAGE changed its messages"]
    assert named[-1] == "errgen:   and 13 more (errgen diff shows all)"
