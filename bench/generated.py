"""What users of the generated code pay: import, `lookup`, `match`, tsc."""

from __future__ import annotations

import importlib.util
import json
import statistics
import subprocess
import sys
import time
import timeit
import uuid
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

from .timing import ROOT, python, time_process

# Prints the wall and CPU seconds `import NAME` takes in a fresh interpreter,
# start-up excluded.
IMPORT_TIMER = (
    "import sys, time; w, c = time.perf_counter(), time.process_time(); __import__(sys.argv[1]); "
    "print(time.perf_counter() - w, time.process_time() - c)"
)
# A value for each placeholder form, as an API would fill it in.
SAMPLES = {"%s": "BTCUSDT", "%d": "42", "%b": "true", "%f": "0.5", "％s": "BTCUSDT"}


def measure_imports(package_dir: Path, runs: int) -> dict[str, Any]:
    """Import time of `enum` and of each generated module, bytecode compiled first (as installed)."""
    subprocess.run(python("-m", "compileall", "-q", str(package_dir)), check=True)
    names = ["enum"] + [f"{package_dir.name}.{path.stem}" for path in sorted(package_dir.glob("*.py"))
                        if path.stem != "__init__"]
    # Round by round, every module then `enum` again: this machine's speed drifts by a
    # third within a minute, and a goal is a difference of two medians.
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    for _ in range(runs):
        for name in names:
            samples[name].append(_import_once(name, package_dir.parent))
    return {name: {"wall": statistics.median(w for w, _ in found), "cpu": statistics.median(c for _, c in found)}
            for name, found in samples.items()}


def _import_once(name: str, path: Path) -> tuple[float, float]:
    out = subprocess.run(python("-c", IMPORT_TIMER, name), cwd=path, capture_output=True, text=True, check=True)
    wall, cpu = out.stdout.split()
    return float(wall), float(cpu)


def measure_match(module_path: Path, document_path: Path, ts_path: Path | None = None) -> dict[str, Any]:
    """Per-call times of `match`, `lookup` and `from_payload` on every message of the
    page, filled in; of misses (a character in the middle of each changed, so that
    no tier fits); and of 100 KB adversarial messages. The same texts in node
    when `ts_path` (the page's TypeScript module) is given."""
    module = _import_file(module_path)
    document = json.loads(document_path.read_text(encoding="utf-8"))
    cases = list(_filled_messages(document))
    first = _seconds(partial(module.match, cases[0][1]), number=1, repeat=1)  # builds the index
    unmatched = [text for _, text in cases if module.match(text) is None]
    misses = [text for text in (_broken(text) for _, text in cases) if module.match(text) is None]
    adversarial = _adversarial(document)
    per_text = _best_of_passes({
        "match": [partial(module.match, text) for _, text in cases],
        "match_with_code": [partial(module.match, text, code) for code, text in cases],
        "lookup": [partial(module.lookup, code) for code, _ in cases],
        "from_payload": [partial(module.ApiError.from_payload, {"code": code, "msg": text}) for code, text in cases],
    })
    result = {
        "module": str(module_path.name),
        "messages": len(cases),
        "unmatched": len(unmatched),
        "first_call": first,
        **{name: _spread(times) for name, times in per_text.items()},
        "miss": {"texts": len(misses), **_spread([_seconds(partial(module.match, text)) for text in misses])},
        "adversarial_100kb": {label: _seconds(partial(module.match, text), number=3) for label, text in adversarial},
    }
    if ts_path is not None:
        result["node"] = _measure_node(ts_path, cases, misses, adversarial)
    return result


def _broken(text: str) -> str:
    middle = len(text) // 2
    return text[:middle] + "\x7f" + text[middle + 1:]


def _adversarial(document: dict[str, Any]) -> list[tuple[str, str]]:
    """100 KB messages: each of the page's three templates with the most placeholders
    with its first placeholder filled with 100 KB (a hit) and its tail cut (a miss, the
    old backtracking patterns' worst case); one character repeated; appended context;
    a loose fit whose value is 50,000 words."""
    templates = sorted(((len(m["placeholders"]), m["text"], m["placeholders"][0]) for e in document["errors"]
                        for m in e["messages"] if m["placeholders"]), key=lambda t: -t[0])[:3]
    texts = [("repeated character", "a" * 100_000)]
    fixed = next(m["text"] for e in document["errors"] for m in e["messages"] if not m["placeholders"])
    texts.append(("appended context", fixed + " x" * 50_000))
    for _, text, placeholder in templates:
        head, _, tail = text.partition(placeholder)
        texts.append((f"hit: {text[:30]}…", head + "9" * 100_000 + tail))
        texts.append((f"miss: {text[:30]}…", head + "9" * 100_000 + tail[: len(tail) // 2]))
    # The loose tier's worst: a whole fit once folded, whose value is 50,000 words.
    _, text, placeholder = templates[0]
    head, _, tail = text.partition(placeholder)
    texts.append((f"loose: {text[:30]}…", head + "x " * 50_000 + (tail[:-1] if tail.endswith(".") else tail + ".")))
    return texts


NODE_TIMER = """
import { readFileSync } from "node:fs";
const { hits, misses, adversarial } = JSON.parse(readFileSync("./texts.json", "utf8"));
const m = await import("./page.js");
const seconds = (call, number = 200) => {  // CPU time, as the Python side
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = process.cpuUsage();
    for (let i = 0; i < number; i++) call();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1e6 / number);
  }
  return best;
};
const withoutStack = (measure) => {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try { return measure(); } finally { Error.stackTraceLimit = limit; }
};
// As _best_of_passes in generated.py: per text, the best of PASSES passes over all
// of them. Measured at the module's top level, as before passes: a deeper stack
// costs every Error made here more (V8 records up to Error.stackTraceLimit frames).
m.match(hits[0][1]);
const passes = [];
for (let pass = 0; pass < %(passes)d; pass++) {
  passes.push({
    match: hits.map(([, text]) => seconds(() => m.match(text))),
    match_with_code: hits.map(([code, text]) => seconds(() => m.match(text, code))),
    from_payload: hits.map(([code, msg]) => seconds(() => m.ApiError.fromPayload({ code, msg }))),
    // The floor under fromPayload: V8 capturing the stack of any Error made here.
    new_error: hits.map(([, msg]) => seconds(() => new Error(msg))),
    // fromPayload's own work: the same without the stack.
    from_payload_no_stack: withoutStack(() => hits.map(([code, msg]) => seconds(() => m.ApiError.fromPayload({ code, msg })))),
  });
}
const best = Object.fromEntries(Object.keys(passes[0]).map((name) => [
  name, passes[0][name].map((_, i) => Math.min(...passes.map((each) => each[name][i]))),
]));
console.log(JSON.stringify({
  ...best,
  miss: misses.map((text) => seconds(() => m.match(text))),
  adversarial_100kb: Object.fromEntries(adversarial.map(([label, text]) => [label, seconds(() => m.match(text), 3)])),
}));
"""


def _measure_node(ts_path: Path, cases: list[tuple[int, str]], misses: list[str],
                  adversarial: list[tuple[str, str]]) -> dict[str, Any]:
    """The same calls on the tsc-compiled module in node."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        (work / "page.ts").write_bytes(ts_path.read_bytes())
        tsc = ROOT / "node_modules" / ".bin" / "tsc"
        subprocess.run([str(tsc), "--target", "es2022", "--module", "es2022", "--outDir", str(work), str(work / "page.ts")],
                       check=True, capture_output=True)
        (work / "package.json").write_text('{"type": "module"}', encoding="utf-8")
        (work / "texts.json").write_text(json.dumps({"hits": cases, "misses": misses, "adversarial": adversarial}),
                                         encoding="utf-8")
        (work / "timer.mjs").write_text(NODE_TIMER % {"passes": PASSES}, encoding="utf-8")
        out = subprocess.run(["node", "timer.mjs"], cwd=work, capture_output=True, text=True, check=True)
    times = json.loads(out.stdout)
    return {key: value if key == "adversarial_100kb" else _spread(value) for key, value in times.items()}


def _filled_messages(document: dict[str, Any]) -> Iterator[tuple[int, str]]:
    for error in document["errors"]:
        for message in error["messages"]:
            text = message["text"]
            for placeholder in message["placeholders"]:
                text = text.replace(placeholder, SAMPLES.get(placeholder, "value"), 1)
            yield error["code"], text


# Per-text figures are the best of this many passes over all the texts, the
# measures compared with each other (fromPayload and new Error) interleaved pass
# by pass: a slow spell of this shared machine lasts seconds, so within one pass
# it inflated every text's figure and the median with them (node's from_payload
# median: 5.1, 5.6 and 12.0 us in three runs a minute apart).
PASSES = 5


def _best_of_passes(measures: dict[str, list[Callable[[], object]]]) -> dict[str, list[float]]:
    best = {name: [float("inf")] * len(calls) for name, calls in measures.items()}
    for _ in range(PASSES):
        for name, calls in measures.items():
            best[name] = [min(old, _seconds(call)) for old, call in zip(best[name], calls)]
    return best


def _seconds(call: Callable[[], object], number: int = 200, repeat: int = 3) -> float:
    """CPU seconds per call, best of `repeat` rounds (the machine is shared)."""
    return min(timeit.repeat(call, timer=time.process_time, number=number, repeat=repeat)) / number


def _spread(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"median": statistics.median(ordered), "p90": ordered[int(0.9 * (len(ordered) - 1))],
            "max": ordered[-1]}


def _import_file(path: Path) -> ModuleType:
    name = f"bench_{path.stem}_{uuid.uuid4().hex}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


CCXT_PYTHON = ROOT / ".venv" / "ccxt" / "bin" / "python"  # `make bench` installs bench/requirements-ccxt.txt there


def measure_ccxt(usdm_module: Path) -> dict[str, Any]:
    """errgen's from_payload against ccxt's binanceusdm().handle_errors on the same
    real USD-M bodies, JSON decoding included (bench/ccxt_side.py, in ccxt's venv)."""
    if not CCXT_PYTHON.exists():
        return {"skipped": f"no {CCXT_PYTHON.relative_to(ROOT)}: `make bench` installs ccxt there"}
    out = subprocess.run([str(CCXT_PYTHON), str(ROOT / "bench" / "ccxt_side.py"), str(usdm_module),
                          str(ROOT / "bench" / "usdm_bodies.json")], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return {"skipped": f"bench/ccxt_side.py failed: {out.stderr.strip().splitlines()[-1:]}"}
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def measure_tsc(project: Path, runs: int) -> dict[str, Any]:
    """`tsc` with the repository's strict tsconfig.json over the project's TypeScript output."""
    config = project / "tsconfig.bench.json"
    config.write_text(json.dumps({"extends": str(ROOT / "tsconfig.json"),
                                  "include": ["output/typescript/*.ts"]}), encoding="utf-8")
    tsc = ROOT / "node_modules" / ".bin" / "tsc"
    files = sorted((project / "output" / "typescript").glob("*.ts"))
    timing = time_process([str(tsc), "-p", str(config)], project, runs)
    return {"files": len(files), "bytes": sum(path.stat().st_size for path in files), **timing.as_json()}
