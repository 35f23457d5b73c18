"""Every page through the real pipeline: JSON, the imported Python module and the
compiled TypeScript module (run in node) say the same about every code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from errgen import api
from errgen.config import load_config
from support import ROOT, compile_typescript, import_file, load_json, run_node

SOURCES = ("coinm", "usdm", "options", "spot", "spot_zh_cn")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own errgen.toml and docs_src/, generated into a fresh folder."""
    project = tmp_path_factory.mktemp("project")
    (project / "docs_src").mkdir()
    for page in (ROOT / "docs_src").glob("*.md"):
        (project / "docs_src" / page.name).write_bytes(page.read_bytes())
    (project / "errgen.toml").write_bytes((ROOT / "errgen.toml").read_bytes())
    api.generate(load_config(project / "errgen.toml", "errgen.toml"))
    return project


@pytest.fixture(scope="module")
def typescript_view(generated: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What each compiled TypeScript module says, per source, from one node run."""
    out = tmp_path_factory.mktemp("ts")
    compile_typescript([generated / "output" / "typescript" / f"{s}.ts" for s in SOURCES], out)
    script = "const view = {};\n"
    for source in SOURCES:
        script += (
            f'{{ const m = await import("./{source}.js");\n'
            f"  view[{json.dumps(source)}] = {{ enum: m.ErrorCode, categories: m.CATEGORIES, tables: m.MESSAGE_TABLES,\n"
            "    infos: Object.values(m.ErrorCode).map((code) => m.lookup(code)) }; }\n"
        )
    script += "console.log(JSON.stringify(view));\n"
    view: dict[str, Any] = run_node(script, out)
    return view


def as_record(code: int, name: str, identifier: str, category: str | None, messages: Any, description: str) -> dict[str, Any]:
    return {
        "code": code,
        "name": name,
        "identifier": identifier,
        "category": category,
        "messages": list(messages),
        "description": description,
    }


@pytest.mark.parametrize("source", SOURCES)
def test_json_python_and_typescript_agree_on_every_code(source: str, generated: Path, typescript_view: dict[str, Any]) -> None:
    document = load_json(generated / "output" / "json" / f"{source}.json")
    from_json = [
        as_record(e["code"], e["name"], e["identifier"], e["category"], [m["text"] for m in e["messages"]], e["description"])
        for e in document["errors"]
    ]
    module = import_file(generated / "output" / "python" / "binance_errors" / f"{source}.py")
    from_python = [
        as_record(int(m), m.published_name, m.name, m.category, m.messages, m.description) for m in module.ErrorCode
    ]
    ts = typescript_view[source]
    from_typescript = [as_record(**info) for info in ts["infos"]]

    assert from_python == from_json
    assert from_typescript == from_json
    assert ts["enum"] == {record["identifier"]: record["code"] for record in from_json}
    assert dict(module.CATEGORIES) == ts["categories"] == {c["id"]: c["title"] for c in document["categories"]}


@pytest.mark.parametrize("source", SOURCES)
def test_the_committed_output_is_what_the_docs_give(source: str, generated: Path) -> None:
    for rel in (f"json/{source}.json", f"python/binance_errors/{source}.py", f"typescript/{source}.ts"):
        assert (ROOT / "output" / rel).read_bytes() == (generated / "output" / rel).read_bytes(), rel


def test_lookup_answers_for_listed_codes_and_none_for_others(generated: Path) -> None:
    module = import_file(generated / "output" / "python" / "binance_errors" / "coinm.py")
    assert module.lookup(-1121) is module.ErrorCode.BAD_SYMBOL
    assert module.ErrorCode.BAD_SYMBOL == -1121
    assert module.lookup(-9999) is None


@pytest.mark.parametrize("source", SOURCES)
def test_message_tables_agree_in_every_target(source: str, generated: Path, typescript_view: dict[str, Any]) -> None:
    document = load_json(generated / "output" / "json" / f"{source}.json")
    from_json = [
        {"title": t["title"], "codes": t["codes"], "rows": [[r["message"], r["description"]] for r in t["rows"]]}
        for t in document["message_tables"]
    ]
    module = import_file(generated / "output" / "python" / "binance_errors" / f"{source}.py")
    from_python = [
        {"title": t.title, "codes": list(t.codes), "rows": [list(row) for row in t.rows]} for t in module.MESSAGE_TABLES
    ]
    assert from_python == from_json
    assert typescript_view[source]["tables"] == from_json
    if source.startswith("spot"):
        assert [len(t["rows"]) for t in from_json] == [41, 18]
