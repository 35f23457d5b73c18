"""100 KB messages built to make `match` slow, and pages built to be slow.

`make bench` times every text on every committed page and on SLOW_PAGES in
Python and node and reports the worst per runtime and per tier (the kind of
the answer, "miss" when none); tests/test_match_hostile.py asks the same
questions with a generous bound and checks both runtimes agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

SIZE = 100_000

# Pages whose templates are the matcher's worst shapes (Binance's heading layout).
SLOW_PAGES: dict[str, str] = {
    # adjacent placeholders: `%s,%s,%s,…!`, one placeholder more per code
    "adjacent": "".join(f"#### -{1000 + i} ADJACENT_{i}\n* " + ",".join(["%s"] * (3 + i)) + "!\n\n"
                        for i in range(20)),
    # many placeholders separated by one repeated character
    "separated": "".join(f"#### -{1000 + i} SEPARATED_{i}\n* " + "x%s" * (5 + i) + "x\n\n" for i in range(20)),
    # long repeated literal pieces
    "repeated": "".join(f"#### -{1000 + i} REPEATED_{i}\n* " + ("a" * 200 + " %s ") * 3 + "a" * (200 + i) + "\n\n"
                        for i in range(20)),
}


def slow_page(name: str) -> str:
    return f"# Error codes\n\n## 10xx - General\n\n{SLOW_PAGES[name]}"


def texts(document: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """(label, text, code or None): aimed at each tier, with and without the code."""
    messages = [(error["code"], message) for error in document["errors"] for message in error["messages"]]
    if not messages:
        return
    code = messages[0][0]
    for label, text in _shapeless():
        yield label, text, None
        yield label + ", with a code", text, code
    most = sorted(messages, key=lambda each: -len(each[1]["placeholders"]))[:3]
    longest = sorted(messages, key=lambda each: -len(each[1]["text"]))[:2]
    for owner, message in most + longest:
        for label, text in _aimed(message["text"], message["placeholders"]):
            yield f"{label}: {message['text'][:24]}…", text, None
            yield f"{label}, with its code: {message['text'][:24]}…", text, owner


def _shapeless() -> Iterator[tuple[str, str]]:
    yield "one character", "a" * SIZE
    yield "white space", " " * SIZE
    yield "punctuation", "," * SIZE
    yield "words and punctuation", "x , " * (SIZE // 4)
    yield "tabs and spaces", "ab\t \t" * (SIZE // 5)
    yield "placeholders", "%s" * (SIZE // 2)
    yield "quotes and parentheses", "'(x" * (SIZE // 3)
    yield "numbers", "1.2 " * (SIZE // 4)


def _aimed(text: str, placeholders: list[str]) -> Iterator[tuple[str, str]]:
    words = "x " * (SIZE // 4)
    yield "appended context", text + " x" * (SIZE // 2)
    yield "appended punctuation", text + " ," * (SIZE // 2)
    yield "words changed", "y " * 20 + text + " " + words
    yield "the template repeated", (text + " ") * (SIZE // (len(text) + 1))
    if not placeholders:
        return
    head, _, tail = text.partition(placeholders[0])
    yield "hit", head + "9" * SIZE + tail
    yield "miss", head + "9" * SIZE + tail[: len(tail) // 2]
    yield "loose", head + words + words + (tail[:-1] if tail.endswith(".") else tail + ".")
    yield "separators", head + (tail[:1] or ",") * SIZE
