"""`make bench`: errgen's stages and processes against their floors; see bench/README.md.

    python -m bench [--large] [--out bench/results.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from errgen.config.project import load_config

from . import generated, processes, worst
from .goals import html_goals, judge, match_goals
from .report import payload_line, render, render_html
from .synth import REFERENCE, Reference, read_reference, synthetic_page, table_page
from .synth_html import docusaurus_page
from .timing import ROOT, python, python_env

SIZES = (200, 2_000, 20_000)
TABLE_SIZES = (2_000, 20_000)  # rows of the code-table page (issue #13)
HTML_SIZES = (2_000, 20_000)  # codes of the Docusaurus-shaped HTML page (issue #22)
LARGE = 200_000
OUT = ROOT / "bench" / "out"  # synthetic pages: kept for a look, ignored by git
PROCESS_RUNS = 5
IMPORT_RUNS = 21


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help=f"add a {LARGE:,}-code page (minutes)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json", help="results file")
    parser.add_argument("--sizes", type=_sizes, default=SIZES, metavar="N,N,...",
                        help=f"synthetic page sizes (default: {','.join(map(str, SIZES))})")
    parser.add_argument("--html-only", action="store_true",
                        help="only the HTML reader's rows: dump of the Docusaurus-shaped pages (a minute)")
    parser.add_argument("--runtime-only", action="store_true",
                        help="only the generated runtime's rows, on output/ as committed (a minute)")
    args = parser.parse_args(argv)
    if args.html_only:
        return html_only()
    if args.runtime_only:
        return runtime_only()
    sizes = (*args.sizes, LARGE) if args.large else args.sizes
    synthetic = write_pages("synthetic", synthetic_page, sizes)
    tables = write_pages("table", table_page, TABLE_SIZES)
    with tempfile.TemporaryDirectory(prefix="errgen-bench-") as scratch:
        results = run(synthetic, Path(scratch), tables)
    goals = judge(results)
    results["goals"] = [goal.as_json() for goal in goals]
    args.out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(render(results, goals))
    print(f"\nwrote {os.path.relpath(args.out)}")
    return 0


def html_only() -> int:
    """The HTML rows alone, printed; results.json is left as it is."""
    processes.compile_errgen()
    results = {"dump_html": processes.measure_html_dumps(write_html_pages(), PROCESS_RUNS)}
    goals = html_goals(results)
    print(render_html(results))
    print("\n".join(f"{'met ' if g.met else 'MISSED'} {g.name}: {g.measured:.2f}{g.unit} (limit {g.limit}{g.unit})"
                    for g in goals))
    return 0


def runtime_only() -> int:
    """The generated runtime's rows alone, on output/ as it stands (regenerate it
    first): match and from_payload on the largest page in both runtimes, against
    ccxt, and the 100 KB worst cases; printed, results.json left as it is."""
    config = load_config(ROOT / "errgen.toml", "errgen.toml")
    output = ROOT / "output"
    package_dir = output / "python" / config.python_package
    largest = max((path.stem for path in (output / "json").glob("*.json") if path.stem != "page.schema"),
                  key=lambda stem: len(json.loads((output / "json" / f"{stem}.json").read_text("utf-8"))["errors"]))
    match = generated.measure_match(package_dir / f"{largest}.py", output / "json" / f"{largest}.json",
                                    output / "typescript" / f"{largest}.ts")
    match["ccxt"] = generated.measure_ccxt(package_dir / "usdm.py")
    with tempfile.TemporaryDirectory(prefix="errgen-bench-") as scratch:
        match["worst_100kb"] = worst.measure({**worst.pages_of(output, config.python_package),
                                              **worst.slow_pages(Path(scratch))})
    print(json.dumps({"match": match}, indent=2, sort_keys=True))
    print(payload_line(match))
    print("\n".join(f"{'met ' if g.met else 'MISSED'} {g.name}: {g.measured:.2f}{g.unit} (limit {g.limit}{g.unit})"
                    for g in match_goals(match)))
    return 0


def write_html_pages() -> dict[int, Path]:
    """bench/out/docusaurus-<size>.html: the synthetic page as Docusaurus serves it."""
    OUT.mkdir(exist_ok=True)
    reference = read_reference(REFERENCE.read_text(encoding="utf-8"))
    pages = {}
    for size in HTML_SIZES:
        pages[size] = OUT / f"docusaurus-{size}.html"
        pages[size].write_text(docusaurus_page(synthetic_page(reference, size)), encoding="utf-8")
    return pages


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(","))


def write_pages(kind: str, make: Callable[[Reference, int], str], sizes: tuple[int, ...]) -> dict[int, Path]:
    """bench/out/<kind>-<size>.md for each size, made from the reference page by `make`."""
    OUT.mkdir(exist_ok=True)
    reference = read_reference(REFERENCE.read_text(encoding="utf-8"))
    pages = {}
    for size in sizes:
        pages[size] = OUT / f"{kind}-{size}.md"
        pages[size].write_text(make(reference, size), encoding="utf-8")
    return pages


def run(synthetic: dict[int, Path], scratch: Path, tables: dict[int, Path]) -> dict[str, Any]:
    processes.compile_errgen()
    project = processes.copy_project(scratch)
    config = load_config(project / "errgen.toml", "errgen.toml")
    real = {source.id: project / source.path for source in config.sources}
    pages = [stage_page(f"synthetic-{size}", path) for size, path in synthetic.items()]
    pages += [stage_page(f"table-{size}", path) for size, path in tables.items()]
    pages += [stage_page(source_id, path) for source_id, path in real.items()]
    largest = max((page for page in pages if page["label"] in real), key=lambda page: page["codes"])
    package_dir = project / config.output["python"] / config.python_package
    project_timings = processes.measure_project(project, scratch / "cache", PROCESS_RUNS)
    match = generated.measure_match(package_dir / f"{largest['label']}.py",
                                    project / config.output["json"] / f"{largest['label']}.json",
                                    project / config.output["typescript"] / f"{largest['label']}.ts")
    match["import_name"] = f"{config.python_package}.{largest['label']}"
    print("bench: match on 100 KB hostile messages ...", file=sys.stderr, flush=True)
    match["ccxt"] = generated.measure_ccxt(package_dir / "usdm.py")
    match["worst_100kb"] = worst.measure({**worst.pages_of(project / "output", config.python_package),
                                          **worst.slow_pages(scratch)})
    return {
        "machine": machine(),
        "pages": pages,
        "project": project_timings,
        "dump": processes.measure_dump(synthetic[min(synthetic, key=lambda n: abs(n - 20_000))], PROCESS_RUNS),
        "dump_table": processes.measure_dump(tables[max(tables)], PROCESS_RUNS),
        "dump_html": processes.measure_html_dumps(write_html_pages(), PROCESS_RUNS),
        "imports": generated.measure_imports(package_dir, IMPORT_RUNS),
        "match": match,
        "tsc": generated.measure_tsc(project, 3),
    }


def stage_page(label: str, path: Path) -> dict[str, Any]:
    """One page's stages in a fresh worker process."""
    print(f"bench: {label} ...", file=sys.stderr, flush=True)
    worker = subprocess.run(python("-m", "bench.stages", str(path)), cwd=ROOT, env=python_env(),
                            capture_output=True, text=True, check=False)
    if worker.returncode != 0:
        raise RuntimeError(f"bench worker failed on {path}:\n{worker.stderr}")
    page: dict[str, Any] = json.loads(worker.stdout)
    page["label"] = label
    page["page"] = os.path.relpath(path, ROOT) if path.is_relative_to(ROOT) else path.name
    return page


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "versions": {name: metadata.version(name) for name in ("markdown-it-py", "Jinja2", "black", "selectolax")},
    }


if __name__ == "__main__":
    sys.exit(main())
