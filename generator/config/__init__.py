"""`errgen.toml` -> `Config`: every key checked at its line and column."""
