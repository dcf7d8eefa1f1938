# SAKIP — two commands: `make run` (demo app on SQLite) and `make test` (whole suite).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test venv deps deps-dev syslibs migrate demo serve pytest lint bench clean prod-check

$(PY):
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 tidak ditemukan. Pasang dengan: sudo apt-get install python3.11 python3.11-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.deps: requirements.txt | $(PY)
	$(PIP) install -q -r requirements.txt
	touch $@

$(VENV)/.deps-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install -q -r requirements-dev.txt
	touch $@ $(VENV)/.deps

deps: $(VENV)/.deps
deps-dev: $(VENV)/.deps-dev

# WeasyPrint (PDF) needs Pango from the system.
syslibs:
	@/sbin/ldconfig -p 2>/dev/null | grep -q 'libpango-1.0' || { \
	  echo "Pustaka sistem Pango tidak ditemukan (dibutuhkan WeasyPrint untuk PDF)."; \
	  echo "Pasang dengan: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"; exit 1; }

# Local demo: DEBUG on (the demo secret key is refused outside DEBUG); buat_demo never resets the passwords of
# accounts that already exist (`manage.py buat_demo --reset-sandi` does).
DEMO := SAKIP_DEBUG=1

migrate: deps syslibs
	$(DEMO) $(PY) manage.py migrate --noinput -v0
	$(DEMO) $(PY) manage.py muat_referensi

demo: migrate
	$(DEMO) $(PY) manage.py buat_demo

# One task worker (report PDF/XLSX files, database queue: nothing beyond SQLite) runs beside the server and is
# stopped with it.
run: demo
	@echo "SAKIP berjalan di http://$(HOST):$(PORT)/  (Ctrl+C untuk berhenti)"
	@$(DEMO) $(PY) manage.py db_worker --interval 1 & PEKERJA=$$!; \
	  trap 'kill $$PEKERJA 2>/dev/null; wait $$PEKERJA 2>/dev/null' EXIT INT TERM; \
	  $(DEMO) $(PY) manage.py runserver $(HOST):$(PORT)

pytest: deps-dev syslibs
	SAKIP_TESTING=1 $(VENV)/bin/pytest -q $(PYTEST_ARGS)

# The read API's committed contract (docs/openapi.json; tests/api compares it with the code's schema).
openapi:
	SAKIP_TESTING=1 $(PY) manage.py export_openapi_schema --api api.v1.api --indent 2 --sorted --output docs/openapi.json

lint: deps-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	SAKIP_TESTING=1 $(PY) manage.py makemigrations --check --dry-run -v0

test: lint pytest

# Production settings on this machine: check --deploy, then /sehat/ and a static file from a local gunicorn
# (throw-away secret key and database), stopped afterwards. docs/deploy.md.
prod-check: deps syslibs
	bash deploy/prod_check.sh

bench: deps-dev syslibs
	for f in bench/*.py; do SAKIP_TESTING=1 $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
