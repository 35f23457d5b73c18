"""errgen.toml: sources, identifier overrides, translations, and its own errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from support import ROOT, import_file, make_project, run_errgen

COLLIDING = """## 10xx - General

### -1002 UNAUTHORIZED
* You are not authorized to execute this request.

### -1099 Unauthorized
* Not found, unauthenticated, or unauthorized.
"""


def test_an_identifier_override_resolves_a_collision_the_error_pointed_at(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"page": COLLIDING})
    warned = run_errgen("generate", cwd=root)
    assert warned.returncode == 0
    assert 'UNAUTHORIZED_1099 used here' in warned.stderr and 'identifiers = { "-1099" = ' in warned.stderr

    make_project(tmp_path, {"page": COLLIDING}, extra='identifiers = { "-1099" = "UNAUTHORIZED_1099" }')
    assert run_errgen("generate", cwd=root).returncode == 0
    module = import_file(root / "output" / "python" / "errors" / "page.py")
    assert (module.ErrorCode.UNAUTHORIZED, module.ErrorCode.UNAUTHORIZED_1099) == (-1002, -1099)
    assert module.ErrorCode.UNAUTHORIZED_1099.published_name == "Unauthorized"


def test_an_override_must_be_screaming_snake(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"page": COLLIDING}, extra='identifiers = { "-1099" = "not valid" }')
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 2
    assert result.stderr.startswith("errgen.toml:1:1: error: source 'page': identifiers entry '-1099'")
    assert result.stderr.endswith("[bad-config]\n")


def test_a_missing_config_says_how_to_make_one(tmp_path: Path) -> None:
    result = run_errgen("generate", cwd=tmp_path)
    assert result.returncode == 2
    assert "errgen.toml:1:1: error: no errgen.toml here; run `errgen init`" in result.stderr


def test_invalid_toml_is_reported_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "errgen.toml").write_text('[output]\npython_package = "x"\n[[sources]\n', encoding="utf-8")
    result = run_errgen("check", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("errgen.toml:3:")
    assert "[bad-config]" in result.stderr


def test_a_translation_must_name_a_source(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"zh": "### -1000 未知错误\n* 未知错误\n"}, extra='translation_of = "spot"')
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 2
    assert "translation_of must name a source" in result.stderr


def test_errors_in_several_pages_are_all_reported_and_nothing_is_written(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"one": "### -90071992547409920 A\n* a\n", "two": "# Index\n\nNo codes.\n"})
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "docs_src/one.md:1:1: error: code -90071992547409920 is outside JavaScript's safe integers (|code| <= 2^53 - 1) "
        "[code-out-of-range]",
        "docs_src/two.md:1:1: error: no error codes found: looked for headings, code lines, code tables, code bullets or definitions "
        "(e.g. '### -1121 BAD_SYMBOL', '- `10000` Url not found.', a table with a 'Code' column) [no-codes]",
    ]
    assert not (root / "output").exists()


def test_the_configuration_readme_shows_generates_both_pages(tmp_path: Path) -> None:
    """README's errgen.toml, with the two pages it names, is a working project."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^## Configuration\n.*?```toml\n(.*?)```", readme, re.MULTILINE | re.DOTALL)
    assert found, "README.md has no errgen.toml example under '## Configuration'"
    (tmp_path / "errgen.toml").write_text(found[1], encoding="utf-8")
    (tmp_path / "docs_src").mkdir()
    for page in ("binance-spot.md", "binance-spot-zh-cn.md"):
        shutil.copy(ROOT / "docs_src" / page, tmp_path / "docs_src" / page)
    result = run_errgen("generate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    spot = import_file(tmp_path / "output" / "python" / "binance_errors" / "spot.py")
    chinese = import_file(tmp_path / "output" / "python" / "binance_errors" / "spot_zh_cn.py")
    assert [m.name for m in chinese.ErrorCode] == [m.name for m in spot.ErrorCode if int(m) in set(map(int, chinese.ErrorCode))]
