"""Names no generated class may take: every target's runtime's own, taken from the runtimes.

A class name is chosen once for every target, so it must be free in each of
them: each target lists the names its module declares and the builtins it uses
(python/reserved.py, typescript/reserved.py), read from the runtime source and
module template themselves, so a name added to a runtime is reserved at once.
"""

from __future__ import annotations

import functools

from .python.reserved import python_names
from .typescript.reserved import typescript_names


@functools.cache
def reserved_class_names() -> frozenset[str]:
    return python_names() | typescript_names()


def is_reserved_class_name(name: str) -> bool:
    return name in reserved_class_names()
