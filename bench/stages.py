"""One page through errgen's stages, timed in one process beside the floor.

Run as a worker (`python -m bench.stages PAGE`) so each page starts from a fresh
heap and its peak memory is its own; prints one JSON object.

The floor is a bare markdown-it-py parse of the same text in the same process
(a fresh `MarkdownIt`, CommonMark plus tables: the dialect errgen reads), as
anyone would run it; `floor_nogc` is the same parse with the cyclic garbage
collector paused, as errgen runs it (generator/speed/collector.py).
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
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from errgen import targets
from errgen.pipeline import PageOptions, page_from_tokens, tokenize
from errgen.read.source import read_source
from errgen.speed.collector import collector_paused
from errgen.targets.python.format import FMT_OFF
from errgen.write import files as write
from errgen.write.lockfile import Lock
from markdown_it import MarkdownIt

T = TypeVar("T")
# A stage per registered target (its templates), then its formatter apart ("black").
STAGES = ("read", "parse", "model", *targets.NAMES, "black", "write")


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
    contexts = {target.name: replace(target.context(), formatting=False) for target in targets.BUILTIN}
    for _ in range(repeats):
        src = timed(runs["read"], lambda: read_source(path, path.name))
        timed(runs["floor"], lambda: floor_parser.parse(src.text))
        with collector_paused():  # what the floor costs without the collector's rescans
            timed(runs["floor_nogc"], lambda: floor_parser.parse(src.text))
        tokens = timed(runs["parse"], lambda: tokenize(src))
        page, _ = timed(runs["model"], lambda: page_from_tokens(src, tokens, PageOptions(source_id="page")))
        del tokens
        rendered = {target.name: timed(runs[target.name], partial(target.render, [page], contexts[target.name]))
                    for target in targets.BUILTIN}
        with tempfile.TemporaryDirectory(prefix="errgen-bench-") as scratch:
            cache = Path(scratch) / "cache"
            # A miss runs black and stores the result; the hit is a no-op regen's cost.
            formatted = timed(runs["black"], lambda: _formatted(rendered, cache))
            timed(runs["black_cached"], lambda: _formatted(rendered, cache))
            timed(runs["write"], lambda: _write(Path(scratch) / "project", formatted))
    wall = {stage: statistics.median(w for w, _ in values) for stage, values in runs.items()}
    cpu = {stage: statistics.median(c for _, c in values) for stage, values in runs.items()}
    return {
        "page": str(path),
        "bytes": path.stat().st_size,
        "codes": len(page.errors),
        "runs": repeats,
        "wall": {**wall, "total": sum(wall[stage] for stage in STAGES)},
        "cpu": {**cpu, "total": sum(cpu[stage] for stage in STAGES)},
        # The formatter adds `# fmt: off` after black's pass (an SDK's formatters leave the
        # module alone): black left the template's text as it was when that is the only change.
        "black_passes": 1 if all(formatted[Path(name) / rel].replace(FMT_OFF, "", 1) == text
                                 for name, files in rendered.items() for rel, text in files.items()) else 2,
        "python_bytes": sum(len(text.encode("utf-8")) for rel, text in formatted.items() if rel.parts[0] == "python"),
        "rss_mb": {"baseline": baseline_kb / 1024, "peak": _peak_rss_kb() / 1024},
    }


def _formatted(rendered: dict[str, dict[str, str]], cache: Path) -> dict[Path, str]:
    """Every file of every target (by name) under `<target>/`, through its target's formatter."""
    os.environ["ERRGEN_CACHE_DIR"] = str(cache)  # the formatter's content-addressed cache
    formatted: dict[Path, str] = {}
    for name, files in rendered.items():
        target = targets.get(name)
        formatting = target.context()
        formatted.update({Path(name) / rel: formatting.formatted(target, text, rel) for rel, text in files.items()})
    return formatted


def _write(root: Path, files: dict[Path, str]) -> None:
    write.apply(write.plan(root, files, sorted({path.parent for path in files}), Lock()))


def _peak_rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def main(argv: list[str]) -> int:
    (page,) = argv[1:]
    print(json.dumps(measure(Path(page))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
