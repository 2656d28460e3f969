# The one set-up interface: `make run` and `make test` work on a fresh clone with
# only Python 3.11, Node and npm. Everything else is a step they depend on.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test install static messages makemessages migrate demo serve lint check ci bench lighthouse clean

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

makemessages: install ## update locale/*.po from the code (needs GNU gettext); then translate and `make messages`
	$(PY) manage.py makemessages -l nl -l en -l ar -l uk -l ti -l tr -l fa --no-location --no-obsolete \
		--ignore=.venv --ignore=node_modules --ignore=static --ignore=staticfiles --ignore=tests

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

# The benchmark has a database of its own, so it never touches the demo site.
BENCH := DATABASE_URL=sqlite:///$(CURDIR)/bench.sqlite3 DJANGO_DEBUG=false $(PY) manage.py

bench: install ## seed data at scale in bench.sqlite3 and print the speed figures (JSON lines)
	rm -f bench.sqlite3
	$(BENCH) migrate --noinput -v 0
	$(BENCH) seed_scale --locations $${LOCATIONS:-200} --activities $${ACTIVITIES:-5000} --recurring $${RECURRING:-1000} --bookings $${BOOKINGS:-50000} --registrations $${REGISTRATIONS:-50000} --volunteers $${VOLUNTEERS:-10000} --requests $${REQUESTS:-1000} --seed 1
	$(BENCH) bench --runs $${RUNS:-20}

# Lighthouse too has a database of its own, and serves the site as production does: DEBUG off,
# the base settings' WhiteNoise storage (hashed, pre-compressed files from collectstatic).
# Django's runserver is enough: with DEBUG off it leaves static files to WhiteNoise, and the
# simulated throttling models the network rather than measuring the server.
LH_ENV := DATABASE_URL=sqlite:///$(CURDIR)/lighthouse.sqlite3 DJANGO_SETTINGS_MODULE=welkomhuis.settings.base \
	DJANGO_DEBUG=false DJANGO_SECRET_KEY=lighthouse-only-key-not-secret-0123456789 \
	DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost STAFF_MFA_REQUIRED=false

lighthouse: install ## Lighthouse on a phone (3 runs of home, activities, an activity, a welkomhuis): median scores as JSON; reports in .lighthouse/
	rm -f lighthouse.sqlite3*
	$(LH_ENV) $(PY) manage.py migrate --noinput -v 0
	$(LH_ENV) $(PY) manage.py load_demo > /dev/null
	$(LH_ENV) $(PY) manage.py collectstatic --noinput --clear -v 0
	$(LH_ENV) PYTHON=$(PY) PORT=$${LIGHTHOUSE_PORT:-8765} node frontend/lighthouse.mjs

ci: ## what CI runs
	bash .ci/run

clean:
	rm -rf $(VENV) node_modules static staticfiles
