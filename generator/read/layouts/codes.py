"""What a code looks like where a layout expects one: a single token, no whitespace inside."""

from __future__ import annotations

import re

# Letters, digits and `_ . : -` (`INVALID_PARAM_VALUE`, `00001`, `base-symbol-error`,
# `51008_1000`); a sentence such as "0 or absent" is no code.
_CODE_TOKEN = re.compile(r"-?[A-Za-z0-9][A-Za-z0-9_.:-]*")
_INTEGER = re.compile(r"-?[0-9]+")


def normalise(text: str) -> str:
    """A code as written, with a typographic minus (U+2212) as `-`."""
    return text.strip().replace("\u2212", "-")


def code_token(text: str) -> str | None:
    code = normalise(text)
    return code if _CODE_TOKEN.fullmatch(code) else None


def integer_token(text: str) -> str | None:
    """Layouts that find a code in running text (code lines, bullets) take only numbers."""
    code = normalise(text)
    return code if _INTEGER.fullmatch(code) else None


_PLAIN_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")


def is_plain_integer(code: str) -> bool:
    """A code an integer page holds (DESIGN.md "Codes"): digits, an optional minus, no
    leading zero (`00001` is a string code). errgen.toml's code keys are read the same way."""
    return _PLAIN_INTEGER.fullmatch(code) is not None
