"""Class names and the hierarchy (generator/assemble/classes.py), string-code pages, and
[[groups]] in errgen.toml: on pages written here to be awkward."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from errgen import targets
from errgen.assemble import classes
from errgen.assemble.patterns import message_from_text
from errgen.config.project import GroupConfig
from errgen.model import Category, ErrorCode, ErrorPage, Source
from support import (
    ROOT,
    compile_typescript,
    import_file,
    make_project,
    run_errgen,
    run_node,
)


def code(value: int | str, name: str, identifier: str, category: str | None, *messages: str) -> ErrorCode:
    return ErrorCode(value, name, identifier, category, tuple(message_from_text(m, 1, 1) for m in messages), "", 1, 1)


def page(errors: list[ErrorCode], categories: tuple[Category, ...] = (), code_type: Any = "int",
         source: str = "page") -> ErrorPage:
    return ErrorPage(Source(source, f"docs_src/{source}.md", "0" * 64), "A page", categories, tuple(errors), (),
                     code_type)


# Names a careless generator would let collide: with the module's own names,
# with builtins both languages use, with each other and with a category.
CLASHING = page(
    [
        code(-1, "API_ERROR", "API_ERROR", "c1", "Api error."),
        code(-2, "MATCH", "MATCH", "c1"),
        code(-3, "TYPE_ERROR", "TYPE_ERROR", "c1"),
        code(-4, "E1ST", "E1ST", "c2"),
        code(-5, "E_1ST", "E_1ST", "c2"),
        code(-6, "REQUEST_ISSUES", "REQUEST_ISSUES", "c2"),
        code(-7, "MAP", "MAP", None),
        code(-8, "ERROR_CODE", "ERROR_CODE", None),
    ],
    (Category("c1", "10xx - Error", 1), Category("c2", "11xx - Request issues", 2)),
)


def test_class_names_never_collide_with_each_other_or_the_module() -> None:
    assigned = classes.assign(CLASHING)
    names = [e.class_name for e in assigned.errors] + [c.class_name for c in assigned.categories]
    assert len(set(names)) == len(names)
    assert not set(names) & classes.reserved_names()
    by_code = {e.code: e.class_name for e in assigned.errors}
    assert by_code[-1] == "ApiErrorError" and by_code[-2] == "MatchError" and by_code[-3] == "TypeErrorError"
    assert (by_code[-4], by_code[-5]) == ("E1st", "E1stError")  # E1ST and E_1ST both read E1st
    assert by_code[-6] == "RequestIssues"  # codes name first: the category yields
    assert (by_code[-7], by_code[-8]) == ("MapError", "ErrorCodeError")
    # "Error" is JavaScript's; "RequestIssues" is taken by code -6
    assert [c.class_name for c in assigned.categories] == ["ErrorErrors", "RequestIssuesErrors"]


def test_the_clashing_page_imports_and_builds_every_class(tmp_path: Path) -> None:
    module = render_python(CLASHING, tmp_path)
    for error in classes.assign(CLASHING).errors:
        built = module.ApiError.from_payload({"code": error.code, "msg": "x"})
        assert type(built).__name__ == error.class_name and built.code == error.code
    assert module.ApiError.__name__ == "ApiError" and module.match("Api error.").kind == "exact"
    with pytest.raises(TypeError):  # the builtin, not a generated TypeErrorError
        module.ApiError.from_payload([])


def render_python(source_page: ErrorPage, tmp_path: Path, name: str = "page") -> ModuleType:
    files = targets.get("python").render([source_page], targets.get("python").context(python_package="pkg"))
    path = tmp_path / f"{name}.py"
    path.write_text(files[f"pkg/{source_page.source.id}.py"], encoding="utf-8")
    return import_file(path)


# A page whose codes are strings (DESIGN.md: a code that is not a plain integer
# makes every code of the page a string).
STRING_PAGE = page(
    [
        code("INVALID_PARAM_VALUE", "", "INVALID_PARAM_VALUE", "p", "Invalid value for %s.", "Bad param"),
        code("00001", "", "E_00001", "p", "Timestamp out of range."),
        code("base-symbol-error", "", "BASE_SYMBOL_ERROR", None, "Unknown base symbol %s"),
        code("-1121", "", "E_1121", None, "Looks like a number, is a string."),
    ],
    (Category("p", "Parameter errors", 1),),
    code_type="str",
    source="strpage",
)
GROUPS = (GroupConfig("Retry", True, {"strpage": ("00001",)}),)


@pytest.fixture(scope="module")
def string_module(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return render_python(classes.assign(STRING_PAGE, GROUPS), tmp_path_factory.mktemp("strpage"), "strpage")


def test_a_string_code_page_is_a_str_enum_in_python(string_module: ModuleType) -> None:
    member = string_module.ErrorCode("00001")
    assert member == "00001" and isinstance(member, str) and member.name == "E_00001"
    assert string_module.lookup("00001") is member and string_module.lookup(1) is None
    error = string_module.ApiError.from_payload('{"code": "00001", "msg": "Timestamp out of range"}')
    assert type(error).__name__ == "E00001" and error.retryable and isinstance(error, string_module.Retry)
    assert error.match.kind == "loose" and str(error) == "00001 : Timestamp out of range"
    assert isinstance(error, string_module.ParameterErrors)
    unlisted = string_module.ApiError.from_payload({"code": "NEW_CODE", "msg": "?"})
    assert type(unlisted) is string_module.ApiError and unlisted.code == "NEW_CODE"
    assert string_module.ApiError.from_payload({"code": "-1121", "msg": ""}).code is string_module.ErrorCode.E_1121
    # a number on a string page is the code written as that number
    assert string_module.ApiError.from_payload({"code": -1121, "msg": ""}).code is string_module.ErrorCode.E_1121
    with pytest.raises(TypeError, match="string 'code'"):
        string_module.ApiError.from_payload({"code": 1.5, "msg": "x"})
    found = string_module.match("Invalid value for 'qty'.", "INVALID_PARAM_VALUE")
    assert (found.error, found.args, found.kind) == (string_module.ErrorCode.INVALID_PARAM_VALUE, ("'qty'",), "exact")


def test_a_string_code_page_is_string_literals_in_typescript(tmp_path: Path) -> None:
    assigned = classes.assign(STRING_PAGE, GROUPS)
    files = targets.get("typescript").render([assigned], targets.get("typescript").context())
    (tmp_path / "strpage.ts").write_text(files["strpage.ts"], encoding="utf-8")
    # tsc --strict: a string code where a number would be is a type error, and the reverse
    (tmp_path / "use.ts").write_text(
        'import { ApiError, ErrorCode, lookup, type Code } from "./strpage.js";\n'
        'const code: ErrorCode = ErrorCode.E_00001;\n'
        'const literal: "00001" = code;\n'
        'const raw: Code = "NEW";\n'
        'void [literal, raw, lookup("INVALID_PARAM_VALUE"), ApiError];\n',
        encoding="utf-8",
    )
    compile_typescript([tmp_path / "strpage.ts", tmp_path / "use.ts"], tmp_path / "out")
    view = run_node(
        'import * as m from "./strpage.js";\n'
        'const e = m.ApiError.fromPayload(\'{"code": "00001", "msg": "Timestamp out of range"}\');\n'
        "let bad = ''; try { m.ApiError.fromPayload({ code: 1.5, msg: 'x' }); } catch (x) { bad = x.message; }\n"
        "const number = m.ApiError.fromPayload({ code: -1121, msg: '' }).code;\n"
        "console.log(JSON.stringify({ codes: Object.values(m.ErrorCode), name: e.name, retry: e.retryable,\n"
        "  group: e instanceof m.Retry, category: e instanceof m.ParameterErrors, kind: e.match.kind, bad, number,\n"
        "  match: m.match(\"Invalid value for 'qty'.\", 'INVALID_PARAM_VALUE') }));\n",
        tmp_path / "out",
    )
    assert view["codes"] == ["INVALID_PARAM_VALUE", "00001", "base-symbol-error", "-1121"]
    assert (view["name"], view["retry"], view["group"], view["category"], view["kind"]) == (
        "E00001", True, True, True, "loose")
    assert "string 'code'" in view["bad"] and view["number"] == "-1121"
    assert view["match"]["args"] == ["'qty'"] and view["match"]["error"]["code"] == "INVALID_PARAM_VALUE"


def test_str_of_an_error_never_raises(string_module: ModuleType) -> None:
    class Careless(string_module.ApiError):
        def __init__(self) -> None:  # never calls super().__init__
            pass

    assert str(Careless()) == "None unlisted code: "
    assert json.dumps(str(string_module.ApiError("00001", "\udcff"))) != ""


def test_with_classes_keeps_every_other_field() -> None:
    # Every field set to a value unlike its default: a field added to ErrorCode
    # and forgotten by with_classes shows up here.
    values: dict[str, Any] = {
        "code": -7, "name": "N", "identifier": "I", "category": "c", "messages": (message_from_text("M.", 3, 4),),
        "description": "D", "line": 3, "column": 4, "class_name": "Old", "deprecated": True, "aliases": ("A",),
        "groups": ("G",), "http_status": (429,), "retired": True,
    }
    assert set(values) == {field.name for field in dataclasses.fields(ErrorCode)}
    error = ErrorCode(**values)
    assert error.with_classes("New", ("H",)) == dataclasses.replace(error, class_name="New", groups=("H",))


def _first_messages(page: Path, *codes: int | str) -> dict[int | str, list[str]]:
    from errgen.verbs.dump import page_alone

    read, _ = page_alone(page, None, strict=False)
    return {e.code: [m.text for m in e.messages] for e in read.errors if e.code in codes}


def test_a_word_glued_to_a_placeholder_is_left_out_of_a_message_class_name() -> None:
    """Real messages with a unit glued to a value (`%sx`, `{param1}x`): the unit never becomes a word
    of a class name; the words around a placeholder across a space stay."""
    usdm = _first_messages(ROOT / "tests" / "corpus" / "binance-usdm-error-codes-2025-11-09.md", -4209)
    okx = _first_messages(ROOT / "tests" / "corpus" / "okx-rest-api-public.md", "51186", "51283")  # a string page
    words = {text: classes.message_words(message_from_text(text, 1, 1).literals)
             for text in (usdm[-4209][1], okx["51186"][0], okx["51283"][0])}
    assert words == {
        "Leverage adjustment failed. Current symbol max leverage limit is %sx":
            "Leverage adjustment failed Current symbol max leverage limit is",
        "Order failed. The leverage for {param0} in your current margin mode is {param1}x, which exceeds the "
        "platform limit of {param2}x.":
            "Order failed The leverage for in your current margin mode is which exceeds the platform limit of",
        "The range of Time interval is {param0}~{param1}": "The range of Time interval is",
    }


@pytest.mark.parametrize(("text", "name"), [
    ("Current symbol max leverage is %sx", "CurrentSymbolMaxLeverageIs"),  # not ...IsX
    ("Timeout after {x}ms", "TimeoutAfter"),  # not ...Ms
    ("%sUSDT minimum not met", "MinimumNotMet"),  # not Usdt...
    ("Order exceeds limit%s", "OrderExceeds"),  # not ...LimitS
    ("Position P{param0} not found", "PositionNotFound"),
    ("Value {0} isn't allowed", "ValueIsntAllowed"),  # across a space the words stay
])
def test_message_class_names_never_split_a_word_at_a_placeholder(text: str, name: str) -> None:
    assert classes.message_class_name(classes.message_words(message_from_text(text, 1, 1).literals)) == name


def test_a_description_names_a_class_without_its_placeholders_either(tmp_path: Path) -> None:
    page = ("## Errors\n\n| Code | Description |\n|---|---|\n| 170130 | Order value below %sUSDT minimum |\n"
            "| 170131 | Exceeds limit%s per day |\n")
    root = make_project(tmp_path, {"page": page}, extra='class_names = "message"')
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 0, result.stderr
    module = import_file(root / "output" / "python" / "errors" / "page.py")
    assert [type(module.ApiError.from_payload({"code": c, "msg": ""})).__name__ for c in (170130, 170131)] == [
        "OrderValueBelowMinimum", "ExceedsPerDay"]
