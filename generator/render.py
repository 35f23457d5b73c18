"""The Jinja environment every target renders with, and in-process black."""

from __future__ import annotations

import functools
import hashlib
import os
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import jinja2

from . import escape

BLACK_LINE_LENGTH = 100


def templates_dir() -> Path:
    """Inside the package in a wheel; `templates/` beside the package in a checkout.

    The wheel's own copy comes first: installed, the folder beside the package
    is site-packages/templates, which another distribution may have put there.
    """
    packaged = Path(str(resources.files("generator") / "templates"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "templates"


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        pystr=escape.pystr,
        pydoc=escape.pydoc,
        tsstr=escape.tsstr,
        comment=escape.comment,
        jsdoc=escape.jsdoc,
        json_document=escape.json_document,
        pyopt=escape.pyopt,
        pyints=escape.pyints,
        tsopt=escape.tsopt,
        tomlstr=escape.tomlstr,
    )
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


class FormatError(Exception):
    """black rejected what a template produced: a bug in errgen, not in the page."""


def format_python(source: str, origin: str) -> str:
    """Format generated Python with the pinned black, skipping work already done.

    The cache is content-addressed (black version, mode, text), so a no-op
    `generate` or `check` neither runs nor imports black.
    """
    key = hashlib.sha256(f"{_black_version()}\0{BLACK_LINE_LENGTH}\0{source}".encode()).hexdigest()
    cached = _cache_path(key)
    if cached is not None:
        try:
            return cached.read_text(encoding="utf-8")
        except OSError:
            pass
    formatted = _run_black(source, origin)
    if cached is not None:
        _store(cached, formatted)
    return formatted


def _run_black(source: str, origin: str) -> str:
    import black  # 100+ ms to import: only when the cache misses
    from black.mode import TargetVersion

    mode = black.Mode(line_length=BLACK_LINE_LENGTH, target_versions={TargetVersion.PY39})
    try:
        return black.format_str(source, mode=mode)
    except black.parsing.InvalidInput as exc:
        raise FormatError(f"template {origin} produced invalid Python: {exc}") from exc


@functools.cache
def _black_version() -> str:
    return metadata.version("black")


def _cache_path(key: str) -> Path | None:
    root = os.environ.get("ERRGEN_CACHE_DIR")
    if root == "":
        return None  # ERRGEN_CACHE_DIR= turns the cache off
    base = Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "errgen"
    return base / "black" / key[:2] / key


def _store(path: Path, text: str) -> None:
    # A cache is an optimisation: failing to write one is never an error.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
