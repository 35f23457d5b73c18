"""The TypeScript target: its render function and its filters."""
