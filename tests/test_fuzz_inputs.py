"""The short replay of `make fuzz`'s input targets (fuzz/fuzz_inputs.py): each saved
failure, and each target's seed and a few hostile inputs, must end in a value or
located diagnostics (deep nesting once gave errgen.toml a RecursionError)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import ROOT

from fuzz.fuzz_inputs import SEEDS, TARGETS, check_one

SAVED = sorted(p for p in (ROOT / "fuzz" / "crashes").glob("*.bin") if p.name.split("-")[0] in TARGETS)
HOSTILE = [
    ("lock", b'{"version": 1, "sources": ' + b"[" * 5000 + b"]" * 5000 + b"}"),
    ("lock", b'{"version": 1, "files": {"a": "' + b"1" * 5000 + b'"}}'),
    ("lock", b'{"version": 1, "sources": {"s": {"codes": [{"code": ' + b"9" * 5000 + b"}]}}}"),
    ("config", b"[output]\ntemplate_dirs = [" + b"[" * 3000 + b"]" * 3000 + b"]\n"),
    ("cache", b"import os\nos.system('echo pwned')\n"),
    ("cache", b"\xff\xfe"),
]


@pytest.mark.parametrize(("target", "data"), [*((t, s) for t, s in SEEDS.items()), *HOSTILE,
                                               *((p.name.split("-")[0], p.read_bytes()) for p in SAVED)])
def test_an_input_ends_in_a_value_or_located_diagnostics(target: str, data: bytes, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ERRGEN_CACHE_DIR", str(tmp_path / "cache"))
    check_one(target, data, timed=False)  # timing is make fuzz's; the suite checks the outcome
