"""A parent code's sub-code classes (`subcodes = "_"`, issue #23) built from OKX's real
page with a group on the parent: `from_payload` gives the sub-code's class when the
message fits one of its templates, and that class answers for the parent's class and
the parent's group, in Python (isinstance) and TypeScript (instanceof) alike."""

from __future__ import annotations

import json
from pathlib import Path

from support import ROOT, compile_typescript, import_file, make_project, run_errgen, run_node

OKX_PAGE = ROOT / "examples" / "okx" / "docs_src" / "rest-api-public.md"
SOURCE = (
    'section = "Public"\nsubcodes = "_"\nclass_names = "message"\n'
    'payload = [{ code = "data.0.sCode", message = "data.0.sMsg" }, { code = "code", message = "msg" }]\n'
)
# The parent 51008 in a group of its own; a sub-code of it (51008_1001) in another.
GROUPS = (
    '\n[[groups]]\nname = "Insufficient"\ncodes = { okx = ["51008"] }\n'
    '\n[[groups]]\nname = "MarginShort"\nretryable = true\ncodes = { okx = ["51008_1001"] }\n'
)

# (sMsg sent with sCode 51008) -> (class, sub-code matched or None, in Insufficient, in MarginShort, retryable)
CASES: list[tuple[str, tuple[str, str | None, bool, bool, bool]]] = [
    ("Order failed. Insufficient USDT margin in account",
     ("OrderFailedInsufficientMarginInAccount", "51008_1001", True, True, True)),
    ("Order failed. Insufficient USDT balance in account",
     ("OrderFailedInsufficientBalanceInAccount", "51008_1000", True, False, False)),
    ("Order failed.", ("E51008", None, True, False, False)),
]


def _body(message: str) -> str:
    return json.dumps({"code": "1", "msg": "", "data": [{"sCode": "51008", "sMsg": message}]})


def test_a_sub_codes_class_answers_for_its_parents_class_and_groups_in_both_languages(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", {"okx": OKX_PAGE}, package="okx_errors", extra=SOURCE)
    with (project / "errgen.toml").open("a", encoding="utf-8") as config:
        config.write(GROUPS)
    result = run_errgen("generate", cwd=project)
    assert result.returncode == 0, result.stderr

    okx = import_file(project / "output" / "python" / "okx_errors" / "okx.py")
    for message, (name, sub, insufficient, margin_short, retryable) in CASES:
        error = okx.ApiError.from_payload(_body(message))
        matched = None if error.match is None else error.match.error.value
        assert (type(error).__name__, matched) == (name, sub), message
        assert error.code is okx.ErrorCode.E_51008 and isinstance(error, okx.E51008)
        assert (isinstance(error, okx.Insufficient), isinstance(error, okx.MarginShort)) == (
            insufficient, margin_short), message
        assert error.retryable is retryable, message

    out = tmp_path / "js"
    compile_typescript([project / "output" / "typescript" / "okx.ts"], out)
    script = (
        'import * as m from "./okx.js";\n'
        f"const messages = {json.dumps([message for message, _ in CASES])};\n"
        "console.log(JSON.stringify(messages.map((message) => {\n"
        '  const e = m.ApiError.fromPayload({ code: "1", msg: "", data: [{ sCode: "51008", sMsg: message }] });\n'
        "  return [e.name, e.match === undefined ? null : e.match.error.code, e instanceof m.Insufficient,\n"
        "          e instanceof m.MarginShort, e.retryable, e.code, e instanceof m.E51008];\n"
        "})));\n"
    )
    expected = [[*answer[:2], *answer[2:], "51008", True] for _, answer in CASES]
    assert run_node(script, out) == expected
