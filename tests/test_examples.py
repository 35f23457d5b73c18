"""examples/<org>/ are small SDK repositories, one per layout errgen reads
(OKX, Bybit, gRPC, Deribit, bitbank, and BlocPal as its Docusaurus site serves it): each must be current, as its own CI would
check it, so a maintainer who copies one starts from a working setup."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from support import ROOT, import_file, load_json, run_errgen

EXAMPLES = sorted(path.parent for path in (ROOT / "examples").glob("*/errgen.toml"))
# examples/rust is a user target, not a layout: tests/test_user_targets.py compiles it.
# examples/binance is an SDK's package over six pages and its groups: its real
# error bodies run in tests/test_example_bodies.py.
LAYOUTS = [path for path in EXAMPLES if path.name not in ("rust", "binance")]


def test_every_layout_has_an_example() -> None:
    assert [path.name for path in LAYOUTS] == ["bitbank", "blocpal", "bybit", "deribit", "grpc", "okx"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.name)
def test_the_example_output_is_current(example: Path) -> None:
    result = run_errgen("check", cwd=example)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("errgen: output is current (")


@pytest.mark.parametrize("example", LAYOUTS, ids=lambda path: path.name)
def test_the_example_json_is_valid_and_its_python_module_imports(example: Path) -> None:
    validator = Draft202012Validator(load_json(ROOT / "output" / "json" / "page.schema.json"))
    (document_path,) = (p for p in (example / "output" / "json").glob("*.json") if p.name != "page.schema.json")
    document = load_json(document_path)
    assert list(validator.iter_errors(document)) == []
    (module_path,) = (example / "output" / "python").glob(f"*/{document_path.stem}.py")
    module = import_file(module_path)
    first = document["errors"][0]
    assert module.lookup(first["code"]).name == first["identifier"]
    assert len(module.ErrorCode) == len(document["errors"])
