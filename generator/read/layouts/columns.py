"""Column roles of a code table: from the header words, then from the cells where a header misleads.

The vocabulary is data, written once: a header is compared without case and
surrounding space. `errgen.toml`'s `columns = { "Message" = "name" }` (or
`--column`) comes first, for headers this cannot know.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

VOCABULARY: Mapping[str, tuple[str, ...]] = {
    "code": (
        "code", "error code", "error codes", "err code", "errcode", "error_code", "status code", "id", "label",
        "错误码", "錯誤碼", "错误代码", "錯誤代碼", "代码", "代碼", "返回码", "エラーコード",
    ),
    "name": ("name", "error name", "code name", "enum", "constant", "名称", "名稱"),
    "message": (
        "message", "error message", "msg", "error msg", "short message", "reason", "text",
        "错误信息", "錯誤信息", "错误消息", "錯誤訊息", "错误提示", "錯誤提示", "提示信息", "报错信息", "メッセージ",
    ),
    "description": (
        "description", "meaning", "explanation", "details", "detail", "remark", "remarks", "comment", "notes",
        "note", "solution", "cause", "描述", "说明", "說明", "含义", "含義", "解释", "备注", "備註", "説明",
    ),
    "http_status": (
        "http status code", "http status", "http code", "http", "status", "http状态码", "http 状态码",
        "http狀態碼", "http 狀態碼",
    ),
}
_ROLE_OF = {word: role for role, words in VOCABULARY.items() for word in words}

# A name column: every cell one SCREAMING_SNAKE or snake_case token.
_NAME_CELL = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*|[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_INTEGER_CELL = re.compile(r"-?[0-9]+")


def _key(header: str) -> str:
    return " ".join(header.split()).casefold()


def overridden_role(header: str, overrides: Mapping[str, str]) -> str | None:
    key = _key(header)
    return next((role for text, role in overrides.items() if _key(text) == key), None)


def column_roles(headers: Sequence[str], cells: Sequence[Sequence[str]], overrides: Mapping[str, str]) -> list[str | None]:
    """A role per column (None: unknown, ignored), at most one column per role.

    Two code columns (gRPC's `Code | Id`, names under "Code"): the one holding
    integers is the code and the one holding single name tokens the name."""
    forced = {index for index, header in enumerate(headers) if overridden_role(header, overrides)}
    roles = [overridden_role(header, overrides) or _ROLE_OF.get(_key(header)) for header in headers]
    coded = [index for index, role in enumerate(roles) if role == "code"]
    if len(coded) > 1:
        numeric = [index for index in coded if _all(cells, index, _INTEGER_CELL)]
        keep = numeric[0] if numeric else coded[0]
        for index in coded:
            if index != keep and index not in forced:
                roles[index] = "name" if _all(cells, index, _NAME_CELL) else None
    if "name" not in roles:
        for index, role in enumerate(roles):
            if role in ("message", None) and index not in forced and _all(cells, index, _NAME_CELL, underscore=True):
                roles[index] = "name"
                break
    seen: set[str] = set()
    for index, role in enumerate(roles):
        if role is not None and role != "ignore" and role in seen:
            roles[index] = None  # a second column of one role adds nothing; the first wins
        elif role is not None:
            seen.add(role)
    return roles


def _all(cells: Sequence[Sequence[str]], index: int, pattern: re.Pattern[str], underscore: bool = False) -> bool:
    column = [row[index] for row in cells if index < len(row) and row[index]]
    if not column or not all(pattern.fullmatch(cell) for cell in column):
        return False
    return not underscore or any("_" in cell for cell in column)
