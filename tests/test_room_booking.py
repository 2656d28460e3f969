"""Coaches book rooms: find a free one, book a weekly spreekuur, resolve a conflict, cancel, publish."""

from datetime import datetime, time, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from activities.models import ActivityPage
from locations.booking import BookingProblem, SlotTaken, book, search, series_dates
from locations.factories import CoachFactory, RoomFactory
from locations.models import BookingSeries, OpeningException, RoomBooking
from locations.opening_hours import AMSTERDAM

from .conftest import create_user

pytestmark = pytest.mark.django_db


def next_tuesday(weeks=0):
    today = timezone.localdate()
    day = today + timedelta(days=(1 - today.weekday()) % 7 or 7)
    return day + timedelta(weeks=weeks)


def at(day, clock):
    return datetime.combine(day, clock, tzinfo=AMSTERDAM)


@pytest.fixture
def rooms(make_location):
    """Three welkomhuizen open on weekdays 9-17, with private rooms and a hall."""
    overvecht = make_location(title="Buurthuis Overvecht", wijk="overvecht")
    noordwest = make_location(title="Wijkcentrum Noordwest", wijk="noordwest")
    zuid = make_location(title="Bibliotheek Zuid", wijk="zuid")
    return {
        "private": RoomFactory(page=overvecht, name="Spreekkamer", capacity=3, is_private=True),
        "hall": RoomFactory(page=overvecht, name="Zaal", capacity=20),
        "private2": RoomFactory(page=overvecht, name="Kantoortje", capacity=3, is_private=True),
        "noordwest": RoomFactory(page=noordwest, name="Spreekkamer NW", capacity=4, is_private=True),
        "zuid": RoomFactory(page=zuid, name="Spreekkamer Zuid", capacity=3, is_private=True),
    }


@pytest.fixture
def coach():
    return CoachFactory()


@pytest.fixture
def coach_client(client, coach):
    client.force_login(coach.user)
    return client


def book_now(coach, room, day, start=time(13), end=time(14), **kwargs):
    """Book through the service. Emails and the public spreekuur follow on commit: tests that look at
    them wrap this in django_capture_on_commit_callbacks(execute=True)."""
    return book(coach, room, first_date=day, start_time=start, end_time=end, **kwargs)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def booking_form(room, day, **overrides):
    data = {
        "room": room.pk,
        "date": day.isoformat(),
        "start_time": "13:00",
        "end_time": "14:00",
        "repeat": "0",
        "until": "",
        "purpose": "Voortgangsgesprekken",
        "public_title": "",
        "public_summary": "",
        "how_to_join": "walk-in",
    }
    data.update(overrides)
    return data


# --- Finding a free room ----------------------------------------------------------------------


def test_a_private_room_for_an_hour_on_tuesday_afternoon_in_overvecht_or_noordwest(
    coach_client, rooms, django_capture_on_commit_callbacks
):
    day = next_tuesday()
    other = CoachFactory()
    with django_capture_on_commit_callbacks(execute=True):
        book_now(other, rooms["private"], day, time(12), time(17))  # taken all afternoon
    response = coach_client.get(
        reverse("locations:room_search"),
        {
            "date": day.isoformat(),
            "after": "12:00",
            "before": "17:00",
            "duration": "60",
            "people": "3",
            "wijk": ["overvecht", "noordwest"],
            "private": "on",
        },
    )
    assert response.status_code == 200
    cards = soup(response).select(".room-results .card")
    names = [card.select_one(".card__title").get_text(" ", strip=True) for card in cards]
    # Not the booked Spreekkamer, not the hall (not private), not Zuid (other wijk).
    assert names == ["Kantoortje · Buurthuis Overvecht", "Spreekkamer NW · Wijkcentrum Noordwest"]
    assert "12:00–17:00" in cards[0].get_text()
    link = cards[0].select_one("a.utrecht-button-link")["href"]
    assert f"room={rooms['private2'].pk}" in link and "start=12%3A00" in link and "end=13%3A00" in link


def test_search_respects_opening_hours_exceptions_capacity_and_bookable(coach_client, rooms):
    day = next_tuesday()
    OpeningException.objects.create(page=rooms["noordwest"].page, date=day, closed=True, reason="Studiedag")
    rooms["zuid"].is_bookable = False
    rooms["zuid"].save()
    results = search(day, time(8), time(20), 60, people=4)
    assert [r.room.name for r in results] == ["Zaal"]  # the only other room for 4+: Noordwest is closed
    (free,) = results[0].periods
    assert (free.start.astimezone(AMSTERDAM).time(), free.end.astimezone(AMSTERDAM).time()) == (
        time(9),
        time(17),
    )


def test_search_issues_the_same_number_of_queries_whatever_the_number_of_bookings(rooms):
    day = next_tuesday()
    coach = CoachFactory()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            search(day, time(9), time(17), 30)
        return len(captured)

    book_now(coach, rooms["hall"], day, time(9), time(10))
    few = queries()
    for week in range(1, 8):
        for hour in range(10, 16):
            book_now(coach, rooms["hall"], next_tuesday(week), time(hour), time(hour + 1))
        book_now(coach, rooms["private"], day, time(9 + week), time(9 + week, 30))
    assert queries() == few == 4


# --- Booking a weekly spreekuur ---------------------------------------------------------------------


def test_weekly_public_spreekuur_for_three_months_with_one_conflict_resolved(
    coach_client, coach, rooms, client, django_capture_on_commit_callbacks
):
    first, until = next_tuesday(), next_tuesday(12)
    conflict_day = next_tuesday(4)
    with django_capture_on_commit_callbacks(execute=True):
        book_now(CoachFactory(), rooms["private"], conflict_day, time(12, 30), time(13, 30))
    mail.outbox.clear()
    data = booking_form(
        rooms["private"],
        first,
        repeat="1",
        until=until.isoformat(),
        is_public="on",
        public_title="Inloopspreekuur inburgering",
        public_summary="Vragen over je inburgering? Loop binnen.",
    )
    url = reverse("locations:book")
    response = coach_client.post(url, data)
    assert response.status_code == 200  # the conflict is shown first, nothing booked yet
    assert not RoomBooking.objects.filter(series__coach=coach).exists()
    (conflict,) = soup(response).select(".conflict")
    assert "al geboekt" in conflict.get_text()
    choices = [i["value"] for i in conflict.select("input[type=radio]")]
    assert choices[0] == str(rooms["private2"].pk)  # another private room at the same welkomhuis first
    assert "skip" in choices and str(rooms["hall"].pk) not in choices  # the hall is not private

    with django_capture_on_commit_callbacks(execute=True):
        response = coach_client.post(url, {**data, f"date-{conflict_day:%Y%m%d}": str(rooms["private2"].pk)})
    assert response.status_code == 302
    bookings = list(RoomBooking.objects.filter(series__coach=coach).order_by("start"))
    assert len(bookings) == 13
    assert {b.room_id for b in bookings if b.start.date() == conflict_day} == {rooms["private2"].pk}
    assert all(b.status == "confirmed" for b in bookings)

    # The confirmation carries the dates as an .ics.
    (email,) = [m for m in mail.outbox if m.to == [coach.user.email]]
    (name, content, mimetype) = email.attachments[0]
    assert mimetype.startswith("text/calendar")
    events = Calendar.from_ical(content).walk("VEVENT")
    assert len(events) == 13

    # Published: a spreekuur on /activiteiten/, under the organisation's name, not the coach's.
    page = ActivityPage.objects.get(booking_series__coach=coach)
    assert page.live and page.activity_type.slug == "spreekuur" and page.organiser == coach.organisation
    assert page.get_parent().pk == rooms["private"].page_id
    dates = list(page.occurrences.filter(status="scheduled").values_list("key", flat=True))
    assert len(dates) == 13 and conflict_day in dates  # that week in the Kantoortje, same welkomhuis
    listing = client.get("/activiteiten/", {"when": "month", "type": "spreekuur"}).content.decode()
    assert "Inloopspreekuur inburgering" in listing
    activity_page = client.get(page.url).content.decode()
    assert "Werk &amp; Inkomen" in activity_page and coach.user.first_name not in activity_page
    geojson = client.get("/api/v1/activities.geojson", {"when": "month", "type": "spreekuur"}).json()
    assert any(f["properties"]["name"] == "Inloopspreekuur inburgering" for f in geojson["features"])


def test_a_date_in_another_room_of_the_same_welkomhuis_stays_in_the_public_spreekuur(
    coach, rooms, django_capture_on_commit_callbacks
):
    first = next_tuesday()
    with django_capture_on_commit_callbacks(execute=True):
        book_now(CoachFactory(), rooms["private"], next_tuesday(1))
        book_now(
            coach,
            rooms["private"],
            first,
            repeat=1,
            until=next_tuesday(2),
            choices={next_tuesday(1): rooms["private2"]},
            details={"is_public": True},
        )
    page = ActivityPage.objects.get(booking_series__coach=coach)
    assert page.title == "Spreekuur Werk & Inkomen (inburgeringscoaches)"
    keys = set(page.occurrences.filter(status="scheduled").values_list("key", flat=True))
    assert keys == {first, next_tuesday(1), next_tuesday(2)}


def test_skipped_date_can_be_added_back_once_it_is_free(
    coach_client, coach, rooms, django_capture_on_commit_callbacks
):
    other = CoachFactory()
    with django_capture_on_commit_callbacks(execute=True):
        (taken,) = book_now(other, rooms["private"], next_tuesday(1))[1]
        series, _bookings = book_now(
            coach,
            rooms["private"],
            next_tuesday(),
            repeat=1,
            until=next_tuesday(2),
            choices={next_tuesday(1): None},
        )
    assert series.bookings.count() == 2
    page = soup(coach_client.get(reverse("locations:my_bookings")))
    assert next_tuesday(1).strftime("%Y-%m-%d") in [i["value"] for i in page.select("input[name=date]")]
    # Still taken: a clear message, nothing booked.
    response = coach_client.post(
        reverse("locations:add_back", args=[series.pk]), {"date": next_tuesday(1).isoformat()}, follow=True
    )
    assert "al geboekt" in response.content.decode()
    assert series.bookings.count() == 2
    # The other coach cancels: now it can be added back.
    RoomBooking.objects.filter(pk=taken.pk).update(status="cancelled")
    coach_client.post(reverse("locations:add_back", args=[series.pk]), {"date": next_tuesday(1).isoformat()})
    assert series.bookings.filter(status="confirmed").count() == 3


def test_cancel_one_date_or_the_whole_series_and_the_spreekuur_follows(
    coach_client, coach, rooms, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        series, bookings = book_now(
            coach,
            rooms["private"],
            next_tuesday(),
            repeat=1,
            until=next_tuesday(3),
            details={"is_public": True},
        )
    page = ActivityPage.objects.get(booking_series=series)
    with django_capture_on_commit_callbacks(execute=True):
        coach_client.post(reverse("locations:cancel_booking", args=[bookings[1].pk]))
    assert RoomBooking.objects.get(pk=bookings[1].pk).status == "cancelled"
    occurrence = page.occurrences.get(key=next_tuesday(1))
    assert occurrence.status == "cancelled"  # residents see that this week is off
    with django_capture_on_commit_callbacks(execute=True):
        coach_client.post(reverse("locations:cancel_series", args=[series.pk]))
    assert not series.bookings.filter(status__in=RoomBooking.ACTIVE).exists()
    page.refresh_from_db()
    assert not page.live
    assert "Spreekuur Werk" not in client.get("/activiteiten/", {"when": "month"}).content.decode()
    assert rooms["private"] in [r.room for r in search(next_tuesday(2), time(13), time(14), 60)]  # free again


def test_buffer_time_between_bookings(coach, rooms):
    room = rooms["private"]
    room.buffer_minutes = 15
    room.save()
    book_now(coach, room, next_tuesday(), time(10), time(11))
    with pytest.raises(SlotTaken):
        book_now(coach, room, next_tuesday(), time(11), time(12))
    book_now(coach, room, next_tuesday(), time(11, 15), time(12))


# --- Bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_time": "12:00"}, "eindtijd moet later"),
        ({"start_time": "18:00", "end_time": "19:00"}, "buiten de openingstijden"),
        ({"date": "past"}, "al voorbij"),
        ({"date": "saturday"}, "gesloten"),
        ({"repeat": "1", "until": ""}, "laatste datum"),
        ({"date": "2026-02-31"}, "geldige datum"),
        ({"repeat": "1", "until": "far"}, "een jaar vooruit"),
    ],
)
def test_bad_input_gets_a_clear_message_and_books_nothing(coach_client, rooms, overrides, message):
    day = next_tuesday()
    special = {
        "past": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "saturday": (day + timedelta(days=4)).isoformat(),
        "far": (day + timedelta(days=400)).isoformat(),
    }
    overrides = {k: special.get(v, v) for k, v in overrides.items()}
    response = coach_client.post(reverse("locations:book"), booking_form(rooms["private"], day, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not RoomBooking.objects.exists() and not BookingSeries.objects.exists()


def test_a_room_that_is_not_bookable_cannot_be_booked(coach_client, rooms):
    rooms["zuid"].is_bookable = False
    rooms["zuid"].save()
    response = coach_client.post(
        reverse("locations:book"), booking_form(rooms["zuid"], next_tuesday()), follow=True
    )
    assert "kan niet geboekt worden" in response.content.decode()
    assert not RoomBooking.objects.exists()
    assert coach_client.post(reverse("locations:book"), {"room": "nonsense"}).status_code == 302


def test_a_stale_form_after_the_slot_was_taken_changes_nothing(coach_client, coach, rooms):
    day = next_tuesday()
    coach_client.get(reverse("locations:book"), {"room": rooms["private"].pk, "date": day, "start": "13:00"})
    book_now(CoachFactory(), rooms["private"], day, time(13), time(14))  # someone else, meanwhile
    response = coach_client.post(reverse("locations:book"), booking_form(rooms["private"], day))
    assert response.status_code == 200 and "al geboekt" in response.content.decode()
    assert not RoomBooking.objects.filter(series__coach=coach).exists()


def test_a_series_is_booked_whole_or_not_at_all(coach, rooms):
    other = CoachFactory()
    book_now(other, rooms["private"], next_tuesday(2))
    with pytest.raises(SlotTaken) as error:
        book_now(coach, rooms["private"], next_tuesday(), repeat=1, until=next_tuesday(3))
    assert "al geboekt" in str(error.value)
    assert not BookingSeries.objects.filter(coach=coach).exists()
    assert RoomBooking.objects.count() == 1


def test_someone_elses_booking_cannot_be_cancelled(coach_client, rooms):
    _series, (booking,) = book_now(CoachFactory(), rooms["private"], next_tuesday())
    assert coach_client.post(reverse("locations:cancel_booking", args=[booking.pk])).status_code == 404
    assert coach_client.post(reverse("locations:cancel_series", args=[booking.series_id])).status_code == 404
    assert RoomBooking.objects.get(pk=booking.pk).status == "confirmed"


def test_only_coaches_book_rooms(client, rooms):
    url = reverse("locations:room_search")
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(create_user("resident@example.org"))
    assert client.get(url).status_code == 403
    assert (
        client.post(reverse("locations:book"), booking_form(rooms["private"], next_tuesday())).status_code
        == 403
    )
    assert not RoomBooking.objects.exists()


def test_a_paused_coach_cannot_book(coach_client, coach, rooms):
    coach.is_active = False
    coach.save()
    assert coach_client.get(reverse("locations:room_search")).status_code == 403


def test_bad_booking_service_input_is_refused():
    with pytest.raises(BookingProblem):
        series_dates(next_tuesday(), 1, next_tuesday() - timedelta(days=7))


# --- Who sees what -------------------------------------------------------------------------------------


def test_other_coaches_see_busy_and_free_never_who_booked(coach_client, rooms, staff_member, client):
    other = CoachFactory()
    other.user.first_name, other.user.last_name = "Sander", "Bakker"
    other.user.save()
    book_now(other, rooms["private"], next_tuesday(), details={"purpose": "Intake familie Haddad"})
    url = reverse("locations:location_week", args=[rooms["private"].page_id]) + f"?week={next_tuesday()}"
    page = coach_client.get(url).content.decode()
    assert "13:00–14:00" in page and "geboekt" in page
    assert "Sander" not in page and "Haddad" not in page and "Werk &amp; Inkomen" not in page
    client.force_login(staff_member(rooms["private"].page))
    staff_page = client.get(url).content.decode()
    assert "Sander Bakker" in staff_page and "Haddad" in staff_page


def test_staff_of_another_welkomhuis_cannot_see_or_touch_its_bookings(client, rooms, staff_member):
    _series, (booking,) = book_now(CoachFactory(), rooms["private"], next_tuesday())
    client.force_login(staff_member(rooms["zuid"].page))
    # The Wagtail admin answers "permission denied" with a redirect to its dashboard.
    response = client.get(reverse("locations_room_bookings", args=[rooms["private"].page_id]))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    for name in ("locations_booking_cancel", "locations_booking_approve", "locations_booking_decline"):
        assert client.post(reverse(name, args=[booking.pk])).url == reverse("wagtailadmin_home")
    assert client.get(reverse("locations:location_week", args=[rooms["private"].page_id])).status_code == 403
    assert RoomBooking.objects.get(pk=booking.pk).status == "confirmed"
    # Their own welkomhuis works.
    assert client.get(reverse("locations_room_bookings", args=[rooms["zuid"].page_id])).status_code == 200


def test_rooms_that_need_approval(client, coach, rooms, staff_member, django_capture_on_commit_callbacks):
    room = rooms["private"]
    room.needs_approval = True
    room.save()
    staff = staff_member(room.page)
    with django_capture_on_commit_callbacks(execute=True):
        _series, (first, second) = book_now(coach, room, next_tuesday(), repeat=1, until=next_tuesday(1))
    assert first.status == "pending"
    assert {tuple(m.to) for m in mail.outbox} == {(coach.user.email,), (staff.email,)}
    assert "goedkeuring" in next(m for m in mail.outbox if m.to == [staff.email]).subject.lower()
    mail.outbox.clear()
    client.force_login(staff)
    overview = soup(client.get(reverse("locations_room_bookings", args=[room.page_id])))
    assert len(overview.select("#pending-heading + table tbody tr")) == 2
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("locations_booking_approve", args=[first.pk]))
        client.post(
            reverse("locations_booking_decline", args=[second.pk]), {"message": "Die week is er een markt."}
        )
    assert RoomBooking.objects.get(pk=first.pk).status == "confirmed"
    assert RoomBooking.objects.get(pk=second.pk).status == "cancelled"
    bodies = [m.body for m in mail.outbox if m.to == [coach.user.email]]
    assert len(bodies) == 2 and any("Die week is er een markt." in body for body in bodies)


def test_staff_block_a_room_and_cancel_a_booking_with_a_message(
    client, coach, rooms, staff_member, django_capture_on_commit_callbacks
):
    room = rooms["private"]
    client.force_login(staff_member(room.page))
    _series, (booking,) = book_now(coach, room, next_tuesday(), time(10), time(11))
    url = reverse("locations_room_block", args=[room.page_id])
    block = {
        "room": room.pk,
        "date": next_tuesday().isoformat(),
        "start_time": "10:30",
        "end_time": "12:00",
        "reason": "Schoonmaak",
    }
    response = client.post(url, block, follow=True)
    assert "eerst annuleren" in response.content.decode()  # over a booking: refused
    assert not RoomBooking.objects.filter(is_block=True).exists()
    client.post(url, {**block, "start_time": "11:00"})
    assert RoomBooking.objects.filter(is_block=True).count() == 1
    assert room not in [r.room for r in search(next_tuesday(), time(11), time(12), 60)]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("locations_booking_cancel", args=[booking.pk]), {"message": "Lekkage in de kamer."}
        )
    assert RoomBooking.objects.get(pk=booking.pk).status == "cancelled"
    (email,) = [m for m in mail.outbox if m.to == [coach.user.email] and "geannuleerd" in m.subject]
    assert "Lekkage in de kamer." in email.body


def test_staff_see_occupancy_per_room_per_week(client, coach, rooms, staff_member):
    room = rooms["private"]
    book_now(coach, room, next_tuesday(), time(9), time(13))
    client.force_login(staff_member(room.page))
    page = soup(
        client.get(reverse("locations_room_bookings", args=[room.page_id]) + f"?week={next_tuesday()}")
    )
    row = next(
        r
        for r in page.select("table.listing tbody tr")
        if r.th and r.th.get_text(strip=True) == "Spreekkamer"
    )
    assert [td.get_text(strip=True) for td in row.select("td")] == ["4,0", "40,0", "10%"]


# --- Calendars ------------------------------------------------------------------------------------


def test_coach_feed_is_private_and_revocable(coach_client, coach, rooms, client):
    book_now(
        coach,
        rooms["private"],
        next_tuesday(),
        repeat=1,
        until=next_tuesday(2),
        details={"purpose": "Intakes"},
    )
    book_now(CoachFactory(), rooms["hall"], next_tuesday())
    url = reverse("locations:coach_feed", args=[coach.feed_token])
    response = client.get(url)  # no login: calendar apps cannot log in
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 3 and all("Intakes" in str(e["summary"]) for e in events)
    assert "private" in response["Cache-Control"]
    coach_client.post(reverse("locations:renew_feed"))
    assert client.get(url).status_code == 404
    coach.refresh_from_db()
    assert client.get(reverse("locations:coach_feed", args=[coach.feed_token])).status_code == 200


def test_staff_have_a_feed_per_room_with_who_booked(client, coach, rooms, staff_member):
    book_now(coach, rooms["private"], next_tuesday())
    client.force_login(staff_member(rooms["private"].page))
    page = soup(client.get(reverse("locations_room_bookings", args=[rooms["private"].page_id])))
    links = [code.get_text() for code in page.select("#feeds-heading ~ ul code")]
    assert len(links) == 3  # Spreekkamer, Zaal, Kantoortje
    client.logout()
    feed = client.get(links[0].replace("http://testserver", ""))
    (event,) = Calendar.from_ical(feed.content).walk("VEVENT")
    assert coach.organisation.name in str(event["summary"])
    assert client.get(reverse("locations:room_feed", args=["wrong", rooms["private"].pk])).status_code == 404


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the exclusion constraint is PostgreSQL's")
def test_postgresql_itself_refuses_overlapping_bookings(rooms):
    from django.db import IntegrityError, transaction

    day, room = next_tuesday(), rooms["private"]
    RoomBooking.objects.create(
        room=room, start=at(day, time(13)), end=at(day, time(14)), occupied_until=at(day, time(14))
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        RoomBooking.objects.create(
            room=room, start=at(day, time(13, 30)), end=at(day, time(15)), occupied_until=at(day, time(15))
        )
    # A cancelled booking does not count; another room is another matter.
    RoomBooking.objects.create(
        room=room,
        start=at(day, time(13)),
        end=at(day, time(14)),
        occupied_until=at(day, time(14)),
        status="cancelled",
    )
    RoomBooking.objects.create(
        room=rooms["hall"], start=at(day, time(13)), end=at(day, time(14)), occupied_until=at(day, time(14))
    )


# --- Edge cases found in review ---------------------------------------------------------------------------


def test_a_cancelled_series_leaves_the_site_even_with_dates_in_the_past(
    coach_client, coach, rooms, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        series, bookings = book_now(
            coach,
            rooms["private"],
            next_tuesday(),
            repeat=1,
            until=next_tuesday(2),
            details={"is_public": True},
        )
    # The first date has taken place meanwhile.
    past = timezone.now() - timedelta(days=7)
    RoomBooking.objects.filter(pk=bookings[0].pk).update(
        start=past, end=past + timedelta(hours=1), occupied_until=past + timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        coach_client.post(reverse("locations:cancel_series", args=[series.pk]))
    assert RoomBooking.objects.get(pk=bookings[0].pk).status == "confirmed"  # the past stays as it was
    assert not ActivityPage.objects.get(booking_series=series).live


def test_approval_requests_go_to_the_staff_of_each_welkomhuis(
    coach, rooms, staff_member, django_capture_on_commit_callbacks
):
    for room in (rooms["private"], rooms["noordwest"]):
        room.needs_approval = True
        room.save()
    overvecht, noordwest = staff_member(rooms["private"].page), staff_member(rooms["noordwest"].page)
    book_now(CoachFactory(), rooms["private"], next_tuesday(1))
    with django_capture_on_commit_callbacks(execute=True):
        book_now(
            coach,
            rooms["private"],
            next_tuesday(),
            repeat=1,
            until=next_tuesday(1),
            choices={next_tuesday(1): rooms["noordwest"]},
        )
    to_overvecht = [m for m in mail.outbox if m.to == [overvecht.email]]
    to_noordwest = [m for m in mail.outbox if m.to == [noordwest.email]]
    assert len(to_overvecht) == len(to_noordwest) == 1
    assert "Spreekkamer NW" not in to_overvecht[0].body and "Spreekkamer NW" in to_noordwest[0].subject


def test_a_date_the_welkomhuis_cancelled_is_not_offered_again(
    coach_client, coach, rooms, staff_member, django_capture_on_commit_callbacks
):
    series, bookings = book_now(coach, rooms["private"], next_tuesday(), repeat=1, until=next_tuesday(1))
    staff_client = Client()
    staff_client.force_login(staff_member(rooms["private"].page))
    with django_capture_on_commit_callbacks(execute=True):
        cancel_url = reverse("locations_booking_cancel", args=[bookings[1].pk])
        for _twice in range(2):
            staff_client.post(cancel_url, {"message": "Verbouwing"})
    assert len([m for m in mail.outbox if m.to == [coach.user.email]]) == 1  # a double submit tells once
    page = soup(coach_client.get(reverse("locations:my_bookings")))
    assert not page.select("input[name=date]")
    response = coach_client.post(
        reverse("locations:add_back", args=[series.pk]), {"date": next_tuesday(1).isoformat()}, follow=True
    )
    assert "hoort niet bij de reeks" in response.content.decode()
    assert series.bookings.filter(status="confirmed").count() == 1


def test_an_answer_on_the_form_counts_even_if_its_date_became_free(coach_client, coach, rooms):
    _series, (taken,) = book_now(CoachFactory(), rooms["private"], next_tuesday(1))
    data = booking_form(rooms["private"], next_tuesday(), repeat="1", until=next_tuesday(2).isoformat())
    response = coach_client.post(reverse("locations:book"), data)
    assert soup(response).select(".conflict")
    RoomBooking.objects.filter(pk=taken.pk).update(status="cancelled")  # freed meanwhile
    coach_client.post(reverse("locations:book"), {**data, f"date-{next_tuesday(1):%Y%m%d}": "skip"})
    days = {b.start.astimezone(AMSTERDAM).date() for b in RoomBooking.objects.filter(series__coach=coach)}
    assert days == {next_tuesday(), next_tuesday(2)}  # the coach said skip


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2026-13-45", "morgen"])
def test_odd_dates_in_links_give_a_message_or_this_week_not_an_error(coach_client, rooms, day):
    search = coach_client.get(
        reverse("locations:room_search"), {"date": day, "after": "09:00", "before": "17:00", "duration": "60"}
    )
    assert search.status_code == 200 and soup(search).select(".utrecht-form-field-error-message")
    week = coach_client.get(reverse("locations:room_week", args=[rooms["private"].pk]), {"week": day})
    assert week.status_code == 200
    booking = coach_client.post(
        reverse("locations:book"), booking_form(rooms["private"], next_tuesday(), date=day)
    )
    assert booking.status_code == 200 and not RoomBooking.objects.exists()


def test_my_bookings_issues_the_same_number_of_queries_for_more_series(coach_client, coach, rooms):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert coach_client.get(reverse("locations:my_bookings")).status_code == 200
        return len(captured)

    book_now(coach, rooms["private"], next_tuesday(), repeat=1, until=next_tuesday(1))
    queries()  # the first request of a session warms caches (site, content types)
    one = queries()
    for hour in (9, 10, 11):
        book_now(
            coach, rooms["hall"], next_tuesday(), time(hour), time(hour + 1), repeat=1, until=next_tuesday(2)
        )
    assert queries() == one


def test_many_free_rooms_are_shown_twenty_per_page(coach_client, make_location):
    for n in range(25):
        RoomFactory(page=make_location(title=f"Buurthuis {n:02d}"), name="Zaal")
    query = {"date": next_tuesday().isoformat(), "after": "09:00", "before": "17:00", "duration": "60"}
    first = soup(coach_client.get(reverse("locations:room_search"), query))
    assert "25 ruimtes zijn vrij" in first.get_text() and len(first.select(".room-results .card")) == 20
    second = soup(coach_client.get(reverse("locations:room_search"), {**query, "page": "2"}))
    assert len(second.select(".room-results .card")) == 5
