"""The generated Python behaves the same on every CPython from its 3.8 floor to
3.13 that this machine has: a member's `str()`, `format()`, `%s` and f-string
give the code (as `http.HTTPStatus` does from 3.11 on), `repr()` names it, and
errors pickle and unpickle — the generated classes, an SDK's subclass, and one
joined with the code's classes by `code_classes=True` — keeping code, message,
status and class."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support import ROOT, pythons

VERSIONS = ("3.8", "3.9", "3.10", "3.11", "3.12", "3.13")
INTERPRETERS = {**pythons(*VERSIONS), f"{sys.version_info[0]}.{sys.version_info[1]}": Path(sys.executable)}
SPOT = ROOT / "output" / "python" / "binance_errors" / "spot.py"
OKX = ROOT / "examples" / "okx" / "output" / "python" / "okx_errors" / "okx.py"  # a string-code page
# A short page: its code classes are class statements (spot's are made on first use).
GRPC = ROOT / "examples" / "grpc" / "output" / "python" / "grpc_status" / "grpc.py"

SDK = '''
import spot


class BinanceError(spot.ApiError, code_classes=True):
    """An SDK's error whose __init__ takes another argument."""

    def __init__(self, code, msg, *, status):
        super().__init__(code, msg)
        self.status = status


class PlainError(spot.ApiError):
    pass
'''

SCRIPT = '''
import json, pickle, sys
import grpcstatus, okx, sdk, spot

def formats(member):
    return [str(member), format(member), "%s" % member, f"{member}", "{}".format(member),
            f"{member:>8}", repr(member)]

def round_trip(error):
    out = []
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(error, protocol))
        out.append({
            "class": type(again).__name__, "same_class": type(again) is type(error),
            "bad_symbol": isinstance(again, spot.BadSymbol), "code": again.code == error.code and type(again.code) is type(error.code),
            "msg": again.msg, "status": getattr(again, "status", None), "str": str(again),
            "match": again.match == error.match, "args": list(again.args),
        })
    return out

body = {"code": -1121, "msg": "Invalid symbol."}
print(json.dumps({
    "int": formats(spot.ErrorCode.BAD_SYMBOL) + ["%d" % spot.ErrorCode.BAD_SYMBOL],
    "str": formats(okx.ErrorCode.E_50011),
    "generated": round_trip(spot.ApiError.from_payload(body)),
    "joined": round_trip(sdk.BinanceError.from_payload(body, status=400)),
    "plain": round_trip(sdk.PlainError(-1121, "Invalid symbol.")),
    "unlisted": round_trip(spot.ApiError(-9000, "Something new.")),
    "declared": [[again["class"], again["same_class"], again["str"]] for again in
                 round_trip(grpcstatus.ApiError.from_payload({"code": 5, "msg": "gone"}))],
    "declared_is": [issubclass(grpcstatus.NotFound, grpcstatus.TheFullListOfStatusCodes),
                    type(grpcstatus.ApiError.from_payload({"code": 5, "msg": ""})) is grpcstatus.NotFound],
}))
'''


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sdk")
    shutil.copy(SPOT, folder / "spot.py")
    shutil.copy(OKX, folder / "okx.py")
    shutil.copy(GRPC, folder / "grpcstatus.py")
    (folder / "sdk.py").write_text(SDK, encoding="utf-8")
    return folder


@pytest.mark.parametrize("version", sorted(INTERPRETERS, key=lambda v: tuple(map(int, v.split(".")))))
def test_members_format_as_their_code_and_errors_pickle(version: str, folder: Path) -> None:
    result = subprocess.run([str(INTERPRETERS[version]), "-c", SCRIPT], cwd=folder, capture_output=True,
                            text=True, check=False, env={"PYTHONPATH": str(folder), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    assert found["int"] == ["-1121"] * 5 + ["   -1121", "<ErrorCode.BAD_SYMBOL: -1121>", "-1121"]
    assert found["str"] == ["50011"] * 5 + ["   50011", "<ErrorCode.E_50011: '50011'>"]
    for kind, class_name, bad_symbol, status, text in (
        ("generated", "BadSymbol", True, None, "-1121 BAD_SYMBOL: Invalid symbol."),
        ("joined", "BinanceError", True, 400, "-1121 BAD_SYMBOL: Invalid symbol."),
        ("plain", "PlainError", False, None, "-1121 BAD_SYMBOL: Invalid symbol."),
        ("unlisted", "ApiError", False, None, "-9000 unlisted code: Something new."),
    ):
        for again in found[kind]:
            assert again["class"] == class_name and again["same_class"], (kind, again)
            assert again["bad_symbol"] is bad_symbol, (kind, again)
            assert (again["code"], again["status"], again["str"], again["match"]) == (True, status, text, True)
    assert found["declared"] == [["NotFound", True, "5 NOT_FOUND: gone"]] * (len(found["generated"]))
    assert found["declared_is"] == [True, True]
