"""The last place, taken by several people at the same moment: one place, the rest on the waiting list.

Real concurrency: each request runs in its own thread with its own database
connection (a file for SQLite, a server for PostgreSQL), released together.
"""

import threading
import uuid
from datetime import time, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from activities.models import Registration

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE = 8


def test_the_last_place_goes_to_one_of_many_at_the_same_moment(make_activity):
    activity = make_activity(
        title="Fietsles",
        start_date=timezone.localdate() + timedelta(days=3),
        start_time=time(10),
        end_time=time(11),
        how_to_join="register",
        places=3,
    )
    occurrence = activity.occurrences.get()
    Registration.objects.create(
        occurrence=occurrence, first_name="Al", email="al@example.org", adults=2, key="already-there"
    )  # two of three places are taken
    url = reverse("activities:register", args=[occurrence.pk])
    start = threading.Barrier(PEOPLE)
    statuses, errors = [], []

    def person(n):
        try:
            client = Client()
            data = {
                "first_name": f"P{n}",
                "email": f"p{n}@example.org",
                "phone": "",
                "adults": "1",
                "children": "0",
                "submission": str(uuid.uuid4()),
            }
            start.wait()
            response = client.post(url, data)
            statuses.append(response.status_code)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=person, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert statuses == [302] * PEOPLE
    new = Registration.objects.exclude(key="already-there")
    assert new.count() == PEOPLE
    assert new.filter(status="confirmed").count() == 1
    assert new.filter(status="waitlisted").count() == PEOPLE - 1
    confirmed_people = sum(r.people for r in Registration.objects.filter(status="confirmed"))
    assert confirmed_people == 3  # never more than the places


def test_cancellations_at_the_same_moment_promote_each_waiting_person_once(make_activity):
    from activities.registrations import cancel

    activity = make_activity(
        start_date=timezone.localdate() + timedelta(days=3), how_to_join="register", places=2
    )
    occurrence = activity.occurrences.get()
    having = [
        Registration.objects.create(
            occurrence=occurrence, first_name=f"H{n}", email=f"h{n}@x.org", key=f"h{n}"
        )
        for n in range(2)
    ]
    waiting = [
        Registration.objects.create(
            occurrence=occurrence, first_name=f"W{n}", email=f"w{n}@x.org", key=f"w{n}", status="waitlisted"
        )
        for n in range(3)
    ]
    start = threading.Barrier(2)
    errors = []

    def leave(registration):
        try:
            start.wait()
            cancel(registration)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=leave, args=(r,)) for r in having]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == ["confirmed", "confirmed", "waitlisted"]
