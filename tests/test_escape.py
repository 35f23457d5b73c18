"""Each filter in generator/targets/filters/ and each target's filters.py alone, on hostile text, proven by the
language's own parser: `ast` (after black) for Python, tsc and node (and the
TypeScript scanner) for TypeScript, `json.loads` for JSON."""

from __future__ import annotations

import ast
import io
import json
import tokenize
from pathlib import Path

import pytest
from errgen.targets.filters.text import comment
from errgen.targets.json.filters import json_document
from errgen.targets.python.filters import pydoc, pyopt, pystr
from errgen.targets.python.format import format_python
from errgen.targets.typescript.filters import jsdoc, tsopt, tsstr
from hostile import HOSTILE
from support import ROOT, compile_typescript, load_json, run_node

SAMPLES: tuple[str, ...] = (
    *HOSTILE,
    "",
    " ",
    "  spaces at both ends  ",
    "plain text",
    "".join(map(chr, range(1, 0x20))),  # every C0 control but NUL
    "".join(map(chr, range(0x7F, 0xA1))),  # DEL, C1 controls, NBSP
    "".join(map(chr, range(0x2000, 0x2030))),  # Unicode spaces, joiners, bidi, separators
)


@pytest.fixture(autouse=True)
def private_black_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ERRGEN_CACHE_DIR", str(tmp_path / "cache"))


def assert_visible(text: str) -> None:
    """Only printable characters: nothing ends a line, nothing hides or reorders text."""
    hidden = [f"U+{ord(ch):04X}" for ch in text if not ch.isprintable()]
    assert not hidden, f"{text!r} holds {hidden}"


# -- Python ------------------------------------------------------------------


@pytest.mark.parametrize("text", SAMPLES)
def test_pystr_is_one_string_token_equal_to_the_text(text: str) -> None:
    literal = pystr(text)
    tokens = list(tokenize.generate_tokens(io.StringIO(literal).readline))
    assert [t.type for t in tokens] == [tokenize.STRING, tokenize.NEWLINE, tokenize.ENDMARKER]
    assert ast.literal_eval(literal) == text
    assert_visible(literal)


@pytest.mark.parametrize("text", SAMPLES)
def test_pydoc_inside_triple_quotes_reads_back(text: str) -> None:
    body = pydoc(text)
    assert ast.literal_eval(f'"""{body}"""') == text
    assert '"' not in body and "\n" not in body
    assert_visible(body)


def test_python_filters_read_back_after_black_in_every_place_templates_use_them() -> None:
    """Module, class and attribute docstrings, values, comments: black runs over
    all of them (it trims and pads docstrings, requotes strings), and `ast` with
    type comments on (as mypy parses) still reads back every sample exactly."""
    lines = [f'"""Error codes of "{pydoc(SAMPLES[0])}" (source `x`)."""', "", "", "class Codes:"]
    for index, text in enumerate(SAMPLES):
        lines += [
            f"    # Category: {comment(text)}",
            f"    V{index} = ({pystr(text)}, {pyopt(text)}, None)",
            f'    """{index} {pydoc(text)}"""',
            "",
            f"    class D{index}:",
            f'        """{pydoc(text)}"""',
            "",
        ]
    source = format_python("\n".join(lines) + "\n", "test_escape")
    module = ast.parse(source, type_comments=True)
    assert ast.get_docstring(module, clean=False) == f'Error codes of "{SAMPLES[0]}" (source `x`).'
    (codes,) = [node for node in module.body if isinstance(node, ast.ClassDef)]
    values = [ast.literal_eval(node.value) for node in codes.body if isinstance(node, ast.Assign)]
    assert values == [(text, text, None) for text in SAMPLES]
    member_docs = [
        node.value.value for node in codes.body if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    ]
    assert member_docs == [f"{index} {text}" for index, text in enumerate(SAMPLES)]
    class_docs = [ast.get_docstring(node, clean=False) for node in codes.body if isinstance(node, ast.ClassDef)]
    assert class_docs == list(SAMPLES)
    assert pyopt(None) == "None"


@pytest.mark.parametrize("text", SAMPLES)
def test_comment_stays_one_python_comment(text: str) -> None:
    line = f"# Category: {comment(text)}"
    tokens = list(tokenize.generate_tokens(io.StringIO(line + "\nX = 1\n").readline))
    assert (tokens[0].type, tokens[0].string) == (tokenize.COMMENT, line)
    assert [t.string for t in tokens[1:5]] == ["\n", "X", "=", "1"]
    assert "*/" not in comment(text)
    assert_visible(line)


# -- TypeScript --------------------------------------------------------------


@pytest.fixture(scope="module")
def typescript_readback(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """One module holding every sample in every TypeScript place: compiled by
    tsc --strict (an active `@ts-expect-error` would fail it), run by node, and
    each comment scanned and parsed by the TypeScript compiler itself."""
    folder = tmp_path_factory.mktemp("escape_ts")
    lines = ["export const VALUES: ReadonlyArray<string | null> = ["]
    for text in SAMPLES:
        lines += [f"  // Category: {comment(text)}", f"  /** -1 {jsdoc(text)} */", f"  {tsstr(text)}, {tsopt(text)},"]
    lines += [f"  {tsopt(None)},", "];"]
    source = folder / "values.ts"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    compile_typescript([source], folder / "out")
    lines_json = json.dumps([f"// Category: {comment(text)}" for text in SAMPLES])
    docs_json = json.dumps([f"/** -1 {jsdoc(text)} */\nexport const V = 1;\n" for text in SAMPLES])
    script = f"""
import {{ createRequire }} from "node:module";
import {{ VALUES }} from "./values.js";
const ts = createRequire({json.dumps(str(ROOT / "package.json"))})("typescript");
function kinds(text) {{
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, text);
  const found = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {{
    const name = kind === ts.SyntaxKind.SingleLineCommentTrivia ? "line-comment" : ts.SyntaxKind[kind];
    found.push(name + ":" + scanner.getTokenText().length);
  }}
  return found;
}}
const comments = {lines_json}.map(kinds);
const jsdocs = {docs_json}.map((text) => {{
  const file = ts.createSourceFile("d.ts", text, ts.ScriptTarget.ES2022, true);
  const statement = file.statements[0];
  return {{ statements: file.statements.length, blocks: ts.getJSDocCommentsAndTags(statement).length,
           tags: ts.getJSDocTags(statement).length }};
}});
console.log(JSON.stringify({{ values: VALUES, comments, jsdocs }}));
"""
    result: dict[str, object] = run_node(script, folder / "out")
    return result


def test_tsstr_reads_back_in_node(typescript_readback: dict[str, object]) -> None:
    expected: list[str | None] = [value for text in SAMPLES for value in (text, text)]
    assert typescript_readback["values"] == [*expected, None]


def test_comment_is_one_typescript_line_comment(typescript_readback: dict[str, object]) -> None:
    lines = [f"// Category: {comment(text)}" for text in SAMPLES]
    utf16_lengths = [len(line.encode("utf-16-le")) // 2 for line in lines]
    assert typescript_readback["comments"] == [[f"line-comment:{length}"] for length in utf16_lengths]


def test_jsdoc_is_one_block_without_tags(typescript_readback: dict[str, object]) -> None:
    assert typescript_readback["jsdocs"] == [{"statements": 1, "blocks": 1, "tags": 0}] * len(SAMPLES)


@pytest.mark.parametrize("text", SAMPLES)
def test_typescript_filters_hold_only_visible_characters(text: str) -> None:
    for escaped in (tsstr(text), comment(text), jsdoc(text)):
        assert_visible(escaped)
    assert "*/" not in jsdoc(text) and "@" not in jsdoc(text).replace("\\@", "")


# -- JSON --------------------------------------------------------------------


def test_json_document_reads_back_and_shows_every_invisible_character(tmp_path: Path) -> None:
    document = {"samples": list(SAMPLES), "by_text": {text: index for index, text in enumerate(SAMPLES)}, "none": None}
    text = json_document(document)
    path = tmp_path / "page.json"
    path.write_text(text, encoding="utf-8")
    assert load_json(path) == document
    assert text.endswith("}\n") and not text.endswith("\n\n")
    for line in text.split("\n"):
        assert_visible(line)
