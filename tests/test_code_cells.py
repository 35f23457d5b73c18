"""Issue 26 item 7: a table code cell or a code item that is not exactly a code is a
warning at its place (an error under --strict), never a silent change of the page's
code type, a merged number or a dropped row; changelog bullets are no codes, and code
bullets under a code heading are not swallowed as its messages."""

from __future__ import annotations

import json
from pathlib import Path

from support import run_errgen

PAGE = """# Futures errors

| Code | Message |
| ---- | ------- |
| -1121 | Invalid symbol. |
| -1125. | This listenKey does not exist. |
| -1126<sup>1</sup> | Footnote. |
| -1127 / -1128 | Two codes. |

## Changelog

- 2024: added new codes
- 10 - 20 requests per second are allowed

#### -2010 NEW_ORDER_REJECTED

- -2011 - Unknown order sent.
"""


def test_the_issue_reproduction_reads_every_code_and_says_where(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    dumped = run_errgen("dump", "page.md", cwd=tmp_path)
    assert dumped.returncode == 0, dumped.stderr
    document = json.loads(dumped.stdout)
    assert document["code_type"] == "int"  # `-1125.` no longer turns every code into a string
    assert [e["code"] for e in document["errors"]] == [-1121, -1125, -1126, -1127, -1128, -2010, -2011]
    assert [m["text"] for m in document["errors"][-1]["messages"]] == ["Unknown order sent."]
    assert document["errors"][-2]["messages"] == []  # -2011 is not a message of -2010
    places = [line.split(": warning")[0] for line in dumped.stderr.splitlines()]
    assert places == ["page.md:6:1", "page.md:7:1", "page.md:8:1", "page.md:17:3"]

    linted = run_errgen("lint", "page.md", cwd=tmp_path)
    assert "[code-cell]" in linted.stderr and "[code-bullet-under-code]" in linted.stderr

    strict = run_errgen("dump", "--strict", "page.md", cwd=tmp_path)
    assert strict.returncode == 2 and strict.stdout == ""
    assert "page.md:7:1: error: code cell '-1126<sup>1</sup>' has footnote mark '1': read as code -1126" in strict.stderr


def test_a_page_of_clean_cells_says_nothing(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("# E\n\n| Code | Message |\n|---|---|\n| -1121 | Invalid symbol. |\n",
                                      encoding="utf-8")
    result = run_errgen("dump", "--strict", "page.md", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
