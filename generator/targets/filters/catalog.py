"""Every escaping filter errgen has: what a user's own template renders with."""

from __future__ import annotations

from ..json import filters as json
from ..python import filters as python
from ..typescript import filters as typescript
from . import Filter, rust, text, toml

ALL: dict[str, Filter] = {
    **json.FILTERS, **python.FILTERS, **rust.FILTERS, **text.FILTERS, **toml.FILTERS, **typescript.FILTERS,
}
