"""Every real page in tests/corpus, checked against an independent reading.

The readings below are deliberately simple and line-based (no Markdown library).
The heading pages' reading knows the forms Binance has used — `###`/`####`
headings, `\\-` or bare minus, `*`/`-` bullets indented 0-3 spaces, bullets
wrapped onto indented lines, paragraphs under a heading, pipe tables of quoted
messages, permalinks after a heading — and nothing else. Each page of another
layout has its own reading, written for that page (which column holds what,
which lines are rows). Where a reading and the parser agree on every code,
name, message and description, both are right about the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from errgen.config.project import load_config
from errgen.model import ErrorPage
from errgen.pipeline import PageOptions, ReadOptions, parse_page
from errgen.read.source import read_source
from errgen.verbs import api
from support import CORPUS, SEED, make_project, run_errgen

PAGES = sorted(CORPUS.glob("binance-*-error*.md")) + [SEED]  # the heading-per-code pages
# English first, then the same page in Chinese: errgen.toml reads the part under this heading.
GLUED = {CORPUS / "binance-wallet.md": "Error Codes", CORPUS / "binance-portfolio-margin.md": "Error Codes"}
PAGES += list(GLUED)
NO_CODES = (
    "no error codes found: looked for headings, code lines, code tables, code bullets or definitions "
    "(e.g. '### -1121 BAD_SYMBOL', '- `10000` Url not found.', a table with a 'Code' column)"
)

_HEADING = re.compile(r" {0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r" {0,3}[*-]\s+(.*)$")
_CODE = re.compile(r"-(\d+)(?:\s+(.+))?$")


@dataclass
class Code:
    code: int
    name: str
    messages: list[str] = field(default_factory=list)
    description: list[str] = field(default_factory=list)


def plain(markdown: str) -> str:
    markdown = re.sub(r"\[\u200b\]\([^)]*\)", "", markdown)  # a heading's permalink
    markdown = re.sub(r"\[([^\]]*)\]\([^)\s]*\)", r"\1", markdown)  # links keep their text
    pieces = markdown.split("`")  # odd pieces are code spans: taken as they are
    for i in range(0, len(pieces), 2):
        text = re.sub(r"<br\s*/?>", " ", pieces[i], flags=re.IGNORECASE)  # a <br> is a break
        text = re.sub(r"<[^>]*>", "", text)  # other inline HTML goes
        text = re.sub(r"\*\*|\\(?=[!-/:-@\[-`{-~])", "", text)  # strong markers, escapes
        pieces[i] = text
    return re.sub(r"[ \t]+", " ", "".join(pieces)).strip(" ")


def unquote(cell: str) -> list[str]:
    if re.fullmatch(r'"[^"]*"\.', cell):
        return [cell[1:-2] + "."]
    quoted = re.findall(r'"([^"]*)"', cell)
    if cell.startswith('"') and quoted and re.fullmatch(r'[\s/.]*', re.sub(r'"[^"]*"', "", cell)):
        return quoted
    return [cell.strip('"')]


def section_lines(path: Path) -> list[str]:
    """The page's lines; for a glued page, from its `# <section>` line to the next `# ` line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if path not in GLUED:
        return lines
    start = lines.index(f"# {GLUED[path]}")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("# "))
    return lines[start:end]


def independent_reading(path: Path) -> tuple[list[Code], list[list[str]]]:
    codes: list[Code] = []
    tables: list[list[str]] = []
    current: Code | None = None
    bullet: list[str] | None = None
    in_table = False
    for line in section_lines(path):
        heading = _HEADING.fullmatch(line)
        if heading:
            found = _CODE.fullmatch(plain(heading[1]).strip())
            current = Code(-int(found[1]), found[2] or "") if found else None
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
        elif current and not line.startswith((">", "<", "```", "{", "}", " ", "---")):
            current.description.append(line)
        if current and bullet is not None and current.messages:
            current.messages[-1] = plain(" ".join(bullet))
    return codes, tables


def parsed(path: Path, **reading: Any) -> ErrorPage:
    if path in GLUED:
        reading.setdefault("section", (GLUED[path],))
    page, _ = parse_page(read_source(path, path.name), PageOptions("page", reading=ReadOptions(**reading)))
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
    """A code listed twice is one code, its messages merged in order; the first name wins."""
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


# -- pages of other layouts: a reading of its own for each ---------------------


def table_rows(lines: list[str], code: str = r"-?\d+") -> list[list[str]]:
    """Cells of every pipe-table line whose first cell is an integer code (`\\-32600`, `~~10018~~`, `[401](…)`)."""
    rows = []
    for line in lines:
        if "|" not in line:
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if re.fullmatch(code, plain(cells[0]).strip("~ ")):
            rows.append(cells)
    return rows


def lines_between(path: Path, first: str, stop: str | None = None) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(first)
    end = lines.index(stop) if stop else len(lines)
    return lines[start:end]


def joined(texts: list[str]) -> str:
    return " ".join(dict.fromkeys(text for text in texts if text))


def test_bybit_code_tables_match_a_reading_of_their_rows() -> None:
    path = CORPUS / "bybit-v5-error.mdx"
    expected: dict[int, tuple[list[str], bool]] = {}
    for code_cell, description, *_ in table_rows(path.read_text(encoding="utf-8").splitlines()):
        code = int(plain(code_cell).strip("~ "))
        texts, deprecated = expected.setdefault(code, ([], True))
        texts.append(plain(description).replace("~~", "").strip())
        expected[code] = (texts, deprecated and code_cell.startswith("~~"))
    page = parsed(path)
    assert page.title == "HTTP Code"  # the front matter is no heading
    assert [(e.code, e.description, e.deprecated) for e in page.errors] == [
        (code, joined(texts), deprecated) for code, (texts, deprecated) in expected.items()
    ]
    assert all(e.name == "" and e.identifier == f"E{abs(int(e.code))}" or e.identifier.startswith(f"E{abs(int(e.code))}_")
               for e in page.errors)
    assert {e.code for e in page.errors if e.deprecated} >= {10018, 110016, 110030}
    assert page.code_type == "int" and len(page.errors) == 710


def test_okx_code_table_rows_match_a_reading_with_their_http_statuses() -> None:
    path = CORPUS / "okx-rest-api-public.md"
    expected: dict[str, list[tuple[str, int]]] = {}
    for code, status, message in ((row + [""])[:3] for row in table_rows(lines_between(path, "# Public", "# 公共"), r"\d+(?:_\d+)?")):
        known = expected.setdefault(code, [])
        if plain(message) and (plain(message), int(status)) not in known:
            known.append((plain(message), int(status)))
    page = parsed(path, section=("Public",))
    assert page.code_type == "str"  # sub-codes such as 51004_1101 are codes of their own
    assert [(e.code, [(m.text, m.http_status) for m in e.messages]) for e in page.errors] == list(expected.items())
    rate_limit = next(e for e in page.errors if e.code == "50011")
    assert [m.http_status for m in rate_limit.messages] == [200, 429]
    assert next(e for e in page.errors if e.code == "50014").messages[0].placeholders == ("{param0}",)


def test_grpc_takes_the_name_from_the_code_column_and_the_number_from_id() -> None:
    path = CORPUS / "grpc-status-codes.md"
    expected = [(int(number), name, plain(description)) for name, number, description in
                ([cell.strip() for cell in line.strip().strip("|").split("|")] for line in path.read_text().splitlines()
                 if re.fullmatch(r"\|\s*[A-Z_]+\s*\|\s*\d+\s*\|.*", line))]
    page = parsed(path)
    assert [(e.code, e.name, e.description) for e in page.errors] == expected
    assert [e.identifier for e in page.errors][:3] == ["OK", "CANCELLED", "UNKNOWN"] and len(expected) == 17


def test_deribit_short_messages_are_messages_with_the_page_s_own_placeholders() -> None:
    path = CORPUS / "deribit-error-codes.md"
    expected: dict[int, tuple[list[str], list[str]]] = {}
    for code, short, description in (row[:3] for row in table_rows(path.read_text().splitlines())):
        messages, descriptions = expected.setdefault(int(plain(code)), ([], []))
        messages += [m for m in unquote(plain(short)) if m and m not in messages]
        descriptions.append(plain(description))
    page = parsed(path, placeholders=("<Limit>", "<Currency>"))
    assert [(e.code, [m.text for m in e.messages], e.description) for e in page.errors] == [
        (code, messages, joined(descriptions)) for code, (messages, descriptions) in expected.items()
    ]
    low = next(e for e in page.errors if e.code == 10005).messages[0]
    assert (low.text, low.placeholders, low.pattern) == ("price_too_low <Limit>", ("<Limit>",), "^price_too_low (.+?)$")
    assert 0 not in {e.code for e in page.errors}  # "0 or absent" is a sentence, not a code
    assert {-32602, -32600, -32601} <= {e.code for e in page.errors}


def test_bitbank_code_bullets_match_a_reading_of_their_lines() -> None:
    path = CORPUS / "bitbank-errors.md"
    expected = [(int(found[1]), plain(found[2])) for found in
                (re.fullmatch(r"- `(\d+)` (.*)", line) for line in path.read_text().splitlines()) if found]
    page = parsed(path)
    assert [(e.code, [m.text for m in e.messages]) for e in page.errors] == [(c, [m]) for c, m in expected]
    assert {c.title for c in page.categories} >= {"SYSTEM_ERROR", "AUTHENTICATION_ERROR"}
    assert len(expected) == 180


def test_the_sapi_page_defects_are_warnings_at_their_places() -> None:
    page, diagnostics = parse_page(read_source(CORPUS / "binance-wallet.md", "wallet.md"),
                                   PageOptions("sapi", reading=ReadOptions(section=("Error Codes",))))
    rules = [d.rule for d in diagnostics]
    assert {d.severity for d in diagnostics} == {"warning"}
    assert rules.count("code-without-name") == 15
    assert [d.line for d in diagnostics if d.rule == "code-with-two-names"] == [915]
    codes = {e.code: e for e in page.errors}
    assert (codes[-5012].name, codes[-12014].identifier, codes[-1003].identifier) == (
        "TRANSFER_PENDING", "TOO_MANY_REQUESTS_12014", "TOO_MANY_REQUESTS")
    assert len(page.errors) == 235
