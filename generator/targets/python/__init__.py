"""The Python target: its render function, its filters and its formatter (black)."""
