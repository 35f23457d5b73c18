"""Hypothesis round trip: arbitrary Unicode (control characters, separators,
bidi controls, astral characters, hostile fragments) as page titles,
category titles, names, messages and descriptions -> Markdown -> `errgen
generate` -> read back from the JSON, the imported Python and the TypeScript
compiled by tsc and run in node: each equals the text's plain form (DESIGN.md:
runs of spaces, tabs and line ends folded to one space, trimmed).

Hypothesis draws the examples (derandomized: the same ones every run); they
are then batched into a few pages, so tsc and node run once per test run.
`make fuzz` sets ERRGEN_ROUNDTRIP_EXAMPLES higher and ERRGEN_FUZZ=1 for fresh
random examples.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from errgen.assemble.identifiers import identifier as identifier_for
from hostile import HOSTILE, markdown_inline, plain
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from support import compile_typescript, import_file, load_json, run_errgen, run_node

EXAMPLES = int(os.environ.get("ERRGEN_ROUNDTRIP_EXAMPLES", "2000"))
RANDOM = os.environ.get("ERRGEN_FUZZ") == "1"
PAGE_SIZE = 500

# A page never holds NUL (a binary file, tests/test_bad_input.py); everything else goes.
_CHARACTERS = st.characters(codec="utf-8", exclude_characters="\x00")  # UTF-8 has no lone surrogates
_PIECES = st.one_of(
    st.text(_CHARACTERS, max_size=12),
    st.sampled_from(HOSTILE),
    st.sampled_from(["%s", "%d", "{name}", "\uff05s", " ", "  ", "\t", "\n", "\r\n", "\r"]),
)
TEXT = st.lists(_PIECES, max_size=4).map("".join)

# What the heading syntax itself reads differently: a name that starts with a
# separator (`-1 : NAME`, `-1 - NAME`, whitespace) loses it, and a section
# title that starts like a code is a code.
_SEPARATOR_START = re.compile(r"\s|:|[-\u2013\u2014]\s")
_CODE_START = re.compile(r"[-\u2212][0-9]")
NAME = TEXT.filter(lambda name: plain(name) != "" and not _SEPARATOR_START.match(plain(name)))
TITLE = TEXT.filter(lambda title: not _CODE_START.match(plain(title)))


@dataclass(frozen=True)
class Entry:
    """One drawn code: the raw text put into the page."""

    code: int
    name: str
    messages: tuple[str, ...]
    description: str
    category: str | None  # a new section heading above the code, or None: the previous one

    def expected(self, category: str | None) -> tuple[Any, ...]:
        messages = list(dict.fromkeys(plain(m) for m in self.messages if plain(m)))
        return (self.code, plain(self.name), messages, plain(self.description), category)


ENTRY = st.builds(
    Entry,
    code=st.integers(1, 2**53 - 1).map(lambda n: -n),
    name=NAME,
    messages=st.lists(TEXT, max_size=3).map(tuple),
    description=TEXT,
    category=st.none() | TITLE,
)


def draw(count: int) -> list[Any]:
    """`count` examples from Hypothesis, without running anything per example."""
    drawn: list[Any] = []

    @settings(
        max_examples=count, derandomize=not RANDOM, database=None, deadline=None,
        phases=[Phase.generate], suppress_health_check=list(HealthCheck),
    )
    @given(ENTRY, TITLE)
    def collect(entry: Entry, title: str) -> None:
        drawn.append((entry, title))

    collect()
    return drawn


@dataclass
class Page:
    title: str
    entries: list[Entry] = field(default_factory=list)
    # Two names with one identifier are an error (tests/test_bad_input.py), so a
    # name whose identifier is taken gets one from errgen.toml, as a user would.
    overrides: dict[int, str] = field(default_factory=dict)
    identifiers: set[str] = field(default_factory=set)

    def add(self, entry: Entry) -> None:
        identifier = identifier_for(plain(entry.name), entry.code)
        if identifier in self.identifiers:
            identifier = self.overrides[entry.code] = f"OVERRIDE_{abs(entry.code)}"
        assert identifier not in self.identifiers
        self.identifiers.add(identifier)
        self.entries.append(entry)

    def markdown(self) -> str:
        lines = [f"# {markdown_inline(self.title)}", ""]
        for index, entry in enumerate(self.entries):
            if entry.category is not None:
                lines += [f"## {markdown_inline(entry.category)}", ""]
            minus = "\\-" if index % 2 else "-"  # escaped as on the COIN-M page, or bare
            lines += [f"### {minus}{-entry.code} {markdown_inline(entry.name)}", ""]
            lines += [f"- {markdown_inline(message)}" for message in entry.messages]
            lines += ["", markdown_inline(entry.description), ""]
        return "\n".join(lines)

    def expected(self) -> list[tuple[Any, ...]]:
        # The page's H1 is a heading like any other: the category of codes above the first section.
        rows, category = [], plain(self.title)
        for entry in self.entries:
            category = plain(entry.category) if entry.category is not None else category
            rows.append(entry.expected(category))
        return rows


def paginate(drawn: list[Any]) -> list[Page]:
    """Pages of PAGE_SIZE codes; a code drawn twice is renumbered."""
    pages: list[Page] = []
    used: set[int] = set()
    for entry, title in drawn:
        if entry.code in used:
            entry = replace(entry, code=-(10**15 + len(used)))
        used.add(entry.code)
        if not pages or len(pages[-1].entries) == PAGE_SIZE:
            pages.append(Page(title))
        pages[-1].add(entry)
    return pages


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    drawn = draw(EXAMPLES)
    assert len(drawn) >= EXAMPLES
    return paginate(drawn)


@pytest.fixture(scope="module")
def generated(pages: list[Page], tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("roundtrip")
    (base / "docs_src").mkdir()
    config = ["[output]", 'python_package = "roundtrip"', ""]
    for index, page in enumerate(pages):
        (base / "docs_src" / f"page{index}.md").write_text(page.markdown(), encoding="utf-8")
        overrides = ", ".join(f'"{code}" = "{identifier}"' for code, identifier in page.overrides.items())
        config += ["[[sources]]", f'id = "page{index}"', f'path = "docs_src/page{index}.md"',
                   f"identifiers = {{ {overrides} }}", ""]
    (base / "errgen.toml").write_text("\n".join(config), encoding="utf-8")
    # The suite's black cache (conftest.py) is keyed by the text: the same drawn pages
    # skip black on the next run; `make fuzz` draws fresh ones, which go through it.
    result = run_errgen("generate", cwd=base)
    assert result.returncode == 0, result.stderr
    return base / "output"


def first_difference(page: Page, got: list[tuple[Any, ...]]) -> str:
    for entry, want, have in zip(page.entries, page.expected(), got):
        if want != have:
            return f"entry drawn as {entry!r}\n  expected {want!r}\n  got      {have!r}"
    return f"{len(got)} entries read back, {len(page.entries)} written"


def as_rows(records: Iterator[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [tuple(record) for record in records]


def test_enough_examples_reach_every_target(pages: list[Page]) -> None:
    assert sum(len(page.entries) for page in pages) >= EXAMPLES
    assert len(pages) <= EXAMPLES // PAGE_SIZE + 1  # a few pages: tsc and node run once


def test_json_reads_back_the_plain_text(pages: list[Page], generated: Path) -> None:
    for index, page in enumerate(pages):
        document = load_json(generated / "json" / f"page{index}.json")
        titles = {c["id"]: c["title"] for c in document["categories"]}
        got = as_rows(
            (e["code"], e["name"], [m["text"] for m in e["messages"]], e["description"], titles.get(e["category"]))
            for e in document["errors"]
        )
        assert document["title"] == plain(page.title)
        assert got == page.expected(), first_difference(page, got)


def test_python_reads_back_the_plain_text(pages: list[Page], generated: Path) -> None:
    for index, page in enumerate(pages):
        module = import_file(generated / "python" / "roundtrip" / f"page{index}.py")
        document = load_json(generated / "json" / f"page{index}.json")
        got = as_rows(
            (int(m), m.published_name, list(m.messages), m.description, module.CATEGORIES.get(m.category))
            for m in module.ErrorCode
        )
        assert got == page.expected(), first_difference(page, got)
        assert [m.name for m in module.ErrorCode] == [e["identifier"] for e in document["errors"]]
        assert f'"{plain(page.title)}"' in (module.__doc__ or "")


@pytest.fixture(scope="module")
def typescript_view(pages: list[Page], generated: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("roundtrip_ts")
    compile_typescript([generated / "typescript" / f"page{index}.ts" for index in range(len(pages))], out)
    messages = [[[e.code, plain(m)] for e in page.entries for m in e.messages if plain(m)] for page in pages]
    script = f"const messages = {json.dumps(messages)};\nconst view = [];\n"
    for index in range(len(pages)):
        script += (
            f'{{ const m = await import("./page{index}.js");\n'
            "  view.push({ enum: m.ErrorCode, categories: m.CATEGORIES,\n"
            "    infos: Object.values(m.ErrorCode).map((code) => m.lookup(code)),\n"
            f"    matches: messages[{index}].map(([code, text]) => {{ const f = m.match(text, code);"
            " return f && [f.template, f.args]; }) }); }\n"
        )
    script += "console.log(JSON.stringify(view));\n"
    return run_node(script, out)


def test_typescript_reads_back_the_plain_text(pages: list[Page], generated: Path, typescript_view: Any) -> None:
    for index, (page, view) in enumerate(zip(pages, typescript_view)):
        got = as_rows(
            (i["code"], i["name"], i["messages"], i["description"], view["categories"].get(i["category"]))
            for i in view["infos"]
        )
        assert got == page.expected(), first_difference(page, got)
        document = load_json(generated / "json" / f"page{index}.json")
        assert view["enum"] == {e["identifier"]: e["code"] for e in document["errors"]}


def test_python_and_typescript_match_every_message_alike(pages: list[Page], generated: Path, typescript_view: Any) -> None:
    """Each message is its own template, so `match` finds a template in both
    languages, and the same one with the same placeholder values."""
    for index, (page, view) in enumerate(zip(pages, typescript_view)):
        module = import_file(generated / "python" / "roundtrip" / f"page{index}.py")
        from_python = []
        for entry in page.entries:
            for text in (plain(m) for m in entry.messages if plain(m)):
                found = module.match(text, entry.code)
                assert found is not None, (entry, text)
                from_python.append([found.template, list(found.args)])
        assert view["matches"] == from_python
