"""Every name the generated Python module declares or takes from builtins, from its source.

The runtime (templates/python/runtime.py) is real Python: `ast` gives every
name it binds, imports or loads. The module template is Jinja around Python:
its code's identifiers are read once the Jinja tags, comments and strings are
taken out. Any of them as a class name would shadow what the module uses.
"""

from __future__ import annotations

import ast
import builtins
import functools
import keyword

from ..scan import code_identifiers
from ..templates import templates_dir


@functools.cache
def python_names() -> frozenset[str]:
    folder = templates_dir() / "python"
    tree = ast.parse((folder / "runtime.py").read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
    for template in ("module.py.j2", "__init__.py.j2"):
        names |= code_identifiers((folder / template).read_text(encoding="utf-8"), "#")
    # Every builtin class and constant: a module may use any, and `class Exception(...)` shadows it.
    names |= {name for name in dir(builtins) if name[:1].isupper()}
    return frozenset(names | set(keyword.kwlist) | set(keyword.softkwlist))
