"""TOML parsing on every Python errgen runs on: `tomllib` from 3.11, its original `tomli` before."""

from __future__ import annotations

import sys

if sys.version_info >= (3, 11):
    from tomllib import TOMLDecodeError, loads
else:  # pragma: no cover - exercised by the Python 3.9/3.10 end-to-end test
    from tomli import TOMLDecodeError, loads

__all__ = ["TOMLDecodeError", "loads"]
