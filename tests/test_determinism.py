"""The same inputs give the same bytes whatever the hash seed and the locale:
`errgen generate` on every real page and the hostile page under
PYTHONHASHSEED=0 and =1, in a UTF-8 locale and in LC_ALL=C with Python's UTF-8
mode off (the locale's own encoding is then ASCII: plain LC_ALL=C would turn
UTF-8 mode on and prove nothing), and from a checkout with CRLF line endings."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

UTF8 = {"LC_ALL": "C.UTF-8", "PYTHONUTF8": "1"}
ASCII = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
RUNS = {  # name -> (environment, CRLF checkout of the pages and errgen.toml)
    "seed 0, UTF-8 locale": ({"PYTHONHASHSEED": "0", **UTF8}, False),
    "seed 1, UTF-8 locale": ({"PYTHONHASHSEED": "1", **UTF8}, False),
    "seed 0, C locale (ASCII)": ({"PYTHONHASHSEED": "0", **ASCII}, False),
    "seed 0, UTF-8 locale, CRLF checkout": ({"PYTHONHASHSEED": "0", **UTF8}, True),
}


def errgen(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    # With the suite's black cache (conftest.py): it is keyed by the text errgen renders,
    # so a run that renders other text goes through black and its output is compared too.
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    return subprocess.run([sys.executable, "-m", "errgen", *args], cwd=cwd, env=full_env, capture_output=True, check=False)


def project(base: Path, crlf: bool) -> Path:
    shutil.copytree(ROOT / "docs_src", base / "docs_src")
    shutil.copy(ROOT / "tests" / "fixtures" / "hostile.md", base / "docs_src" / "hostile.md")
    config = (ROOT / "errgen.toml").read_text(encoding="utf-8")
    config += '\n[[sources]]\nid = "hostile"\npath = "docs_src/hostile.md"\n'
    (base / "errgen.toml").write_text(config, encoding="utf-8")
    if crlf:  # as git writes them with core.autocrlf=true
        for path in [base / "errgen.toml", *(base / "docs_src").iterdir()]:
            path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    return base


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict[str, bytes], bytes, bytes]]:
    """Per run: every generated file, and `dump` of the Chinese page and of the hostile page."""
    results = {}
    for name, (env, crlf) in RUNS.items():
        base = project(tmp_path_factory.mktemp("determinism"), crlf)
        generated = errgen(["generate"], base, env)
        assert generated.returncode == 0, generated.stderr.decode(errors="replace")
        dumps = [errgen(["dump", f"docs_src/{page}"], base, env) for page in ("binance-spot-zh-cn.md", "hostile.md")]
        for dumped in dumps:
            assert (dumped.returncode, dumped.stderr) == (0, b""), dumped.stderr.decode(errors="replace")
        files = {**tree(base / "output"), "errgen.lock": (base / "errgen.lock").read_bytes()}
        results[name] = (files, dumps[0].stdout, dumps[1].stdout)
    return results


def test_generate_writes_the_same_bytes_under_every_seed_and_locale(outputs: dict[str, tuple[dict[str, bytes], bytes, bytes]]) -> None:
    first = next(iter(outputs.values()))
    assert len(first[0]) >= 19  # 6 pages x 3 targets, the package __init__ and more
    for name, other in outputs.items():
        assert other[0].keys() == first[0].keys(), name
        assert [path for path in first[0] if other[0][path] != first[0][path]] == [], name


def test_dump_prints_the_same_utf8_json_under_every_seed_and_locale(outputs: dict[str, tuple[dict[str, bytes], bytes, bytes]]) -> None:
    first = next(iter(outputs.values()))
    assert "错误代码汇总".encode() in first[1]  # UTF-8, as JSON must be, not the locale's encoding
    for name, other in outputs.items():
        assert other[1:] == first[1:], name
