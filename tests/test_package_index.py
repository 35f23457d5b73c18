"""The package over every page: Python's `__init__.py` and TypeScript's
`index.ts` give from_payload/fromPayload, lookup and match by source, and one
ApiError that catches any page's error. Python imports a page on first use."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support import ROOT, compile_typescript, run_node

BINANCE = ROOT / "examples" / "binance" / "output"

PYTHON = """
import json, sys
import binance_errors as errors
loaded = sorted(name for name in sys.modules if name.startswith("binance_errors."))
results = {"loaded_by_import": loaded}
spot = errors.from_payload('{"code": -1121, "msg": "Invalid symbol."}', source="spot", status=400)
results["spot"] = [type(spot).__name__, isinstance(spot, errors.ApiError), spot.status]
try:
    raise errors.from_payload({"code": -4005, "msg": "Too many new requests."}, "sapi",
                              headers={"Retry-After": "3"})
except errors.ApiError as caught:  # one except for every page
    results["sapi"] = [type(caught).__name__, caught.retryable, caught.retry_after]
results["usdm"] = type(errors.from_payload({"code": -4005, "msg": ""}, source="usdm")).__name__
results["lookup"] = errors.lookup(-1007, "coinm").name
results["match"] = errors.match("Filter failure: LOT_SIZE", -1013, "spot").template
results["after"] = sorted(name for name in sys.modules if name.startswith("binance_errors."))
results["every_base"] = all(issubclass(errors._page(s).ApiError, errors.ApiError) for s in errors.SOURCES)
try:
    errors.lookup(-1121, "futures")
except ValueError as problem:
    results["unknown"] = str(problem)
print(json.dumps(results))
"""


def test_one_python_import_serves_every_page_and_imports_a_page_on_first_use() -> None:
    result = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(BINANCE / 'python')!r})"
                             + PYTHON], capture_output=True, text=True, check=False,
                            env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    view = json.loads(result.stdout)
    assert view["loaded_by_import"] == []  # importing the package imports no page
    assert view["spot"] == ["BadSymbol", True, 400]
    assert view["sapi"] == ["CapaitalTooManyRequest", True, 3.0]
    assert view["usdm"] == "QtyGreaterThanMaxQty"  # -4005 per page, not per number
    assert (view["lookup"], view["match"]) == ("TIMEOUT", "Filter failure: LOT_SIZE")
    assert view["after"] == ["binance_errors.coinm", "binance_errors.sapi", "binance_errors.spot", "binance_errors.usdm"]
    assert view["every_base"] is True
    assert view["unknown"] == "unknown source 'futures'; sources: spot, usdm, coinm, options, sapi, papi"


def test_a_vendored_page_module_stands_alone(tmp_path: Path) -> None:
    (tmp_path / "spot.py").write_bytes((BINANCE / "python" / "binance_errors" / "spot.py").read_bytes())
    script = ("import spot\nerror = spot.ApiError.from_payload({'code': -1121, 'msg': 'Invalid symbol.'})\n"
              "print(type(error).__name__, spot.ApiError.__bases__[0].__name__)\n")
    result = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(tmp_path)!r})\n"
                             + script], capture_output=True, text=True, check=False)
    assert result.stdout == "BadSymbol Exception\n", result.stderr


def test_typescript_index_compiles_from_payload_with_a_source_and_catches_any_page(tmp_path: Path) -> None:
    typescript = BINANCE / "typescript"
    (tmp_path / "sdk.ts").write_text(
        'import { fromPayload, isApiError, lookup, match, SOURCES, type ApiError, type Source } from "./index.js";\n'
        'import { ApiError as SpotError } from "./spot.js";\n'
        "declare const console: { log(...data: unknown[]): void };\n"
        "const spotError: ApiError = SpotError.fromPayload({ code: -1121, msg: 'Invalid symbol.' });\n"
        "function raise(body: unknown, source: Source): never {\n"
        "  throw fromPayload(body, { source, status: 429, headers: { 'Retry-After': '3' } });\n"
        "}\n"
        "let caught: unknown;\n"
        "try { raise('{\"code\": -4005, \"msg\": \"Too many new requests.\"}', 'sapi'); } catch (e) { caught = e; }\n"
        "const e = caught as ApiError;\n"
        "console.log(JSON.stringify({ sources: SOURCES, any: isApiError(caught), notError: isApiError(new Error()),\n"
        "  name: e.name, retryable: e.retryable, retryAfter: e.retryAfter, status: e.status,\n"
        "  usdm: fromPayload({ code: -4005, msg: '' }, { source: 'usdm' }).name,\n"
        "  lookup: lookup(-1007, 'coinm')?.name, noString: lookup('-1007', 'coinm') ?? null,\n"
        "  spot: spotError.name, match: (match('Filter failure: LOT_SIZE', -1013, 'spot') as { template: string }).template,\n"
        "}));\n",
        encoding="utf-8",
    )
    for path in typescript.glob("*.ts"):  # a source called `options` shadows nothing: pages are `$<id>`
        (tmp_path / path.name).write_bytes(path.read_bytes())
    sources = sorted(tmp_path.glob("*.ts"))
    compile_typescript(sources, tmp_path / "out")
    view = run_node('import("./sdk.js");\n', tmp_path / "out")
    assert view == {
        "sources": ["spot", "usdm", "coinm", "options", "sapi", "papi"], "any": True, "notError": False,
        "name": "CapaitalTooManyRequest", "retryable": True, "retryAfter": 3, "status": 429,
        "usdm": "QtyGreaterThanMaxQty", "lookup": "TIMEOUT", "noString": None, "spot": "BadSymbol",
        "match": "Filter failure: LOT_SIZE",
    }

