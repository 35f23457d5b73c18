"""errgen's `from_payload` against ccxt's hand-kept Binance map, body to exception.

Run by bench/__main__.py with the interpreter of .venv/ccxt (bench/requirements-ccxt.txt:
ccxt 4.5.90, a bench-only dependency): `python bench/ccxt_side.py USDM_MODULE BODIES`.
Both sides get the same real USD-M error bodies (bench/usdm_bodies.json: the docs'
own messages) as JSON text, in one process, and decode them: errgen's
`ApiError.from_payload(text)` and ccxt's `binanceusdm().handle_errors(…)` with the
body and its `json.loads`, as ccxt's fetch hands it over. Prints per-body CPU
microseconds (the median of each body's best-of-5 mean over 200 calls, the two
sides of a body timed back to back in each round) as JSON.
Standard library and ccxt only: it runs outside errgen's environment.
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import ccxt  # type: ignore[import-not-found]


def _load(path: str) -> Any:
    spec = importlib.util.spec_from_file_location("usdm_side_by_side", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _per_call(call: Callable[[], object], number: int = 200, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for _ in range(number):
            call()
        best = min(best, (time.process_time() - start) / number)
    return best


def main(module_path: str, bodies_path: str) -> None:
    usdm = _load(module_path)
    with open(bodies_path, encoding="utf-8") as file:
        bodies: list[str] = json.load(file)["bodies"]
    exchange = ccxt.binanceusdm()
    url = "https://fapi.binance.com/fapi/v1/order"

    def errgen(body: str) -> Callable[[], object]:
        return lambda: usdm.ApiError.from_payload(body)

    def by_ccxt(body: str) -> Callable[[], object]:
        def call() -> object:
            try:
                exchange.handle_errors(400, "Bad Request", url, "POST", {}, body, json.loads(body), None, None)
            except ccxt.BaseError as error:
                return error
            raise AssertionError(f"ccxt raised nothing for {body}")
        return call

    for body in bodies:  # both sides raise for every body, and errgen finds its code's class
        assert type(by_ccxt(body)()).__name__ != "AssertionError"
        assert getattr(errgen(body)(), "code", None) == json.loads(body)["code"]
    # Five rounds, each body's two sides timed one right after the other, the best of
    # each kept: a change in the shared machine's load hits both sides alike (timing
    # every errgen call and then every ccxt call moved the ratio by 0.1 between runs).
    sides = [(errgen(body), by_ccxt(body)) for body in bodies]
    errgen_us = [float("inf")] * len(bodies)
    ccxt_us = [float("inf")] * len(bodies)
    for _ in range(5):
        for at, (ours, theirs) in enumerate(sides):
            errgen_us[at] = min(errgen_us[at], _per_call(ours, repeat=1) * 1e6)
            ccxt_us[at] = min(ccxt_us[at], _per_call(theirs, repeat=1) * 1e6)
    print(json.dumps({
        "bodies": len(bodies),
        "ccxt_version": ccxt.__version__,
        "errgen_us": statistics.median(errgen_us),
        "ccxt_us": statistics.median(ccxt_us),
        "ratio": sum(errgen_us) / sum(ccxt_us),
    }))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
