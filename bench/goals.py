"""The issue's speed goals (#6), judged on one run's numbers (CPU time)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Goal:
    name: str
    measured: float
    limit: float
    unit: str  # "x" for a ratio, "ms" or "us" for a time

    @property
    def met(self) -> bool:
        return self.measured <= self.limit

    def as_json(self) -> dict[str, Any]:
        return {"goal": self.name, "measured": self.measured, "limit": self.limit, "unit": self.unit,
                "met": self.met}


def judge(results: dict[str, Any]) -> list[Goal]:
    pages = {page["label"]: page for page in results["pages"]}
    largest_real = results["match"]["import_name"].rsplit(".", 1)[-1]
    goals = [_parse_goal(pages[label])
             for label in ("synthetic-20000", "synthetic-200000", largest_real) if label in pages]
    if "synthetic-2000" in pages and "synthetic-20000" in pages:
        goals.append(Goal("2,000 -> 20,000 codes, in-process total", _growth(pages, 2000, 20000), 12.0, "x"))
    if "synthetic-20000" in pages and "synthetic-200000" in pages:
        goals.append(Goal("20,000 -> 200,000 codes, peak memory growth", _memory_growth(pages), 12.0, "x"))
    for dump in (results["dump"], results.get("dump_table")):
        if dump is not None:
            goals.append(Goal(f"dump {dump['page'].rsplit('/', 1)[-1]} / bare import+parse process (gc off)",
                              dump["dump"]["cpu"] / dump["bare_parse"]["cpu"], 1.5, "x"))
    for kind in ("synthetic", "table"):
        if f"{kind}-2000" in pages and f"{kind}-20000" in pages:
            goals.append(Goal(f"{kind} 2,000 -> 20,000: growth of parse+model over the floor's growth",
                              _growth_over_floor(pages, kind), 1.15, "x"))
    goals += html_goals(results)
    project = results["project"]
    bare = project["bare_imports"]["cpu"]
    goals.append(Goal("no-op generate / bare imports", project["generate_noop"]["cpu"] / bare, 3.0, "x"))
    # A no-op check runs on every commit (the pre-commit hook): cheaper than importing what a render needs.
    goals.append(Goal("no-op check / bare imports", project["check"]["cpu"] / bare, 1.0, "x"))
    goals.append(Goal("black passes on every page (max)",
                      max(page["black_passes"] for page in results["pages"]), 1, "passes"))
    imports = results["imports"]
    largest = results["match"]["import_name"]
    goals.append(Goal(f"import {largest} - import enum",
                      (imports[largest]["cpu"] - imports["enum"]["cpu"]) * 1e3, 5.0, "ms"))
    goals.append(Goal("match on the largest page, median", results["match"]["match"]["median"] * 1e6, 20.0, "us"))
    goals += match_goals(results["match"])
    return goals


def html_goals(results: dict[str, Any]) -> list[Goal]:
    """Issue #22: `errgen dump` of the 20,000-code Docusaurus page against a process
    that imports selectolax and parses the same bytes; and the growth from 2,000."""
    dumps = results.get("dump_html")
    if not dumps or "20000" not in dumps:
        return []
    large = dumps["20000"]
    goals = [Goal("dump docusaurus-20000.html / bare import selectolax + parse process (gc off)",
                  large["dump"]["cpu"] / large["bare_parse"]["cpu"], 1.5, "x")]
    if "2000" in dumps:
        small = dumps["2000"]
        growth = (large["dump"]["cpu"] / small["dump"]["cpu"]) / (large["bare_parse"]["cpu"] / small["bare_parse"]["cpu"])
        goals.append(Goal("html 2,000 -> 20,000: growth of dump over the bare parse's growth", growth, 1.15, "x"))
    return goals


def _parse_goal(page: dict[str, Any]) -> Goal:
    cpu = page["cpu"]
    return Goal(f"parse+model / floor ({page['label']})", (cpu["parse"] + cpu["model"]) / cpu["floor"], 1.2, "x")


def _growth(pages: dict[str, Any], small: int, large: int) -> float:
    total: float = pages[f"synthetic-{large}"]["cpu"]["total"] / pages[f"synthetic-{small}"]["cpu"]["total"]
    return total


def _growth_over_floor(pages: dict[str, Any], kind: str) -> float:
    small, large = pages[f"{kind}-2000"]["cpu"], pages[f"{kind}-20000"]["cpu"]
    errgen = (large["parse"] + large["model"]) / (small["parse"] + small["model"])
    return float(errgen / (large["floor_nogc"] / small["floor_nogc"]))


def _memory_growth(pages: dict[str, Any]) -> float:
    def growth(label: str) -> float:
        rss = pages[label]["rss_mb"]
        return float(rss["peak"] - rss["baseline"])

    return growth("synthetic-200000") / growth("synthetic-20000")


def match_goals(match: dict[str, Any]) -> list[Goal]:
    """Issue 15's and 16's: hits, misses and 100 KB messages in both languages; from_payload."""
    goals = []
    for language, times in (("python", match), ("node", match.get("node"))):
        if times is None:
            continue
        goals.append(Goal(f"{language}: match hit, median", times["match"]["median"] * 1e6, 20.0, "us"))
        goals.append(Goal(f"{language}: match miss, median", times["miss"]["median"] * 1e6, 100.0, "us"))
        goals.append(Goal(f"{language}: match on 100 KB, worst", max(times["adversarial_100kb"].values()) * 1e3,
                          20.0, "ms"))
        goals.append(Goal(f"{language}: from_payload, median", times["from_payload"]["median"] * 1e6, 5.0, "us"))
    # Issue 27: body to exception against ccxt's hand-kept map, same bodies, same process.
    ccxt = match.get("ccxt", {})
    if "ratio" in ccxt:
        goals.append(Goal("python: from_payload / ccxt handle_errors, USD-M bodies", ccxt["ratio"], 0.4, "x"))
    # Issue 27: every committed page and the pages built to be slow, per runtime and tier.
    for language, tiers in sorted(match.get("worst_100kb", {}).items()):
        if not isinstance(tiers, dict):
            continue
        for tier, worst in sorted(tiers.items()):
            goals.append(Goal(f"{language}: match on 100 KB hostile, worst {tier}", worst["seconds"] * 1e3, 20.0, "ms"))
    return goals
