"""The worst case of `match` on 100 KB hostile messages, per runtime and per tier.

Every text of bench/hostile.py is asked of every page given (the committed
pages and bench/hostile.py's SLOW_PAGES) in Python and, the same texts, in
node; each time is the CPU time of the best of three calls (the machine is
shared). The tier is
the kind of the answer, "miss" when none fits.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from . import hostile
from .generated import _import_file
from .timing import ROOT, python, python_env

NODE_WORST = """
import { readFileSync } from "node:fs";
const questions = JSON.parse(readFileSync("./questions.json", "utf8"));
const modules = {};
const answers = [];
for (const [page, label, text, code] of questions) {
  modules[page] ??= await import(`./${page}.js`);
  const m = modules[page];
  const ask = () => (code === null ? m.match(text) : m.match(text, code));
  let best = Infinity;
  let found;
  for (let round = 0; round < 3; round++) {
    const start = process.cpuUsage();
    found = ask();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  answers.push([best, found === undefined ? "miss" : found.kind]);
}
console.log(JSON.stringify(answers));
"""


def slow_pages(scratch: Path) -> dict[str, tuple[Path, Path, Path]]:
    """bench/hostile.py's SLOW_PAGES generated in a project of their own under `scratch`."""
    project = scratch / "slow-pages"
    (project / "docs_src").mkdir(parents=True)
    config = ['[output]\npython_package = "slow"\n']
    for name in hostile.SLOW_PAGES:
        (project / "docs_src" / f"{name}.md").write_text(hostile.slow_page(name), encoding="utf-8")
        config.append(f'[[sources]]\nid = "{name}"\npath = "docs_src/{name}.md"\n')
    (project / "errgen.toml").write_text("\n".join(config), encoding="utf-8")
    subprocess.run(python("-m", "errgen", "generate"), cwd=project, env=python_env(), check=True, capture_output=True)
    return pages_of(project / "output", "slow")


def pages_of(output: Path, package: str) -> dict[str, tuple[Path, Path, Path]]:
    """name -> (Python module, JSON document, TypeScript module) of each page in an output folder."""
    return {module.stem: (module, output / "json" / f"{module.stem}.json", output / "typescript" / f"{module.stem}.ts")
            for module in sorted((output / "python" / package).glob("*.py")) if module.stem != "__init__"}


def measure(pages: dict[str, tuple[Path, Path, Path]]) -> dict[str, Any]:
    """pages: name -> (Python module, JSON document, TypeScript module)."""
    questions: list[tuple[str, str, str, Any]] = []
    python: list[tuple[float, str]] = []
    for name, (module_path, document_path, _) in pages.items():
        module = _import_file(module_path)
        document = json.loads(document_path.read_text(encoding="utf-8"))
        module.match("")  # builds the index
        for label, text, code in hostile.texts(document):
            questions.append((name, label, text, code))
            python.append(_python_time(module, text, code))
    node = _node_times(pages, questions)
    return {"texts": len(questions), "python": _worst(questions, python), "node": _worst(questions, node)}


def _python_time(module: Any, text: str, code: Any) -> tuple[float, str]:
    best = float("inf")
    found = None
    for _ in range(3):
        start = time.process_time()
        found = module.match(text) if code is None else module.match(text, code)
        best = min(best, time.process_time() - start)
    return best, "miss" if found is None else str(found.kind)


def _node_times(pages: dict[str, tuple[Path, Path, Path]], questions: list[tuple[str, str, str, Any]]
                ) -> list[tuple[float, str]]:
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for name, (_, _, ts_path) in pages.items():
            (work / f"{name}.ts").write_bytes(ts_path.read_bytes())
        tsc = ROOT / "node_modules" / ".bin" / "tsc"
        subprocess.run([str(tsc), "--target", "es2022", "--module", "es2022", "--outDir", str(work),
                        *[str(work / f"{name}.ts") for name in pages]], check=True, capture_output=True)
        (work / "package.json").write_text('{"type": "module"}', encoding="utf-8")
        (work / "questions.json").write_text(json.dumps(questions), encoding="utf-8")
        (work / "worst.mjs").write_text(NODE_WORST, encoding="utf-8")
        out = subprocess.run(["node", "worst.mjs"], cwd=work, capture_output=True, text=True, check=True)
    return [(float(seconds), str(kind)) for seconds, kind in json.loads(out.stdout)]


def _worst(questions: list[tuple[str, str, str, Any]], times: list[tuple[float, str]]) -> dict[str, Any]:
    """tier -> the slowest question answered in it: seconds, page and label."""
    worst: dict[str, Any] = {}
    for (page, label, _, code), (seconds, kind) in zip(questions, times):
        if kind not in worst or seconds > worst[kind]["seconds"]:
            worst[kind] = {"seconds": seconds, "page": page, "text": label, "code": code}
    return worst
