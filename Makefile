# Kansrijk — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= kansrijk.config.settings.dev

.PHONY: setup system-packages run test lint typecheck test-fast test-browser bench assets messages clean

$(STAMP): requirements/dev.lock pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade "pip==25.3"
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

src/kansrijk/static/vendor/.built: package.json package-lock.json scripts/build_assets.sh
	./scripts/build_assets.sh
	touch $@

assets: src/kansrijk/static/vendor/.built

messages: $(STAMP)
	cd src/kansrijk && ../../$(BIN)/kansrijk compilemessages --ignore=.venv -v 0

## setup: everything both `run` and `test` need; idempotent and quick when nothing changed.
# The Vraagbaak's anonymity guard (deduce) builds its lookup cache inside the venv on first use (~100 s);
# build it here once, so no request or test pays for it.
$(VENV)/.deduce-cache: $(STAMP)
	# deduce compares its cache time with file times in local time; Django runs in Europe/Amsterdam.
	TZ=Europe/Amsterdam $(BIN)/python -c "import deduce; deduce.Deduce()"
	touch $@

# The Debian packages (chromium, gettext, postgresql, nodejs/npm, fonts): installed when run as root,
# otherwise the one apt-get command to run is printed.
system-packages:
	@./scripts/system_packages.sh

setup: system-packages $(STAMP) $(VENV)/.deduce-cache assets messages
	mkdir -p var
	$(BIN)/kansrijk migrate --no-input -v 0
	$(BIN)/kansrijk jobs sync

## run: set up, load the demo data, start the worker and serve http://$(HOST):$(PORT)
run: setup
	$(BIN)/kansrijk demo
	$(BIN)/kansrijk kaart demo
	$(BIN)/kansrijk dossier demo
	$(BIN)/kansrijk vraagbaak demo
	@echo ""
	@echo "Kansrijk runs on http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	@$(BIN)/kansrijk qcluster & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	  $(BIN)/kansrijk runserver --noreload $(HOST):$(PORT) || true

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy src tests benchmarks

## test: all checks — lint, types, migrations, and the whole pytest suite (unit, integration, browser)
test: setup lint typecheck
	DJANGO_SETTINGS_MODULE=kansrijk.config.settings.test $(BIN)/kansrijk makemigrations --check --dry-run -v 1
	DJANGO_SETTINGS_MODULE=kansrijk.config.settings.test $(BIN)/pytest

## test-fast: the suite without the browser tests
test-fast: setup
	DJANGO_SETTINGS_MODULE=kansrijk.config.settings.test $(BIN)/pytest -m "not browser"

bench: setup
	DJANGO_SETTINGS_MODULE=kansrijk.config.settings.test $(BIN)/python benchmarks/run.py
	DJANGO_SETTINGS_MODULE=kansrijk.config.settings.test scripts/with_postgres.sh $(BIN)/python benchmarks/families.py
	DJANGO_SETTINGS_MODULE=kansrijk.config.settings.test scripts/with_postgres.sh $(BIN)/python benchmarks/referrals.py
	# API fuzzing, the long run: more examples per operation and schemathesis' boundary cases (tests/api/test_fuzz.py)
	DJANGO_SETTINGS_MODULE=kansrijk.config.settings.test KANSRIJK_FUZZ_EXAMPLES=100 KANSRIJK_FUZZ_COVERAGE=1 \
	  scripts/with_postgres.sh $(BIN)/pytest tests/api/test_fuzz.py -q -p no:cacheprovider
	$(BIN)/python benchmarks/vraagbaak_guard.py
	$(BIN)/python benchmarks/vraagbaak_guard.py --corpus benchmarks/data/vraagbaak_guard_blind.json
	$(BIN)/python benchmarks/vraagbaak_guard.py --corpus benchmarks/data/vraagbaak_guard_blind2.json
	$(BIN)/python benchmarks/vraagbaak_guard.py --corpus benchmarks/data/vraagbaak_guard_blind3.json
	$(BIN)/python benchmarks/vraagbaak_guard.py --corpus benchmarks/data/vraagbaak_guard_blind4.json
	$(BIN)/python benchmarks/vraagbaak_guard.py --corpus benchmarks/data/vraagbaak_guard_blind5.json
	$(BIN)/python benchmarks/vraagbaak_guard.py --corpus benchmarks/data/vraagbaak_guard_blind6.json
	$(BIN)/python benchmarks/vraagbaak_guard.py --corpus benchmarks/data/vraagbaak_guard_blind7.json
	$(BIN)/python benchmarks/vraagbaak_guard.py --corpus benchmarks/data/vraagbaak_guard_blind8.json
	$(BIN)/python benchmarks/vraagbaak_guard_pathological.py
	# Under load and faults: two gunicorn processes, the worker, locust (LOAD_USERS=50, LOAD_SECONDS=300).
	scripts/with_postgres.sh $(BIN)/python benchmarks/load/drill.py

clean:
	rm -rf $(VENV) node_modules src/kansrijk/static/vendor var .pytest_cache .mypy_cache .ruff_cache
