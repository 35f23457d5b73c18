"""Synthetic pages with N codes: of the reference page's form, or one code table.

The reference page (docs_src/binance-coinm.md) is cut into its preamble, its
category headings and its code blocks (a `#### \\-1121 NAME` heading and the
bullets under it). A page with N codes repeats those blocks in order with fresh
codes (-1000, -1001, …) and names made unique by a `_<i>` suffix, a category
heading every 100 codes, and the page's closing source line. Same N, same bytes.

    python bench/synth.py N [REFERENCE] > page.md
    python bench/synth.py --table N > page.md

The table page is OKX's form (a real layout): `Error Code | HTTP Status Code |
Error Message` rows without outer pipes, a category heading every 100 rows,
messages taken in turn from the reference page's bullets, and every 50th code
listed again with another HTTP status (as OKX lists 50011 twice).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

REFERENCE = Path(__file__).resolve().parent.parent / "docs_src" / "binance-coinm.md"
CODES_PER_CATEGORY = 100
FIRST_CODE = 1000


@dataclass(frozen=True)
class Reference:
    preamble: str  # everything before the first category heading
    categories: tuple[str, ...]  # category heading texts, without the `### `
    blocks: tuple[tuple[str, str], ...]  # (escaped name, body below the heading)
    closing: str  # the `> Source: …` line


def read_reference(text: str) -> Reference:
    """Cut the reference page apart by its heading lines (a bench tool, not the parser)."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("### "))
    categories: list[str] = []
    blocks: list[tuple[str, str]] = []
    body: list[str] = []
    closing = ""
    for line in lines[first:]:
        if line.startswith("### "):
            categories.append(line[4:])
        elif line.startswith("#### "):
            _flush(blocks, body)
            _code, _, name = line[5:].partition(" ")
            blocks.append((name, ""))
            body = []
        elif line.startswith("> Source:"):
            closing = line
        else:
            body.append(line)
    _flush(blocks, body)
    return Reference("\n".join(lines[:first]), tuple(categories), tuple(blocks), closing)


def _flush(blocks: list[tuple[str, str]], body: list[str]) -> None:
    if blocks:
        blocks[-1] = (blocks[-1][0], "\n".join(body).strip("\n"))


def synthetic_page(reference: Reference, n: int) -> str:
    parts = [reference.preamble.rstrip("\n"), ""]
    for i in range(n):
        if i % CODES_PER_CATEGORY == 0:
            title = reference.categories[(i // CODES_PER_CATEGORY) % len(reference.categories)]
            parts += [f"### {title} ({i // CODES_PER_CATEGORY + 1})", ""]
        name, body = reference.blocks[i % len(reference.blocks)]
        parts += [f"#### \\-{FIRST_CODE + i} {name}\\_{i}", "", body, ""]
    parts += [reference.closing, ""]
    return "\n".join(parts)


def table_page(reference: Reference, n: int) -> str:
    messages = [line.lstrip("*- ").strip() for _, body in reference.blocks for line in body.split("\n")
                if line.lstrip().startswith(("* ", "- "))]
    parts = ["# Error codes", ""]
    for i in range(n):
        if i % CODES_PER_CATEGORY == 0:
            parts += ["", f"## Class {i // CODES_PER_CATEGORY + 1}", "",
                      "Error Code | HTTP Status Code | Error Message", "---|---|---"]
        code = 50000 + i - (1 if i % 50 == 49 else 0)  # every 50th row repeats the code above it
        status = 429 if i % 50 == 49 else 400
        parts.append(f"{code} | {status} | {messages[i % len(messages)]}")
    parts.append("")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "--table" and argv[2].isdigit():
        page = table_page(read_reference(REFERENCE.read_text(encoding="utf-8")), int(argv[2]))
        sys.stdout.buffer.write(page.encode("utf-8"))
        return 0
    if len(argv) not in (2, 3) or not argv[1].isdigit():
        print(__doc__, file=sys.stderr)
        return 2
    reference = Path(argv[2]) if len(argv) == 3 else REFERENCE
    page = synthetic_page(read_reference(reference.read_text(encoding="utf-8")), int(argv[1]))
    sys.stdout.buffer.write(page.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
