# Every target works as the only command on a fresh machine with Python 3.11 and
# make: the virtual environment is created, or refreshed when pyproject.toml is
# newer than the last install, before the target runs.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PATH := $(abspath $(BIN)):$(PATH)

# JupyterLab refuses to start as root (most containers run so) unless told it may.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: venv system-packages demo test lab release lint clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

demo: $(STAMP)  ## release, autograde the sample class, feedback, grades table
	$(BIN)/course demo

# Checked first, so that a missing browser stops `make test` before anything is built.
system-packages:  ## the Debian packages the tests need (installed as root, else the command)
	@.ci/system-packages

test: system-packages $(STAMP)  ## the course's own test suite
	$(BIN)/python -m pytest

lab: $(STAMP)  ## JupyterLab on the course, with nbgrader's extensions
	$(BIN)/jupyter lab --notebook-dir=. $(ALLOW_ROOT)

release: $(STAMP)  ## regenerate release/ from source/
	$(BIN)/course release

lint: $(STAMP)  ## ruff on the code and, through nbqa, on the notebooks
	$(BIN)/ruff check .
	$(BIN)/nbqa ruff source release

clean:
	rm -rf build gradebook.db submitted autograded/*/ feedback reports grades.csv
