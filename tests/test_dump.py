"""`errgen dump FILE.md`: the JSON target for any page, no configuration."""

from __future__ import annotations

import json
from pathlib import Path

from support import ROOT, load_json, run_errgen

SEED = ROOT / "docs_src" / "binance-coinm.md"  # the seed page, as committed


def test_dump_prints_the_json_target_named_after_the_file(tmp_path: Path) -> None:
    page = tmp_path / "binance-coinm.md"
    page.write_bytes(SEED.read_bytes())

    result = run_errgen("dump", "binance-coinm.md", cwd=tmp_path)

    assert (result.returncode, result.stderr) == (0, "")
    dumped = json.loads(result.stdout)
    committed = load_json(ROOT / "output" / "json" / "coinm.json")
    assert dumped["source"] == {**committed["source"], "id": "binance-coinm", "path": "binance-coinm.md", "url": None}
    assert dumped["$id"] == "urn:errgen:page:binance-coinm"  # the source id, as committed.json's is "coinm"
    named = {"source", "$id"}
    assert {k: v for k, v in dumped.items() if k not in named} == {k: v for k, v in committed.items() if k not in named}
    assert result.stdout.endswith("}\n")


def test_dump_keys_are_sorted_and_errors_keep_page_order(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("## 40xx\n\n### -4202 LATER\n* b\n\n### -4188 EARLIER\n* a\n", encoding="utf-8")

    dumped = json.loads(run_errgen("dump", "page.md", cwd=tmp_path).stdout)

    assert [e["code"] for e in dumped["errors"]] == [-4202, -4188]
    assert list(dumped) == sorted(dumped)
    assert all(list(error) == sorted(error) for error in dumped["errors"])


def test_dump_of_a_missing_file_is_a_located_error(tmp_path: Path) -> None:
    result = run_errgen("dump", "nowhere.md", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "nowhere.md:1:1: error: no such file [io]\n"


def test_dump_strict_makes_a_page_defect_an_error(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("### -1 REPEATED\n- first\n\n### -1 REPEATED\n- second\n", encoding="utf-8")
    lenient = run_errgen("dump", "page.md", cwd=tmp_path)
    strict = run_errgen("dump", "--strict", "page.md", cwd=tmp_path)
    assert lenient.returncode == 0 and ": warning: code -1 is listed again" in lenient.stderr
    assert (strict.returncode, strict.stdout) == (2, "")
    assert strict.stderr == lenient.stderr.replace(": warning: ", ": error: ")
