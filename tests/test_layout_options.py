"""`layout` and `code_pattern` in errgen.toml and as `--layout` / `--code-pattern`:
checked at their place, a pattern that can backtrack badly refused (issue 25)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from errgen.read.layouts.code_pattern import (
    CodePatternError,
    compile_code_pattern,
    match_code_pattern,
)
from support import make_project, run_errgen

PAGE = """# SDK errors

E0101 | Unknown error | Retry later.

- W2001 | Buffer low | Nothing to do.
"""
PATTERN = r"(?P<code>[EW][0-9]{4}) \\| (?P<name>[^|]+) \\| (?P<message>.+)"


def test_code_pattern_in_errgen_toml_reads_the_page(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"page": PAGE}, extra=f'code_pattern = "{PATTERN}"')
    result = run_errgen("dump", "docs_src/page.md", "--code-pattern", PATTERN.replace("\\\\", "\\"), cwd=root)
    assert result.returncode == 0, result.stderr
    assert '"code": "E0101"' in result.stdout and '"code": "W2001"' in result.stdout
    generated = run_errgen("generate", cwd=root)
    assert generated.returncode == 0, generated.stderr
    assert "BUFFER_LOW" in (root / "output" / "python" / "errors" / "page.py").read_text(encoding="utf-8")


@pytest.mark.parametrize(("value", "said"), [
    ('"(?P<num>[0-9]+)"', "code_pattern has no group named 'code'"),
    ('"(?P<code>(a+)+)"', "a repetition inside a repetition"),
    ('"(?P<code>.*)(.*)(.*)x"', "three unbounded repetitions in a row"),
    ('"(?P<code>[0-9]+)(?=:)"', "a lookahead or lookbehind"),
    ('"(?P<code>[0-9"', "code_pattern is no regular expression"),
    ('"(?P<code>[0-9]+) (?P<text>.*)"', "group 'text' is none of code, name, message"),
])
def test_a_bad_code_pattern_is_an_error_at_its_place(tmp_path: Path, value: str, said: str) -> None:
    root = make_project(tmp_path, {"page": PAGE}, extra=f"code_pattern = {value}")
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 2
    assert re.match(r"errgen\.toml:7:1: error: ", result.stderr), result.stderr
    assert said in result.stderr and "Traceback" not in result.stderr
    assert not (root / "output").exists()


def test_an_unknown_layout_is_an_error_at_its_place(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"page": PAGE}, extra='layout = "tables"')
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 2
    assert result.stderr.startswith("errgen.toml:7:1: error: layout 'tables'; did you mean 'table'?"), result.stderr


def test_the_flags_are_checked_like_the_keys(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    bad = run_errgen("lint", "page.md", "--code-pattern", "(?P<code>(a|ab)*)", cwd=tmp_path)
    assert bad.returncode == 2 and "an alternation inside a repetition" in bad.stderr
    wrong = run_errgen("diff", "page.md", "page.md", "--layout", "prose", cwd=tmp_path)
    assert wrong.returncode == 2 and "invalid choice: 'prose'" in wrong.stderr
    only_bullets = run_errgen("dump", "page.md", "--layout", "bullets", "--code-pattern", PATTERN.replace("\\\\", "\\"),
                              cwd=tmp_path)
    assert only_bullets.returncode == 0, only_bullets.stderr
    assert '"code": "W2001"' in only_bullets.stdout and "E0101" not in only_bullets.stdout


def test_a_text_longer_than_the_cap_is_not_matched() -> None:
    """The cap is what bounds the quadratic worst case of an accepted pattern."""
    pattern = compile_code_pattern(r"(?P<code>[0-9]+)\s*(?P<message>.*)")
    assert match_code_pattern(pattern, "1001 " + "x" * 900) is not None
    assert match_code_pattern(pattern, "1001 " + "x" * 2000) is None


@pytest.mark.parametrize("pattern", [
    r"(?P<code>[0-9]+)\s*:\s*(?P<message>.+)",
    r"(?P<name>\S+) \((?P<code>-?[0-9]+)\)",
    r"(?P<code>\w+(?:\.\w+)*)",
    r"(?P<code>[A-Z_]+)(?: - (?P<message>.*))?",
])
def test_ordinary_patterns_are_accepted(pattern: str) -> None:
    compile_code_pattern(pattern)


def test_nested_repetition_without_a_delimiter_is_refused() -> None:
    with pytest.raises(CodePatternError, match="repetition inside a repetition"):
        compile_code_pattern(r"(?P<code>(?:.\w+)*)")
