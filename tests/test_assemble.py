"""assemble decides; it never changes what the reader recorded (lint reads that too)."""

from __future__ import annotations

import copy

from errgen.assemble.page import assemble
from errgen.pipeline import PageOptions, read_raw
from errgen.read.raw import ReadOptions
from errgen.read.source import read_source
from support import CORPUS


def test_merging_a_repeated_code_leaves_the_readers_entries_as_recorded() -> None:
    # The SAPI page lists -5012 twice, with two names and other messages.
    src = read_source(CORPUS / "binance-wallet.md", "wallet.md")
    options = PageOptions("sapi", reading=ReadOptions(section=("Error Codes",)))
    raw = read_raw(src, options.reading)
    listings = [entry for entry in raw.entries if entry.code == "-5012"]
    assert len(listings) == 2
    recorded = copy.deepcopy(raw.entries)
    page, diagnostics = assemble(raw, options)
    assert raw.entries == recorded
    merged = next(error for error in page.errors if error.code == -5012)
    assert merged.name == listings[0].name  # the first name wins
    texts = [message.text for message in merged.messages]
    assert texts == list(dict.fromkeys(m.text for entry in listings for m in entry.messages))
    assert "code-with-two-names" in {d.rule for d in diagnostics}
