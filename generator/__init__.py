"""errgen: an API's published error-code page (Markdown) -> Python, JSON and TypeScript."""
