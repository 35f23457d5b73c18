"""Fuzzers run by `make fuzz`; not part of `make test`."""
