"""A code's class is the same whether the module declares it with a class
statement (a short page) or makes it on first use (a long page): same name,
bases, docstring, `retryable` and `outcome`, found the same ways."""

from __future__ import annotations

import ast
import pickle
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from errgen import targets
from errgen.config.project import load_config
from errgen.model import ErrorPage
from errgen.targets.python import target
from errgen.targets.python.format import formatter_off
from errgen.verbs.api import load_pages
from support import ROOT, import_file

# okx: sub-codes (a sub-code's class extends its parent's) and a retryable group,
# string codes; binance: groups with `retryable` and with `outcome = "unknown"`.
EXAMPLES = {"okx": "okx", "binance": "usdm"}


def example_page(example: str, source_id: str, monkeypatch: pytest.MonkeyPatch) -> ErrorPage:
    folder = ROOT / "examples" / example
    monkeypatch.chdir(folder)
    pages, _ = load_pages(load_config(folder / "errgen.toml", "errgen.toml"))
    (page,) = [page for page in pages if page.source.id == source_id]
    return page


def rendered(page: ErrorPage, declared: int, folder: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.setattr(target, "DECLARED_CODE_CLASSES", declared)
    path = folder / f"{page.source.id}_{declared}.py"
    path.write_text(formatter_off(target.module_source(page, targets.get("python").context())), encoding="utf-8")
    return import_file(path)


def described(module: ModuleType, cls: type[Any]) -> tuple[object, ...]:
    """A generated class as a user sees it, its bases by name."""
    mro = tuple(base.__name__ if base.__module__ == module.__name__ else base.__qualname__ for base in cls.__mro__)
    return cls.__name__, cls.__qualname__, mro, cls.__doc__, cls.retryable, cls.outcome


@pytest.mark.parametrize(("example", "source_id"), EXAMPLES.items())
def test_declared_and_lazily_made_classes_are_the_same(example: str, source_id: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    page = example_page(example, source_id, monkeypatch)
    declared = rendered(page, 10**6, tmp_path, monkeypatch)
    lazy = rendered(page, 0, tmp_path, monkeypatch)
    assert not declared._CODE_CLASSES and len(lazy._CODE_CLASSES) == len(page.errors)
    assert declared.__all__ == lazy.__all__
    classes = [name for name in declared.__all__ if isinstance(getattr(declared, name), type)
               and issubclass(getattr(declared, name), declared.ApiError)]
    assert page.groups and len(classes) > len(page.errors)
    # Made on first use, in an order unlike the page's: a class before its base.
    for name in reversed(classes):
        assert described(lazy, getattr(lazy, name)) == described(declared, getattr(declared, name)), name
    assert sorted(dir(lazy)) == sorted(dir(declared))
    for member in declared.ErrorCode:
        body = {"code": member.value, "msg": ""}
        assert (type(lazy.ApiError.from_payload(body)).__name__
                == type(declared.ApiError.from_payload(body)).__name__ == page_class(page, member.value))


def page_class(page: ErrorPage, code: object) -> str:
    (error,) = [error for error in page.errors if error.code == code]
    return error.class_name


def test_a_group_and_its_outcome_reach_the_codes_classes_through_their_bases(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Code classes carry no `retryable`/`outcome` of their own: their group's class does."""
    page = example_page("binance", "usdm", monkeypatch)
    assert any(group.retryable for group in page.groups) and any(group.outcome for group in page.groups)
    for declared in (10**6, 0):
        module = rendered(page, declared, tmp_path, monkeypatch)
        for group in page.groups:
            group_class = getattr(module, group.name)
            for error in page.errors:
                if group.name in error.groups:
                    code_class = getattr(module, error.class_name)
                    assert issubclass(code_class, group_class)
                    assert "retryable" not in vars(code_class) and "outcome" not in vars(code_class)
                    if group.retryable:
                        assert code_class.retryable is True
                    if group.outcome is not None:
                        assert code_class.outcome == group.outcome


def test_a_short_page_declares_each_codes_class_with_a_class_statement() -> None:
    """grpc's 17 codes: `class NotFound(TheFullListOfStatusCodes, code=5)` at the top
    level, nothing under TYPE_CHECKING; sapi's 235 are declared for type checkers only."""
    for path, top_level in ((ROOT / "examples" / "grpc" / "output" / "python" / "grpc_status" / "grpc.py", True),
                            (ROOT / "output" / "python" / "binance_errors" / "sapi.py", False)):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        coded = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
                 and any(keyword.arg == "code" for keyword in node.keywords)]
        assert coded, path
        top = [node for node in tree.body if isinstance(node, ast.ClassDef) and node in coded]
        assert (len(top) == len(coded)) is top_level and (not top) is (not top_level), path
    module = import_file(ROOT / "examples" / "grpc" / "output" / "python" / "grpc_status" / "grpc.py")
    assert "NotFound" in vars(module)  # a real class, before anything asks for it
    assert module.ApiError.from_payload({"code": 5, "msg": "x"}).__class__ is module.NotFound


def test_a_lazily_made_class_pickles_and_is_made_once(tmp_path: Path) -> None:
    path = tmp_path / "sapi_pickled.py"
    path.write_bytes((ROOT / "output" / "python" / "binance_errors" / "sapi.py").read_bytes())
    sys.path.insert(0, str(tmp_path))
    try:
        import sapi_pickled  # type: ignore[import-not-found]

        assert "TooManyRequests" not in vars(sapi_pickled)  # not made until asked for
        error = sapi_pickled.ApiError.from_payload({"code": -1003, "msg": "Too many requests queued."})
        assert type(error) is sapi_pickled.TooManyRequests is vars(sapi_pickled)["TooManyRequests"]
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is sapi_pickled.TooManyRequests and again.msg == error.msg
        assert issubclass(sapi_pickled.TooManyRequests, sapi_pickled.GeneralServerOrNetworkIssues)
        with pytest.raises(AttributeError):
            sapi_pickled.NoSuchClass  # noqa: B018
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("sapi_pickled", None)
