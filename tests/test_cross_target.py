"""Every page through the real pipeline: JSON, the imported Python module and the
compiled TypeScript module (run in node) say the same about every code, and
`from_payload` / `fromPayload` builds each code's own class, under its
category's class and its groups' (the project's errgen.toml plus GROUPS),
as the model decides."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from errgen.config.project import load_config
from errgen.model import ErrorPage
from errgen.verbs import api
from support import ROOT, compile_typescript, import_file, load_json, run_node

SOURCES = ("coinm", "usdm", "options", "spot", "spot_zh_cn")
# Groups as a user adds them to errgen.toml: one retryable, one not; spread over pages.
GROUPS = """
[[groups]]
name = "RateLimited"
retryable = true
codes = { coinm = [-1003, -1015], usdm = [-1003, -1015], options = [-1015], spot = [-1003, -1015], spot_zh_cn = [-1003] }

[[groups]]
name = "ServerBusy"
codes = { coinm = [-1001, -1008], usdm = [-1008], spot = [-1008] }
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own errgen.toml and docs_src/, generated into a fresh folder."""
    project = tmp_path_factory.mktemp("project")
    (project / "docs_src").mkdir()
    for page in (ROOT / "docs_src").glob("*.md"):
        (project / "docs_src" / page.name).write_bytes(page.read_bytes())
    (project / "errgen.toml").write_text((ROOT / "errgen.toml").read_text(encoding="utf-8") + GROUPS, encoding="utf-8")
    api.generate(load_config(project / "errgen.toml", "errgen.toml"))
    return project


@pytest.fixture(scope="module")
def model(generated: Path) -> dict[str, ErrorPage]:
    pages, _ = api.load_pages(load_config(generated / "errgen.toml", "errgen.toml"))
    return {page.source.id: page for page in pages}


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
            "    infos: Object.values(m.ErrorCode).map((code) => m.lookup(code)),\n"
            "    classes: Object.values(m.ErrorCode).map((code) => {\n"
            "      const error = m.ApiError.fromPayload({ code, msg: '' });\n"
            "      const names = Object.keys(m).filter((name) => typeof m[name] === 'function' && m[name].prototype\n"
            "        && m[name].prototype instanceof Error && error instanceof m[name]);\n"
            "      return { code, name: error.name, retryable: error.retryable, instanceOf: names.sort() };\n"
            "    }) }; }\n"
        )
    script += "console.log(JSON.stringify(view));\n"
    view: dict[str, Any] = run_node(script, out)
    return view


def as_record(code: int, name: str, identifier: str, category: str | None, messages: Any, description: str,
              deprecated: bool) -> dict[str, Any]:
    return {
        "code": code,
        "name": name,
        "identifier": identifier,
        "category": category,
        "messages": list(messages),
        "description": description,
        "deprecated": deprecated,
    }


@pytest.mark.parametrize("source", SOURCES)
def test_json_python_and_typescript_agree_on_every_code(source: str, generated: Path, typescript_view: dict[str, Any]) -> None:
    document = load_json(generated / "output" / "json" / f"{source}.json")
    from_json = [
        as_record(e["code"], e["name"], e["identifier"], e["category"], [m["text"] for m in e["messages"]], e["description"],
                  e["deprecated"])
        for e in document["errors"]
    ]
    module = import_file(generated / "output" / "python" / "binance_errors" / f"{source}.py")
    from_python = [
        as_record(int(m), m.published_name, m.name, m.category, m.messages, m.description, m.deprecated)
        for m in module.ErrorCode
    ]
    ts = typescript_view[source]
    from_typescript = [as_record(**{k: v for k, v in info.items() if k != "className"}) for info in ts["infos"]]

    assert from_python == from_json
    assert from_typescript == from_json
    aliases = {alias: e["code"] for e in document["errors"] for alias in e["aliases"]}
    assert ts["enum"] == {**{record["identifier"]: record["code"] for record in from_json}, **aliases}
    assert {name: int(m) for name, m in module.ErrorCode.__members__.items()} == ts["enum"]
    assert dict(module.CATEGORIES) == ts["categories"] == {c["id"]: c["title"] for c in document["categories"]}


@pytest.fixture(scope="module")
def committed_config() -> dict[Path, str]:
    """What the project's own errgen.toml (no groups) renders, in memory."""
    return api.render_project(load_config(ROOT / "errgen.toml", "errgen.toml")).files


@pytest.mark.parametrize("source", SOURCES)
def test_the_committed_output_is_what_the_docs_give(source: str, committed_config: dict[Path, str]) -> None:
    for rel in (f"json/{source}.json", f"python/binance_errors/{source}.py", f"typescript/{source}.ts"):
        assert (ROOT / "output" / rel).read_text(encoding="utf-8") == committed_config[Path("output") / rel], rel


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


def expected_classes(page: ErrorPage) -> list[dict[str, Any]]:
    """What the model says each code's error is: its class, and every generated class it is an instance of."""
    categories = {category.id: category.class_name for category in page.categories}
    retryable = {group.name for group in page.groups if group.retryable}
    return [
        {
            "code": error.code,
            "name": error.class_name,
            "retryable": any(group in retryable for group in error.groups),
            "instanceOf": sorted({"ApiError", error.class_name, *error.groups}
                                 | ({categories[error.category]} if error.category else set())),
        }
        for error in page.errors
    ]


@pytest.mark.parametrize("source", SOURCES)
def test_each_code_gets_its_own_class_under_its_category_and_groups_in_both_languages(
    source: str, generated: Path, typescript_view: dict[str, Any], model: dict[str, ErrorPage]
) -> None:
    page = model[source]
    expected = expected_classes(page)
    assert all(error.class_name for error in page.errors)
    assert len({error.class_name for error in page.errors}) == len(page.errors)
    module = import_file(generated / "output" / "python" / "binance_errors" / f"{source}.py")
    generated_classes = {name: getattr(module, name) for name in module.__all__ if name[:1].isupper()
                         and isinstance(getattr(module, name), type) and issubclass(getattr(module, name), Exception)}
    from_python = []
    for member in module.ErrorCode:
        error = module.ApiError.from_payload({"code": int(member), "msg": ""})
        from_python.append({
            "code": int(member), "name": type(error).__name__, "retryable": error.retryable,
            "instanceOf": sorted(name for name, cls in generated_classes.items() if isinstance(error, cls)),
        })
    assert from_python == expected
    assert typescript_view[source]["classes"] == expected
    assert [info["className"] for info in typescript_view[source]["infos"]] == [e.class_name for e in page.errors]


def test_the_groups_land_where_errgen_toml_puts_them(model: dict[str, ErrorPage]) -> None:
    usdm = {error.code: error for error in model["usdm"].errors}
    assert usdm[-1003].groups == ("RateLimited",) and usdm[-1008].groups == ("ServerBusy",)
    assert [(g.name, g.retryable, g.codes) for g in model["options"].groups] == [("RateLimited", True, (-1015,))]
    assert usdm[-1003].class_name == "TooManyRequests" and usdm[-1121].class_name == "BadSymbol"
