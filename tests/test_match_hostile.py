"""100 KB hostile messages (bench/hostile.py) get the same answer in Python and node.

The pages built to be slow (adjacent placeholders, placeholders separated by
one repeated character, long repeated literal pieces) and the USD-M page, each
asked every text of bench/hostile.py with and without a code. How long each
takes is `make bench`'s business (bench/worst.py, 20 ms); here the whole run
has a generous bound, a guard against a matcher gone quadratic (a 100 KB text
would take minutes), not a timing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from support import ROOT, compile_typescript, make_project, run_errgen, run_node

from bench import hostile

BOUND = 300  # seconds for all the texts in one language: about 100 times what they take

PYTHON_ASKER = """
import hashlib, importlib.util, json, sys
questions = json.load(open(sys.argv[1], encoding="utf-8"))
modules = {}
answers = []
for page, text, code in questions:
    if page not in modules:
        spec = importlib.util.spec_from_file_location(page, f"{sys.argv[2]}/{page}.py")
        modules[page] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(modules[page])
    found = modules[page].match(text) if code is None else modules[page].match(text, code)
    digest = lambda value: hashlib.sha256(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()[:16]
    answers.append(None if found is None else
                   [found.kind, found.template, int(found.error), digest(list(found.args)), digest(found.rest)])
print(json.dumps(answers))
"""

NODE_ASKER = """
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
const questions = JSON.parse(readFileSync("./questions.json", "utf8"));
const modules = {};
const digest = (value) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);
const answers = [];
for (const [page, text, code] of questions) {
  modules[page] ??= await import(`./${page}.js`);
  const found = code === null ? modules[page].match(text) : modules[page].match(text, code);
  answers.push(found === undefined ? null :
               [found.kind, found.template, found.error.code, digest(found.args), digest(found.rest)]);
}
console.log(JSON.stringify(answers));
"""


def test_hostile_messages_get_one_answer_in_both_languages(tmp_path: Path) -> None:
    pages: dict[str, str | Path] = {name: hostile.slow_page(name) for name in hostile.SLOW_PAGES}
    pages["usdm"] = ROOT / "tests" / "corpus" / "binance-usdm-error-codes-2025-11-09.md"
    project = make_project(tmp_path / "project", pages, package="slow")
    assert run_errgen("generate", cwd=project).returncode == 0
    questions: list[list[Any]] = []
    for name in pages:
        document = json.loads((project / "output" / "json" / f"{name}.json").read_text(encoding="utf-8"))
        questions += [[name, text, code] for _, text, code in hostile.texts(document)]
    (tmp_path / "questions.json").write_text(json.dumps(questions), encoding="utf-8")

    asked = subprocess.run([sys.executable, "-c", PYTHON_ASKER, str(tmp_path / "questions.json"),
                            str(project / "output" / "python" / "slow")],
                           capture_output=True, text=True, check=True, timeout=BOUND)
    from_python = json.loads(asked.stdout)
    out = tmp_path / "node"
    compile_typescript([project / "output" / "typescript" / f"{name}.ts" for name in pages], out)
    (out / "questions.json").write_text(json.dumps(questions), encoding="utf-8")
    from_node = run_node(NODE_ASKER, out)

    differ = [(page, text[:60], code, py, js)
              for (page, text, code), py, js in zip(questions, from_python, from_node) if py != js]
    assert not differ, differ[:5]
    kinds = {answer[0] if answer else None for answer in from_python}
    assert kinds >= {"exact", "loose", "prefix", None}, kinds
