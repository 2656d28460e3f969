"""Production refuses to start without the settings that keep it safe; dev works with none."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD = {
    "DJANGO_SECRET_KEY": "x" * 50,
    "DJANGO_ALLOWED_HOSTS": "welkomhuis.example",
    "DATABASE_URL": "postgres://welkomhuis@db.example:5432/welkomhuis",
}


def load(module, **env):
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CELERY_"))
    }
    code = f"import importlib; m = importlib.import_module('{module}'); print(m.DEBUG, m.STAFF_MFA_REQUIRED)"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_starts_with_the_required_settings():
    result = load("welkomhuis.settings.production", **GOOD)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True"  # no debug, MFA for staff


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("DJANGO_SECRET_KEY", "DJANGO_SECRET_KEY"),
        ("DJANGO_ALLOWED_HOSTS", "DJANGO_ALLOWED_HOSTS"),
        ("DATABASE_URL", "DATABASE_URL"),
    ],
)
def test_production_refuses_to_start_without(missing, message):
    env = {k: v for k, v in GOOD.items() if k != missing}
    result = load("welkomhuis.settings.production", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_production_refuses_a_short_secret_key():
    result = load("welkomhuis.settings.production", **{**GOOD, "DJANGO_SECRET_KEY": "secret"})
    assert "ImproperlyConfigured" in result.stderr


def test_development_needs_no_configuration():
    result = load("welkomhuis.settings.dev")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True False"
