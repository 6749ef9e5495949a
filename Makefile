# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PY39 := $(shell tools/find_python.sh 3.9)

.PHONY: demo test lint typecheck test39 bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[server,cli,dev,speedups]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) tools/run_demo.py

lint: $(STAMP)
	$(PY) -m ruff check src tests tools examples benchmarks
	$(PY) tools/gen_api.py --check

typecheck: $(STAMP)
	$(PY) -m mypy

test: lint typecheck test39
	$(PY) -m pytest -q

# The client core must run on Python 3.9: its unit tests run there too when
# an interpreter is found (pyenv or PATH); skipped with a note otherwise.
test39:
ifeq ($(PY39),)
	@echo "note: no Python 3.9 interpreter found; skipping the 3.9 unit tests"
else
	@test -x .venv39/bin/python || $(PY39) -m venv .venv39
	@test -f .venv39/.installed || (.venv39/bin/python -m pip install -q requests anyascii pytest pytest-timeout && touch .venv39/.installed)
	PYTHONPATH=src .venv39/bin/python -m pytest -q -p no:cacheprovider tests/unit
endif

# Not part of `make test`: compares with the PyPI reference client.
bench: $(STAMP)
	$(PY) benchmarks/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .venv39 .bench .pytest_cache .mypy_cache .ruff_cache
