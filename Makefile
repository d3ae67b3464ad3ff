# khabar — developer entry points. Every target works on a fresh machine: `make install` first if needed.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.khabar-installed
export TORCHINDUCTOR_CACHE_DIR := $(CURDIR)/var/torchinductor
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export AIRFLOW_HOME ?= $(CURDIR)/var/airflow

.PHONY: install demo test lint typecheck unit train bench airflow clean

install: $(STAMP)

# torch first, pinned, so nothing later pulls a CUDA build; then the project under the committed constraints.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24" setuptools wheel
	$(BIN)/pip install --quiet torch==2.13.0
	# echarts-countries-pypkg (province boundaries for the report map; optional, the map falls back to a plain
	# frame without it) is an sdist whose setup.py imports pyecharts-jupyter-installer, so it is built without
	# isolation once that helper is in.
	$(BIN)/pip install --quiet -c constraints.txt pyecharts-jupyter-installer
	$(BIN)/pip install --quiet --no-build-isolation -c constraints.txt echarts-countries-pypkg
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,train,airflow]'
	touch $(STAMP)

demo: install
	$(BIN)/khabar demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest -q tests/unit

test: install lint typecheck
	mkdir -p var
	$(BIN)/pytest -q --basetemp=var/pytest

# Heads, then their calibration on the real-reporting dev pages (kept as committed when var/real/cache.jsonl is absent).
train: install
	$(BIN)/python -m classifiers.train
	$(BIN)/python -m classifiers.calibrate

bench: install
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/classify.py
	$(BIN)/python bench/classify_quality.py
	$(BIN)/python bench/dedup.py

# standalone starts its components as `airflow ...` subprocesses, so the venv must be on PATH.
airflow: install
	PATH=$(CURDIR)/$(BIN):$$PATH AIRFLOW__CORE__DAGS_FOLDER=$(CURDIR)/dags AIRFLOW__CORE__LOAD_EXAMPLES=False \
		$(BIN)/airflow standalone

clean:
	rm -rf var .mypy_cache .ruff_cache .pytest_cache
