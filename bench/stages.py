"""One page through errgen's stages, timed in one process beside the floor.

Run as a worker (`python -m bench.stages PAGE`) so each page starts from a fresh
heap and its peak memory is its own; prints one JSON object.

The floor is a bare markdown-it-py parse of the same text in the same process
(a fresh `MarkdownIt`, CommonMark plus tables: the dialect errgen reads), as
anyone would run it; `floor_nogc` is the same parse with the cyclic garbage
collector paused, as errgen runs it (generator/collector.py).
Each stage runs a few times on small pages and once on large ones; the median
counts. The stages are errgen's own functions, called as `errgen` calls them.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from errgen import targets, write
from errgen.collector import collector_paused
from errgen.lock import Lock
from errgen.parse import PageOptions, page_from_tokens, tokenize
from errgen.read import read_source
from errgen.render.format import format_python
from errgen.targets import json as json_target
from errgen.targets import typescript as ts_target
from errgen.targets.python import MODULE_TEMPLATE, module_source
from markdown_it import MarkdownIt

T = TypeVar("T")
STAGES = ("read", "parse", "model", "json", "python", "typescript", "black", "write")


def repeats_for(size: int) -> int:
    """Enough runs for a stable median on small pages, one on large ones."""
    if size < 100_000:
        return 5
    return 3 if size < 1_000_000 else 1


def timed(runs: list[tuple[float, float]], work: Callable[[], T]) -> T:
    """Run `work`, appending (wall, CPU) seconds: on a shared machine CPU time is the steadier."""
    gc.collect()  # each run starts from the same heap, not from the last run's garbage
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    return result


def measure(path: Path) -> dict[str, Any]:
    baseline_kb = _peak_rss_kb()
    floor_parser = MarkdownIt("commonmark").enable("table")
    measured = (*STAGES, "floor", "floor_nogc", "black_cached")
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in measured}
    repeats = repeats_for(path.stat().st_size)
    json_context, ts_context, python_context = (targets.get(name).context() for name in ("json", "typescript", "python"))
    for _ in range(repeats):
        src = timed(runs["read"], lambda: read_source(path, path.name))
        timed(runs["floor"], lambda: floor_parser.parse(src.text))
        with collector_paused():  # what the floor costs without the collector's rescans
            timed(runs["floor_nogc"], lambda: floor_parser.parse(src.text))
        tokens = timed(runs["parse"], lambda: tokenize(src))
        page, _ = timed(runs["model"], lambda: page_from_tokens(src, tokens, PageOptions(source_id="page")))
        del tokens
        files = {
            Path("json/page.json"): timed(runs["json"], lambda: json_target.render_page(page, json_context)),
            Path("typescript/page.ts"): timed(runs["typescript"], lambda: ts_target.render_page(page, ts_context)),
        }
        source = timed(runs["python"], lambda: module_source(page, python_context))
        with tempfile.TemporaryDirectory(prefix="errgen-bench-") as scratch:
            cache = Path(scratch) / "cache"
            # A miss runs black and stores the result; the hit is a no-op regen's cost.
            formatted = timed(runs["black"], lambda: _black(source, cache))
            timed(runs["black_cached"], lambda: _black(source, cache))
            files[Path("python/page.py")] = formatted
            timed(runs["write"], lambda: _write(Path(scratch) / "project", files))
    wall = {stage: statistics.median(w for w, _ in values) for stage, values in runs.items()}
    cpu = {stage: statistics.median(c for _, c in values) for stage, values in runs.items()}
    return {
        "page": str(path),
        "bytes": path.stat().st_size,
        "codes": len(page.errors),
        "runs": repeats,
        "wall": {**wall, "total": sum(wall[stage] for stage in STAGES)},
        "cpu": {**cpu, "total": sum(cpu[stage] for stage in STAGES)},
        "black_passes": 1 if formatted == source else 2,
        "python_bytes": len(formatted.encode("utf-8")),
        "rss_mb": {"baseline": baseline_kb / 1024, "peak": _peak_rss_kb() / 1024},
    }


def _black(source: str, cache: Path) -> str:
    os.environ["ERRGEN_CACHE_DIR"] = str(cache)  # render.py's content-addressed cache
    return format_python(source, MODULE_TEMPLATE)


def _write(root: Path, files: dict[Path, str]) -> None:
    write.apply(write.plan(root, files, [Path("json"), Path("python"), Path("typescript")], Lock()))


def _peak_rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def main(argv: list[str]) -> int:
    (page,) = argv[1:]
    print(json.dumps(measure(Path(page))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
