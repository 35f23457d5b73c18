"""errgen.toml: sources, identifier overrides, translations, and its own errors."""

from __future__ import annotations

import re
import shutil

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.9 and 3.10
    import tomli as tomllib  # type: ignore[no-redef]
from pathlib import Path

import pytest
from errgen.config.places import key_places
from errgen.config.project import GroupConfig, UserTargetConfig, load_config
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
    assert result.stderr.startswith("errgen.toml:7:17: error: identifiers entry '-1099' = 'not valid' must map")
    assert result.stderr.endswith("[config]\n")


def test_a_missing_config_says_how_to_make_one(tmp_path: Path) -> None:
    result = run_errgen("generate", cwd=tmp_path)
    assert result.returncode == 2
    assert "errgen.toml:1:1: error: no errgen.toml here; run `errgen init`" in result.stderr


def test_invalid_toml_is_reported_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "errgen.toml").write_text('[output]\npython_package = "x"\n[[sources]\n', encoding="utf-8")
    result = run_errgen("check", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("errgen.toml:3:")
    assert "[config]" in result.stderr


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


# -- every key is checked, at its place (issue 14, point 2) ------------------------

GOOD = """[output]
python_package = "sdk_errors"
typescript = "src"

[[sources]]
id = "spot"
path = "docs_src/spot.md"
"""

# (what is appended to GOOD or replaces a line of it, the one diagnostic expected)
BAD_KEYS = {
    "a mistyped output folder": (
        ('typescript = "src"', 'pyhton = "lib"'),
        ("errgen.toml:3:1: error: unknown key 'pyhton' in [output]; did you mean 'python'?; known: python_package, "
         "targets, template_dirs, json, python, typescript [config]"),
    ),
    "a mistyped source key": (
        GOOD + 'urll = "https://example.com"\n',
        ("errgen.toml:8:1: error: unknown key 'urll' in [sources]; did you mean 'url'?; known: id, path, url, "
         "language, translation_of, identifiers, section, columns, placeholders, lint, layout, code_pattern, format, payload, subcodes, class_names [config]"),
    ),
    "identifier in the singular": (
        GOOD + 'identifier = { "-1121" = "BAD" }\n',
        ("errgen.toml:8:1: error: unknown key 'identifier' in [sources]; did you mean 'identifiers'?; known: id, "
         "path, url, language, translation_of, identifiers, section, columns, placeholders, lint, layout, code_pattern, format, payload, subcodes, class_names [config]"),
    ),
    "a Python keyword as source id": (
        ('id = "spot"', 'id = "class"'),
        ("errgen.toml:6:1: error: source id 'class' must be a lower-case module name that is a keyword in neither "
         "Python nor TypeScript (it names the generated modules) [config]"),
    ),
    "a TypeScript keyword as source id": (
        ('id = "spot"', 'id = "enum"'),
        ("errgen.toml:6:1: error: source id 'enum' must be a lower-case module name that is a keyword in neither "
         "Python nor TypeScript (it names the generated modules) [config]"),
    ),
    "__init__ as source id": (
        ('id = "spot"', 'id = "__init__"'),
        ("errgen.toml:6:1: error: source id '__init__' must be a lower-case module name that is a keyword in "
         "neither Python nor TypeScript (it names the generated modules) [config]"),
    ),
    "a keyword as package": (
        ('python_package = "sdk_errors"', 'python_package = "def"'),
        ("errgen.toml:2:1: error: python_package 'def' must be a lower-case Python package name that is not a "
         "keyword (it is imported by name) [config]"),
    ),
    "a language that is no BCP 47 tag": (
        GOOD + 'language = "klingon"\n',
        "errgen.toml:8:1: error: language 'klingon' is not a BCP 47 language tag such as 'en' or 'zh-CN' [config]",
    ),
    "a wrong type": (
        GOOD + "url = 42\n",
        "errgen.toml:8:1: error: url must be a string, not an integer [config]",
    ),
    "an unknown target": (
        GOOD.replace('typescript = "src"\n', 'typescript = "src"\ntargets = ["json", "rust"]\n'),
        "errgen.toml:4:20: error: unknown target 'rust'; targets: json, python, typescript [config]",
    ),
    "a column role that does not exist": (
        GOOD + 'columns = { "Error Code" = "code", "Message" = "mesage" }\n',
        ("errgen.toml:8:36: error: column 'Message' has role 'mesage'; did you mean 'message'?; roles: code, name, "
         "message, description, http_status, ignore [config]"),
    ),
    "a lint table with a typo": (
        GOOD + 'lint = { ingore = ["name-style"] }\n',
        "errgen.toml:8:10: error: unknown key 'ingore' in [sources.lint]; did you mean 'ignore'?; known: ignore [config]",
    ),
    "a group code list for an unknown source": (
        GOOD + '\n[[groups]]\nname = "RateLimited"\nretryable = true\ncodes = { spto = [-1003] }\n',
        "errgen.toml:12:11: error: group 'RateLimited': no source 'spto'; did you mean 'spot'? [config]",
    ),
    "a user target path without {id}": (
        GOOD + '\n[[targets]]\nname = "codes"\ntemplate = "codes.txt.j2"\npath = "output/codes.txt"\n',
        "errgen.toml:12:1: error: target path 'output/codes.txt' must hold {id} (one file per source) [config]",
    ),
    "a section that is no heading": (
        GOOD + "section = 3\n",
        "errgen.toml:8:1: error: section must be a heading's text or a list of them, not 3 [config]",
    ),
    "an empty section": (
        GOOD + "section = [\"Errors\", \" \"]\n",
        "errgen.toml:8:1: error: section must be a heading's text or a list of them, not ['Errors', ' '] [config]",
    ),
    "placeholders that are not strings": (
        GOOD + "placeholders = [1]\n",
        "errgen.toml:8:1: error: placeholders must be a list of strings [config]",
    ),
    "two user targets of one name": (
        GOOD + '\n[[targets]]\nname = "codes"\ntemplate = "a.j2"\npath = "out/{id}.a"\n'
        '\n[[targets]]\nname = "codes"\ntemplate = "b.j2"\npath = "out/{id}.b"\n',
        "errgen.toml:15:1: error: target name 'codes' is taken: every target needs its own [config]",
    ),
    "an unknown top-level table": (
        GOOD + "\n[ouptut]\n",
        ("errgen.toml:9:1: error: unknown key 'ouptut' in the top level; did you mean 'output'?; known: output, "
         "sources, groups, targets [config]"),
    ),
}


@pytest.mark.parametrize("case", BAD_KEYS)
def test_each_bad_key_is_one_error_at_its_line_and_column(case: str, tmp_path: Path) -> None:
    change, expected = BAD_KEYS[case]
    text = GOOD.replace(*change) if isinstance(change, tuple) else change
    (tmp_path / "errgen.toml").write_text(text, encoding="utf-8")
    (tmp_path / "docs_src").mkdir()
    (tmp_path / "docs_src" / "spot.md").write_text("### -1003 TOO_MANY_REQUESTS\n\n- Too many.\n", encoding="utf-8")

    result = run_errgen("generate", cwd=tmp_path)

    assert (result.returncode, result.stdout, result.stderr) == (2, "", expected + "\n")
    assert not (tmp_path / "output").exists() and not (tmp_path / "errgen.lock").exists()


def test_every_problem_is_reported_at_once_in_file_order(tmp_path: Path) -> None:
    (tmp_path / "errgen.toml").write_text(GOOD + 'urll = "x"\nlanguage = "english"\n', encoding="utf-8")
    result = run_errgen("check", cwd=tmp_path)
    assert [line.split(": error: ")[0] for line in result.stderr.splitlines()] == ["errgen.toml:8:1", "errgen.toml:9:1"]


def test_the_new_keys_reach_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    text = GOOD.replace('typescript = "src"\n', 'typescript = "src"\ntemplate_dirs = ["templates"]\n') + (
        'identifiers = { "-1121" = "BAD_SYMBOL_1", "00001" = "LEADING_ZERO" }\n'
        'section = ["Error Codes", "Errors"]\n'
        'columns = { "Error Code" = "code" }\n'
        'placeholders = ["<Limit>"]\n'
        'lint = { ignore = ["name-style"] }\n'
        '\n[[groups]]\nname = "RateLimited"\nretryable = true\ncodes = { spot = [-1003, "X"] }\n'
        '\n[[targets]]\nname = "codes"\ntemplate = "codes.txt.j2"\npath = "output/codes/{id}.txt"\n'
    )
    (tmp_path / "errgen.toml").write_text(text, encoding="utf-8")
    config = load_config(tmp_path / "errgen.toml", "errgen.toml")
    (source,) = config.sources
    assert config.template_dirs == (Path("templates"),)
    assert config.output["typescript"] == Path("src")
    assert source.identifiers == {-1121: "BAD_SYMBOL_1", "00001": "LEADING_ZERO"}
    assert source.identifier_places == {-1121: (9, 17), "00001": (9, 43)}
    assert (source.section, source.columns, source.placeholders, source.lint_ignore) == (
        ("Error Codes", "Errors"), {"Error Code": "code"}, ("<Limit>",), ("name-style",))
    assert config.groups == (GroupConfig("RateLimited", True, {"spot": (-1003, "X")}),)
    assert config.user_targets == (UserTargetConfig("codes", "codes.txt.j2", "output/codes/{id}.txt"),)


def test_an_override_for_a_code_not_on_the_page_is_an_error_at_its_key(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"page": COLLIDING}, extra='identifiers = { "-1002" = "UNAUTH", "-9999" = "GONE" }')
    result = run_errgen("generate", cwd=root)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        ("errgen.toml:7:37: error: source 'page': identifiers names code -9999, which docs_src/page.md does not "
         "have [config]"),
    ]


def test_a_config_path_that_does_not_exist_is_named(tmp_path: Path) -> None:
    result = run_errgen("check", "--config", "nope.toml", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2, "nope.toml:1:1: error: no such configuration file; --config takes the path of an errgen.toml [no-config]\n")


def test_key_places_follow_tomls_own_structure() -> None:
    """Positions of keys in arrays of tables, their sub-tables, inline tables,
    arrays and after multi-line strings that look like keys."""
    text = (
        '[output]\n'
        'targets = [\n  "json",  # a comment\n  "python",\n]\n'
        '[[sources]]\n'
        'id = "a"\n'
        'description = """\nid = "not a key"\n"""\n'
        "identifiers = { \"-1\" = 'X', b = { c = [1, 2] } }\n"
        '[[sources]]\n'
        'id = "b"\n'
        '[sources.columns]\n'
        '"Error Code" = "code"\n'
    )
    tomllib.loads(text)
    places = key_places(text)
    assert places.found[("output", "targets", 1)] == (4, 3)
    assert places.found[("sources", 0, "id")] == (7, 1)
    assert ("sources", 0, "id") in places.found and places.found[("sources", 0, "identifiers")] == (11, 1)
    assert places.found[("sources", 0, "description")] == (8, 1)
    assert all(line != 9 for line, _ in places.found.values())  # the string's body holds no key
    assert places.found[("sources", 0, "identifiers", "-1")] == (11, 17)
    assert places.found[("sources", 0, "identifiers", "b", "c", 1)] == (11, 43)
    assert places.found[("sources", 1, "columns", "Error Code")] == (15, 1)
    assert places.at(("sources", 1, "columns", "Message")) == (14, 1)  # not written: its table
    assert places.at(("nowhere",)) == (1, 1)


def test_template_dirs_are_relative_to_errgen_toml_wherever_errgen_runs(tmp_path: Path) -> None:
    root = make_project(tmp_path / "sdk", {"page": COLLIDING.replace("Unauthorized", "OTHER")})
    (root / "errgen_templates" / "json").mkdir(parents=True)
    (root / "errgen_templates" / "json" / "schema.json.j2").write_text('{"mine": true}\n', encoding="utf-8")
    config = (root / "errgen.toml").read_text(encoding="utf-8")
    (root / "errgen.toml").write_text(config.replace("[output]\n", '[output]\ntemplate_dirs = ["errgen_templates"]\n'),
                                      encoding="utf-8")

    result = run_errgen("generate", "--config", "sdk/errgen.toml", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert (root / "output" / "json" / "page.schema.json").read_text(encoding="utf-8") == '{"mine": true}\n'


def test_payload_subcodes_and_outcome_are_checked_at_their_places(tmp_path: Path) -> None:
    extra = ('payload = [{ code = "data..code" }, { message = "msg" }, { code = "x", mesage = "y" }]\n'
             'subcodes = "abc"\n\n[[groups]]\nname = "Unknown"\noutcome = "maybe"\ncodes = { page = [-1002] }\n')
    root = make_project(tmp_path, {"page": COLLIDING}, extra=extra)
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 2 and not (root / "output").exists()
    lines = result.stderr.splitlines()
    assert lines == [
        "errgen.toml:7:14: error: code must be a dotted path into the body such as 'data.0.sCode', "
        "not 'data..code' [config]",
        "errgen.toml:7:37: error: a payload table needs `code`, the path of the code in the body "
        '("error.code") [config]',
        "errgen.toml:7:72: error: unknown key 'mesage' in [sources.payload]; did you mean 'message'?; "
        "known: code, message [config]",
        "errgen.toml:8:1: error: subcodes must be the separator of a sub-code such as \"_\" (51008_1000), "
        "not 'abc' [config]",
        "errgen.toml:12:1: error: group 'Unknown': outcome must be one of 'unknown' (execution status unknown: "
        "reconcile before resubmitting), not 'maybe' [config]",
    ]


def test_a_payload_reads_bodies_of_its_shape_in_the_generated_module(tmp_path: Path) -> None:
    extra = 'payload = [{ code = "error.code", message = "error.message" }, { code = "errors.1" }]\n'
    root = make_project(tmp_path, {"page": COLLIDING}, extra=extra)
    assert run_errgen("generate", cwd=root).returncode == 0
    module = import_file(root / "output" / "python" / "errors" / "page.py")
    error = module.ApiError.from_payload({"error": {"code": "-1002", "message": "You are not authorized."}})
    assert (error.code, error.msg) == (module.ErrorCode.UNAUTHORIZED, "You are not authorized.")
    assert module.ApiError.from_payload({"errors": [0, -1099]}).code is module.ErrorCode.UNAUTHORIZED_1099
    with pytest.raises(TypeError, match="an integer 'error.code' or 'errors.1', got None"):
        module.ApiError.from_payload({"code": -1002, "msg": "default shape no longer read"})
    with pytest.raises(TypeError, match="a string 'error.message', got int 5"):
        module.ApiError.from_payload({"error": {"code": -1002, "message": 5}})


def test_class_names_message_names_unnamed_codes_from_their_first_message(tmp_path: Path) -> None:
    page = ("## Errors\n\n| Code | Message |\n|---|---|\n| 51008 | Order failed. Insufficient {param0} balance in account |"
            "\n| 51009 | Order failed. Insufficient {param0} balance in account |\n| 51010 | 42 |\n")
    root = make_project(tmp_path, {"page": page}, extra='class_names = "message"\nplaceholders = ["{param0}"]')
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 0, result.stderr
    module = import_file(root / "output" / "python" / "errors" / "page.py")
    classes = {code: module.ApiError.from_payload({"code": code, "msg": ""}) for code in (51008, 51009, 51010)}
    # at most six words, placeholders left out; a name taken gets the code; no word: from the code
    assert {code: type(error).__name__ for code, error in classes.items()} == {
        51008: "OrderFailedInsufficientBalanceInAccount", 51009: "OrderFailedInsufficientBalanceInAccountError",
        51010: "E51010"}
    bad = make_project(tmp_path / "bad", {"page": page}, extra='class_names = "messages"')
    refused = run_errgen("generate", cwd=bad)
    assert refused.returncode == 2 and 'class_names must be "message"' in refused.stderr
