# Kopuro — `make help` lists the commands.
# Everything a newcomer needs is set up by the targets themselves: a virtual environment in .venv,
# the locked dependencies (uv.lock), compiled translations, migrations and demo content.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# `make test` runs pytest in TEST_WORKERS processes; ARGS passes more, e.g. ARGS="kopuro/core -x".
TEST_WORKERS ?= 2
ARGS ?=
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the commands
	@b=$$(test -t 1 && printf '\033[1m'); n=$$(test -t 1 && printf '\033[0m'); \
	awk -v b="$$b" -v n="$$n" 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_-]+:.*## / \
	  {printf "  %s%-14s%s %s\n", b, $$1, n, $$2}' $(MAKEFILE_LIST)

$(VENV)/.installed: pyproject.toml uv.lock
	@test -x $(PY) || $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "Kopuro needs Python 3.11 or newer as $(PYTHON); name another: make PYTHON=python3.12 ..." >&2; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "Could not create $(VENV). On Debian or Ubuntu: apt-get install python3-venv" >&2; exit 1; }
	@$(PY) -m pip install -q --disable-pip-version-check "uv>=0.8,<1"
	$(UV) sync --frozen --inexact --python $(PY)
	@touch $@

.PHONY: install
install: $(VENV)/.installed messages ## Create .venv and install the locked dependencies

# Babel compiles each locale/**/django.po to .mo like GNU msgfmt would (docs/decisions/0003):
# fuzzy entries are left out, and a translation whose placeholders differ from the English
# stops the build (it would fail at render time).
define COMPILE_MESSAGES
import sys
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
problems = 0
for po in sys.argv[1:]:
    with open(po, "rb") as f:
        catalog = read_po(f)
    for message, errors in catalog.check():
        for error in errors if not message.fuzzy else []:
            problems += 1
            print(f"{po}:{message.lineno}: {error}", file=sys.stderr)
    with open(po[:-3] + ".mo", "wb") as f:
        write_mo(f, catalog, use_fuzzy=False)
sys.exit(f"{problems} broken translation(s): fix them in the .po file." if problems else 0)
endef
export COMPILE_MESSAGES

.PHONY: messages
messages: $(VENV)/.installed ## Compile the translations (no gettext needed: Babel compiles them)
	@$(PY) -c "$$COMPILE_MESSAGES" $$(find locale kopuro -name django.po -path '*LC_MESSAGES*' 2>/dev/null)

.PHONY: makemessages
makemessages: install ## Extract interface strings into locale/*/LC_MESSAGES/django.po (needs gettext)
	$(MANAGE) makemessages -l ru -l ky --no-obsolete --ignore=.venv --ignore=e2e --ignore=bench \
	  --ignore=node_modules --ignore=staticfiles --ignore=media

.PHONY: setup
setup: install ## Migrate the database and load the demo content (idempotent)
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) collectstatic --no-input -v 0
	$(MANAGE) seed_demo

.PHONY: run
run: setup ## Set everything up and serve Kopuro with demo content at http://127.0.0.1:8000
	@echo ""
	@echo "  Kopuro is at http://$(HOST):$(PORT)/"
	@echo "  Member login:        aida@demo.kopuro.org / kopuro-demo"
	@echo "  Staff editor login:  editor@demo.kopuro.org / kopuro-demo   (admin at /admin/)"
	@echo "  Newsroom workflow:   writer@demo.kopuro.org submits, approver@demo.kopuro.org approves"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

.PHONY: test
test: install ## Run the whole test suite (SQLite by default; set DATABASE_URL for PostgreSQL)
	$(VENV)/bin/pytest -n $(TEST_WORKERS) -q $(ARGS)

CHROMIUM ?= /usr/bin/chromium
.PHONY: chromium
chromium: ## Install Debian's Chromium for the browser journeys (through apt, only when missing)
	@test -x $(CHROMIUM) || { \
	  echo "Installing Debian's chromium (apt-get)…"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium; }

E2E_ARGS ?=
.PHONY: e2e
e2e: install chromium espeak ## Browser journeys in Chromium with an accessibility pass (E2E_ARGS="-k sign_up"; e2e/README.md)
	E2E_CHROMIUM=$(CHROMIUM) $(VENV)/bin/pytest e2e $(E2E_ARGS)

.PHONY: lint
lint: install ## ruff check and format check, Django's system checks, migrations in step with models
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

.PHONY: format
format: install ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

.PHONY: clean
clean: ## Remove the virtual environment, the embedded database, uploads and built files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles media .test-media
	find locale kopuro -name '*.mo' -path '*LC_MESSAGES*' -delete 2>/dev/null || true

BENCH_MEMBERS ?= 100000
BENCH_ARGS ?=
.PHONY: bench
bench: install ## Benchmark as in production beside the framework floor (BENCH_MEMBERS=10000 for a quick run)
	$(PY) bench/run.py --members $(BENCH_MEMBERS) $(BENCH_ARGS)

.PHONY: bench-kiosk
bench-kiosk: install chromium ## The terminal's figures: kiosk start-up offline from cache, guide page weight
	E2E_CHROMIUM=$(CHROMIUM) $(PY) bench/kiosk.py

NGINX ?= /usr/sbin/nginx
.PHONY: nginx
nginx: ## Install Debian's nginx for prod-smoke and resilience (through apt, only when missing)
	@test -x $(NGINX) || command -v nginx >/dev/null || { \
	  echo "Installing Debian's nginx (apt-get)…"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends nginx; }

.PHONY: prod-smoke
prod-smoke: install nginx ## nginx + two app servers + task worker on PostgreSQL and Redis, checked through nginx, torn down
	timeout -k 10 660 $(PY) deploy/smoke.py --timeout 600

.PHONY: api-fuzz
api-fuzz: install ## Schemathesis's CLI over every API operation on a live, seeded server (e2e/api_fuzz.py)
	timeout -k 10 420 $(PY) e2e/api_fuzz.py $(API_FUZZ_ARGS)

.PHONY: resilience
resilience: install nginx ## Under load: stop an app server, Redis, PostgreSQL (private ones), back up and restore; results in deploy/results/
	timeout -k 10 420 $(PY) deploy/resilience.py --timeout 400

.PHONY: espeak
espeak: ## Install espeak-ng and lame for the guides' "Listen" audio (through apt, only when missing)
	@command -v espeak-ng >/dev/null && command -v lame >/dev/null || { \
	  echo "Installing Debian's espeak-ng and lame (apt-get)…"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends espeak-ng lame; }
