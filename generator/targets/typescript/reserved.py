"""Every name the generated TypeScript module declares or uses as a global, from its source.

The runtime (templates/typescript/runtime.ts) and the module template are
scanned for the identifiers of their code (comments, strings and Jinja tags
taken out; property names after `.` skipped): each is a name the module
declares or a global it reads (`Error`, `Map`, `Readonly`), and a class by
that name would shadow it.
"""

from __future__ import annotations

import functools

from ..scan import code_identifiers
from ..templates import templates_dir

# Words TypeScript reserves in any position (a class cannot be named so).
KEYWORDS = frozenset((
    "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
    "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
    "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
    "implements", "interface", "let", "package", "private", "protected", "public", "static", "yield", "any",
    "boolean", "number", "string", "symbol", "never", "object", "unknown", "undefined", "bigint",
    "arguments", "await", "eval",
))


@functools.cache
def typescript_names() -> frozenset[str]:
    folder = templates_dir() / "typescript"
    names: set[str] = set()
    for name in ("runtime.ts", "module.ts.j2"):
        names |= code_identifiers((folder / name).read_text(encoding="utf-8"), "//")
    return frozenset(names | KEYWORDS)
