"""errgen as users run it, as whole processes, beside the bare floors.

The project (errgen.toml, docs_src/, output/) is copied to a scratch folder
with its own black cache, so the bench never writes into the working tree and
a no-op run is one that follows a full `errgen generate` there.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
from pathlib import Path
from typing import Any

from errgen.write.cache import kind_folder

from .timing import ROOT, Timing, python, python_env, run_once, time_process

BARE_IMPORTS = "import markdown_it, jinja2, black"
# With the collector off, as errgen parses (generator/speed/collector.py): issue #13's floor.
BARE_PARSE = (
    "import gc, sys; gc.disable(); from markdown_it import MarkdownIt; "
    "MarkdownIt('commonmark').enable('table').parse(open(sys.argv[1], encoding='utf-8').read())"
)

# The HTML reader's floor: import the parser errgen uses and parse the same bytes (issue #22).
BARE_HTML_PARSE = (
    "import gc, sys; gc.disable(); from selectolax.lexbor import LexborHTMLParser; "
    "LexborHTMLParser(open(sys.argv[1], 'rb').read())"
)


def compile_errgen() -> None:
    """errgen's bytecode, as an installed errgen has it (pip compiles at install).

    The floors' markdown-it, Jinja2 and black come with theirs from the
    virtualenv; without this, a machine that sets PYTHONDONTWRITEBYTECODE (as
    containers often do) would time errgen compiling its own source in every process.
    """
    subprocess.run(python("-m", "compileall", "-q", str(ROOT / "generator")), check=True)


def copy_project(scratch: Path) -> Path:
    project = scratch / "project"
    project.mkdir()
    shutil.copy2(ROOT / "errgen.toml", project / "errgen.toml")
    for folder in ("docs_src", "output"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, project / folder)
    return project


def measure_project(project: Path, cache: Path, runs: int) -> dict[str, Any]:
    """First (cold cache) and no-op `generate`, `check`, against bare processes.

    The first `check` after `generate` reads every page; it records that these
    inputs give this output, so the timed ones (a pre-commit hook's) need not.
    """
    env = python_env(ERRGEN_CACHE_DIR=str(cache))
    errgen = python("-m", "errgen")
    first = run_once([*errgen, "generate"], project, env)
    full_check = run_once([*errgen, "check"], project, env)
    timings = {
        "python_startup": time_process(python("-c", "pass"), project, runs),
        "bare_imports": time_process(python("-c", BARE_IMPORTS), project, runs),
        "generate_noop": time_process([*errgen, "generate"], project, runs, env),
        "check": time_process([*errgen, "check"], project, runs, env),
    }
    timings.update(time_rendering_checks([*errgen, "check"], project, runs, env, cache))
    return {
        "generate_first": Timing(*first).as_json(),
        "check_first": Timing(*full_check).as_json(),
        **{name: timing.as_json() for name, timing in timings.items()},
    }


def time_rendering_checks(argv: list[str], project: Path, runs: int, env: dict[str, str],
                          cache: Path) -> dict[str, Timing]:
    """A check that renders everything (its no-op record removed), black's results
    cached: with the templates' compiled code from the cache, and compiling them
    (that entry removed too). Interleaved, run by run: the saving is a tenth of a
    second, and this machine's speed drifts by more within a minute."""
    samples: dict[str, list[tuple[float, float]]] = {"check_rendering": [], "check_rendering_compiling": []}
    for _ in range(runs):
        for name, kinds in (("check_rendering", ("check",)), ("check_rendering_compiling", ("check", "jinja"))):
            for kind in kinds:
                shutil.rmtree(_kind_folder(cache, kind), ignore_errors=True)
            samples[name].append(run_once(argv, project, env))
    return {name: Timing(statistics.median(w for w, _ in runs_), statistics.median(c for _, c in runs_))
            for name, runs_ in samples.items()}


def _kind_folder(cache: Path, kind: str) -> Path:
    """Where errgen keeps `kind` entries in the cache folder `cache` (write/cache.py)."""
    folder = kind_folder(kind, cache)
    assert folder is not None
    return folder


def measure_dump(page: Path, runs: int) -> dict[str, Any]:
    """`errgen dump PAGE` against a process that only imports markdown-it and parses PAGE."""
    return {
        "page": str(page),
        "dump": time_process(python("-m", "errgen", "dump", str(page)), ROOT, runs).as_json(),
        "bare_parse": time_process(python("-c", BARE_PARSE, str(page)), ROOT, runs).as_json(),
    }


def measure_html_dumps(pages: dict[int, Path], runs: int) -> dict[str, Any]:
    """Per size, `errgen dump PAGE.html` against a process that only imports
    selectolax and parses PAGE's bytes: the ratio at 20,000 codes and the growth."""
    return {
        str(size): {
            "page": str(page),
            "dump": time_process(python("-m", "errgen", "dump", str(page)), ROOT, runs).as_json(),
            "bare_parse": time_process(python("-c", BARE_HTML_PARSE, str(page)), ROOT, runs).as_json(),
        }
        for size, page in sorted(pages.items())
    }
