"""`ApiError` in the generated Python and TypeScript: built from real error bodies
alike, a clear TypeError for anything that is not one, subclassable; and the
README's "Using the generated code" examples run and print what the README says.

All TypeScript of this file (the payload checks, the subclass and the README
example) is compiled by one tsc run and run by one node run.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys
from types import ModuleType
from typing import Any

import pytest
from support import ROOT, compile_typescript, import_file, run_node

OUTPUT = ROOT / "output"
README = ROOT / "README.md"
# SDK code calls console.log, which Node or the DOM declares; the modules need neither.
CONSOLE_D_TS = "declare const console: { log(...data: unknown[]): void };\n"

# Error bodies as the API sends them (JSON text), and what both languages must
# make of each: code, identifier (None: unlisted), the matched template and its
# values, and the exception's message.
GOOD: list[tuple[str, dict[str, Any]]] = [
    (
        '{"code": -1121, "msg": "Invalid symbol."}',
        {"code": -1121, "identifier": "BAD_SYMBOL", "template": "Invalid symbol.", "args": [],
         "message": "-1121 BAD_SYMBOL: Invalid symbol."},
    ),
    (
        '{"code": -1102, "msg": "Mandatory parameter \'symbol\' was not sent, was empty/null, or malformed."}',
        {"code": -1102, "identifier": "MANDATORY_PARAM_EMPTY_OR_MALFORMED",
         "template": "Mandatory parameter '%s' was not sent, was empty/null, or malformed.", "args": ["symbol"],
         "message": "-1102 MANDATORY_PARAM_EMPTY_OR_MALFORMED: "
         "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."},
    ),
    (
        '{"code": -1013, "msg": "Filter failure: LOT_SIZE"}',
        {"code": -1013, "identifier": "INVALID_MESSAGE", "template": "Filter failure: LOT_SIZE", "args": [],
         "message": "-1013 INVALID_MESSAGE: Filter failure: LOT_SIZE"},
    ),
    (
        '{"code": -1121, "msg": "Invalid symbol!"}',
        {"code": -1121, "identifier": "BAD_SYMBOL", "template": None, "args": None,
         "message": "-1121 BAD_SYMBOL: Invalid symbol!"},
    ),
    (
        '{"code": -1121, "msg": "Market is closed."}',  # another code's message: no match under -1121
        {"code": -1121, "identifier": "BAD_SYMBOL", "template": None, "args": None,
         "message": "-1121 BAD_SYMBOL: Market is closed."},
    ),
    (
        '{"code": -9000, "msg": "Something new."}',
        {"code": -9000, "identifier": None, "template": None, "args": None,
         "message": "-9000 unlisted code: Something new."},
    ),
    (
        '{"code": -1010, "msg": "Market is closed."}',  # named in a table heading, not listed on the page
        {"code": -1010, "identifier": None, "template": None, "args": None,
         "message": "-1010 unlisted code: Market is closed."},
    ),
    (
        '{"msg": "Invalid symbol.", "code": -1121, "data": {"symbol": "BTC"}, "success": false}',
        {"code": -1121, "identifier": "BAD_SYMBOL", "template": "Invalid symbol.", "args": [],
         "message": "-1121 BAD_SYMBOL: Invalid symbol."},
    ),
    (
        '{"code": -1121.0, "msg": "Invalid symbol."}',  # JSON has one kind of number
        {"code": -1121, "identifier": "BAD_SYMBOL", "template": "Invalid symbol.", "args": [],
         "message": "-1121 BAD_SYMBOL: Invalid symbol."},
    ),
    (
        '{"code": 0, "msg": ""}',
        {"code": 0, "identifier": None, "template": None, "args": None, "message": "0 unlisted code: "},
    ),
]

# Bodies that are not error bodies, and the words the TypeError must contain.
BAD: list[tuple[str, str]] = [
    ('{"msg": "Invalid symbol."}', "integer 'code'"),
    ('{"code": "-1121", "msg": "Invalid symbol."}', "integer 'code'"),
    ('{"code": -1121.5, "msg": "Invalid symbol."}', "integer 'code'"),
    ('{"code": true, "msg": "Invalid symbol."}', "integer 'code'"),
    ('{"code": null, "msg": "Invalid symbol."}', "integer 'code'"),
    ('{"code": [-1121], "msg": "Invalid symbol."}', "integer 'code'"),
    ('{"code": 9007199254740993, "msg": "Invalid symbol."}', "integer 'code'"),
    ('{"code": -1e400, "msg": "Invalid symbol."}', "integer 'code'"),
    ('{"code": -1121}', "string 'msg'"),
    ('{"code": -1121, "msg": 5}', "string 'msg'"),
    ('{"code": -1121, "msg": null}', "string 'msg'"),
    ('{"code": -1121, "msg": ["Invalid symbol."]}', "string 'msg'"),
    ('[{"code": -1121, "msg": "Invalid symbol."}]', "must be an object"),
    ('"Invalid symbol."', "must be an object"),
    ("null", "must be an object"),
    ("-1121", "must be an object"),
]


@pytest.fixture(scope="module")
def spot() -> ModuleType:
    return import_file(OUTPUT / "python" / "binance_errors" / "spot.py")


def python_view(spot: ModuleType, body: str) -> dict[str, Any]:
    """What the Python module makes of an error body, in the shape node reports."""
    try:
        error = spot.ApiError.from_payload(json.loads(body))
    except TypeError as problem:
        return {"error": "TypeError", "message": str(problem)}
    listed = isinstance(error.code, spot.ErrorCode)
    assert listed or type(error.code) is int  # an unlisted code stays the plain number
    return {
        "code": int(error.code),
        "identifier": error.code.name if listed else None,
        "template": None if error.match is None else error.match.template,
        "args": None if error.match is None else list(error.match.args),
        "message": str(error),
    }


def readme_section() -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"^## Using the generated code\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert found, "README.md has no '## Using the generated code' section"
    return found.group(1)


def readme_block(language: str) -> str:
    blocks = re.findall(rf"^```{language}\n(.*?)^```$", readme_section(), re.MULTILINE | re.DOTALL)
    assert len(blocks) == 1, f"expected one ```{language} block in the README's usage section, found {len(blocks)}"
    return str(blocks[0])


TS_CHECKS = """
import { ApiError } from "./spot.js";

const bodies: string[] = %s;
const view = (body: string): object => {
  try {
    const error = ApiError.fromPayload(JSON.parse(body));
    return { code: error.code, identifier: error.info?.identifier ?? null, template: error.match?.template ?? null,
             args: error.match?.args ?? null, message: error.message };
  } catch (problem) {
    if (!(problem instanceof TypeError)) throw problem;
    return { error: "TypeError", message: problem.message };
  }
};

class ExchangeError extends ApiError {
  readonly retryable = this.code === -1008;
}
// Typed as the subclass: tsc rejects this line if fromPayload returned ApiError.
const sub: ExchangeError = ExchangeError.fromPayload({ code: -1121, msg: "Invalid symbol." });
let caught = "";
try {
  throw sub;
} catch (error) {
  if (error instanceof ApiError) caught = error.name;
}
console.log(JSON.stringify({
  bodies: bodies.map(view),
  subclass: { exchange: sub instanceof ExchangeError, api: sub instanceof ApiError, error: sub instanceof Error,
              name: sub.name, caught, retryable: sub.retryable, code: sub.code, template: sub.match?.template,
              stack: typeof sub.stack === "string" },
}));
"""


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The TypeScript side of every test here, from one tsc and one node run."""
    work = tmp_path_factory.mktemp("api_error_ts")
    (work / "spot.ts").write_bytes((OUTPUT / "typescript" / "spot.ts").read_bytes())
    checks = TS_CHECKS % json.dumps([body for body, _ in GOOD] + [body for body, _ in BAD])
    (work / "checks.ts").write_text(checks, encoding="utf-8")
    (work / "readme.ts").write_text(readme_block("ts"), encoding="utf-8")
    (work / "console.d.ts").write_text(CONSOLE_D_TS, encoding="utf-8")
    out = work / "out"
    compile_typescript([work / name for name in ("spot.ts", "checks.ts", "readme.ts", "console.d.ts")], out)
    view: dict[str, Any] = run_node('import("./checks.js");\n', out)
    readme = subprocess.run(["node", "readme.js"], cwd=out, capture_output=True, text=True, check=False)
    assert readme.returncode == 0, readme.stderr
    view["readme"] = readme.stdout
    return view


def test_good_bodies_give_the_code_its_template_and_values_in_both_languages(
    spot: ModuleType, node: dict[str, Any]
) -> None:
    for (body, expected), from_node in zip(GOOD, node["bodies"]):
        assert python_view(spot, body) == expected, body
        assert from_node == expected, body


def test_anything_else_is_a_type_error_that_says_what_is_wrong_in_both_languages(
    spot: ModuleType, node: dict[str, Any]
) -> None:
    for (body, words), from_node in zip(BAD, node["bodies"][len(GOOD):], strict=True):
        from_python = python_view(spot, body)
        assert from_python["error"] == from_node["error"] == "TypeError", body
        assert words in from_python["message"] and words in from_node["message"], (body, from_python, from_node)


def test_python_api_error_can_be_raised_subclassed_and_pickled(spot: ModuleType) -> None:
    class ExchangeError(spot.ApiError):
        pass

    error = ExchangeError.from_payload({"code": -1013, "msg": "Filter failure: LOT_SIZE"})
    assert type(error) is ExchangeError
    with pytest.raises(spot.ApiError) as raised:
        raise error
    assert raised.value is error and raised.value.code is spot.ErrorCode.INVALID_MESSAGE
    again = pickle.loads(pickle.dumps(spot.ApiError(-1121, "Invalid symbol.")))
    assert (again.code, again.msg) == (spot.ErrorCode.BAD_SYMBOL, "Invalid symbol.")
    assert again.match == spot.match("Invalid symbol.")


def test_typescript_api_error_can_be_thrown_and_subclassed(node: dict[str, Any]) -> None:
    assert node["subclass"] == {
        "exchange": True, "api": True, "error": True, "name": "ExchangeError", "caught": "ExchangeError",
        "retryable": False, "code": -1121, "template": "Invalid symbol.", "stack": True,
    }


def expected_readme_output() -> str:
    return readme_block("text")


def test_the_readme_python_example_prints_what_the_readme_says() -> None:
    env = {**os.environ, "PYTHONPATH": str(OUTPUT / "python")}
    result = subprocess.run(
        [sys.executable, "-c", readme_block("python")], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected_readme_output()


def test_the_readme_typescript_example_compiles_strict_and_prints_what_the_readme_says(node: dict[str, Any]) -> None:
    assert node["readme"] == expected_readme_output()
