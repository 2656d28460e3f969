"""A real Celery worker process runs a task end to end (PostgreSQL + Redis only).

The sign-up email is rendered in the web process and sent by the worker: here
a worker subprocess consumes the task from Redis and writes the message to a
file; the test reads the code from it and verifies the account with it.
"""

import os
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.urls import reverse

from welkomhuis.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _unavailable(reason):
    if os.environ.get("REQUIRE_WORKER"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
def worker(tmp_path):
    broker = os.environ.get("CELERY_BROKER_URL")
    if not broker:
        _unavailable("set CELERY_BROKER_URL (Redis) to run the worker test")
    if connection.vendor != "postgresql":
        _unavailable("the worker needs a database it can share with the test: set DATABASE_URL to PostgreSQL")
    db = connection.settings_dict
    queue = f"test-{uuid.uuid4().hex[:8]}"  # a queue of our own: no other worker takes our task
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "welkomhuis.settings.dev",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_BROKER_URL": broker,
        # django-environ drops one slash of the path: four make it absolute.
        "EMAIL_URL": f"filemail:///{tmp_path}",
        "DJANGO_DEBUG": "false",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "welkomhuis",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--loglevel=INFO",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    previous = (celery_app.conf.task_always_eager, celery_app.conf.task_default_queue)
    celery_app.conf.task_always_eager = False
    celery_app.conf.task_default_queue = queue
    try:
        yield tmp_path
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.task_default_queue = previous
        process.terminate()
        try:
            output, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        print(output)  # shown when the test fails


def wait_for_email(folder, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        files = sorted(folder.glob("*.log"))
        if files:
            return files[0].read_text()
        time.sleep(0.25)
    pytest.fail(f"the worker sent no email within {timeout} s")


def test_sign_up_email_is_sent_by_the_worker_and_its_code_verifies_the_account(client, worker):
    response = client.post(
        reverse("account_signup"), {"email": "worker@example.org", "password1": "een-lang-wachtwoord-7"}
    )
    assert response.status_code == 302
    message = wait_for_email(worker)
    assert "To: worker@example.org" in message
    code = re.search(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4})\s*$", message, re.MULTILINE).group(1)
    client.post(response.url, {"code": code})
    assert EmailAddress.objects.get(email="worker@example.org").verified
