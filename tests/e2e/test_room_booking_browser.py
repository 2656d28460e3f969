"""A coach on a phone finds a free private room and books a weekly spreekuur; axe finds nothing to fix."""

from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import ActivityPage
from locations.booking import book
from locations.factories import CoachFactory, RoomFactory
from locations.models import RoomBooking

from .test_accessibility import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def next_tuesday(weeks=0):
    today = timezone.localdate()
    return today + timedelta(days=(1 - today.weekday()) % 7 or 7, weeks=weeks)


@pytest.fixture
def rooms(make_location):
    location = make_location(title="Buurthuis Overvecht", wijk="overvecht")
    return (
        RoomFactory(page=location, name="Spreekkamer", capacity=3, is_private=True),
        RoomFactory(page=location, name="Kantoortje", capacity=3, is_private=True),
    )


def test_coach_books_a_weekly_spreekuur_on_a_phone_without_javascript(browser, live_server, rooms):
    room, other_room = rooms
    coach = CoachFactory()
    book(CoachFactory(), room, first_date=next_tuesday(2), start_time=time(13), end_time=time(14))
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}, locale="nl-NL"
    )
    client_cookie = _session_cookie(coach.user)
    context.add_cookies([{"name": "sessionid", "value": client_cookie, "url": live_server.url}])
    page = context.new_page()
    page.goto(f"{live_server.url}{reverse('locations:room_search')}")
    page.fill("#id_date", next_tuesday().isoformat())
    page.fill("#id_after", "13:00")
    page.fill("#id_before", "17:00")
    page.check("#id_private")
    page.locator("form.room-search button[type=submit]").click()
    page.locator(".room-results .card").first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator(".room-results .card", has_text="Spreekkamer").locator("a.utrecht-button-link").click()
    page.check("input[name=repeat][value='1']")
    page.fill("#id_until", next_tuesday(4).isoformat())
    page.check("#id_is_public")
    page.fill("#id_public_title", "Inloopspreekuur")
    page.locator("form button[type=submit]").click()
    # Week 3 is taken: choose the other room for that date.
    page.locator(".conflict").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.check(f"input[name='date-{next_tuesday(2):%Y%m%d}'][value='{other_room.pk}']")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/mijn-boekingen/")
    assert RoomBooking.objects.filter(series__coach=coach).count() == 5
    assert ActivityPage.objects.get(booking_series__coach=coach).live
    assert page.locator(".booking-date").count() == 5
    context.close()


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_booking_pages_have_no_axe_violations(page, login_browser, live_server, rooms, prefix):
    room, _other = rooms
    coach = CoachFactory()
    book(
        coach,
        room,
        first_date=next_tuesday(),
        start_time=time(10),
        end_time=time(11),
        repeat=1,
        until=next_tuesday(2),
        details={"purpose": "Intakes"},
    )
    login_browser(coach.user)
    day = next_tuesday()
    for path in [
        reverse("locations:room_search"),
        f"{reverse('locations:room_search')}?date={day}&after=09:00&before=17:00&duration=60&people=1",
        f"{reverse('locations:book')}?room={room.pk}&date={day}&start=13:00&end=14:00",
        reverse("locations:my_bookings"),
        reverse("locations:room_week", args=[room.pk]) + f"?week={day}",
        reverse("locations:location_week", args=[room.page_id]) + f"?week={day}",
    ]:
        page.goto(f"{live_server.url}{prefix}{path}")
        page.wait_for_load_state("load")
        assert axe_violations(page) == [], f"{prefix}{path}"


def _session_cookie(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value
