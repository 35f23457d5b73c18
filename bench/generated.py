"""What users of the generated code pay: import, `lookup`, `match`, tsc."""

from __future__ import annotations

import importlib.util
import json
import statistics
import subprocess
import sys
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
    result: dict[str, Any] = {}
    for name in names:
        samples = [_import_once(name, package_dir.parent) for _ in range(runs)]
        result[name] = {"wall": statistics.median(w for w, _ in samples),
                        "cpu": statistics.median(c for _, c in samples)}
    return result


def _import_once(name: str, path: Path) -> tuple[float, float]:
    out = subprocess.run(python("-c", IMPORT_TIMER, name), cwd=path, capture_output=True, text=True, check=True)
    wall, cpu = out.stdout.split()
    return float(wall), float(cpu)


def measure_match(module_path: Path, document_path: Path) -> dict[str, Any]:
    """Per-call times of `match` and `lookup` on every message of the page, filled in."""
    module = _import_file(module_path)
    document = json.loads(document_path.read_text(encoding="utf-8"))
    cases = list(_filled_messages(document))
    first = _seconds(partial(module.match, cases[0][1]), number=1, repeat=1)  # builds the index
    unmatched = [text for _, text in cases if module.match(text) is None]
    without_code = [_seconds(partial(module.match, text)) for _, text in cases]
    with_code = [_seconds(partial(module.match, text, code)) for code, text in cases]
    lookups = [_seconds(partial(module.lookup, code)) for code, _ in cases]
    return {
        "module": str(module_path.name),
        "messages": len(cases),
        "unmatched": len(unmatched),
        "first_call": first,
        "match": _spread(without_code),
        "match_with_code": _spread(with_code),
        "lookup": _spread(lookups),
    }


def _filled_messages(document: dict[str, Any]) -> Iterator[tuple[int, str]]:
    for error in document["errors"]:
        for message in error["messages"]:
            text = message["text"]
            for placeholder in message["placeholders"]:
                text = text.replace(placeholder, SAMPLES.get(placeholder, "value"), 1)
            yield error["code"], text


def _seconds(call: Callable[[], object], number: int = 200, repeat: int = 3) -> float:
    return min(timeit.repeat(call, number=number, repeat=repeat)) / number


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


def measure_tsc(project: Path, runs: int) -> dict[str, Any]:
    """`tsc` with the repository's strict tsconfig.json over the project's TypeScript output."""
    config = project / "tsconfig.bench.json"
    config.write_text(json.dumps({"extends": str(ROOT / "tsconfig.json"),
                                  "include": ["output/typescript/*.ts"]}), encoding="utf-8")
    tsc = ROOT / "node_modules" / ".bin" / "tsc"
    files = sorted((project / "output" / "typescript").glob("*.ts"))
    timing = time_process([str(tsc), "-p", str(config)], project, runs)
    return {"files": len(files), "bytes": sum(path.stat().st_size for path in files), **timing.as_json()}
