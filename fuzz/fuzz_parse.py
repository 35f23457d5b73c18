"""`make fuzz`: Hypothesis at scale on the reader and the parser, for a set time.

Any bytes must end either in an `ErrorPage` (whose JSON target renders and
parses back) or in an `ErrgenError` whose diagnostics are one located line
each. Anything else is a crash: the shrunk input is saved as
fuzz/crashes/<sha256 prefix>.md, which tests/test_bad_input.py then runs as a
regression test, and the run exits 1.

Inputs come from three sources: Markdown built from the page grammar (code
headings in every published form, bullets, tables, HTML, entities, fences,
giant numbers, every line ending), real pages from docs_src/ cut and spliced
with hostile fragments, and raw bytes.

    python -m fuzz.fuzz_parse --seconds 60
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from errgen.diagnostics import ErrgenError
from errgen.pipeline import PageOptions, parse_page
from errgen.read.source import decode_source
from errgen.targets.json.document import document_text
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
CRASHES = Path(__file__).resolve().parent / "crashes"
SEEDS = tuple(path.read_bytes() for path in sorted((ROOT / "docs_src").glob("*.md")))

_TEXT = st.text(st.characters(codec="utf-8"), max_size=20)
_WORD = st.sampled_from(
    ["BAD_SYMBOL", "Request Throttled", "%s", "{param}", "'%s'", "`%s`", "\\_", "*x*", "_y_", "`", "\\", "&amp;",
     "&#x2028;", "&#0;", "&#xD800;", "&nosuch;", "<br>", "<a id=\"x\"></a>", "<!--", "-->", "[t](#x)", "[t]",
     "\u2028", "\u202e", "\ufeff", "\u00a0", "\r", "\t", "|", "\\|", '"', '"a" / "b"', "：", "−", "–", "—", ":"]
)
_CODE = st.one_of(
    st.integers(0, 99999).map(str),
    st.integers(2**53 - 3, 2**53 + 3).map(str),
    st.integers(1, 6000).map(lambda n: "9" * n),  # int() refuses 4,300 digits and more
    st.just("0" * 40 + "1"),
)
# Long runs of one construct: what makes a Markdown parser or a regex go quadratic or recurse.
_REPEATED = st.builds(
    lambda unit, count: unit * count,
    st.sampled_from(["*", "_", "[", "](", "`", "> ", "- ", "  - ", "<", "&#", "\\", "|", '"', "-1 ", "#", "<a ", "${"]),
    st.integers(1, 3000),
)
_LINE = st.one_of(
    _REPEATED,
    st.builds(lambda hashes, minus, code, sep, name: f"{hashes} {minus}{code}{sep}{name}",
              st.sampled_from(["#", "##", "###", "####", "#######", "  ###"]), st.sampled_from(["-", "\\-", "\u2212", ""]),
              _CODE, st.sampled_from([" ", ": ", " - ", " \u2014 ", "", "  "]), _TEXT | _WORD),
    st.builds(lambda marker, text: f"{marker}{text}", st.sampled_from(["- ", "* ", "+ ", "1. ", "  - ", "    - ", "-   "]), _TEXT | _WORD),
    st.builds(lambda a, b: f"| {a} | {b} |", _TEXT | _WORD, _TEXT | _WORD),
    st.sampled_from(["| --- | --- |", "|---|", "```", "~~~", "> quote", "===", "---", "", "", "<div>", "</div>",
                     "<a id=\"other-errors\"></a>", "    indented code", "[x]: #ref"]),
    _TEXT,
    _WORD,
)
_NEWLINE = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def markdown_pages(draw: st.DrawFn) -> bytes:
    lines = draw(st.lists(_LINE, max_size=40))
    newline = draw(_NEWLINE)
    text = ("\ufeff" if draw(st.booleans()) else "") + newline.join(lines)
    data = text.encode("utf-8")
    if draw(st.integers(0, 9)) == 0:  # now and then, a byte that is not UTF-8
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00"])) + data[at:]
    return data


@st.composite
def spliced_pages(draw: st.DrawFn) -> bytes:
    data = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 400)))
        insert = draw(st.sampled_from([b"", data[start:end] * 2]) | _LINE.map(lambda line: ("\n" + line + "\n").encode()))
        data = data[:start] + insert + data[end:]
    return data


INPUTS = st.one_of(markdown_pages(), spliced_pages(), st.binary(max_size=300))


def check_one(data: bytes) -> None:
    """Pass when `data` ends in a model or in clean diagnostics; raise otherwise."""
    try:
        page, warnings = parse_page(decode_source(data, "fuzz.md"), PageOptions(source_id="fuzz"))
    except ErrgenError as exc:
        _check_diagnostics(exc.diagnostics, errors_expected=True)
        return
    _check_diagnostics(warnings, errors_expected=False)
    text = document_text(page)
    assert json.loads(text)["errors"], "a page without errors must be a no-codes diagnostic"


def _check_diagnostics(diagnostics: object, errors_expected: bool) -> None:
    assert isinstance(diagnostics, (tuple, list))
    assert not errors_expected or any(d.is_error for d in diagnostics), "ErrgenError without an error"
    for diagnostic in diagnostics:
        line = diagnostic.format()
        assert "\n" not in line and "\r" not in line, line
        assert diagnostic.line >= 1 and diagnostic.column >= 1, line


@dataclass
class Run:
    examples: int = 0
    slowest: float = 0.0
    failures: list[tuple[bytes, str]] = field(default_factory=list)

    def batch(self, size: int) -> None:
        @settings(max_examples=size, database=None, deadline=None, derandomize=False,
                  phases=[Phase.generate, Phase.shrink], suppress_health_check=list(HealthCheck))
        @given(INPUTS)
        def fuzz(data: bytes) -> None:
            started = time.perf_counter()
            self.examples += 1
            try:
                check_one(data)
            except Exception:
                self.failures.append((data, traceback.format_exc()))
                raise
            finally:
                self.slowest = max(self.slowest, time.perf_counter() - started)

        fuzz()


def save_crash(data: bytes, trace: str) -> Path:
    CRASHES.mkdir(exist_ok=True)
    path = CRASHES / f"{hashlib.sha256(data).hexdigest()[:16]}.md"
    path.write_bytes(data)
    print(f"crash: {os.path.relpath(path)} ({len(data)} bytes)\n{trace}", file=sys.stderr)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to fuzz (default 60)")
    args = parser.parse_args(argv)
    run = Run()
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        try:
            run.batch(200)
        except Exception:
            data, trace = run.failures[-1]  # the last failure Hypothesis replays is the shrunk one
            save_crash(data, trace)
            return 1
    print(f"fuzz: {run.examples} inputs in {args.seconds:.0f} s, no crash; slowest {run.slowest * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
