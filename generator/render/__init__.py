"""Rendering: Jinja environments (user template dirs first), filters per language, formatters."""
