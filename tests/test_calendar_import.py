"""Importing a welkomhuis's partner calendar (.ics) as its activities (activities/importer.py).

The feeds in tests/fixtures/calendars/ are written the way Google Calendar, Outlook/Exchange,
Apple Calendar and Thunderbird export them. Their series started in 2025 and some run without
end, so every run of this suite has coming dates to check, computed here from the rule. The
changes to single dates in those files (moved, cancelled, left out, extra) lie in 2025: the tests
that look at them materialise 2025 with the same code the import runs (``materialise(today=...)``).
One feed is built in the test with changes in the coming weeks, so the import's own occurrences
show them too.

Nothing of ours is faked. The partner's web server is a real HTTP server on localhost.
"""

import re
import socket
import threading
from datetime import date, datetime, time, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from activities.importer import CalendarImportError, ImportResult, import_calendar, import_location
from activities.models import ActivityPage, CalendarImport, Occurrence, ScheduleChange
from activities.occurrences import materialise
from activities.schedule import HORIZON_DAYS
from activities.tasks import import_partner_calendar, import_partner_calendars
from locations.models import LocationPage

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "calendars"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UTC = ZoneInfo("UTC")
CLIENT_FEEDS = ["google.ics", "outlook.ics", "apple.ics", "thunderbird.ics"]
TAALCAFE_UID = "3q8v1n5k2j7h4g6f0d9s8a7p6o@google.com"

# (file, the line the error is on, words the message must contain)
MALFORMED = [
    ("broken_value.ics", 15, ["leeuw-2025-0002@buurthuisdeleeuw.nl", "DTSTART", "2025-03-11 14:00"]),
    ("broken_line.ics", 11, ["ontmoet je buren."]),
    ("unknown_tz.ics", 7, ["leeuw-2025-0004@buurthuisdeleeuw.nl", "Mars/Olympus"]),
    ("not_a_calendar.html", 1, ["<!DOCTYPE html>"]),
]


# --- helpers --------------------------------------------------------------------------------------


def feed(name):
    return (FIXTURES / name).read_bytes()


def activities(location):
    return {page.title: page for page in ActivityPage.objects.child_of(location)}


def changes(page):
    return {
        (change.date, change.kind, change.new_date, change.new_start_time, change.new_end_time, change.reason)
        for change in ScheduleChange.objects.filter(page=page)
    }


def local(moment):
    return moment.astimezone(AMSTERDAM)


def today():
    return timezone.localdate(timezone=AMSTERDAM)


def horizon():
    """Every date the import materialises: today up to and including the horizon."""
    first = today()
    return [first + timedelta(days=n) for n in range(HORIZON_DAYS + 1)]


def upcoming(page):
    """The occurrences the import wrote: today and later."""
    return list(Occurrence.objects.filter(activity=page, key__gte=today()).order_by("key"))


def occurrences_in_2025(page):
    """The page's 2025 occurrences by series date, materialised as on 1 January 2025."""
    materialise([page], today=date(2025, 1, 1))
    return {row.key: row for row in Occurrence.objects.filter(activity=page, key__year=2025)}


def weekdays_in_horizon(weekday):
    return [day for day in horizon() if day.weekday() == weekday]


def nth_weekday_in_horizon(n, weekday):
    return [day for day in weekdays_in_horizon(weekday) if (day.day - 1) // 7 + 1 == n]


def without_event(data, uid):
    """The feed without the VEVENTs (master and overrides) of one UID."""
    blocks = re.split(rb"(?=BEGIN:VEVENT\r\n)|(?<=END:VEVENT\r\n)", data)
    kept = [b for b in blocks if not (b.startswith(b"BEGIN:VEVENT") and f"\r\nUID:{uid}\r\n".encode() in b)]
    assert len(kept) < len(blocks), uid
    return b"".join(kept)


def snapshot(location):
    """Everything an import could change for a welkomhuis."""
    pages = ActivityPage.objects.child_of(location)
    return (
        sorted(
            pages.values_list(
                "pk",
                "source_uid",
                "title",
                "slug",
                "live",
                "start_date",
                "start_time",
                "end_time",
                "end_date",
                "recurrence",
                "source_hash",
            )
        ),
        sorted(
            ScheduleChange.objects.filter(page__in=pages).values_list(
                "pk", "page_id", "date", "kind", "new_date", "new_start_time"
            )
        ),
        sorted(
            Occurrence.objects.filter(location=location).values_list(
                "pk", "activity_id", "key", "start", "end", "status", "moved_from"
            )
        ),
    )


def writes(queries):
    return [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def written_tables(queries):
    return {
        re.search(r'^\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)"?', sql, re.I).group(1)
        for sql in writes(queries)
    }


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def location(make_location):
    return make_location(
        title="Bibliotheek Neude",
        slug="bibliotheek-neude",
        calendar_url="https://calendar.google.com/calendar/ical/neude%40example.org/public/basic.ics",
    )


@pytest.fixture
def partner_server(settings):
    """The partner's web server: a real HTTP server on localhost, serving what a test puts in `files`."""
    settings.CALENDAR_IMPORT_ALLOW_PRIVATE_ADDRESSES = True  # the test server is on localhost
    files, redirects = {}, {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path in redirects:
                self.send_response(302)
                self.send_header("Location", redirects[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.path in files:
                status, body, content_type = 200, files[self.path], "text/calendar; charset=utf-8"
            else:
                status, body, content_type = 404, b"<!DOCTYPE html><h1>Not Found</h1>", "text/html"
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield SimpleNamespace(url=f"http://127.0.0.1:{server.server_port}", files=files, redirects=redirects)
    server.shutdown()
    server.server_close()


@pytest.fixture
def unreachable_url(settings):
    """A URL on a port nothing listens on: the connection is refused."""
    settings.CALENDAR_IMPORT_ALLOW_PRIVATE_ADDRESSES = True
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/agenda.ics"


def set_calendar_url(location, url):
    LocationPage.objects.filter(pk=location.pk).update(calendar_url=url)
    location.calendar_url = url


# --- Google Calendar ------------------------------------------------------------------------------


def test_google_export_gives_one_activity_per_event_and_leaves_out_cancelled_events(location):
    result = import_calendar(location, feed("google.ics"))
    assert (result.created, result.updated, result.unchanged, result.withdrawn) == (6, 0, 0, 0)
    pages = activities(location)
    assert set(pages) == {
        "Taalcafé Nederlands",
        "Sollicitatietraining",
        "Informatiebijeenkomst inburgering",
        "Voorlichting DigiD en toeslagen",
        "Week van de alfabetisering",
        "Open dag Welkomhuis",
    }
    # The cancelled "Kookworkshop" is not there, and the overrides did not become activities.
    assert all(page.live for page in pages.values())
    assert pages["Taalcafé Nederlands"].source_uid == TAALCAFE_UID
    # Google has no CATEGORIES: the type is "other".
    assert {page.activity_type.slug for page in pages.values()} == {"anders"}


def test_google_weekly_series_keeps_its_rule_local_time_and_left_out_dates(location):
    import_calendar(location, feed("google.ics"))
    taalcafe = activities(location)["Taalcafé Nederlands"]
    assert (taalcafe.start_date, taalcafe.start_time, taalcafe.end_time) == (
        date(2025, 1, 7),
        time(14),
        time(16),
    )
    assert taalcafe.recurrence == "FREQ=WEEKLY;BYDAY=TU"
    assert changes(taalcafe) == {
        (date(2025, 4, 15), "moved", date(2025, 4, 17), time(10), time(12), ""),
        (date(2025, 5, 27), "cancelled", None, None, None, "Taalcafé vervalt: studiedag vrijwilligers"),
        (date(2025, 8, 12), "excluded", None, None, None, ""),
        (date(2025, 8, 19), "excluded", None, None, None, ""),
        (date(2025, 12, 30), "excluded", None, None, None, ""),
    }


def test_google_series_has_an_occurrence_every_coming_tuesday_at_14_local_time_across_dst(location):
    import_calendar(location, feed("google.ics"))
    rows = upcoming(activities(location)["Taalcafé Nederlands"])
    assert [row.key for row in rows] == weekdays_in_horizon(1)
    assert {(local(row.start).time(), local(row.end).time()) for row in rows} == {(time(14), time(16))}
    # A year always has summer and winter time: 12:00 UTC in summer, 13:00 UTC in winter.
    assert {row.start.astimezone(UTC).hour for row in rows} == {12, 13}
    assert {row.status for row in rows} == {Occurrence.Status.SCHEDULED}


def test_google_moved_and_cancelled_dates_and_exdates_become_the_right_occurrences(location):
    import_calendar(location, feed("google.ics"))
    rows = occurrences_in_2025(activities(location)["Taalcafé Nederlands"])
    moved = rows[date(2025, 4, 15)]
    assert local(moved.start) == datetime(2025, 4, 17, 10, tzinfo=AMSTERDAM)
    assert local(moved.end) == datetime(2025, 4, 17, 12, tzinfo=AMSTERDAM)
    assert moved.moved_from == date(2025, 4, 15)
    assert moved.status == Occurrence.Status.SCHEDULED
    cancelled = rows[date(2025, 5, 27)]
    assert cancelled.status == Occurrence.Status.CANCELLED
    assert cancelled.note == "Taalcafé vervalt: studiedag vrijwilligers"
    for exdate in (date(2025, 8, 12), date(2025, 8, 19), date(2025, 12, 30)):
        assert exdate not in rows
    tuesdays = [date(2025, 1, 7) + timedelta(weeks=n) for n in range(52)]
    assert sorted(rows) == [
        d for d in tuesdays if d not in (date(2025, 8, 12), date(2025, 8, 19), date(2025, 12, 30))
    ]
    assert local(rows[date(2025, 4, 8)].start) == datetime(2025, 4, 8, 14, tzinfo=AMSTERDAM)


def test_google_until_in_utc_ends_the_series_on_its_local_date(location):
    import_calendar(location, feed("google.ics"))
    training = activities(location)["Sollicitatietraining"]
    # UNTIL=20251126T225959Z is 26 November 23:59:59 in Amsterdam: kept as a local date.
    assert training.recurrence == "FREQ=WEEKLY;UNTIL=20251126;BYDAY=WE;WKST=MO"
    assert upcoming(training) == []  # it ended
    rows = occurrences_in_2025(training)
    assert sorted(rows) == [date(2025, 9, 10) + timedelta(weeks=n) for n in range(12)]
    assert max(rows) == date(2025, 11, 26)
    assert {local(row.start).time() for row in rows.values()} == {time(10)}
    # The end of summer time (26 October) moves the UTC hour, not the local one.
    assert rows[date(2025, 10, 22)].start.astimezone(UTC).hour == 8
    assert rows[date(2025, 10, 29)].start.astimezone(UTC).hour == 9


def test_utc_times_become_amsterdam_wall_clock_time_on_both_sides_of_dst(location):
    import_calendar(location, feed("google.ics"))
    pages = activities(location)
    summer = pages["Informatiebijeenkomst inburgering"]  # 20251021T120000Z, summer time (+2)
    winter = pages["Voorlichting DigiD en toeslagen"]  # 20251104T130000Z, winter time (+1)
    assert (summer.start_date, summer.start_time, summer.end_time) == (
        date(2025, 10, 21),
        time(14),
        time(15, 30),
    )
    assert (winter.start_date, winter.start_time, winter.end_time) == (
        date(2025, 11, 4),
        time(14),
        time(15, 30),
    )
    assert summer.recurrence == winter.recurrence == ""


def test_google_all_day_events_stay_all_day_with_their_last_day(location):
    import_calendar(location, feed("google.ics"))
    pages = activities(location)
    week = pages["Week van de alfabetisering"]  # DTEND;VALUE=DATE is exclusive
    assert (week.start_date, week.start_time, week.end_time, week.end_date) == (
        date(2025, 9, 8),
        None,
        None,
        date(2025, 9, 12),
    )
    open_day = pages["Open dag Welkomhuis"]
    assert (open_day.start_date, open_day.start_time, open_day.end_date) == (date(2025, 9, 27), None, None)
    row = occurrences_in_2025(open_day)[date(2025, 9, 27)]
    assert row.all_day
    assert local(row.start) == datetime(2025, 9, 27, 0, tzinfo=AMSTERDAM)
    assert local(row.end) == datetime(2025, 9, 28, 0, tzinfo=AMSTERDAM)


def test_google_html_description_becomes_readable_text(location):
    import_calendar(location, feed("google.ics"))
    pages = activities(location)
    taalcafe = pages["Taalcafé Nederlands"]
    assert "<" not in taalcafe.summary
    assert taalcafe.summary.startswith("Oefen Nederlands in een ontspannen sfeer, met koffie en thee.")
    assert "Gratis, je hoeft je niet aan te melden. Vragen?" in taalcafe.summary
    # <br><br> separates paragraphs; the long folded line came through whole.
    assert taalcafe.description.count("<p>") == 2
    assert "balie op de begane grond." in taalcafe.description
    week = pages["Week van de alfabetisering"]
    # List items and entities (&amp;) read as text: no words glued together, no "&amp;" shown.
    assert week.summary == "De hele week extra aandacht voor lezen & schrijven: voorleesochtend schrijfhulp"
    training = pages["Sollicitatietraining"]
    assert "het Werkgeversservicepunt" in training.summary and "href" not in training.summary


# --- Outlook / Exchange ---------------------------------------------------------------------------


def test_outlook_export_with_windows_time_zone_keeps_the_local_time(location):
    result = import_calendar(location, feed("outlook.ics"))
    assert result.created == 5
    pages = activities(location)
    assert set(pages) == {
        "Spreekuur VluchtelingenWerk",
        "Buurtfeest De Leeuw",
        "Boekenmarkt",
        "Workshop budgetteren",
        "Kookclub De Leeuw",
    }
    workshop = pages["Workshop budgetteren"]  # 14:00 "W. Europe Standard Time" in June
    assert (workshop.start_date, workshop.start_time, workshop.end_time) == (
        date(2025, 6, 17),
        time(14),
        time(16, 30),
    )
    assert workshop.activity_type.slug == "workshop"


def test_outlook_monthly_second_tuesday_series_keeps_its_rule_and_exdate(location):
    import_calendar(location, feed("outlook.ics"))
    spreekuur = activities(location)["Spreekuur VluchtelingenWerk"]
    assert spreekuur.recurrence == "FREQ=MONTHLY;BYDAY=2TU"
    assert (spreekuur.start_date, spreekuur.start_time, spreekuur.end_time) == (
        date(2025, 2, 11),
        time(14),
        time(16),
    )
    assert changes(spreekuur) == {(date(2025, 8, 12), "excluded", None, None, None, "")}
    rows = upcoming(spreekuur)
    assert [row.key for row in rows] == nth_weekday_in_horizon(2, 1)
    assert {local(row.start).time() for row in rows} == {time(14)}
    in_2025 = occurrences_in_2025(spreekuur)
    assert date(2025, 8, 12) not in in_2025
    assert sorted(in_2025) == [
        date(2025, 2, 11),
        date(2025, 3, 11),
        date(2025, 4, 8),
        date(2025, 5, 13),
        date(2025, 6, 10),
        date(2025, 7, 8),
        date(2025, 9, 9),
        date(2025, 10, 14),
        date(2025, 11, 11),
        date(2025, 12, 9),
    ]


def test_outlook_weekly_series_moved_date_in_windows_time_zone(location):
    import_calendar(location, feed("outlook.ics"))
    kookclub = activities(location)["Kookclub De Leeuw"]
    assert kookclub.recurrence == "FREQ=WEEKLY;INTERVAL=1;BYDAY=TH;WKST=MO"
    assert kookclub.activity_type.slug == "koken"  # CATEGORIES:Koken,Ontmoeten
    rows = upcoming(kookclub)
    assert [row.key for row in rows] == weekdays_in_horizon(3)
    assert {(local(row.start).time(), local(row.end).time()) for row in rows} == {(time(17, 30), time(20))}
    christmas = occurrences_in_2025(kookclub)[date(2025, 12, 25)]
    assert local(christmas.start) == datetime(2025, 12, 23, 17, 30, tzinfo=AMSTERDAM)
    assert local(christmas.end) == datetime(2025, 12, 23, 21, tzinfo=AMSTERDAM)
    assert christmas.moved_from == date(2025, 12, 25)


def test_outlook_all_day_event_and_unknown_category(location):
    import_calendar(location, feed("outlook.ics"))
    party = activities(location)["Buurtfeest De Leeuw"]
    assert (party.start_date, party.start_time, party.end_time, party.end_date) == (
        date(2025, 6, 21),
        None,
        None,
        None,
    )
    assert party.activity_type.slug == "anders"  # CATEGORIES:Buurtactiviteit is none of ours
    assert occurrences_in_2025(party)[date(2025, 6, 21)].all_day


def test_outlook_all_day_series_with_until_in_utc_keeps_its_last_local_day(location):
    import_calendar(location, feed("outlook.ics"))
    market = activities(location)["Boekenmarkt"]
    # Exchange writes UNTIL=20251128T230000Z for "until Saturday 29 November": midnight in Amsterdam.
    assert market.recurrence == "FREQ=WEEKLY;UNTIL=20251129;INTERVAL=1;BYDAY=SA;WKST=MO"
    assert (market.start_date, market.start_time, market.end_date) == (date(2025, 9, 6), None, None)
    rows = occurrences_in_2025(market)
    assert sorted(rows) == [date(2025, 9, 6) + timedelta(weeks=n) for n in range(13)]
    assert max(rows) == date(2025, 11, 29)
    assert all(row.all_day for row in rows.values())
    assert upcoming(market) == []


def test_outlook_spreekuur_category_is_a_consultation_hour_without_an_organisation(location):
    """A partner's calendar names no organisation we know: that must not stop the import."""
    import_calendar(location, feed("outlook.ics"))
    spreekuur = activities(location)["Spreekuur VluchtelingenWerk"]
    assert spreekuur.live
    assert spreekuur.activity_type.slug == "spreekuur"
    assert spreekuur.organiser is None


# --- Apple Calendar -------------------------------------------------------------------------------


def test_apple_export_floating_time_is_amsterdam_time(location):
    result = import_calendar(location, feed("apple.ics"))
    assert result.created == 3
    pages = activities(location)
    assert set(pages) == {"Fietsles voor vrouwen", "Spelletjesmiddag", "Koffieochtend"}
    games = pages["Spelletjesmiddag"]  # DTSTART:20250412T143000, no TZID, no Z
    assert (games.start_date, games.start_time, games.end_time) == (date(2025, 4, 12), time(14, 30), time(17))
    row = occurrences_in_2025(games)[date(2025, 4, 12)]
    assert local(row.start) == datetime(2025, 4, 12, 14, 30, tzinfo=AMSTERDAM)


def test_apple_biweekly_series_with_count_and_extra_rdates(location):
    import_calendar(location, feed("apple.ics"))
    bike = activities(location)["Fietsles voor vrouwen"]
    assert bike.recurrence == "FREQ=WEEKLY;COUNT=10;INTERVAL=2"
    assert changes(bike) == {
        (date(2025, 6, 2), "extra", None, None, None, ""),
        (date(2025, 6, 16), "extra", None, time(13, 30), None, ""),
    }
    assert upcoming(bike) == []  # ten lessons, all in 2025
    rows = occurrences_in_2025(bike)
    series = [date(2025, 3, 31) + timedelta(weeks=2 * n) for n in range(10)]
    assert sorted(rows) == sorted([*series, date(2025, 6, 2), date(2025, 6, 16)])
    assert local(rows[date(2025, 6, 2)].start) == datetime(2025, 6, 2, 10, tzinfo=AMSTERDAM)
    assert local(rows[date(2025, 6, 16)].start) == datetime(2025, 6, 16, 13, 30, tzinfo=AMSTERDAM)
    assert {local(rows[day].start).time() for day in series} == {time(10)}


def test_apple_weekly_series_without_end_continues(location):
    import_calendar(location, feed("apple.ics"))
    coffee = activities(location)["Koffieochtend"]
    assert coffee.recurrence == "FREQ=WEEKLY"
    rows = upcoming(coffee)
    assert [row.key for row in rows] == weekdays_in_horizon(4)  # Fridays, as DTSTART
    assert {(local(row.start).time(), local(row.end).time()) for row in rows} == {(time(10), time(11, 30))}


def test_floating_start_with_a_zoned_end_is_imported(location):
    data = feed("apple.ics").replace(b"DTEND:20250412T170000", b"DTEND;TZID=Europe/Amsterdam:20250412T170000")
    import_calendar(location, data)
    games = activities(location)["Spelletjesmiddag"]
    assert (games.start_time, games.end_time) == (time(14, 30), time(17))


# --- Thunderbird ----------------------------------------------------------------------------------


def test_thunderbird_daily_series_with_interval_and_exdate(location):
    result = import_calendar(location, feed("thunderbird.ics"))
    assert result.created == 3
    taalcafe = activities(location)["Taalcafé voor beginners"]
    assert taalcafe.recurrence == "FREQ=DAILY;INTERVAL=14"
    assert (taalcafe.start_time, taalcafe.end_time) == (time(9, 30), time(11))
    assert changes(taalcafe) == {(date(2025, 4, 21), "excluded", None, None, None, "")}
    start = date(2025, 1, 13)
    assert [row.key for row in upcoming(taalcafe)] == [d for d in horizon() if (d - start).days % 14 == 0]
    in_2025 = occurrences_in_2025(taalcafe)
    assert date(2025, 4, 7) in in_2025 and date(2025, 5, 5) in in_2025
    assert date(2025, 4, 21) not in in_2025


def test_thunderbird_categories_choose_the_activity_type(location):
    import_calendar(location, feed("thunderbird.ics"))
    types = {title: page.activity_type.slug for title, page in activities(location).items()}
    assert types == {
        "Taalcafé voor beginners": "taalcafe",  # CATEGORIES:Taalcafé
        "Workshop CV schrijven": "werk-en-taal",  # CATEGORIES:Werk en taal
        "Sinterklaasfeest voor kinderen": "kinderen",
    }
    taalcafe = activities(location)["Taalcafé voor beginners"]
    assert "veel oefenen." in taalcafe.description  # the folded line came through whole


# --- single-date changes in the coming weeks, end to end ------------------------------------------


def feed_with_changes_in_the_coming_weeks():
    """A Google-style weekly Monday series with a left-out, a moved, a cancelled and an extra date ahead."""
    monday = today() + timedelta(days=7 + (-today().weekday()) % 7)
    left_out, moved, cancelled = monday, monday + timedelta(7), monday + timedelta(14)
    extra = monday + timedelta(17)  # a Thursday
    uid = "coming-weeks@google.com"
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "BEGIN:VEVENT",
        "DTSTART;TZID=Europe/Amsterdam:20250106T140000",
        "DTEND;TZID=Europe/Amsterdam:20250106T160000",
        "RRULE:FREQ=WEEKLY;BYDAY=MO",
        f"EXDATE;TZID=Europe/Amsterdam:{left_out:%Y%m%d}T140000",
        f"RDATE;TZID=Europe/Amsterdam:{extra:%Y%m%d}T190000",
        f"UID:{uid}",
        "SUMMARY:Spreekuur Rechtswinkel",
        "END:VEVENT",
        "BEGIN:VEVENT",
        f"DTSTART;TZID=Europe/Amsterdam:{moved + timedelta(2):%Y%m%d}T100000",
        f"DTEND;TZID=Europe/Amsterdam:{moved + timedelta(2):%Y%m%d}T120000",
        f"RECURRENCE-ID;TZID=Europe/Amsterdam:{moved:%Y%m%d}T140000",
        f"UID:{uid}",
        "SUMMARY:Spreekuur Rechtswinkel",
        "END:VEVENT",
        "BEGIN:VEVENT",
        f"DTSTART;TZID=Europe/Amsterdam:{cancelled:%Y%m%d}T140000",
        f"DTEND;TZID=Europe/Amsterdam:{cancelled:%Y%m%d}T160000",
        f"RECURRENCE-ID;TZID=Europe/Amsterdam:{cancelled:%Y%m%d}T140000",
        "STATUS:CANCELLED",
        f"UID:{uid}",
        "SUMMARY:Vervalt: de jurist is ziek",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    data = ("\r\n".join(lines) + "\r\n").encode()
    return data, SimpleNamespace(left_out=left_out, moved=moved, cancelled=cancelled, extra=extra)


def test_changes_to_coming_dates_become_occurrences_when_imported(location):
    data, dates = feed_with_changes_in_the_coming_weeks()
    import_calendar(location, data)
    page = activities(location)["Spreekuur Rechtswinkel"]
    rows = {row.key: row for row in upcoming(page)}
    assert dates.left_out not in rows
    moved = rows[dates.moved]
    assert local(moved.start) == datetime.combine(dates.moved + timedelta(2), time(10), tzinfo=AMSTERDAM)
    assert moved.moved_from == dates.moved and moved.status == Occurrence.Status.SCHEDULED
    assert rows[dates.cancelled].status == Occurrence.Status.CANCELLED
    assert rows[dates.cancelled].note == "Vervalt: de jurist is ziek"
    extra = rows[dates.extra]
    assert local(extra.start) == datetime.combine(dates.extra, time(19), tzinfo=AMSTERDAM)
    assert extra.status == Occurrence.Status.SCHEDULED
    normal = rows[dates.left_out + timedelta(21)]
    assert local(normal.start) == datetime.combine(normal.key, time(14), tzinfo=AMSTERDAM)
    mondays = weekdays_in_horizon(0)
    assert sorted(rows) == sorted([d for d in mondays if d != dates.left_out] + [dates.extra])


# --- idempotence, updates, withdrawals ------------------------------------------------------------


@pytest.mark.parametrize("name", CLIENT_FEEDS)
def test_importing_the_same_feed_again_reports_everything_unchanged_and_writes_nothing(location, name):
    first = import_calendar(location, feed(name))
    assert first.created > 0
    before = snapshot(location)
    with CaptureQueriesContext(connection) as queries:
        second = import_calendar(location, feed(name))
    assert (second.created, second.updated, second.unchanged, second.withdrawn) == (0, 0, first.created, 0)
    assert writes(queries) == []
    assert snapshot(location) == before


def test_import_location_twice_only_records_the_check(location):
    import_location(location, feed("google.ics"))
    with CaptureQueriesContext(connection) as queries:
        result = import_location(location, feed("google.ics"))
    assert result == ImportResult(unchanged=6)
    assert written_tables(queries) == {"activities_calendarimport"}
    status = CalendarImport.objects.get(location=location)
    assert status.error == "" and status.summary == str(result)


def test_changed_title_and_time_update_the_activity_and_keep_its_occurrences(location):
    import_calendar(location, feed("google.ics"))
    taalcafe = activities(location)["Taalcafé Nederlands"]
    ids_before = {row.key: row.pk for row in upcoming(taalcafe)}
    changed = (
        feed("google.ics")
        .replace(
            "SUMMARY:Taalcafé Nederlands\r\n".encode(), "SUMMARY:Taalcafé Nederlands oefenen\r\n".encode()
        )
        .replace(b"Amsterdam:20250107T140000", b"Amsterdam:20250107T143000")
    )
    result = import_calendar(location, changed)
    assert (result.created, result.updated, result.unchanged, result.withdrawn) == (0, 1, 5, 0)
    taalcafe.refresh_from_db()
    assert taalcafe.title == "Taalcafé Nederlands oefenen"
    assert taalcafe.start_time == time(14, 30)
    assert taalcafe.live
    rows = upcoming(taalcafe)
    assert {local(row.start).time() for row in rows} == {time(14, 30)}
    # Same series dates, same rows: whatever hangs on an occurrence stays attached.
    assert {row.key: row.pk for row in rows} == ids_before
    assert ActivityPage.objects.child_of(location).count() == 6


def test_event_removed_from_the_feed_is_withdrawn_and_returns_when_it_reappears(location):
    import_calendar(location, feed("google.ics"))
    taalcafe = activities(location)["Taalcafé Nederlands"]
    coming = len(upcoming(taalcafe))
    assert coming > 50

    result = import_calendar(location, without_event(feed("google.ics"), TAALCAFE_UID))
    assert (result.created, result.updated, result.unchanged, result.withdrawn) == (0, 0, 5, 1)
    taalcafe.refresh_from_db()
    assert not taalcafe.live
    assert upcoming(taalcafe) == []
    assert all(page.live for title, page in activities(location).items() if title != "Taalcafé Nederlands")

    # Withdrawn once is enough: the next run without it changes nothing.
    again = import_calendar(location, without_event(feed("google.ics"), TAALCAFE_UID))
    assert (again.unchanged, again.withdrawn) == (5, 0)

    back = import_calendar(location, feed("google.ics"))
    assert (back.created, back.updated, back.unchanged, back.withdrawn) == (0, 1, 5, 0)
    taalcafe.refresh_from_db()
    assert taalcafe.live
    assert len(upcoming(taalcafe)) == coming
    assert ActivityPage.objects.child_of(location).count() == 6


def test_activities_of_another_welkomhuis_are_not_touched(location, make_location):
    other = make_location(title="Buurthuis Zuilen")
    import_calendar(other, feed("google.ics"))
    before = snapshot(other)
    import_calendar(location, feed("thunderbird.ics"))
    assert snapshot(other) == before
    assert len(activities(location)) == 3


# --- malformed and unreachable feeds --------------------------------------------------------------


@pytest.mark.parametrize(("name", "line", "words"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_feed_changes_nothing_and_says_which_line(location, name, line, words):
    import_calendar(location, feed("google.ics"))
    before = snapshot(location)
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        with pytest.raises(CalendarImportError) as raised:
            import_calendar(location, feed(name))
        message = str(raised.value)
    assert raised.value.line == line
    assert message.endswith(f"(line {line})")
    for word in words:
        assert word in message
    assert writes(queries) == []
    assert snapshot(location) == before
    assert all(page.live for page in activities(location).values())


def test_event_ending_before_it_starts_changes_nothing_and_says_which_line(location):
    import_calendar(location, feed("google.ics"))
    before = snapshot(location)
    data = feed("thunderbird.ics").replace(
        b"DTEND;TZID=Europe/Amsterdam:20250318T210000", b"DTEND;TZID=Europe/Amsterdam:20250317T210000"
    )
    line = data.split(b"\r\n").index(b"DTEND;TZID=Europe/Amsterdam:20250317T210000") + 1
    with translation.override("en"), pytest.raises(CalendarImportError) as raised:
        import_calendar(location, data)
    assert raised.value.line == line
    assert "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d" in str(raised.value)
    assert snapshot(location) == before


@pytest.mark.parametrize(
    "data", [b"", b"\r\n", b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"], ids=["empty", "blank", "cut-off"]
)
def test_empty_or_cut_off_feed_changes_nothing(location, data):
    import_calendar(location, feed("outlook.ics"))
    before = snapshot(location)
    with translation.override("en"), pytest.raises(CalendarImportError) as raised:
        import_calendar(location, data)
    assert "calendar" in str(raised.value)
    assert snapshot(location) == before


@pytest.mark.parametrize(("name", "line", "words"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_import_location_records_the_error_and_keeps_the_last_success(location, name, line, words):
    import_location(location, feed("google.ics"))
    succeeded = CalendarImport.objects.get(location=location)
    with pytest.raises(CalendarImportError) as raised:
        import_location(location, feed(name))
    status = CalendarImport.objects.get(location=location)
    assert status.error == str(raised.value)
    assert str(line) in status.error and words[-1] in status.error
    assert status.succeeded_at == succeeded.succeeded_at
    assert status.checked_at > succeeded.checked_at
    # The next good import clears the error.
    import_location(location, feed("google.ics"))
    assert CalendarImport.objects.get(location=location).error == ""


def test_unreachable_calendar_url_changes_nothing_and_records_the_error(location, unreachable_url):
    import_location(location, feed("google.ics"))
    before = snapshot(location)
    set_calendar_url(location, unreachable_url)
    with translation.override("en"), pytest.raises(CalendarImportError) as raised:
        import_location(location)
    assert "could not be fetched" in str(raised.value)
    assert snapshot(location) == before
    assert CalendarImport.objects.get(location=location).error == str(raised.value)


def test_calendar_url_answering_404_changes_nothing_and_records_the_error(location, partner_server):
    import_location(location, feed("google.ics"))
    before = snapshot(location)
    set_calendar_url(location, f"{partner_server.url}/verplaatst.ics")
    with pytest.raises(CalendarImportError) as raised:
        import_location(location)
    assert "404" in str(raised.value)
    assert snapshot(location) == before
    assert "404" in CalendarImport.objects.get(location=location).error


def test_calendar_url_serving_an_html_page_changes_nothing(location, partner_server):
    import_location(location, feed("google.ics"))
    before = snapshot(location)
    partner_server.files["/agenda.ics"] = feed("not_a_calendar.html")
    set_calendar_url(location, f"{partner_server.url}/agenda.ics")
    with pytest.raises(CalendarImportError) as raised:
        import_location(location)
    assert raised.value.line == 1
    assert snapshot(location) == before


def test_too_large_feed_is_refused(location, partner_server, settings):
    import_location(location, feed("google.ics"))
    before = snapshot(location)
    settings.CALENDAR_IMPORT_MAX_BYTES = 1000
    partner_server.files["/agenda.ics"] = feed("outlook.ics")
    set_calendar_url(location, f"{partner_server.url}/agenda.ics")
    with pytest.raises(CalendarImportError):
        import_location(location)
    assert snapshot(location) == before


def test_calendar_url_is_fetched_and_imported(location, partner_server):
    partner_server.files["/agenda.ics"] = feed("apple.ics")
    set_calendar_url(location, f"{partner_server.url}/agenda.ics")
    result = import_location(location)
    assert result.created == 3
    assert set(activities(location)) == {"Fietsles voor vrouwen", "Spelletjesmiddag", "Koffieochtend"}


# --- the management command -----------------------------------------------------------------------


def test_command_imports_a_file_and_prints_a_summary(location, capsys):
    with translation.override("en"):
        call_command("import_calendar", "bibliotheek-neude", str(FIXTURES / "google.ics"))
        call_command("import_calendar", "bibliotheek-neude", str(FIXTURES / "google.ics"))
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Bibliotheek Neude: 6 new, 0 updated, 0 unchanged, 0 withdrawn.",
        "Bibliotheek Neude: 0 new, 0 updated, 6 unchanged, 0 withdrawn.",
    ]
    assert len(activities(location)) == 6


def test_command_imports_a_url(location, partner_server, capsys):
    partner_server.files["/basic.ics"] = feed("thunderbird.ics")
    with translation.override("en"):
        call_command("import_calendar", "bibliotheek-neude", f"{partner_server.url}/basic.ics")
    assert "3 new" in capsys.readouterr().out


@pytest.mark.parametrize(("name", "line", "words"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_command_with_a_broken_file_fails_with_the_error_and_line(location, name, line, words):
    call_command("import_calendar", "bibliotheek-neude", str(FIXTURES / "thunderbird.ics"))
    before = snapshot(location)
    with translation.override("en"), pytest.raises(CommandError) as raised:
        call_command("import_calendar", "bibliotheek-neude", str(FIXTURES / name))
    message = str(raised.value)
    assert message.startswith("Nothing was imported.")
    assert f"(line {line})" in message
    assert words[0] in message
    assert snapshot(location) == before
    assert CalendarImport.objects.get(location=location).error in message


def test_command_with_an_unreachable_url_fails_with_a_message(location, unreachable_url):
    with translation.override("en"), pytest.raises(CommandError, match="could not be fetched"):
        call_command("import_calendar", "bibliotheek-neude", unreachable_url)
    assert activities(location) == {}


def test_command_with_an_unknown_welkomhuis_fails(location):
    with pytest.raises(CommandError, match="No welkomhuis with slug 'bestaat-niet'"):
        call_command("import_calendar", "bestaat-niet", str(FIXTURES / "google.ics"))
    assert activities(location) == {}


def test_command_with_a_missing_file_fails(location, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_calendar", "bibliotheek-neude", str(tmp_path / "agenda.ics"))
    assert not CalendarImport.objects.filter(location=location).exists()


# --- what staff see in the admin ------------------------------------------------------------------


def fail_import(location, name):
    with pytest.raises(CalendarImportError):
        import_location(location, feed(name))
    return CalendarImport.objects.get(location=location).error


def problems_panel(client):
    """The dashboard's "Calendar import problems" panel, or None."""
    return soup_of(client.get(reverse("wagtailadmin_home"))).select_one("#calendar-import-problems-section")


def test_location_edit_page_shows_the_import_error_to_its_staff(client, location, staff_member):
    import_location(location, feed("google.ics"))
    error = fail_import(location, "broken_value.ics")
    client.force_login(staff_member(location))
    soup = soup_of(client.get(reverse("wagtailadmin_pages:edit", args=(location.pk,))))
    alert = soup.select_one(".help-critical[role=alert]")
    assert alert is not None
    assert alert.select_one("pre").get_text() == error
    assert "15" in error and "DTSTART" in error


def test_dashboard_shows_import_problems_of_own_welkomhuis_only(
    client, location, make_location, staff_member
):
    other = make_location(
        title="Buurthuis Zuilen",
        calendar_url="https://outlook.office365.com/owa/calendar/zuilen/calendar.ics",
    )
    our_error = fail_import(location, "broken_value.ics")
    their_error = fail_import(other, "unknown_tz.ics")

    client.force_login(staff_member(location))
    panel = problems_panel(client)
    assert panel is not None
    text = panel.get_text(" ", strip=True)
    assert "Bibliotheek Neude" in text and our_error in text
    assert "Buurthuis Zuilen" not in text and their_error not in text
    assert panel.find("a", href=reverse("wagtailadmin_pages:edit", args=(location.pk,))) is not None

    client.force_login(staff_member(other))
    panel = problems_panel(client)
    text = panel.get_text(" ", strip=True)
    assert their_error in text
    assert "Bibliotheek Neude" not in text and our_error not in text


def test_dashboard_panel_disappears_after_a_good_import(client, location, staff_member):
    fail_import(location, "broken_line.ics")
    client.force_login(staff_member(location))
    assert problems_panel(client) is not None
    import_location(location, feed("google.ics"))
    assert problems_panel(client) is None


# --- the Celery tasks -----------------------------------------------------------------------------


def test_celery_task_records_the_error_instead_of_raising(location, partner_server):
    import_location(location, feed("google.ics"))
    before = snapshot(location)
    partner_server.files["/agenda.ics"] = feed("broken_line.ics")
    set_calendar_url(location, f"{partner_server.url}/agenda.ics")
    outcome = import_partner_calendar.delay(location.pk)
    assert outcome.successful()
    assert outcome.result.startswith("failed:")
    error = CalendarImport.objects.get(location=location).error
    assert "11" in error and "ontmoet je buren." in error
    assert error in outcome.result
    assert snapshot(location) == before


def test_celery_task_records_an_unreachable_feed(location, unreachable_url):
    set_calendar_url(location, unreachable_url)
    outcome = import_partner_calendar.delay(location.pk)
    assert outcome.successful() and outcome.result.startswith("failed:")
    assert CalendarImport.objects.get(location=location).error
    assert activities(location) == {}


def test_hourly_task_imports_every_welkomhuis_with_a_calendar(location, make_location, partner_server):
    partner_server.files["/neude.ics"] = feed("google.ics")
    set_calendar_url(location, f"{partner_server.url}/neude.ics")
    without = make_location(title="Buurthuis Zonder Agenda")
    assert import_partner_calendars.delay().result == 1
    assert len(activities(location)) == 6
    assert activities(without) == {}
    status = CalendarImport.objects.get(location=location)
    assert status.error == "" and status.succeeded_at is not None


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/api/v1/locations.geojson",
        "http://localhost/admin/",
        "http://10.0.0.5/agenda.ics",
        "http://[::1]/agenda.ics",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
    ],
)
def test_calendar_urls_on_internal_addresses_are_refused(location, url):
    """Staff choose the URL: the server must not fetch from the internal network for them."""
    before = snapshot(location)
    set_calendar_url(location, url)
    with translation.override("en"), pytest.raises(CalendarImportError) as raised:
        import_location(location)
    assert "public internet" in str(raised.value) or "not a web address" in str(raised.value)
    assert snapshot(location) == before
    assert CalendarImport.objects.get(location=location).error == str(raised.value)


def test_redirect_targets_are_checked_too(location, partner_server):
    """A feed address that redirects elsewhere is judged again at each hop."""
    partner_server.redirects["/agenda.ics"] = "file:///etc/passwd"
    with translation.override("en"), pytest.raises(CalendarImportError, match="not a web address"):
        import_location_from(location, f"{partner_server.url}/agenda.ics")


def test_redirects_to_a_feed_are_followed(location, partner_server):
    partner_server.files["/new/agenda.ics"] = (FIXTURES / "thunderbird.ics").read_bytes()
    partner_server.redirects["/agenda.ics"] = "/new/agenda.ics"
    result = import_location_from(location, f"{partner_server.url}/agenda.ics")
    assert result.created == 3


def import_location_from(location, url):
    set_calendar_url(location, url)
    return import_location(location)
