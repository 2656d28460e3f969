"""Twenty coaches book the same room at the same moment, against a running server: exactly one gets it.

Each attempt is a real HTTP request from its own thread to the live server,
released together by a barrier. On PostgreSQL the exclusion constraint
decides; on SQLite the IMMEDIATE transaction makes the writers queue.
"""

import re
import threading
from datetime import time, timedelta

import pytest
import requests
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from locations.factories import CoachFactory, RoomFactory
from locations.models import RoomBooking

pytestmark = pytest.mark.django_db(transaction=True)

ATTEMPTS = 20


def next_tuesday():
    today = timezone.localdate()
    return today + timedelta(days=(1 - today.weekday()) % 7 or 7)


def session_for(user, live_server):
    """A logged-in HTTP session with its CSRF token, as a browser would have after opening the form."""
    client = Client()
    client.force_login(user)
    http = requests.Session()
    http.cookies.set(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)
    page = http.get(f"{live_server.url}{reverse('locations:my_bookings')}")  # a page with a POST form
    return http, re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def race(live_server, room, slots):
    coaches = [CoachFactory() for _ in slots]
    sessions = [session_for(coach.user, live_server) for coach in coaches]
    barrier = threading.Barrier(len(slots))
    outcomes, errors = [], []

    def attempt(http, csrf, start, end):
        try:
            barrier.wait()
            response = http.post(
                f"{live_server.url}{reverse('locations:book')}",
                data={
                    "csrfmiddlewaretoken": csrf,
                    "room": room.pk,
                    "date": next_tuesday().isoformat(),
                    "start_time": f"{start:%H:%M}",
                    "end_time": f"{end:%H:%M}",
                    "repeat": "0",
                    "how_to_join": "walk-in",
                },
                allow_redirects=False,
                timeout=60,
            )
            outcomes.append(response.status_code)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [
        threading.Thread(target=attempt, args=(http, token, start, end))
        for (http, token), (start, end) in zip(sessions, slots, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return outcomes


@pytest.fixture
def room(make_location):
    return RoomFactory(page=make_location(title="Buurthuis Overvecht"), name="Spreekkamer", is_private=True)


def test_twenty_attempts_at_the_same_slot_give_one_booking(live_server, room):
    outcomes = race(live_server, room, [(time(13), time(14))] * ATTEMPTS)
    assert sorted(outcomes) == [200] * (ATTEMPTS - 1) + [302]  # one redirect to "my bookings"; the rest told
    assert RoomBooking.objects.filter(room=room).count() == 1


def test_twenty_partly_overlapping_attempts_give_one_booking(live_server, room):
    # 13:00-14:00, 13:02-14:02, ... 13:38-14:38: every pair overlaps.
    slots = [(time(13, 2 * n), time(14, 2 * n)) for n in range(ATTEMPTS)]
    outcomes = race(live_server, room, slots)
    assert outcomes.count(302) == 1 and outcomes.count(200) == ATTEMPTS - 1
    (booking,) = RoomBooking.objects.filter(room=room)
    assert booking.end - booking.start == timedelta(hours=1)
