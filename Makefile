# The one set-up interface: `make run` and `make test` work on a fresh clone with
# only Python 3.11, Node and npm. Everything else is a step they depend on.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test install static messages migrate demo serve lint check ci bench clean

run: install migrate demo serve ## set up everything, load demo data, serve on 127.0.0.1:$(PORT)

test: install ## run the whole test suite
	$(PY) -m pytest

install: $(VENV)/.installed node_modules/.installed static messages

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

static: node_modules/.installed ## build the design-system CSS and vendor files into static/
	npm run --silent build

messages: $(VENV)/.installed ## compile translations (locale/*.po -> .mo)
	$(PY) manage.py compile_translations

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate ## load demo data (idempotent) and print the demo logins
	$(PY) manage.py load_demo

serve:
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(VENV)/bin/ruff check .

check: install ## Django's checks and "no missing migrations"
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

bench: migrate ## seed synthetic data at scale and print the speed figures as JSON
	$(PY) manage.py seed_scale --locations $${LOCATIONS:-200} --seed 1
	$(PY) manage.py bench --runs $${RUNS:-20}

ci: ## what CI runs
	bash .ci/run

clean:
	rm -rf $(VENV) node_modules static staticfiles
