"""speed/frozen.py: the model's faster __init__ keeps every behaviour of a frozen dataclass."""

from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError, asdict, dataclass, field, replace

import pytest
from errgen.model import ErrorCode, Message
from errgen.speed.frozen import fast_init


def _code(**changes: object) -> ErrorCode:
    message = Message("Too many <n> orders.", ("n",), "^x$", 16, 3, 5, 429, ("Too many ", " orders."))
    code = ErrorCode(-1015, "TOO_MANY_ORDERS", "TOO_MANY_ORDERS", "10xx", (message,), "d", 3, 1, "TooManyOrders")
    return replace(code, **changes)  # type: ignore[arg-type]


def test_a_code_is_built_with_its_defaults_and_stays_frozen() -> None:
    code = _code()
    assert (code.deprecated, code.aliases, code.groups, code.http_status, code.retired) == (False, (), (), (), False)
    with pytest.raises(FrozenInstanceError):
        code.name = "OTHER"  # type: ignore[misc]
    with pytest.raises(TypeError):
        ErrorCode(-1015, "A", "A", None, (), "", 1)  # type: ignore[call-arg]  # `column` missing


def test_equality_hash_repr_replace_copy_and_pickle_are_the_dataclasses() -> None:
    code = _code()
    assert code == _code() and hash(code) == hash(_code()) and code != _code(retired=True)
    assert repr(code).startswith("ErrorCode(code=-1015, name='TOO_MANY_ORDERS'")
    assert pickle.loads(pickle.dumps(code)) == code and copy.deepcopy(code) == code
    assert replace(code, line=9).line == 9 and asdict(code)["messages"][0]["http_status"] == 429
    assert ErrorCode(*[getattr(code, name) for name in code.__dataclass_fields__]) == code
    assert ErrorCode(**{name: getattr(code, name) for name in code.__dataclass_fields__}) == code


def test_a_class_it_cannot_serve_is_refused() -> None:
    with pytest.raises(TypeError, match="needs the dataclass's own __init__"):
        @fast_init
        @dataclass(frozen=True)
        class Listing:
            codes: list[int] = field(default_factory=list)

    with pytest.raises(TypeError, match="__post_init__"):
        @fast_init
        @dataclass(frozen=True)
        class Checked:
            code: int

            def __post_init__(self) -> None:
                pass
