"""Wheels for installing errgen with no package index, as the packaging and
pre-commit tests do: the versions requirements.lock pins of what errgen needs
to build (hatchling) and to run, with their dependencies.

The folder is kept between runs ($ERRGEN_WHEELHOUSE, default
~/.cache/errgen/wheelhouse): the index is asked only when a pin is missing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import ROOT

WHEELHOUSE = Path(os.environ.get("ERRGEN_WHEELHOUSE") or Path.home() / ".cache" / "errgen" / "wheelhouse")
_TOP_LEVEL = ("hatchling", "black", "markdown-it-py", "Jinja2", "orjson", "selectolax")  # their dependencies come along


def wheelhouse(*requirements: str) -> Path:
    """The filled wheelhouse; downloads only what it lacks.

    With no `requirements`: what errgen needs, at the versions requirements.lock
    pins; else those requirements (another black, say) and their dependencies.
    """
    pins = ["--constraint", str(ROOT / "requirements.lock"), *_TOP_LEVEL] if not requirements else [*requirements]
    download = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                "--only-binary", ":all:", "--dest", str(WHEELHOUSE), *pins]
    offline = subprocess.run([*download, "--no-index", "--find-links", str(WHEELHOUSE)],
                             capture_output=True, text=True, check=False)
    if offline.returncode != 0:
        online = subprocess.run(download, capture_output=True, text=True, check=False)
        assert online.returncode == 0, f"cannot fill {WHEELHOUSE}:\n{online.stderr}"
    return WHEELHOUSE


def offline_pip_env(wheels: Path) -> dict[str, str]:
    """The environment for a pip (and any pip it starts) that installs from `wheels` only."""
    return {**os.environ, "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheels), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
