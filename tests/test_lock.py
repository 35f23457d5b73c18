"""errgen.lock: names that never move (DESIGN.md "Identifiers"), each rule through
`generate`, `check` and `diff --breaking` on a throwaway SDK repository."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from support import import_file, load_json, make_project, run_errgen

V1 = """\
## 10xx - General

### -1001 FOO

- Foo happened.

### -1002 BAR

- Bar happened.
"""


def project_with(tmp_path: Path, page: str) -> Path:
    project = make_project(tmp_path, {"p": page})
    generated = run_errgen("generate", cwd=project)
    assert generated.returncode == 0, generated.stderr
    return project


def publish(project: Path, page: str, *flags: str) -> str:
    """The docs change: the new page, then `errgen generate`; its stderr."""
    (project / "docs_src" / "p.md").write_text(page, encoding="utf-8")
    generated = run_errgen("generate", *flags, cwd=project)
    assert generated.returncode == 0, generated.stderr
    assert run_errgen("check", cwd=project).returncode == 0
    return generated.stderr


def errors(project: Path) -> list[dict[str, Any]]:
    document: dict[str, Any] = load_json(project / "output" / "json" / "p.json")
    return document["errors"]


def identifiers(project: Path) -> dict[Any, str]:
    return {error["code"]: error["identifier"] for error in errors(project)}


def breaking(tmp_path: Path, old: str, new: str) -> tuple[int, str]:
    (tmp_path / "old.md").write_text(old, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    result = run_errgen("diff", "old.md", "new.md", "--breaking", cwd=tmp_path)
    return result.returncode, result.stdout


# Class names: like identifiers, recorded in errgen.lock, never moved, never given to another class.

def classes_in_lock(project: Path) -> dict[str, Any]:
    source = json.loads((project / "errgen.lock").read_text(encoding="utf-8"))["sources"]["p"]
    return {"codes": {entry["code"]: entry.get("class") for entry in source["codes"]},
            "categories": source["classes"], "groups": source.get("groups", {})}


def module(project: Path) -> Any:
    return import_file(project / "output" / "python" / "errors" / "p.py")


def add_group(project: Path, name: str, codes: str) -> None:
    with (project / "errgen.toml").open("a", encoding="utf-8") as config:
        config.write(f'\n[[groups]]\nname = "{name}"\ncodes = {{ p = [{codes}] }}\n')


def test_a_renamed_code_keeps_its_class(tmp_path: Path) -> None:
    project = project_with(tmp_path / "sdk", V1)
    v2 = V1.replace("-1001 FOO", "-1001 FOO_FAILED")

    publish(project, v2)

    p = module(project)
    error = p.ApiError.from_payload({"code": -1001, "msg": "Foo happened."})
    assert type(error) is p.Foo and error.code is p.ErrorCode.FOO_FAILED  # `except p.Foo:` still catches it
    assert not hasattr(p, "FooFailed")
    assert classes_in_lock(project)["codes"] == {-1001: "Foo", -1002: "Bar"}
    # Without the lock the class would move: diff says so and fails --breaking.
    code, report = breaking(tmp_path, V1, v2)
    assert code == 1 and "had class Foo, now FooFailed" in report


def test_a_code_named_like_a_class_the_lock_holds_gets_another_with_a_warning(tmp_path: Path) -> None:
    table = "| Code | Name | Message |\n|---|---|---|\n| 51000 | | Parameter {param0} error |\n"
    project = make_project(tmp_path / "sdk", {"p": table}, extra='class_names = "message"')
    assert run_errgen("generate", cwd=project).returncode == 0
    named = table.replace("| 51000 | |", "| 51000 | PARAM_ERROR |")  # keeps its class ParameterError
    publish(project, named)

    warnings = publish(project, named + "| 51001 | | Parameter {param0} error. |\n")

    assert ("docs_src/p.md:4:1: warning: class ParameterError belongs to code 51000 (errgen.lock): a class name "
            "never moves to another class; ParameterErrorError used here [class-name-taken]") in warnings
    assert classes_in_lock(project)["codes"] == {51000: "ParameterError", 51001: "ParameterErrorError"}
    p = module(project)
    assert type(p.ApiError.from_payload({"code": 51000, "msg": ""})) is p.ParameterError


def test_a_group_added_with_a_class_name_the_lock_holds_yields_and_keeps_what_it_got(tmp_path: Path) -> None:
    project = project_with(tmp_path / "sdk", V1)
    add_group(project, "Foo", "-1002")

    warnings = publish(project, V1)

    assert ("group 'Foo': Foo is the class of code -1001 of source 'p' in errgen.lock, and a class name never "
            "moves to another class; the group's class there is FooGroup [class-name-taken]") in warnings
    assert classes_in_lock(project)["groups"] == {"Foo": "FooGroup"}
    p = module(project)
    assert issubclass(p.Bar, p.FooGroup) and not issubclass(p.Bar, p.Foo)
    # The group keeps FooGroup once given, even after -1001 leaves the page and is pruned.
    publish(project, V1.replace("### -1001 FOO\n\n- Foo happened.\n\n", ""), "--prune")
    assert publish(project, V1.replace("### -1001 FOO\n\n- Foo happened.\n\n", "")) == ""
    assert classes_in_lock(project)["groups"] == {"Foo": "FooGroup"}


def test_a_retired_owners_class_name_is_given_to_no_other_class_until_prune(tmp_path: Path) -> None:
    project = project_with(tmp_path / "sdk", V1)
    without_bar = V1[: V1.index("### -1002")]
    publish(project, without_bar)
    add_group(project, "Bar", "-1001")

    warnings = publish(project, without_bar)

    assert "Bar is the class of code -1002 of source 'p' in errgen.lock" in warnings
    assert classes_in_lock(project)["groups"] == {"Bar": "BarGroup"}
    # Pruned, the retired code's class name is free for a new code (the group keeps BarGroup).
    publish(project, without_bar, "--prune")
    assert -1002 not in classes_in_lock(project)["codes"]
    publish(project, V1.replace("-1002 BAR", "-1003 BAR"))
    assert classes_in_lock(project)["codes"] == {-1001: "Foo", -1003: "Bar"}
    assert classes_in_lock(project)["groups"] == {"Bar": "BarGroup"}


def test_a_category_gone_from_the_page_keeps_its_class_name_until_prune(tmp_path: Path) -> None:
    project = project_with(tmp_path / "sdk", V1)
    flat = V1.replace("## 10xx - General\n\n", "")

    publish(project, flat)

    assert classes_in_lock(project)["categories"] == {"10xx_general": "General"}  # nobody else may take it
    add_group(project, "General", "-1001")
    assert "General is the class of category '10xx_general' of source 'p' in errgen.lock" in publish(project, flat)
    publish(project, flat, "--prune")
    assert classes_in_lock(project)["categories"] == {}


def test_a_page_that_gains_names_keeps_the_classes_named_from_its_messages(tmp_path: Path) -> None:
    # Rows of OKX's page (tests/corpus/okx-rest-api-public.md), which publishes no names.
    unnamed = ("| Error Code | HTTP Status Code | Error Message |\n|---|---|---|\n"
               "| 51008 | 200 | Order failed. Insufficient {param0} balance in account |\n"
               "| 51020 | 200 | Your order should meet or exceed the minimum order amount. |\n")
    named = ("| Error Code | Name | HTTP Status Code | Error Message |\n|---|---|---|---|\n"
             "| 51008 | INSUFFICIENT_BALANCE | 200 | Order failed. Insufficient {param0} balance in account |\n"
             "| 51020 | ORDER_TOO_SMALL | 200 | Your order should meet or exceed the minimum order amount. |\n")
    project = make_project(tmp_path / "sdk", {"p": unnamed}, extra='class_names = "message"')
    assert run_errgen("generate", cwd=project).returncode == 0
    before = classes_in_lock(project)["codes"]
    assert before == {51008: "OrderFailedInsufficientBalanceInAccount", 51020: "YourOrderShouldMeetOrExceed"}

    publish(project, named)

    assert classes_in_lock(project)["codes"] == before
    p = module(project)
    assert type(p.ApiError.from_payload({"code": 51020, "msg": ""})) is p.YourOrderShouldMeetOrExceed
    assert p.lookup(51020) is p.ErrorCode.ORDER_TOO_SMALL


def test_check_says_the_lock_is_stale_while_class_names_are_missing_from_it(tmp_path: Path) -> None:
    project = project_with(tmp_path / "sdk", V1)
    lock_path = project / "errgen.lock"
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    for entry in lock["sources"]["p"]["codes"]:
        del entry["class"]  # a lock of before code classes were recorded
    lock_path.write_text(json.dumps(lock, indent=2), encoding="utf-8")

    result = run_errgen("check", cwd=project)

    assert result.returncode == 1
    assert "--- a/errgen.lock" in result.stdout and '+          "class": "Foo",' in result.stdout
    assert run_errgen("generate", cwd=project).returncode == 0  # reads it, completes it
    assert classes_in_lock(project)["codes"] == {-1001: "Foo", -1002: "Bar"}
    assert run_errgen("check", cwd=project).returncode == 0
    # A group's class not recorded yet is a stale lock too.
    add_group(project, "Flaky", "-1002")
    result = run_errgen("check", cwd=project)
    assert result.returncode == 1 and '+        "Flaky": "Flaky"' in result.stdout


@pytest.mark.parametrize(("entry", "said"), [
    ('{"code": -1}', 'a code entry needs "identifier" and "name"'),
    ('{"identifier": "FOO", "name": "FOO"}', 'a code entry needs "code"'),
])
def test_a_code_entry_missing_a_field_says_which_as_the_lock_spells_it(tmp_path: Path, entry: str, said: str) -> None:
    project = project_with(tmp_path / "sdk", V1)
    (project / "errgen.lock").write_text('{"version": 1, "files": {},\n "sources": {"p": {"codes": [' + entry + "]}}}",
                                         encoding="utf-8")
    result = run_errgen("generate", cwd=project)
    assert (result.returncode, result.stderr) == (2, f"errgen.lock:2:30: error: {said} [lock]\n")
