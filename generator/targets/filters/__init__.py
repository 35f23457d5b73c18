"""Escaping filters, one module per language, each for one place a page's text lands.

Each returns text that cannot end the literal, docstring or comment it is put
in, whatever the input: quotes and backslashes are escaped, and every character
that is not printable (controls, CR, U+2028/U+2029, bidi overrides, NBSP and
other separators) is written as an escape sequence, so a reviewer sees exactly
what is there and no tokenizer sees a line end.
"""

from __future__ import annotations

from collections.abc import Callable

Filter = Callable[..., str]
