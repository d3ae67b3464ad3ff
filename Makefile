# khabar — developer entry points. Every target works on a fresh machine: `make install` first if needed.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.khabar-installed
export TORCHINDUCTOR_CACHE_DIR := $(CURDIR)/var/torchinductor
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export AIRFLOW_HOME ?= $(CURDIR)/var/airflow

.PHONY: install demo test lint typecheck unit train bench airflow airflow-init clean

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

# Coverage counts the CLI and crawl processes the tests start too (coverage's subprocess patch).
test: install lint typecheck
	rm -rf var/coverage && mkdir -p var/coverage
	$(BIN)/pytest -q --basetemp=var/pytest --cov --cov-report=
	@echo "coverage: $$($(BIN)/coverage report --format=total)% of lines (details: .venv/bin/coverage report)"

# Heads, then their calibration on the real-reporting dev pages as retold (var/real/retold.jsonl; kept as
# committed when that gitignored file is absent).
train: install
	$(BIN)/python -m classifiers.train
	$(BIN)/python -m classifiers.calibrate

bench: install
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/classify.py
	$(BIN)/python bench/classify_quality.py
	$(BIN)/python bench/dedup.py

# airflow.cfg for this checkout: its dags/ folder, no example DAGs, the API on $(AIRFLOW_HOST) (loopback by
# default); then the metadata database. `airflow dags test khabar_ingest` works after this with only
# AIRFLOW_HOME set (see README, "Airflow").
AIRFLOW_HOST ?= 127.0.0.1
AIRFLOW_PORT ?= 8080
airflow-init: install
	$(BIN)/python -m khabar.airflow_config --home $(AIRFLOW_HOME) --dags-folder $(CURDIR)/dags \
		--host $(AIRFLOW_HOST) --port $(AIRFLOW_PORT)
	$(BIN)/airflow db migrate

# standalone starts its components as `airflow ...` subprocesses, so the venv must be on PATH.
airflow: airflow-init
	PATH=$(CURDIR)/$(BIN):$$PATH $(BIN)/airflow standalone

clean:
	rm -rf var .mypy_cache .ruff_cache .pytest_cache
