# Everything a fresh clone needs: python3, make, node and npm. The first target
# that needs them creates .venv from requirements.lock and installs the pinned
# TypeScript compiler with `npm ci` from package-lock.json.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
TSC := node_modules/.bin/tsc

.PHONY: help deps regen check test test-fast typecheck clean ts-dist

help:
	@echo "make regen   docs_src/ -> output/ (errgen generate)"
	@echo "make check   fail when output/ is stale (errgen check)"
	@echo "make test    the whole suite: pytest, mypy --strict, tsc --strict, check"
	@echo "make ts-dist output/typescript/*.ts -> dist/typescript/*.js + *.d.ts (the pinned tsc)"
	@echo "make bench   timings against their floors and the speed goals -> bench/results.json"

$(PY_STAMP): requirements.lock pyproject.toml
	@echo "[make] creating $(VENV) and installing requirements.lock (pip, about a minute the first time)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	# The source folder is generator/, the import package errgen: the editable
	# install puts .venv/dev on sys.path, where errgen links to generator/.
	mkdir -p $(VENV)/dev && ln -sfn ../../generator $(VENV)/dev/errgen
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(NODE_STAMP): package.json package-lock.json
	@echo "[make] npm ci: tsc, pyright, eslint and prettier pinned in package-lock.json (20-60 s)"
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(PY_STAMP) $(NODE_STAMP)

regen: deps
	@echo "[make] errgen generate: docs_src/ -> output/ (black formats each module; up to a minute without its cache)"
	$(BIN)/errgen generate

check: $(PY_STAMP)
	$(BIN)/errgen check

# JavaScript and declarations for SDKs that ship compiled code; JSDoc carries over.
ts-dist: $(NODE_STAMP)
	$(TSC) -p tsconfig.dist.json

typecheck: deps
	$(BIN)/mypy --strict $(VENV)/dev/errgen bench
	$(BIN)/mypy --strict output/python
	$(TSC) -p tsconfig.json

# Both cores (pytest-xdist); the slowest tests are scheduled first and say what
# they do when they start (tests/conftest.py); --durations lists the slowest at the end.
test: deps
	@echo "[make] pytest on 2 workers"
	$(BIN)/pytest -n 2 --durations=10
	@echo "[make] mypy --strict and tsc --strict"
	$(MAKE) --no-print-directory typecheck
	@echo "[make] errgen check"
	$(MAKE) --no-print-directory check

clean:
	rm -rf $(VENV) .venv-py39 .venv-py310 node_modules .mypy_cache .pytest_cache .hypothesis .errgen-cache

# Not part of `make test`: timings take minutes and belong to the machine.
# Writes bench/results.json and prints the tables and the goals of issue #6.
.PHONY: bench bench-large
bench: deps $(VENV)/ccxt/.installed
	$(BIN)/python -m bench

# ccxt (bench-only, issue #27's side-by-side) in a venv of its own: never in the runtime set.
$(VENV)/ccxt/.installed: bench/requirements-ccxt.txt
	$(PYTHON) -m venv $(VENV)/ccxt
	$(VENV)/ccxt/bin/python -m pip install --quiet --disable-pip-version-check -r bench/requirements-ccxt.txt
	touch $@

bench-large: deps
	$(BIN)/python -m bench --large

# Not part of `make test`: the parser on fresh random input for FUZZ_SECONDS
# (a crash is saved to fuzz/crashes/, which the tests then replay), then the
# three-target round trip on FUZZ_EXAMPLES fresh examples instead of 2,000.
.PHONY: fuzz
FUZZ_SECONDS ?= 120
FUZZ_INPUT_SECONDS ?= 30  # per target of fuzz/fuzz_inputs.py: lock, config, cache
FUZZ_EXAMPLES ?= 20000
fuzz: deps
	$(BIN)/python -m fuzz.fuzz_parse --seconds $(FUZZ_SECONDS)
	$(BIN)/python -m fuzz.fuzz_inputs --seconds $(FUZZ_INPUT_SECONDS)
	ERRGEN_FUZZ=1 ERRGEN_ROUNDTRIP_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -p no:cacheprovider tests/test_roundtrip.py
