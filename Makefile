# The two commands of the README: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run dev test lint bench stop-db clean

$(STAMP): requirements.txt
	@set -e; if [ ! -x $(PY) ]; then py=$$(scripts/find-python.sh); echo "Membuat .venv dengan $$py"; "$$py" -m venv $(VENV); fi
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	@touch $(STAMP)

run: $(STAMP)
	scripts/run.sh

dev: $(STAMP)
	$(PY) manage.py siapkan_portal --tanpa-statis && $(PY) manage.py seed_demo --logins-only
	$(PY) manage.py db_worker & w=$$!; $(PY) manage.py runserver 127.0.0.1:$${PORT:-8000}; kill $$w

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: $(STAMP)
	@scripts/ensure-chromium.sh
	$(MAKE) --no-print-directory lint
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

bench: $(STAMP)
	$(PY) -m bench.run
	$(PY) -m bench.impor

stop-db: $(STAMP)
	$(PY) -m datacenter.embedded_db stop

clean: stop-db
	rm -rf .data staticfiles
