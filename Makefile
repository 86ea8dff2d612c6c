# Urban Carbon Pool — developer entry points. `make demo` and `make test` do the set-up themselves.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PLUGIN := carbon_pool_plugin
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
BUILD := build/plugin
export QT_QPA_PLATFORM ?= offscreen

.PHONY: help setup test test-unit test-qgis test-cli demo lint format bench package build transup transcompile sample clean screenshots

help:
	@echo "make setup       install system packages (Debian/Ubuntu) and the dev venv (idempotent)"
	@echo "make test        run all tests (unit, QGIS, qgis_process end to end)"
	@echo "make demo        run every algorithm on the bundled sample municipality -> demo-output/"
	@echo "make lint        ruff check + format check"
	@echo "make bench       speed/memory benchmarks against QGIS/GDAL tools -> docs/benchmarks.md"
	@echo "make package     installable zip in dist/"
	@echo "make transup     refresh i18n/*.ts from the sources; make transcompile builds .qm"
	@echo "make sample      regenerate resources/sample/ (fixed seed)"
	@echo "make screenshots real QGIS under Xvfb: dock, carbon map, Thai UI -> docs/screenshots/"

$(VENV)/.setup-done: scripts/setup.sh requirements-dev.txt
	bash scripts/setup.sh
	touch $@

setup:
	bash scripts/setup.sh
	touch $(VENV)/.setup-done

# --- build: the installable plugin folder (what the zip holds) ------------------------------------
build: $(VENV)/.setup-done transcompile
	$(PY) scripts/build_plugin.py --out $(BUILD)

package: build
	$(PY) scripts/build_plugin.py --out $(BUILD) --zip dist/$(PLUGIN)-$(VERSION).zip

# --- tests ----------------------------------------------------------------------------------------
# pytest exits 5 when it collects no tests; that is not a failure of the suite.
test: $(VENV)/.setup-done package
	$(PY) -m pytest tests -q -ra || [ $$? -eq 5 ]

test-unit: $(VENV)/.setup-done
	$(PY) -m pytest tests/unit -q -p no:qgis

test-qgis: $(VENV)/.setup-done
	$(PY) -m pytest tests/qgis -q

test-cli: $(VENV)/.setup-done package
	$(PY) -m pytest tests/cli -q

lint: $(VENV)/.setup-done
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.setup-done
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# --- demo and bench -------------------------------------------------------------------------------
demo: $(VENV)/.setup-done package
	bash scripts/demo.sh

bench: $(VENV)/.setup-done package
	$(PY) scripts/bench.py

screenshots: $(VENV)/.setup-done build
	bash scripts/screenshots.sh

sample: $(VENV)/.setup-done
	/usr/bin/python3 scripts/make_sample.py

# --- translations ---------------------------------------------------------------------------------
transup: $(VENV)/.setup-done
	bash scripts/i18n.sh update

transcompile: $(VENV)/.setup-done
	bash scripts/i18n.sh compile

clean:
	rm -rf build dist demo-output .pytest_cache .qgis-settings
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
