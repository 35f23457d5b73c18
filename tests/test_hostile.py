"""tests/fixtures/hostile.md through the real pipeline (`errgen generate` in a
fresh project): every name, message, description, title and table row reads
back exactly from the JSON, from the imported Python module and from the
TypeScript module compiled by tsc --strict and run in node; `match` finds each
message in both languages; no page text becomes a directive or hides in the
generated files."""

from __future__ import annotations

import ast
import io
import json
import re
import tokenize
from pathlib import Path
from typing import Any

import pytest
from support import (
    ROOT,
    compile_typescript,
    import_file,
    load_json,
    make_project,
    run_errgen,
    run_node,
)

FIXTURE = ROOT / "tests" / "fixtures" / "hostile.md"

TITLE = 'Hostile page: "quotes" """ ${x} */ {{ y }} @ts-nocheck ` end'

PY = "10xx - Python: \"quotes\", '''triple''', \\N{BULLET} and \\u2022"
JS = "20xx - JavaScript: ${process.exit(1)}, `template` and </script>"
JINJA = "30xx - Jinja: {{ 7 * 7 }} and {% raw %}"
TS_DIRECTIVE, TYPE_COMMENT, FMT_OFF, CODING = "@ts-expect-error", "type: int", "fmt: off", "-*- coding: latin-1 -*-"
COMMENT_END = "*/ comment end /* and /**/"
REVIEWERS = "Reviewers: \u202ebidi\u202c and invisible characters"
UNICODE = "70xx - Unicode: \U0001f600 \U0001d11e e\u0301\u0301"
REGEX, NAMES = "80xx - Regular expressions", "90xx - Names"

# (code, published name, identifier, category title, messages, description), in page order.
EXPECTED: list[tuple[int, str, str, str, list[str], str]] = [
    (-1, 'DOUBLE"QUOTE', "DOUBLE_QUOTE", PY, ['Symbol "%s" is invalid.'], ""),
    (-2, 'TRIPLE"""DOUBLE', "TRIPLE_DOUBLE", PY, ['""" + __import__("os").system("id") + """'], ""),
    (-3, "TRIPLE'''SINGLE", "TRIPLE_SINGLE", PY, ["'''; import os; os.system(\"id\"); '''"], ""),
    (-4, "BACKSLASH\\", "BACKSLASH", PY, ["Path C:\\temp\\ ends with a backslash \\"], ""),
    (-5, "N_ESCAPE", "N_ESCAPE", PY, ["\\N{BULLET} and \\N{LATIN SMALL LETTER A}"], ""),
    (-6, "U_ESCAPE", "U_ESCAPE", PY, ["\\u2022 \\U0001F600 \\x41 \\0 \\n"], ""),
    (-7, "F_STRING", "F_STRING", PY, ['f"{os.environ}" {0.__class__} %(name)s {name}'], ""),
    (-8, '"; DROP TABLE errors; --', "DROP_TABLE_ERRORS", PY, ["x'; DROP TABLE errors; --"], ""),
    (-20, "TEMPLATE_LITERAL", "TEMPLATE_LITERAL", JS, ["`${process.exit(1)}`"], ""),
    (-21, "SCRIPT_END</script>", "SCRIPT_END_SCRIPT", JS, ["</script><script>alert(1)</script>"], ""),
    (-22, '"}]; process.exit(1); //', "PROCESS_EXIT_1", JS, ['"}]; process.exit(1); //'], ""),
    (-23, "__proto__", "PROTO", JS, ["constructor", "toString"], ""),
    (-24, "LINE\u2028SEPARATOR", "E24", JS, ["a\u2028b\u2029c"], ""),
    (-25, "$&$1", "E_1", JS, ["Replacement patterns $& $1 $$ $` $'"], ""),
    (-30, "{{ page.source.path }}", "PAGE_SOURCE_PATH", JINJA, ["{{ 7 * 7 }} {{ config }} {# comment #}"], ""),
    (-31, "{% raw %}", "RAW", JINJA, ["{% endraw %}{% for x in y %}{{ x }}{% endfor %}"], ""),
    (-32, "PERCENT", "PERCENT", JINJA, ["%s %d %b {name} {0} %%"], ""),
    (-40, "TS_IGNORE", "TS_IGNORE", TS_DIRECTIVE, ["// @ts-ignore"], "@ts-nocheck"),
    (-41, "TYPE_IGNORE", "TYPE_IGNORE", TYPE_COMMENT, ["# type: ignore"], ""),
    (-42, "FMT_SKIP", "FMT_SKIP", FMT_OFF, ["fmt: skip", "# noqa: E501"], ""),
    (-43, "CODING", "CODING", CODING, ["# -*- coding: latin-1 -*-"], ""),
    (-50, "*/ END_COMMENT", "END_COMMENT", COMMENT_END, ["*/ alert(1); /*"], ""),
    (-51, "@param {string} x @returns", "PARAM_STRING_X_RETURNS", COMMENT_END, ["@deprecated {@link evil}"], ""),
    (-52, "CR IN NAME", "CR_IN_NAME", COMMENT_END, ["first line second line"], ""),  # CR is a line end: folded
    (-53, "NEXT\x85LINE", "E53", COMMENT_END, ["a\x0bb\x0cc\x1c\x1d\x1e\x1fd\x7f\x80\x9fe"], ""),
    (-54, "-->", "E54", COMMENT_END, ["<!-- --> <!--"], ""),
    (-60, "ACCESS\u202eGRANTED\u202c", "E60", REVIEWERS,
     ['if access_level != "user\u202e \u2066// Check if admin\u2069 \u2066"'], ""),
    (-61, "ISOLATES", "ISOLATES", REVIEWERS, ["\u2066\u2067\u2068\u2069 \u200e\u200f\u061c"], ""),
    (-62, "ZERO\u200bWIDTH", "E62", REVIEWERS, ["zero\u200bwidth\u200djoiner\ufeffbom\u00adshy"], ""),
    (-63, "NO\u00a0BREAK", "E63", REVIEWERS, ["\u00a0leading and trailing\u00a0"], ""),
    (-64, "IDEOGRAPHIC SPACE", "IDEOGRAPHIC_SPACE", REVIEWERS, ["a\u3000b\u2000c\u205fd"], ""),
    (-65, "PRIVATE_USE", "PRIVATE_USE", REVIEWERS, ["a\ue000b\uf8ffc\U000e0041d\ufffee"], ""),
    (-70, "\U0001f600 EMOJI", "E70", UNICODE, ["\U0001f600 \U0001d11e \U00010000 \U0010fffd"], ""),
    (-71, "COMBINING e\u0301\u0301", "E71", UNICODE, ["\u0301 starts with a combining acute"], ""),
    (-72, "ERREUR_\u00c9LEV\u00c9E", "E72", UNICODE, ["Le symbole \u00ab %s \u00bb est invalide."], ""),
    (-73, "\u9519\u8bef", "E73", UNICODE, ["\u65e0\u6548\u7684\u4ea4\u6613\u5bf9 %s\u3002", "\uff05s \u5168\u89d2\u767e\u5206\u53f7"], ""),
    (-80, "REGEX_SYNTAX", "REGEX_SYNTAX", REGEX, ["^$.|?*+()[]{}\\ end"], ""),
    (-81, "NAMED_GROUP", "NAMED_GROUP", REGEX, ["(?P<x>.) \\d+ [^] $& \\k<x>"], ""),
    (-82, "PLACEHOLDER_AT_EDGES", "PLACEHOLDER_AT_EDGES", REGEX, ["%s", "%s and %d", "Value {param}."], ""),
    (-90, "' + require(\"child_process\").execSync(\"id\") + '", "REQUIRE_CHILD_PROCESS_EXECSYNC_ID", NAMES, ["x"], ""),
    (-91, "0DAY", "E_0DAY", NAMES, ["y"], ""),
    (-92, "class", "CLASS", NAMES, ["None", "True"], ""),
    (-93, ";;;", "E93", NAMES, ["z"], ""),
    (-94, "Request Throttled (phrase)", "REQUEST_THROTTLED_PHRASE", NAMES, [],
     'Paragraph: """ ${x} */ {{ y }} \u2028 ` end'),
    (-95, "TAB AND SPACES", "TAB_AND_SPACES", NAMES, ["lots of whitespace"], ""),
]
CATEGORY_TITLES = [PY, JS, JINJA, TS_DIRECTIVE, TYPE_COMMENT, FMT_OFF, CODING, COMMENT_END, REVIEWERS, UNICODE, REGEX, NAMES]
TABLES = [
    {"title": "Messages for -1, -20", "codes": [-1, -20],
     "rows": [["Pipe | inside", '*/ and "quotes"'], ["${x} and \\N{BULLET}", "\u202ebidi"]]},
]
# (code, message) for every message `match` must find, codes' and tables' alike.
MESSAGES = [(code, text) for code, *_, messages, _ in EXPECTED for text in messages] + [
    (table["codes"][0], row[0]) for table in TABLES for row in table["rows"]
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = make_project(tmp_path_factory.mktemp("hostile"), {"hostile": FIXTURE}, package="hostile_errors")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ERRGEN_CACHE_DIR", "")  # black runs: nothing cached hides what it does
        result = run_errgen("generate", cwd=base)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return base / "output"


@pytest.fixture(scope="module")
def from_typescript(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("hostile_ts")
    compile_typescript([project / "typescript" / "hostile.ts"], out)  # tsc --strict: an active directive fails it
    script = f"""
import * as m from "./hostile.js";
const infos = Object.values(m.ErrorCode).map((code) => m.lookup(code));
const matches = {json.dumps(MESSAGES)}.map(([code, text]) => {{
  const withCode = m.match(text, code), anyCode = m.match(text);
  return [withCode && withCode.template, anyCode && anyCode.template, anyCode && anyCode.error.code];
}});
console.log(JSON.stringify({{ enum: m.ErrorCode, infos, categories: m.CATEGORIES, tables: m.MESSAGE_TABLES, matches }}));
"""
    return run_node(script, out)


def test_the_fixture_is_hostile_enough() -> None:
    assert len(EXPECTED) >= 40
    assert len({code for code, *_ in EXPECTED}) == len(EXPECTED)
    assert b"\r" in FIXTURE.read_bytes().replace(b"\r\n", b"")  # a raw lone CR


def test_json_reads_back_exactly(project: Path) -> None:
    document = load_json(project / "json" / "hostile.json")
    titles = {c["id"]: c["title"] for c in document["categories"]}
    assert document["title"] == TITLE
    assert [c["title"] for c in document["categories"]] == CATEGORY_TITLES
    got = [
        (e["code"], e["name"], e["identifier"], titles[e["category"]], [m["text"] for m in e["messages"]], e["description"])
        for e in document["errors"]
    ]
    assert got == EXPECTED
    tables = [
        {"title": t["title"], "codes": t["codes"], "rows": [[r["message"], r["description"]] for r in t["rows"]]}
        for t in document["message_tables"]
    ]
    assert tables == TABLES


def test_python_parses_as_mypy_does_and_reads_back_exactly(project: Path) -> None:
    path = project / "python" / "hostile_errors" / "hostile.py"
    ast.parse(path.read_text(encoding="utf-8"), type_comments=True)  # a stray `# type:` is a SyntaxError here
    module = import_file(path)
    assert f'"{TITLE}"' in (module.__doc__ or "")
    got = [
        (int(m), m.published_name, m.name, module.CATEGORIES[m.category], list(m.messages), m.description)
        for m in module.ErrorCode
    ]
    assert got == EXPECTED
    assert list(module.CATEGORIES.values()) == CATEGORY_TITLES
    tables = [{"title": t.title, "codes": list(t.codes), "rows": [list(r) for r in t.rows]} for t in module.MESSAGE_TABLES]
    assert tables == TABLES
    for code, text in MESSAGES:
        found = module.match(text, code)
        assert found is not None and found.template == text, (code, text)


def test_python_member_docstrings_read_back_exactly(project: Path) -> None:
    """An IDE shows a member's docstring on hover: its code, name and messages."""
    tree = ast.parse((project / "python" / "hostile_errors" / "hostile.py").read_text(encoding="utf-8"))
    (enum,) = [node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "ErrorCode"]
    docs = [
        node.value.value
        for node in enum.body
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and node is not enum.body[0]
    ]
    wanted = []
    for code, published, _identifier, _category, messages, _description in EXPECTED:
        head = f"{code} {published}"
        wanted.append(head if not messages else "\n".join([head, "", *(f"    - {m}" for m in messages), "    "]))
    assert docs == wanted


def test_typescript_compiles_strict_and_reads_back_exactly(from_typescript: Any) -> None:
    categories = from_typescript["categories"]
    got = [
        (i["code"], i["name"], i["identifier"], categories[i["category"]], i["messages"], i["description"])
        for i in from_typescript["infos"]
    ]
    assert got == [tuple(record) for record in EXPECTED]
    assert from_typescript["enum"] == {identifier: code for code, _, identifier, *_ in EXPECTED}
    assert list(categories.values()) == CATEGORY_TITLES
    assert from_typescript["tables"] == TABLES


def test_python_and_typescript_match_every_message_alike(project: Path, from_typescript: Any) -> None:
    module = import_file(project / "python" / "hostile_errors" / "hostile.py")
    from_python = []
    for code, text in MESSAGES:
        with_code, any_code = module.match(text, code), module.match(text)
        from_python.append([with_code.template, any_code.template, int(any_code.error)])
    assert [row[0] for row in from_python] == [text for _, text in MESSAGES]
    assert from_typescript["matches"] == from_python


# Comments tools read as directives: type comments, black, mypy and TypeScript pragmas.
PYTHON_DIRECTIVE = re.compile(r"#\s*(type|fmt|mypy|isort|pyright|ruff|noqa|pragma|pylint|-\*-)\b", re.I)
TS_DIRECTIVE_LINE = re.compile(r"^\s*(//\s*@|///|//#|/\*\s*@)")


OWN_DIRECTIVES = ["# ruff: noqa", "# pylint: skip-file", "# isort: skip_file", "# fmt: off"]


def test_no_page_text_becomes_a_directive(project: Path) -> None:
    python = (project / "python" / "hostile_errors" / "hostile.py").read_text(encoding="utf-8")
    comments = [t.string for t in tokenize.generate_tokens(io.StringIO(python).readline) if t.type == tokenize.COMMENT]
    assert "# Category: type: int" in comments
    # The only directives are the header's own, telling linters and formatters to leave the file alone.
    assert [c for c in comments if PYTHON_DIRECTIVE.match(c)] == OWN_DIRECTIVES
    typescript = (project / "typescript" / "hostile.ts").read_text(encoding="utf-8")
    assert "  // Category: @ts-expect-error" in typescript.split("\n")
    assert [line for line in typescript.split("\n") if TS_DIRECTIVE_LINE.match(line)] == []


def test_generated_files_hold_no_invisible_characters(project: Path) -> None:
    """Nothing a reviewer cannot see: no bidi control, separator or control character raw in any file."""
    for path in sorted(p for p in project.rglob("*") if p.is_file()):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            hidden = [f"U+{ord(ch):04X}" for ch in line if not ch.isprintable()]
            assert not hidden, f"{path.name}:{number} holds {hidden}"
