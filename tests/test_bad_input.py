"""Bad input ends in `path:line:col: error: message [rule]` on stderr, exit 2, no
traceback: each error case of DESIGN.md, a file too large, a missing or
unreadable file. A BOM, CRLF or lone CR line ends and HTML entities are not errors."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from errgen.cli import main
from errgen.read.source import MAX_BYTES
from support import ROOT, run_errgen

CRASHES = sorted((ROOT / "fuzz" / "crashes").glob("*.md"))
DIAGNOSTIC = re.compile(r".+\.md:[1-9][0-9]*:[1-9][0-9]*: (error|warning): .+ \[[a-z0-9-]+\]")

# (file content, the exact stderr lines of `errgen dump page.md`)
ERROR_CASES: dict[str, tuple[bytes, list[str]]] = {
    "invalid UTF-8 names the line and the column in characters": (
        "# Errors\n\n### -1 é".encode() + b"T\xff\n",
        ["page.md:3:10: error: invalid UTF-8: byte 0xff at offset 20 [invalid-utf8]"],
    ),
    "invalid UTF-8 after CRLF and lone CR line ends": (
        b"# Errors\r\n\r\nsome\rtext \xc3\x28\n",
        ["page.md:4:6: error: invalid UTF-8: byte 0xc3 at offset 22 [invalid-utf8]"],
    ),
    "a multi-byte character cut off at the end of the file": (
        b"### -1 A\n- caf\xc3",
        ["page.md:2:6: error: invalid UTF-8: byte 0xc3 at offset 14 [invalid-utf8]"],
    ),
    "an empty file": (b"", ["page.md:1:1: error: file is empty [empty-file]"]),
    "a file of blanks": (b" \n\t\r\n", ["page.md:1:1: error: file is empty [empty-file]"]),
    "a binary file": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ["page.md:1:1: error: invalid UTF-8: byte 0x89 at offset 0 [invalid-utf8]"]),
    "a NUL byte in UTF-8 text": (b"### -1 A\n- m\x00\n", ["page.md:2:4: error: file holds a NUL byte: not a text page [binary-file]"]),
    "no codes at all": (
        b"# Errors\n\nNothing here yet.\n",
        ["page.md:1:1: error: no error codes found: looked for headings, code lines, code tables, code bullets or definitions (e.g. '### -1121 BAD_SYMBOL', '- `10000` Url not found.', a table with a 'Code' column) [no-codes]"],
    ),
    "a code beyond -(2^53 - 1)": (
        b"### -9007199254740991 LAST_SAFE\n\n### -9007199254740992 FIRST_UNSAFE\n",
        [
            "page.md:3:1: error: code -9007199254740992 is outside JavaScript's safe integers "
            "(|code| <= 2^53 - 1) [code-out-of-range]"
        ],
    ),
    # A crash once: int() refuses 4,300 digits and more (fuzz/crashes/ holds it too).
    "a code of five thousand digits": (
        b"### A\n\n### -000" + b"9" * 5000 + b" HUGE\n",
        [
            "page.md:3:1: error: code -9999999999999999... (5000 digits) is outside JavaScript's safe integers "
            "(|code| <= 2^53 - 1) [code-out-of-range]"
        ],
    ),
}


def errgen(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, list[str]]:
    """Run the command line in this process: exit code, stdout, stderr lines."""
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err.splitlines()


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("case", ERROR_CASES)
def test_each_bad_page_is_one_located_diagnostic_per_place(case: str, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, expected = ERROR_CASES[case]
    (in_tmp / "page.md").write_bytes(content)
    assert errgen(["dump", "page.md"], capsys) == (2, "", expected)


def test_a_file_too_large_is_refused_before_it_is_read(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open(in_tmp / "page.md", "wb") as sparse:
        sparse.truncate(MAX_BYTES + 1)
    assert MAX_BYTES <= 64 * 1024 * 1024  # a log or a dump, not a page
    assert errgen(["dump", "page.md"], capsys) == (
        2, "", [f"page.md:1:1: error: file is {MAX_BYTES + 1} bytes; errgen reads pages up to {MAX_BYTES} bytes [file-too-large]"],
    )


NOT_A_FILE = "is not a regular file (a FIFO, device or socket): errgen reads files only [io]"


def test_a_device_is_refused_before_it_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    shown = os.path.relpath("/dev/zero")  # as diagnostics print paths: relative to the working directory
    assert errgen(["dump", "/dev/zero"], capsys) == (2, "", [f"{shown}:1:1: error: {NOT_A_FILE}"])


@pytest.mark.parametrize("verb", ["dump", "lint", "generate", "check", "diff"])
def test_a_fifo_page_is_refused_at_once_by_every_verb(verb: str, in_tmp: Path) -> None:
    """A FIFO blocks a reader until someone writes to it: errgen must not wait.
    The process has a timeout so that a regression fails instead of hanging."""
    (in_tmp / "docs_src").mkdir()
    os.mkfifo(in_tmp / "docs_src" / "page.md")
    (in_tmp / "errgen.toml").write_text('[[sources]]\nid = "page"\npath = "docs_src/page.md"\n', encoding="utf-8")
    args = {"dump": ["docs_src/page.md"], "lint": [], "diff": ["docs_src/page.md", "docs_src/page.md"]}.get(verb, [])
    result = run_errgen(verb, *args, cwd=in_tmp, timeout=60)
    assert (result.returncode, result.stdout) == (2, "")
    assert f"docs_src/page.md:1:1: error: {NOT_A_FILE}" in result.stderr.splitlines()
    assert not (in_tmp / "output").exists()


def test_missing_and_unreadable_files(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (in_tmp / "loop.md").symlink_to("loop.md")
    (in_tmp / "folder.md").mkdir()
    (in_tmp / "file").write_text("not a folder", encoding="utf-8")
    expected = {
        "missing.md": "missing.md:1:1: error: no such file [io]",
        "loop.md": "loop.md:1:1: error: cannot read file: Too many levels of symbolic links [io]",
        "folder.md": "folder.md:1:1: error: is a directory, not a Markdown file [io]",
        "file/page.md": "file/page.md:1:1: error: cannot read file: Not a directory [io]",
    }
    for path, line in expected.items():
        assert errgen(["dump", path], capsys) == (2, "", [line])


def test_a_bad_source_in_a_project_fails_generate_and_check_the_same_way(in_tmp: Path) -> None:
    """As a user runs it: a separate process, exit 2, one line per problem, no traceback."""
    (in_tmp / "docs_src").mkdir()
    (in_tmp / "docs_src" / "good.md").write_text("### -1 GOOD\n\n- Fine.\n", encoding="utf-8")
    (in_tmp / "docs_src" / "bad.md").write_bytes(b"### -1 BAD\n\n- caf\xe9\n")
    (in_tmp / "errgen.toml").write_text(
        '[[sources]]\nid = "good"\npath = "docs_src/good.md"\n\n[[sources]]\nid = "bad"\npath = "docs_src/bad.md"\n',
        encoding="utf-8",
    )
    for verb in ("generate", "check"):
        result = run_errgen(verb, cwd=in_tmp)
        assert (result.returncode, result.stdout) == (2, ""), verb
        assert result.stderr.splitlines() == [
            "docs_src/bad.md:3:6: error: invalid UTF-8: byte 0xe9 at offset 17 [invalid-utf8]"
        ], verb
    assert not (in_tmp / "output").exists()


# -- not errors -------------------------------------------------------------


def dumped(content: bytes, in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    (in_tmp / "page.md").write_bytes(content)
    code, out, err = errgen(["dump", "page.md"], capsys)
    assert (code, err) == (0, [])
    return json.loads(out)


PAGE = "# Errors\n\n## 10xx - General\n\n### -1121 BAD_SYMBOL\n\n- Invalid symbol.\n- Symbol '%s' is\n  not listed.\n"


def readings(document: Any) -> list[tuple[Any, ...]]:
    return [(e["code"], e["name"], [m["text"] for m in e["messages"]], e["line"]) for e in document["errors"]]


def test_a_utf8_bom_is_not_part_of_the_first_heading(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # markdown-it keeps a BOM as text: "\ufeff### -1 A" would be a paragraph, not a code.
    document = dumped(b"\xef\xbb\xbf### -1 FIRST\n\n- m\n", in_tmp, capsys)
    assert [(e["code"], e["name"]) for e in document["errors"]] == [(-1, "FIRST")]
    assert document["title"] == "-1 FIRST"


def test_crlf_and_lone_cr_line_ends_read_as_lf(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = [(-1121, "BAD_SYMBOL", ["Invalid symbol.", "Symbol '%s' is not listed."], 5)]
    for ending in ("\n", "\r\n", "\r"):
        document = dumped(PAGE.replace("\n", ending).encode(), in_tmp, capsys)
        assert readings(document) == expected, repr(ending)
        assert document["categories"] == [{"id": "10xx_general", "title": "10xx - General"}]


def test_html_entities_are_decoded(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = b"### -1 A&amp;B\n\n- &lt;b&gt;&quot;x&quot; &copy; &#x2028;&#128512; &#0; &nosuch;\n"
    document = dumped(page, in_tmp, capsys)
    assert readings(document) == [(-1, "A&B", ['<b>"x" \u00a9 \u2028\U0001f600 \ufffd &nosuch;'], 1)]
    assert document["errors"][0]["identifier"] == "A_B"


def test_the_process_never_prints_a_traceback_for_bad_bytes(in_tmp: Path) -> None:
    (in_tmp / "page.md").write_bytes(b"### -" + b"1" * 5000 + b" X\n\xff")
    result = run_errgen("dump", "page.md", cwd=in_tmp)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "page.md:2:1: error: invalid UTF-8: byte 0xff at offset 5008 [invalid-utf8]\n"
    os.remove(in_tmp / "page.md")
    (in_tmp / "page.md").write_bytes(b"### -" + b"1" * 5000 + b" X\n")
    result = run_errgen("dump", "page.md", cwd=in_tmp)
    assert (result.returncode, result.stdout, "Traceback" in result.stderr) == (2, "", False)


@pytest.mark.parametrize("crash", CRASHES, ids=[path.name for path in CRASHES])
def test_every_input_a_fuzzer_crashed_on_now_ends_cleanly(crash: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`make fuzz` saves each crash in fuzz/crashes/: it must end in a model or in diagnostics."""
    code, out, err = errgen(["dump", str(crash)], capsys)
    assert (code, bool(out)) in ((0, True), (2, False))
    assert all(DIAGNOSTIC.fullmatch(line) for line in err), err
