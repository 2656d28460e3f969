"""A real Celery worker process runs a task end to end (PostgreSQL + Redis only).

The sign-up email is rendered in the web process and sent by the worker: here
a worker subprocess consumes the task from Redis and writes the message to a
file; the test reads the code from it and verifies the account with it. The
reminder test delivers the same tasks twice and counts what the worker sent.
"""

import os
import re
import subprocess
import sys
import time
import uuid
from datetime import time as dt_time
from datetime import timedelta
from pathlib import Path

import pytest
import redis
from allauth.account.models import EmailAddress
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from activities.models import Notification
from activities.registrations import register
from activities.tasks import send_registration_email, send_reminders
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
        yield Worker(tmp_path, queue, broker)
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.task_default_queue = previous
        process.terminate()
        try:
            output, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        print(output)  # shown when the test fails


class Worker:
    """The running worker: where its emails land, and its queue."""

    def __init__(self, folder, queue, broker):
        self.folder, self.queue, self.redis = folder, queue, redis.Redis.from_url(broker)

    def emails(self):
        return [path.read_text() for path in sorted(self.folder.glob("*.log"))]

    def wait_for_email(self, to, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [message for message in self.emails() if f"To: {to}" in message]
            if found:
                return found[0]
            time.sleep(0.25)
        pytest.fail(f"the worker sent no email to {to} within {timeout} s")

    def wait_until_idle(self, timeout=60):
        """Wait until the worker has taken every task from its queue (it may still run the last)."""
        deadline = time.monotonic() + timeout
        while self.redis.llen(self.queue):
            if time.monotonic() > deadline:
                pytest.fail(f"the worker left tasks in its queue for {timeout} s")
            time.sleep(0.25)


def test_sign_up_email_is_sent_by_the_worker_and_its_code_verifies_the_account(client, worker):
    response = client.post(
        reverse("account_signup"), {"email": "worker@example.org", "password1": "een-lang-wachtwoord-7"}
    )
    assert response.status_code == 302
    message = worker.wait_for_email("worker@example.org")
    assert "To: worker@example.org" in message
    code = re.search(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4})\s*$", message, re.MULTILINE).group(1)
    client.post(response.url, {"code": code})
    assert EmailAddress.objects.get(email="worker@example.org").verified


def test_a_reminder_goes_out_once_however_often_the_worker_runs_the_task(worker, make_activity):
    activity = make_activity(
        title="Samen koken",
        start_date=timezone.localdate() + timedelta(days=1),
        start_time=dt_time(17),
        end_time=dt_time(20),
        how_to_join="register",
        places=5,
    )
    occurrence = activity.occurrences.get()
    registration, _created = register(occurrence.pk, first_name="Amal", email="amal@example.org")
    worker.wait_for_email("amal@example.org")  # the confirmation
    # The daily task runs twice (a beat restart) and the email task is delivered twice (a retry).
    send_reminders.delay()
    send_reminders.delay()
    send_registration_email.delay(registration.pk, Notification.Kind.REMINDER)
    send_registration_email.delay(registration.pk, Notification.Kind.REMINDER)
    worker.wait_until_idle()
    # One more email, queued last: when it is out, every task before it has run.
    register(occurrence.pk, first_name="Last", email="last@example.org")
    worker.wait_for_email("last@example.org")
    to_amal = [message for message in worker.emails() if "To: amal@example.org" in message]
    assert len(to_amal) == 2  # the confirmation and one reminder
    assert sum("Subject: Morgen" in message for message in to_amal) == 1
    assert Notification.objects.filter(registration=registration, kind="reminder").count() == 1
