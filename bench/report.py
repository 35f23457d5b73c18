"""The bench's numbers as tables for a terminal."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .goals import Goal
from .stages import STAGES


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Left-aligned first column, right-aligned others."""
    rows = [list(header), *map(list, rows)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) if i == 0 else cell.rjust(width) for i, (cell, width) in enumerate(zip(row, widths)))
        for row in rows
    ]
    return "\n".join([lines[0], "-" * len(lines[0]), *lines[1:]])


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.1f}" if seconds < 10 else f"{seconds * 1e3:.0f}"


def render(results: dict[str, Any], goals: list[Goal]) -> str:
    sections = [
        "Per page, in one process: CPU ms per stage (median of the runs); floor = bare markdown-it parse",
        _pages(results["pages"]),
        "",
        "Whole processes: CPU ms (wall ms), median",
        _processes(results),
        "",
        f"Generated code: import (fresh interpreter, bytecode compiled), match on {results['match']['module']}",
        _generated(results),
        "",
        "Goals (issue #6), on CPU time",
        table(("goal", "measured", "limit", "met"),
              ([g.name, f"{g.measured:.2f} {g.unit}", f"{g.limit:g} {g.unit}", "yes" if g.met else "NO"]
               for g in goals)),
    ]
    return "\n".join(sections)


def _pages(pages: list[dict[str, Any]]) -> str:
    header = ("page", "codes", "KB", *STAGES, "total", "floor", "p+m/floor", "floor no gc", "black passes",
              "cached black", "peak MB")
    rows = []
    for page in pages:
        cpu = page["cpu"]
        rows.append([
            page["label"], str(page["codes"]), f"{page['bytes'] / 1024:.0f}",
            *(ms(cpu[stage]) for stage in STAGES), ms(cpu["total"]), ms(cpu["floor"]),
            f"{(cpu['parse'] + cpu['model']) / cpu['floor']:.2f}x", ms(cpu["floor_nogc"]), str(page["black_passes"]),
            ms(cpu["black_cached"]), f"{page['rss_mb']['peak']:.0f}",
        ])
    return table(header, rows)


def _processes(results: dict[str, Any]) -> str:
    project, dump = results["project"], results["dump"]
    bare = project["bare_imports"]
    rows = [
        ("python -c pass", project["python_startup"], None),
        ("bare: import markdown_it, jinja2, black", bare, bare),
        ("errgen generate (first, cold black cache)", project["generate_first"], bare),
        ("errgen generate (no-op)", project["generate_noop"], bare),
        ("errgen check", project["check"], bare),
    ]
    if "check_rendering" in project:
        rows += [("errgen check, rendering all (black cached, templates compiled)", project["check_rendering"], bare),
                 ("errgen check, rendering all (black cached, templates compiling)",
                  project["check_rendering_compiling"], bare)]
    for page_dump in (dump, results.get("dump_table")):
        if page_dump is not None:
            floor = page_dump["bare_parse"]
            rows += [(f"bare: import markdown_it + parse {_name(page_dump['page'])}", floor, floor),
                     (f"errgen dump {_name(page_dump['page'])}", page_dump["dump"], floor)]
    rows += _html_rows(results)
    return table(("process", "CPU ms", "wall ms", "vs bare"),
                 ([name, ms(t["cpu"]), ms(t["wall"]), "" if base is None else f"{t['cpu'] / base['cpu']:.2f}x"]
                  for name, t, base in rows))


def _html_rows(results: dict[str, Any]) -> list[tuple[str, dict[str, float], dict[str, float] | None]]:
    rows: list[tuple[str, dict[str, float], dict[str, float] | None]] = []
    for page_dump in results.get("dump_html", {}).values():
        floor = page_dump["bare_parse"]
        rows += [(f"bare: import selectolax + parse {_name(page_dump['page'])}", floor, floor),
                 (f"errgen dump {_name(page_dump['page'])}", page_dump["dump"], floor)]
    return rows


def render_html(results: dict[str, Any]) -> str:
    """The HTML reader's process rows alone (`python -m bench --html-only`)."""
    return table(("process", "CPU ms", "wall ms", "vs bare"),
                 ([name, ms(t["cpu"]), ms(t["wall"]), "" if base is None else f"{t['cpu'] / base['cpu']:.2f}x"]
                  for name, t, base in _html_rows(results)))


def _generated(results: dict[str, Any]) -> str:
    imports, found = results["imports"], results["match"]
    enum = imports["enum"]["cpu"]
    rows = [[name, ms(t["cpu"]), ms(t["wall"]), "" if name == "enum" else f"+{ms(t['cpu'] - enum)}"]
            for name, t in imports.items()]
    lines = [table(("import", "CPU ms", "wall ms", "vs enum"), rows), ""]
    for key in ("match", "match_with_code", "lookup"):
        spread = found[key]
        lines.append(f"{key:<16} median {spread['median'] * 1e6:6.2f} us   p90 {spread['p90'] * 1e6:6.2f} us   "
                     f"max {spread['max'] * 1e6:6.2f} us   ({found['messages']} messages, "
                     f"{found['unmatched']} unmatched)")
    lines.append(f"first match (builds the index): {found['first_call'] * 1e3:.2f} ms")
    lines.append(payload_line(found))
    tsc = results["tsc"]
    lines.append(f"tsc --strict over {tsc['files']} modules ({tsc['bytes'] / 1024:.0f} KB): "
                 f"{ms(tsc['cpu'])} ms CPU, {ms(tsc['wall'])} ms wall")
    return "\n".join(lines)


def payload_line(found: dict[str, Any]) -> str:
    """from_payload's medians, node's beside its floor (V8 capturing an Error's stack)
    and its own work (the same without the stack), and the ratio to ccxt."""
    line = f"from_payload median: python {found['from_payload']['median'] * 1e6:.2f} us"
    node = found.get("node", {})
    if "from_payload" in node:
        line += f", node {node['from_payload']['median'] * 1e6:.2f} us"
    if "new_error" in node:
        line += (f" (node's new Error alone {node['new_error']['median'] * 1e6:.2f} us, fromPayload without "
                 f"the stack {node['from_payload_no_stack']['median'] * 1e6:.2f} us)")
    ccxt = found.get("ccxt", {})
    if "ratio" in ccxt:
        line += (f"; body to exception {ccxt['errgen_us']:.2f} us vs ccxt {ccxt['ccxt_us']:.2f} us: "
                 f"{ccxt['ratio']:.2f}x")
    return line


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]
