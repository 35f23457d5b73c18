"""Reading back a JSON document `errgen generate` committed earlier, as a page
projection: so `check` can say what changed in the docs since output/ was
committed."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ...diagnostics import ErrgenError
from ...model import Code
from ...read.source import read_regular_file
from .views import CodeView, MessageView, PageView, unique_messages


def read_view(path: Path, shown: str) -> PageView | None:
    """The diff projection of a committed document; None when it is missing or of another shape."""
    try:
        return view_of_document(json.loads(read_regular_file(path, shown).decode("utf-8")), shown)
    except (OSError, ValueError, KeyError, TypeError, RecursionError, ErrgenError):  # nested past the stack: not errgen's
        return None


def view_of_document(document: Mapping[str, Any], path: str) -> PageView:
    """The projection of a JSON document (output/json/<id>.json).

    The document records no message positions: a message is placed at its
    code's line, a table row at its table's line. Raises KeyError, TypeError
    or ValueError on a document of another shape.
    """
    tables: dict[Code, list[MessageView]] = {}
    for table in document["message_tables"]:
        rows = [MessageView(str(row["message"]), int(table["line"]), 1) for row in table["rows"]]
        for code in table["codes"]:
            tables.setdefault(_code(code), []).extend(rows)
    codes = []
    for error in document["errors"]:
        if error.get("retired", False):
            continue  # kept by errgen.lock, not on the page
        code, line = _code(error["code"]), int(error["line"])
        own = [MessageView(str(message["text"]), line, 1) for message in error["messages"]]
        category = error.get("category")
        codes.append(CodeView(code, str(error["name"]), str(error["identifier"]),
                              unique_messages(own + tables.get(code, [])), line, 1,
                              None if category is None else str(category), str(error.get("class_name") or "")))
    return PageView(path, tuple(codes))


def _code(value: object) -> Code:
    if isinstance(value, (int, str)) and not isinstance(value, bool):
        return value
    raise TypeError(f"a code is an int or a str, not {value!r}")
