"""`ApiError` in the generated Python and TypeScript: built from real error bodies
alike into the code's own class, a clear TypeError for anything that is not one,
subclassable, and an SDK's subclass that asks for it is the code's class too.
(The README's examples run in test_readme_adoption.py.)

All TypeScript of this file (the payload checks and the subclasses) is compiled
by one tsc run and run by one node run.
"""

from __future__ import annotations

import json
import pickle
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
         "message": "-1121 BAD_SYMBOL: Invalid symbol.", "class": "BadSymbol"},
    ),
    (
        '{"code": -1102, "msg": "Mandatory parameter \'symbol\' was not sent, was empty/null, or malformed."}',
        {"code": -1102, "identifier": "MANDATORY_PARAM_EMPTY_OR_MALFORMED",
         "template": "Mandatory parameter '%s' was not sent, was empty/null, or malformed.", "args": ["symbol"],
         "message": "-1102 MANDATORY_PARAM_EMPTY_OR_MALFORMED: "
         "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
         "class": "MandatoryParamEmptyOrMalformed"},
    ),
    (
        '{"code": -1013, "msg": "Filter failure: LOT_SIZE"}',
        {"code": -1013, "identifier": "INVALID_MESSAGE", "template": "Filter failure: LOT_SIZE", "args": [],
         "message": "-1013 INVALID_MESSAGE: Filter failure: LOT_SIZE", "class": "InvalidMessage"},
    ),
    (
        '{"code": -1121, "msg": "Invalid symbol!"}',  # the prefix tier: the template, then "!"
        {"code": -1121, "identifier": "BAD_SYMBOL", "template": "Invalid symbol.", "args": [],
         "message": "-1121 BAD_SYMBOL: Invalid symbol!", "class": "BadSymbol"},
    ),
    (
        '{"code": -1121, "msg": "Market is closed."}',  # another code's message: found where it is documented
        {"code": -1121, "identifier": "BAD_SYMBOL", "template": "Market is closed.", "args": [],
         "message": "-1121 BAD_SYMBOL: Market is closed.", "class": "BadSymbol"},
    ),
    (
        '{"code": -2010, "msg": "Filter failure: MAX_NUM_ORDERS, request ip: 1.2.3.4"}',  # issue 15's two at once
        {"code": -2010, "identifier": "NEW_ORDER_REJECTED", "template": "Filter failure: MAX_NUM_ORDERS", "args": [],
         "message": "-2010 NEW_ORDER_REJECTED: Filter failure: MAX_NUM_ORDERS, request ip: 1.2.3.4",
         "class": "NewOrderRejected"},
    ),
    (
        '{"code": -9000, "msg": "Something new."}',
        {"code": -9000, "identifier": None, "template": None, "args": None,
         "message": "-9000 unlisted code: Something new.", "class": "ApiError"},
    ),
    (
        '{"code": -1010, "msg": "Market is closed."}',  # named in a table heading, not listed on the page
        {"code": -1010, "identifier": None, "template": None, "args": None,
         "message": "-1010 unlisted code: Market is closed.", "class": "ApiError"},
    ),
    (
        '{"msg": "Invalid symbol.", "code": -1121, "data": {"symbol": "BTC"}, "success": false}',
        {"code": -1121, "identifier": "BAD_SYMBOL", "template": "Invalid symbol.", "args": [],
         "message": "-1121 BAD_SYMBOL: Invalid symbol.", "class": "BadSymbol"},
    ),
    (
        '{"code": -1121.0, "msg": "Invalid symbol."}',  # JSON has one kind of number
        {"code": -1121, "identifier": "BAD_SYMBOL", "template": "Invalid symbol.", "args": [],
         "message": "-1121 BAD_SYMBOL: Invalid symbol.", "class": "BadSymbol"},
    ),
    (
        '{"code": "-1121", "msg": "Invalid symbol."}',  # a code sent as a string on an integer page
        {"code": -1121, "identifier": "BAD_SYMBOL", "template": "Invalid symbol.", "args": [],
         "message": "-1121 BAD_SYMBOL: Invalid symbol.", "class": "BadSymbol"},
    ),
    (
        '{"code": -1121, "message": "Invalid symbol."}',  # `message`, when there is no `msg`
        {"code": -1121, "identifier": "BAD_SYMBOL", "template": "Invalid symbol.", "args": [],
         "message": "-1121 BAD_SYMBOL: Invalid symbol.", "class": "BadSymbol"},
    ),
    (
        '{"code": 0, "msg": ""}',
        {"code": 0, "identifier": None, "template": None, "args": None, "message": "0 unlisted code: ",
         "class": "ApiError"},
    ),
]

# Bodies that are not error bodies, and the words the TypeError must contain.
BAD: list[tuple[str, str]] = [
    ('{"msg": "Invalid symbol."}', "integer 'code'"),
    ('{"code": "-01121", "msg": "Invalid symbol."}', "integer 'code'"),  # not how the page writes a code
    ('{"code": "9007199254740993", "msg": "Invalid symbol."}', "integer 'code'"),
    ('{"code": "-1121 ", "msg": "Invalid symbol."}', "integer 'code'"),
    ('{"code": ' + "9" * 5000 + ', "msg": "x"}', "integer 'code'"),  # Python 3.11+ refuses int() of it
    ('{"message": "Invalid symbol.", "code": -1121, "msg": 5}', "string 'msg' or 'message'"),
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
    ('[{"code": -1121, "msg": "Invalid symbol."}]', "must be a JSON object"),
    ('"Invalid symbol."', "is not JSON"),  # a string body is JSON text to decode
    ("null", "must be a JSON object"),
    ("-1121", "must be a JSON object"),
]


@pytest.fixture(scope="module")
def spot() -> ModuleType:
    return import_file(OUTPUT / "python" / "binance_errors" / "spot.py")


def python_view(spot: ModuleType, body: str) -> dict[str, Any]:
    """What the Python module makes of an error body, in the shape node reports."""
    try:
        decoded = json.loads(body)
    except ValueError:  # 4,300+ digits: Python 3.11+ json refuses; from_payload reads it as JavaScript does
        decoded = body
    try:
        error = spot.ApiError.from_payload(decoded)
        assert spot.ApiError.from_payload(body).args == error.args  # the JSON text itself is a body too
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
        "class": type(error).__name__,
    }


TS_CHECKS = """
import { ApiError, type ApiErrorOptions, BadSymbol, RequestIssues, TooManyRequests } from "./spot.js";

const bodies: string[] = %s;
const view = (body: string): object => {
  try {
    const error = ApiError.fromPayload(JSON.parse(body));
    JSON.parse(JSON.stringify(ApiError.fromPayload(body)));  // the JSON text itself is a body too
    return { code: error.code, identifier: error.info?.identifier ?? null, template: error.match?.template ?? null,
             args: error.match?.args ?? null, message: error.message, class: error.name };
  } catch (problem) {
    if (!(problem instanceof TypeError)) throw problem;
    return { error: "TypeError", message: problem.message };
  }
};

class ExchangeError extends ApiError {
  readonly banned = this.code === -1003;
}
// Typed as the subclass: tsc rejects this line if fromPayload returned ApiError.
const sub: ExchangeError = ExchangeError.fromPayload({ code: -1121, msg: "Invalid symbol." });
let caught = "";
try {
  throw sub;
} catch (error) {
  if (error instanceof ApiError) caught = error.name;
}
// What differs between `on.fromPayload(body)` and `new` of the class it built, with the
// same arguments: nothing but where the stack starts (fromPayload makes a code's error
// as a plain Error, sets its fields, then gives it the class's prototype).
const unlikeNew = (on: typeof ApiError, code: number, msg: string, options?: ApiErrorOptions): string[] => {
  const built = on.fromPayload({ code, msg }, options);
  const cls = built.constructor as new (code: never, msg: string, options?: ApiErrorOptions) => ApiError;
  const made = new cls(code as never, msg, options);
  const seen = (value: unknown): string => JSON.stringify(value) ?? String(value);
  const problems: string[] = [];
  if (Object.getPrototypeOf(built) !== cls.prototype) problems.push("prototype");
  if (Object.prototype.toString.call(built) !== Object.prototype.toString.call(made)) problems.push("tag");
  const keys = (error: object): string => Reflect.ownKeys(error).map(String).join(",");
  if (keys(built) !== keys(made)) problems.push(`own keys ${keys(built)} against ${keys(made)}`);
  for (const key of Reflect.ownKeys(made)) {
    const [ours, theirs] = [built, made].map((error) => Object.getOwnPropertyDescriptor(error, key));
    const shape = (d: PropertyDescriptor | undefined) => seen([d?.writable, d?.enumerable, d?.configurable]);
    if (shape(ours) !== shape(theirs)) problems.push(`descriptor of ${String(key)}`);
    const [a, b] = [ours?.value, theirs?.value];
    if (key !== "stack" && !(a === b || (typeof a === "object" && seen(a) === seen(b)))) {
      problems.push(`${String(key)}: ${seen(a)} against ${seen(b)}`);
    }
  }
  const [first, frame] = (built.stack ?? "").split("\\n");
  if (first !== (made.stack ?? "").split("\\n")[0]) problems.push(`stack header ${first}`);
  if (!(frame ?? "").includes("fromPayload")) problems.push(`first frame ${frame}`);
  return problems;
};

console.log(JSON.stringify({
  unlikeNew: {
    "-1121 on ApiError": unlikeNew(ApiError, -1121, "Invalid symbol."),
    "-1003 with values on ApiError": unlikeNew(ApiError, -1003, "Too many requests; current limit is 1200 requests per minute."),
    "-1121 on its category": unlikeNew(RequestIssues, -1121, "Invalid symbol."),
    "-1121 on its class": unlikeNew(BadSymbol, -1121, "Invalid symbol."),
    "-1121 on another code's class": unlikeNew(TooManyRequests, -1121, "Invalid symbol."),
    "unlisted on ApiError": unlikeNew(ApiError, 123456, "Something new."),
    "-1121 on an SDK's subclass": unlikeNew(ExchangeError, -1121, "Invalid symbol."),
    "-1003 with a cause, a status and headers": unlikeNew(ApiError, -1003, "Too many requests.",
      { cause: new Error("socket"), status: 429, headers: { "Retry-After": "5" } }),
  },
  bodies: bodies.map(view),
  subclass: { exchange: sub instanceof ExchangeError, api: sub instanceof ApiError, error: sub instanceof Error,
              name: sub.name, caught, banned: sub.banned, code: sub.code, template: sub.match?.template,
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
    (work / "console.d.ts").write_text(CONSOLE_D_TS, encoding="utf-8")
    out = work / "out"
    compile_typescript([work / name for name in ("spot.ts", "checks.ts", "console.d.ts")], out)
    view: dict[str, Any] = run_node('import("./checks.js");\n', out)
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


# JSON texts on both sides of the Python decoder's shortcut for a text that is `{…}`
# and nothing else: each must be read as json.loads reads it, its errors too.
JSON_TEXTS: list[str | bytes] = [
    '{"code": -1121, "msg": "Invalid symbol."}',
    ' {"code": -1121, "msg": "Invalid symbol."}\n',
    '{"code": -1121, "msg": "Invalid symbol."} {}',  # two objects
    '{"code": -1121, "msg": "Invalid symbol."}}',
    '{"code": -1121, "msg": "Invalid symbol.", }',
    '{"code": -1121, "msg": "Invalid symbol."',
    "{", "}", "{}", "{}}", "{}{}", "{} ", '{"code": {}}',
    '\ufeff{"code": -1121, "msg": "Invalid symbol."}',  # json.loads refuses a BOM in a str
    '{"code": -1121, "msg": "Invalid symbol.", "n": NaN, "big": ' + "9" * 5000 + "}",
    '{"code": -1121, "msg": "x", "deep": ' + "[" * 100_000 + "]" * 100_000 + "}",  # past the stack
    b'{"code": -1121, "msg": "Invalid symbol."}',
    '{"code": -1121, "msg": "Invalid symbol.", "msg": "Market is closed."}',  # the last one wins
]


def _as_json_loads_reads_it(spot: ModuleType, text: str | bytes) -> tuple[str, object]:
    try:
        decoded = json.loads(text, parse_int=lambda digits: int(digits) if len(digits) <= 20 else float(digits))
    except (ValueError, RecursionError) as problem:
        return "TypeError", f"error body is not JSON: {str(problem)[:200]}"
    try:
        error = spot.ApiError.from_payload(decoded)
    except TypeError as problem:
        return "TypeError", str(problem)
    return type(error).__name__, error.args


def test_a_json_text_is_read_as_json_loads_reads_it(spot: ModuleType) -> None:
    for text in JSON_TEXTS:
        try:
            error = spot.ApiError.from_payload(text)
            got: tuple[str, object] = (type(error).__name__, error.args)
        except TypeError as problem:
            got = ("TypeError", str(problem))
        assert got == _as_json_loads_reads_it(spot, text), text[:60]


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


def test_typescript_from_payload_makes_the_error_new_of_its_class_makes(node: dict[str, Any]) -> None:
    """Own properties, their order and descriptors, prototype, name and stack header:
    all as `new` of the class would make them, whichever class fromPayload is called on."""
    assert node["unlikeNew"] == dict.fromkeys(node["unlikeNew"], [])
    assert len(node["unlikeNew"]) == 8


def test_typescript_api_error_can_be_thrown_and_subclassed(node: dict[str, Any]) -> None:
    assert node["subclass"] == {
        "exchange": True, "api": True, "error": True, "name": "ExchangeError", "caught": "ExchangeError",
        "banned": False, "code": -1121, "template": "Invalid symbol.", "stack": True,
    }
