"""Real error bodies of each example API, as its docs show them, through the
committed example modules: `from_payload` in every CPython from 3.8 and
`fromPayload` in node give the same class, code, message, match, retry_after
and outcome, each as written here by hand from the API's docs and pages.

The bodies' shapes are the documented ones (bitbank's is verbatim from its
errors.md; OKX's batch answer as ccxt #27805 shows one); codes and messages
are those of the committed pages.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from support import ROOT, compile_typescript, run_node
from test_toolchains import PYTHONS, installed_python

EXAMPLES = ROOT / "examples"
PACKAGES = {"binance": "binance_errors", "bybit": "bybit_errors", "okx": "okx_errors", "deribit": "deribit_errors",
            "bitbank": "bitbank_errors"}
PAST = "Wed, 21 Oct 2015 07:28:00 GMT"

# (example, source, body, status, headers) -> (class, code, msg, the code the matched
# template is documented under or None, retry_after, outcome, retryable)
CASES: list[tuple[tuple[str, str, str, int | None, dict[str, str] | None], tuple[Any, ...]]] = [
    # Binance: {code, msg} on every product.
    (("binance", "spot", '{"code":-1121,"msg":"Invalid symbol."}', 400, None),
     ("BadSymbol", -1121, "Invalid symbol.", -1121, None, None, False)),
    (("binance", "spot", '{"code":-1003,"msg":"Too many requests queued."}', 429, {"Retry-After": "7"}),
     ("TooManyRequests", -1003, "Too many requests queued.", -1003, 7.0, None, True)),
    (("binance", "spot", '{"code":-1003,"msg":"Way too much request weight used; IP banned until 1716547200000. '
      'Please use WebSocket Streams for live updates to avoid bans."}', 418, {"retry-after": PAST}),
     ("TooManyRequests", -1003, "Way too much request weight used; IP banned until 1716547200000. Please use "
      "WebSocket Streams for live updates to avoid bans.", -1003, 0.0, None, True)),
    (("binance", "spot", '{"code":-1007,"msg":"Timeout waiting for response from backend server. Send status '
      'unknown; execution status unknown."}', 408, None),
     ("Timeout", -1007, "Timeout waiting for response from backend server. Send status unknown; execution status "
      "unknown.", -1007, None, "unknown", False)),
    (("binance", "usdm", '{"code":-1006,"msg":"An unexpected response was received from the message bus. Execution '
      'status unknown."}', 503, None),
     ("UnexpectedResp", -1006, "An unexpected response was received from the message bus. Execution status "
      "unknown.", -1006, None, "unknown", False)),
    (("binance", "spot", '{"code":-1013,"msg":"Filter failure: LOT_SIZE"}', 400, None),
     ("InvalidMessage", -1013, "Filter failure: LOT_SIZE", -1013, None, None, False)),
    (("binance", "spot", '{"code":-2015,"msg":"Invalid API-key, IP, or permissions for action, request ip: '
      '1.2.3.4"}', 401, None),
     ("RejectedMbxKey", -2015, "Invalid API-key, IP, or permissions for action, request ip: 1.2.3.4", -2015, None,
      None, False)),
    # -4005: a quantity above the maximum on USDⓈ-M, a rate limit on SAPI (ccxt #15722).
    (("binance", "usdm", '{"code":-4005,"msg":"Quantity greater than max quantity."}', 400, None),
     ("QtyGreaterThanMaxQty", -4005, "Quantity greater than max quantity.", -4005, None, None, False)),
    (("binance", "sapi", '{"code":-4005,"msg":"Too many new requests."}', 429, {"Retry-After": "60"}),
     ("CapaitalTooManyRequest", -4005, "Too many new requests.", -4005, 60.0, None, True)),
    # Bybit V5: {retCode, retMsg, result, retExtInfo, time}.
    (("bybit", "bybit", '{"retCode":10001,"retMsg":"params error: side invalid","result":{},"retExtInfo":{},'
      '"time":1672211928338}', 200, None),
     ("RequestParameterError", 10001, "params error: side invalid", None, None, None, False)),
    (("bybit", "bybit", '{"retCode":10006,"retMsg":"Too many visits!","result":{},"retExtInfo":{},'
      '"time":1672211928338}', 403, None),
     ("TooManyVisitsExceededTheApi", 10006, "Too many visits!", None, None, None, True)),
    (("bybit", "bybit", '{"retCode":110007,"retMsg":"ab not enough for new order","result":{},"retExtInfo":{},'
      '"time":1672211928338}', 200, None),
     ("AvailableBalanceIsInsufficient", 110007, "ab not enough for new order", None, None, None, False)),
    # OKX: a failed order's sCode (sent as the parent of the page's sub-codes), or the top-level code.
    # The parent's message fits a sub-code's template: the sub-code's class (it extends E51008).
    (("okx", "okx", '{"code":"1","msg":"All operations failed","data":[{"clOrdId":"","ordId":"","sCode":"51008",'
      '"sMsg":"Order failed. Insufficient USDT balance in account","tag":"","ts":"1695190491421"}],'
      '"inTime":"1695190491421339","outTime":"1695190491423240"}', 200, None),
     ("OrderFailedInsufficientBalanceInAccount", "51008", "Order failed. Insufficient USDT balance in account",
      "51008_1000", None, None, False)),
    (("okx", "okx", '{"code":"1","msg":"All operations failed","data":[{"clOrdId":"","ordId":"","sCode":"51008",'
      '"sMsg":"Order failed. Insufficient ETH margin in account","tag":"","ts":"1695190491421"}]}', 200, None),
     ("OrderFailedInsufficientMarginInAccount", "51008", "Order failed. Insufficient ETH margin in account",
      "51008_1001", None, None, False)),
    # A sub-code's template behind appended context (the prefix tier) names the sub-code too.
    (("okx", "okx", '{"code":"1","msg":"","data":[{"sCode":"51008","sMsg":"Order failed. Insufficient BTC margin in '
      'account (ordId 12345)"}]}', 200, None),
     ("OrderFailedInsufficientMarginInAccount", "51008", "Order failed. Insufficient BTC margin in account (ordId "
      "12345)", "51008_1001", None, None, False)),
    # A message no sub-code's template fits: the parent's own class.
    (("okx", "okx", '{"code":"1","msg":"","data":[{"sCode":"51008","sMsg":"Order failed."}]}', 200, None),
     ("E51008", "51008", "Order failed.", None, None, None, False)),
    (("okx", "okx", '{"id":"17697537590311915","op":"batch-orders","code":"1","msg":"","data":[{"ordId":"",'
      '"clOrdId":"6b9ad766b55dBCDE867ed9034bcf475b","sCode":"50014","sMsg":"Parameter instIdCode can not be '
      'empty.","tag":"6b9ad766b55dBCDE","ts":"1769753759051"}]}', 200, None),
     ("ParameterCanNotBeEmpty", "50014", "Parameter instIdCode can not be empty.", "50014", None, None, False)),
    (("okx", "okx", '{"code":"50011","msg":"Too Many Requests","data":[]}', 429, None),
     ("RateLimitReachedPleaseReferTo", "50011", "Too Many Requests", "50011", None, None, True)),
    (("okx", "okx", '{"code":"50111","msg":"Invalid OK-ACCESS-KEY.","data":[]}', 401, None),
     ("InvalidOkAccessKey", "50111", "Invalid OK-ACCESS-KEY.", "50111", None, None, False)),
    # Deribit: JSON-RPC 2.0 {error: {code, message}}.
    (("deribit", "deribit", '{"jsonrpc":"2.0","id":8163,"error":{"code":10009,"message":"not_enough_funds"},'
      '"testnet":false,"usIn":1535043730126248,"usOut":1535043730126250,"usDiff":2}', 400, None),
     ("E10009", 10009, "not_enough_funds", 10009, None, None, False)),
    (("deribit", "deribit", '{"jsonrpc":"2.0","id":42,"error":{"code":10028,"message":"too_many_requests"}}', 429,
      None),
     ("E10028", 10028, "too_many_requests", 10028, None, None, True)),
    (("deribit", "deribit", '{"jsonrpc":"2.0","id":1,"error":{"message":"Invalid params","data":{"reason":'
      '"wrong format","param":"amount"},"code":-32602}}', 400, None),
     ("E32602", -32602, "Invalid params", -32602, None, None, False)),
    (("deribit", "deribit", '{"jsonrpc":"2.0","id":9929,"error":{"code":13009,"message":"unauthorized"}}', 401,
      None),
     ("E13009", 13009, "unauthorized", 13009, None, None, False)),
    # bitbank: {success: 0, data: {code}}, no message.
    (("bitbank", "bitbank", '{"success":0,"data":{"code":20003}}', 200, None),
     ("E20003", 20003, "", None, None, None, False)),
    (("bitbank", "bitbank", '{"success":0,"data":{"code":10009}}', 200, None),
     ("E10009", 10009, "", None, None, None, True)),
    (("bitbank", "bitbank", '{"success":0,"data":{"code":60001}}', 200, None),
     ("E60001", 60001, "", None, None, None, False)),
]

PYTHON_SCRIPT = """
import importlib, json, sys
cases = json.loads(sys.stdin.read())
results = []
for example, package, source, body, status, headers in cases:
    module = importlib.import_module(package + "." + source)
    error = module.ApiError.from_payload(body, status=status, headers=headers)
    code = error.code.value if isinstance(error.code, module.ErrorCode) else error.code
    matched = None if error.match is None else error.match.error.value
    results.append([type(error).__name__, code, error.msg, matched, error.retry_after, error.outcome,
                    error.retryable, error.status])
print(json.dumps(results))
"""


def _inputs() -> list[list[Any]]:
    return [[example, PACKAGES[example], source, body, status, headers]
            for (example, source, body, status, headers), _ in CASES]


def _expected() -> list[list[Any]]:
    return [[*expected, case[3]] for case, expected in CASES]


def _run_python(python: Path) -> Any:
    paths = [str(EXAMPLES / example / "output" / "python") for example in PACKAGES]
    script = f"import sys; sys.path[:0] = {paths!r}\n" + PYTHON_SCRIPT
    result = subprocess.run([str(python), "-I", "-c", script], input=json.dumps(_inputs()), capture_output=True,
                            text=True, check=False, env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("version", PYTHONS)
def test_real_bodies_of_every_example_api_in_python(version: str) -> None:
    python = installed_python(version)
    if python is None:
        pytest.skip(f"CPython {version} is not installed")
    for got, expected, case in zip(_run_python(python), _expected(), CASES, strict=True):
        assert got == expected, case[0]


def test_real_bodies_of_every_example_api_in_typescript(tmp_path: Path) -> None:
    script = "const results = [];\n"
    pages = sorted({(case[0][0], case[0][1]) for case in CASES})
    sources = [EXAMPLES / example / "output" / "typescript" / f"{source}.ts" for example, source in pages]
    compile_typescript(sources, tmp_path, root=EXAMPLES)  # one tsc for every page
    for index, (example, source) in enumerate(pages):
        script += f'import * as m{index} from "./{example}/output/typescript/{source}.js";\n'
    modules = {key: f"m{index}" for index, key in enumerate(pages)}
    script += "const cases = [\n"
    for (example, source, body, status, headers), _ in CASES:
        options = {"status": status} | ({"headers": headers} if headers else {})
        script += f"  [{modules[example, source]}, {json.dumps(body)}, {json.dumps(options)}],\n"
    script += (
        "];\nfor (const [m, body, options] of cases) {\n"
        "  const e = m.ApiError.fromPayload(body, options);\n"
        "  results.push([e.name, e.code, e.msg, e.match === undefined ? null : e.match.error.code,\n"
        "    e.retryAfter ?? null, e.outcome, e.retryable, e.status ?? null]);\n"
        "}\nconsole.log(JSON.stringify(results));\n"
    )
    for got, expected, case in zip(run_node(script, tmp_path), _expected(), CASES, strict=True):
        assert got == expected, case[0]


def test_an_okx_code_listed_only_through_its_sub_codes_exists() -> None:
    from support import import_file

    okx = import_file(EXAMPLES / "okx" / "output" / "python" / "okx_errors" / "okx.py")
    parent = okx.lookup("51008")
    assert parent is okx.ErrorCode.E_51008 and parent.messages == ()
    assert issubclass(okx.OrderFailedInsufficientMarginInAccount, okx.E51008) and issubclass(okx.E51008, okx.TradeClass)
    assert not issubclass(okx.OrderFailedForIsolatedLongShort, okx.E51008)
    # with the parent's code, its sub-codes' templates are tried first, and say which sub-code fits
    found = okx.match("Order failed. Insufficient USDT margin in account", "51008")
    assert found is not None and found.error is okx.ErrorCode.E_51008_1001 and found.args == ("USDT",)
    error = okx.ApiError.from_payload({"code": "1", "msg": "", "data": [{"sCode": 51008, "sMsg": "x"}]})
    assert type(error) is okx.E51008 and isinstance(error, okx.TradeClass)
    # a message that fits a sub-code's template: that sub-code's class, still the parent's code
    message = "Order failed. Insufficient USDT margin in account"
    body = {"code": "1", "msg": "", "data": [{"sCode": "51008", "sMsg": message}]}
    error = okx.ApiError.from_payload(body)
    assert type(error) is okx.OrderFailedInsufficientMarginInAccount and isinstance(error, okx.E51008)
    assert error.code is okx.ErrorCode.E_51008 and error.match is not None
    assert error.match.error is okx.ErrorCode.E_51008_1001
    # called on the parent's class, or a sub-code's sibling's: the sub-code's class, or the class called on
    assert type(okx.E51008.from_payload(body)) is okx.OrderFailedInsufficientMarginInAccount
    sibling = okx.OrderFailedInsufficientBalanceInAccount
    assert type(sibling.from_payload(body)) is sibling
