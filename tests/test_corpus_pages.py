"""Every real page in ../shared/corpus, checked against an independent reading.

The reading below is deliberately simple and line-based (no Markdown library):
it knows the forms Binance has used — `###`/`####` headings, `\\-` or bare minus,
`*`/`-` bullets indented 0-3 spaces, bullets wrapped onto indented lines,
paragraphs under a heading, pipe tables of quoted messages — and nothing else.
Where it and the parser agree on every code, name, message, description and
table row, both are right about the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from errgen import api
from errgen.config import load_config
from errgen.model import ErrorPage
from errgen.parse import PageOptions, parse_page
from errgen.read import read_source
from support import CORPUS, SEED, make_project, run_errgen

PAGES = sorted(CORPUS.glob("binance-*-error*.md")) + [SEED]  # the heading-per-code pages
NO_CODES = (
    "no error codes found: looked for headings, code lines, code tables, code bullets or definitions "
    "(e.g. '### -1121 BAD_SYMBOL', '- `10000` Url not found.', a table with a 'Code' column)"
)

_HEADING = re.compile(r" {0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r" {0,3}[*-]\s+(.*)$")
_CODE = re.compile(r"-(\d+)\s+(.+)$")


@dataclass
class Code:
    code: int
    name: str
    messages: list[str] = field(default_factory=list)
    description: list[str] = field(default_factory=list)


def plain(markdown: str) -> str:
    markdown = re.sub(r"\[([^\]]*)\]\([^)\s]*\)", r"\1", markdown)  # links keep their text
    pieces = markdown.split("`")  # odd pieces are code spans: taken as they are
    for i in range(0, len(pieces), 2):
        text = re.sub(r"<[^>]*>", " ", pieces[i])  # inline HTML (a <br> is a break)
        text = re.sub(r"\*\*|\\(?=[!-/:-@\[-`{-~])", "", text)  # strong markers, escapes
        pieces[i] = text
    return re.sub(r"[ \t]+", " ", "".join(pieces)).strip(" ")


def unquote(cell: str) -> list[str]:
    quoted = re.findall(r'"([^"]*)"', cell)
    if cell.startswith('"') and quoted and re.fullmatch(r'[\s/.]*', re.sub(r'"[^"]*"', "", cell)):
        return quoted
    return [cell.strip('"')]


def independent_reading(path: Path) -> tuple[list[Code], list[list[str]]]:
    codes: list[Code] = []
    tables: list[list[str]] = []
    current: Code | None = None
    bullet: list[str] | None = None
    in_table = False
    for line in path.read_text(encoding="utf-8").splitlines():
        heading = _HEADING.fullmatch(line)
        if heading:
            found = _CODE.fullmatch(plain(heading[1]).strip())
            current = Code(-int(found[1]), found[2]) if found else None
            if current:
                codes.append(current)
            bullet, in_table = None, False
        elif re.fullmatch(r"\s*-+\s*\|.*", line):
            in_table = True
            tables.append([])
        elif in_table and "|" in line:
            first = next(cell for cell in line.split("|") if cell.strip())
            tables[-1] += [m for m in unquote(plain(first)) if m]
        elif not line.strip():
            bullet, in_table = None, False
        elif current and _BULLET.fullmatch(line) and not line.startswith(">"):
            bullet = [_BULLET.fullmatch(line)[1]]  # type: ignore[index]
            current.messages.append("")
        elif current and bullet is not None:
            bullet.append(line)
        elif current and not line.startswith((">", "<", "```", "{", "}", " ")):
            current.description.append(line)
        if current and bullet is not None and current.messages:
            current.messages[-1] = plain(" ".join(bullet))
    return codes, tables


def parsed(path: Path) -> ErrorPage:
    page, _ = parse_page(read_source(path, path.name), PageOptions("page"))
    return page


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_codes_names_messages_and_descriptions_match_an_independent_reading(path: Path) -> None:
    expected, _ = independent_reading(path)
    page = parsed(path)
    assert [(e.code, e.name) for e in page.errors] == [(c.code, c.name) for c in merge(expected)]
    for error, code in zip(page.errors, merge(expected)):
        assert [m.text for m in error.messages] == code.messages, error.code
        assert error.description == plain(" ".join(code.description)), error.code


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_message_table_rows_match_an_independent_reading(path: Path) -> None:
    _, expected = independent_reading(path)
    page = parsed(path)
    assert [[row.message.text for row in table.rows] for table in page.message_tables] == expected


def merge(codes: list[Code]) -> list[Code]:
    """A code listed twice with one name is one code, its messages merged in order."""
    merged: dict[int, Code] = {}
    for code in codes:
        if code.code in merged:
            known = merged[code.code]
            known.messages += [m for m in code.messages if m not in known.messages]
        else:
            merged[code.code] = code
    return list(merged.values())


def test_spot_tables_are_linked_to_the_codes_named_and_the_codes_linking_to_them() -> None:
    page = parsed(CORPUS / "binance-spot-errors-2026-05-18.md")
    assert {t.title: t.codes for t in page.message_tables} == {
        "Messages for -1010 ERROR_MSG_RECEIVED, -2010 NEW_ORDER_REJECTED, -2011 CANCEL_REJECTED, "
        "and -2038 ORDER_AMEND_REJECTED": (-1010, -2010, -2011, -2038, -1013),
        "Filter failures": (-1013,),
    }


def test_usdm_gives_a_shared_published_name_a_suffixed_identifier() -> None:
    page, diagnostics = parse_page(
        read_source(CORPUS / "binance-usdm-error-codes-2025-11-09.md", "usdm.md"), PageOptions("usdm")
    )
    identifiers = {e.code: e.identifier for e in page.errors}
    assert identifiers[-4167] == "ISOLATED_REJECT_WITH_JOINT_MARGIN"
    assert identifiers[-4183] == "ISOLATED_REJECT_WITH_JOINT_MARGIN_4183"
    assert [(d.line, d.severity, d.rule) for d in diagnostics] == [(758, "warning", "duplicate-name")]


def test_the_chinese_page_takes_the_spot_identifiers(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        {"spot": CORPUS / "binance-spot-errors-2026-05-18.md", "zh": CORPUS / "binance-spot-errors-zh-CN-2026-06-03.md"},
    )
    toml = (root / "errgen.toml").read_text()
    (root / "errgen.toml").write_text(toml.replace('id = "zh"', 'id = "zh"\ntranslation_of = "spot"'))
    spot, zh = api.load_pages(load_config(root / "errgen.toml", "errgen.toml"))[0]
    spot_ids = {e.code: e.identifier for e in spot.errors}
    zh_errors = {e.code: e for e in zh.errors}
    assert zh_errors[-1000].name == "未知错误" and zh_errors[-1000].identifier == "UNKNOWN"
    assert all(zh_errors[code].identifier == spot_ids[code] for code in zh_errors if code in spot_ids)
    assert all(e.identifier.isascii() for e in zh.errors)


def test_without_a_base_translated_names_fall_back_to_the_code() -> None:
    page = parsed(CORPUS / "binance-spot-errors-zh-CN-2026-06-03.md")
    identifiers = {e.code: e.identifier for e in page.errors}
    assert identifiers[-1000] == "E1000"  # 未知错误
    assert identifiers[-1008] == "SERVER_BUSY"  # published in English on that page too
    assert all(re.fullmatch(r"E\d+|[A-Z0-9_]+", ident) for ident in identifiers.values())


def test_an_index_page_is_rejected_with_a_located_error(tmp_path: Path) -> None:
    index = tmp_path / "index.md"
    index.write_text("# Binance API\n\n* [Errors](errors.md)\n\n## 2024 roadmap\n\nNothing listed.\n")
    result = run_errgen("dump", "index.md", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"index.md:1:1: error: {NO_CODES} [no-codes]\n"
    )
