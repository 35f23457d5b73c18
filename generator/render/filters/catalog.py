"""Every escaping filter errgen has: what a user's own template renders with."""

from __future__ import annotations

from . import Filter, json, python, rust, text, toml, typescript

ALL: dict[str, Filter] = {
    **json.FILTERS, **python.FILTERS, **rust.FILTERS, **text.FILTERS, **toml.FILTERS, **typescript.FILTERS,
}
