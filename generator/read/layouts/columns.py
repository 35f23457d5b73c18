"""Column roles of a code table: from the header words and the cells, decided together.

The header vocabulary is data, written once: a header is compared without case
and surrounding space. `errgen.toml`'s `columns = { "Message" = "name" }` (or
`--column`) comes first, for headers this cannot know. Then the cells speak,
one small rule each, and a header that says otherwise gives way:

* `code_column_from_cells`: a column of distinct integers (or hex) beside a
  column of sentences is the code column, whatever its header ("Return code",
  "SW", "ID", or "Message" on a page that swapped them);
* `name_column_from_cells`: a column of single identifier tokens
  (SCREAMING_SNAKE, snake_case, CamelCase) beside the code column is the name
  column, even when headed "Description";
* `http_column_from_cells`: a column of HTTP statuses beside the code column is `http_status`;
* a column whose header claimed a role its cells gave to another becomes the
  message (or description) column when it holds sentences.

Cells are plain text: inline markup (`10**1001**`, `` `CODE` ``, links) is gone
before anything here looks at them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .codes import code_shaped

VOCABULARY: Mapping[str, tuple[str, ...]] = {
    "code": (
        "code", "error code", "error codes", "err code", "errcode", "error_code", "status code", "id", "label",
        "return code", "result code", "response code", "reason code", "error id", "error number", "errno", "sw",
        "status word",
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

# A name column: every cell one SCREAMING_SNAKE, snake_case or CamelCase token.
_NAME_CELL = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*|[a-z][a-z0-9]*(?:_[a-z0-9]+)*|(?:[A-Z][a-z0-9]+){2,}")
_JOINED_NAME = re.compile(r".*_.*|(?:[A-Z][a-z0-9]+){2,}")  # a name with a joint: no plain word
_INTEGER_CELL = re.compile(r"-?[0-9]+|0[xX][0-9A-Fa-f]+")
_HTTP_CELL = re.compile(r"[1-5][0-9][0-9]")
# Most cells of a column of sentences hold a space; a code or name never does.
_SENTENCE_SHARE = 0.5


def _key(header: str) -> str:
    return " ".join(header.split()).casefold()


def overridden_role(header: str, overrides: Mapping[str, str]) -> str | None:
    key = _key(header)
    return next((role for text, role in overrides.items() if _key(text) == key), None)


def header_role(header: str) -> str | None:
    """The role a header's words give, before any cell is read."""
    return _ROLE_OF.get(_key(header))


def column_roles(headers: Sequence[str], cells: Sequence[Sequence[str]], overrides: Mapping[str, str]) -> list[str | None]:
    """A role per column (None: unknown, ignored), at most one column per role."""
    forced = {index for index, header in enumerate(headers) if overridden_role(header, overrides)}
    roles = [overridden_role(header, overrides) or header_role(header) for header in headers]
    columns = [_column(cells, index) for index in range(len(headers))]
    claimed = list(roles)
    code_column_from_cells(roles, columns, forced)
    two_code_columns(roles, columns, forced)
    name_column_from_cells(roles, columns, forced)
    http_column_from_cells(roles, columns, forced)
    displaced_to_message(roles, claimed, columns, forced)
    seen: set[str] = set()
    for index, role in enumerate(roles):
        if role is not None and role != "ignore" and role in seen:
            roles[index] = None  # a second column of one role adds nothing; the first wins
        elif role is not None:
            seen.add(role)
    return roles


def code_column_from_cells(roles: list[str | None], columns: Sequence[Sequence[str]], forced: set[int]) -> None:
    """A column of distinct integers beside a column of sentences is the code column.

    A column headed as a code keeps its role when it holds integers, or holds
    string codes and no other column holds distinct integers but HTTP statuses:
    a header that is right is never overruled (Deribit's "Error Code" column
    has a "0 or absent" row). A headed column of names or sentences gives way."""
    headed = [i for i, role in enumerate(roles) if role == "code"]
    if any(i in forced or _mostly_integers(columns[i]) for i in headed):
        return
    if not any(_sentences(column) for column in columns):
        return
    candidates = [i for i, column in enumerate(columns)
                  if i not in forced and i not in headed and _integers(column) and _distinct(column)
                  and not row_numbers(column)]
    # An HTTP status column is a code column only when nothing else can be.
    chosen = next((i for i in candidates if not _all(columns[i], _HTTP_CELL)), None)
    if chosen is None and candidates and not any(_mostly_codes(columns[i]) for i in headed):
        chosen = candidates[0]
    if chosen is None:
        return
    for index in headed:
        roles[index] = None
    roles[chosen] = "code"


def row_numbers(column: Sequence[str]) -> bool:
    """`1, 2, 3, …` (or from 0) counts the rows: no codes, though they are distinct integers."""
    start = column[0] if column else ""
    return start in ("0", "1") and column == [str(int(start) + n) for n in range(len(column))]


def two_code_columns(roles: list[str | None], columns: Sequence[Sequence[str]], forced: set[int]) -> None:
    """Two columns headed as codes (gRPC's `Code | Id`, names under "Code"): the one
    holding integers is the code and the one holding single name tokens the name."""
    coded = [index for index, role in enumerate(roles) if role == "code"]
    if len(coded) < 2:
        return
    numeric = [index for index in coded if _all(columns[index], _INTEGER_CELL)]
    keep = numeric[0] if numeric else coded[0]
    for index in coded:
        if index != keep and index not in forced:
            roles[index] = "name" if _all(columns[index], _NAME_CELL) else None


def name_column_from_cells(roles: list[str | None], columns: Sequence[Sequence[str]], forced: set[int]) -> None:
    """A column of identifier tokens with a joint (`BAD_SYMBOL`, `InvalidParameter`)
    beside the code column is the name column, whatever its header says."""
    if "code" not in roles:
        return
    named = [i for i, role in enumerate(roles) if role == "name"]
    if any(i in forced or _names(columns[i]) for i in named):
        return
    found = next((i for i, role in enumerate(roles)
                  if role in ("message", "description", None) and i not in forced and _names(columns[i])), None)
    if found is None:
        return
    for index in named:
        roles[index] = None
    roles[found] = "name"


def http_column_from_cells(roles: list[str | None], columns: Sequence[Sequence[str]], forced: set[int]) -> None:
    """A column of HTTP statuses beside the code column is `http_status`."""
    if "code" not in roles or "http_status" in roles:
        return
    found = next((i for i, role in enumerate(roles)
                  if role in ("message", "description", None) and i not in forced and _all(columns[i], _HTTP_CELL)), None)
    if found is not None:
        roles[found] = "http_status"


def displaced_to_message(roles: list[str | None], claimed: Sequence[str | None],
                         columns: Sequence[Sequence[str]], forced: set[int]) -> None:
    """A column whose header claimed a role its cells gave to another column (a
    "Code" header over sentences) holds the messages, or else the description."""
    for index, role in enumerate(roles):
        if role is not None or claimed[index] is None or index in forced or not _sentences(columns[index]):
            continue
        for wanted in ("message", "description"):
            if wanted not in roles:
                roles[index] = wanted
                break


def _column(cells: Sequence[Sequence[str]], index: int) -> list[str]:
    return [row[index] for row in cells if index < len(row) and row[index]]


def _all(column: Sequence[str], pattern: re.Pattern[str]) -> bool:
    return bool(column) and all(pattern.fullmatch(cell) for cell in column)


def _integers(column: Sequence[str]) -> bool:
    return _all(column, _INTEGER_CELL)


def _names(column: Sequence[str]) -> bool:
    return _all(column, _NAME_CELL) and any(_JOINED_NAME.fullmatch(cell) for cell in column)


def _distinct(column: Sequence[str]) -> bool:
    return len(set(column)) == len(column)


def _mostly_codes(column: Sequence[str]) -> bool:
    """Most cells a single code-shaped token (a code column with a stray "see below" row)."""
    shaped = sum(1 for cell in column if " " not in cell.strip() and (code_shaped(cell) or _NAME_CELL.fullmatch(cell)))
    return bool(column) and shaped * 2 > len(column)


def _mostly_integers(column: Sequence[str]) -> bool:
    return bool(column) and sum(1 for cell in column if _INTEGER_CELL.fullmatch(cell)) * 2 > len(column)


def _sentences(column: Sequence[str]) -> bool:
    return bool(column) and sum(1 for cell in column if " " in cell.strip()) >= _SENTENCE_SHARE * len(column)


_ISO_CELL = re.compile(r"[A-Z]{2,3}")
_PARAMETER_CELL = re.compile(r"[a-z]+(?:[A-Z][a-z0-9]*)*")  # `symbol`, `orderId`: no joint a code has


def decoy_code_column(headers: Sequence[str], cells: Sequence[Sequence[str]], roles: Sequence[str | None],
                      overrides: Mapping[str, str]) -> str | None:
    """Why a table whose header looks like a code table holds no error codes
    (None when it may): its "code" column holds ISO codes (`USD`, `DE`) or
    parameter names (`symbol`, `orderId`). A column the user named is never a decoy."""
    if "code" not in roles:
        return None
    index = roles.index("code")
    if overridden_role(headers[index], overrides):
        return None
    column = _column(cells, index)
    if len(column) >= 2 and _all(column, _ISO_CELL):
        return f"its {headers[index]!r} column holds ISO codes ({', '.join(column[:3])}, …), not error codes"
    if len(column) >= 2 and _all(column, _PARAMETER_CELL):
        return f"its {headers[index]!r} column holds parameter names ({', '.join(column[:3])}, …), not error codes"
    return None
