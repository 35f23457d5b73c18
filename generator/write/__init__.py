"""Writing: the only code that touches the project: the plan and its atomic apply, errgen.lock, the caches."""
