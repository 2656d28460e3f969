"""Calendars out: RFC 5545 feeds parsed back with icalendar and expanded like a calendar app would."""

import json
from datetime import datetime, time, timedelta

import pytest
import recurring_ical_events
from bs4 import BeautifulSoup
from django.utils import timezone
from icalendar import Calendar

from activities.models import Occurrence, ScheduleChange
from activities.schedule import AMSTERDAM, compose_rrule

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    assert b"\r\n" in body and b"\n" not in body.replace(b"\r\n", b"")  # CRLF line endings only
    return Calendar.from_ical(body)


def window(days=120):
    start = datetime.now(AMSTERDAM) - timedelta(hours=1)
    return start, start + timedelta(days=days)


def expanded(calendar, days=120):
    """What a calendar app shows: the feed's events in the coming days, overrides applied."""
    return recurring_ical_events.of(calendar).between(*window(days))


@pytest.fixture
def weekly_taalcafe(make_activity):
    start = timezone.localdate() + timedelta(days=1)
    activity = make_activity(
        title="Taalcafé", start_date=start, recurrence=compose_rrule("weekly", start_date=start)
    )
    activity.schedule_changes.add(
        ScheduleChange(date=start + timedelta(weeks=1), kind="cancelled", reason="Ziek")
    )
    activity.schedule_changes.add(ScheduleChange(date=start + timedelta(weeks=2), kind="excluded"))
    activity.schedule_changes.add(
        ScheduleChange(
            date=start + timedelta(weeks=3), kind="moved", new_date=start + timedelta(weeks=3, days=1)
        )
    )
    activity.save_revision().publish()
    return activity


def test_series_feed_round_trips_to_the_same_dates(client, weekly_taalcafe):
    calendar = parse(client.get(f"{weekly_taalcafe.url}agenda.ics"))
    assert calendar.timezones[0].tz_name == "Europe/Amsterdam"
    master = next(e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" not in e)
    assert master["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=" + master["RRULE"]["BYDAY"][0].encode()
    assert master["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert len(master["EXDATE"].dts) == 1
    # Expanded as a calendar app does, the feed gives exactly the dates the site shows.
    shown = {(e["DTSTART"].dt.astimezone(AMSTERDAM), str(e.get("STATUS"))) for e in expanded(calendar)}
    start, end = window()
    occurrences = weekly_taalcafe.occurrences.filter(start__lt=end, end__gt=start)
    ours = {
        (o.start.astimezone(AMSTERDAM), "CANCELLED" if o.status != "scheduled" else "CONFIRMED")
        for o in occurrences
    }
    assert shown == ours
    assert sum(1 for _, status in shown if status == "CANCELLED") == 1


def test_moved_date_is_an_override_with_the_new_day(client, weekly_taalcafe):
    calendar = parse(client.get(f"{weekly_taalcafe.url}agenda.ics"))
    start = weekly_taalcafe.start_date
    overrides = {e["RECURRENCE-ID"].dt.date(): e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" in e}
    moved = overrides[start + timedelta(weeks=3)]
    assert moved["DTSTART"].dt.date() == start + timedelta(weeks=3, days=1)
    assert moved["DTSTART"].dt.time() == time(14)
    assert str(overrides[start + timedelta(weeks=1)]["STATUS"]) == "CANCELLED"


def test_uids_are_stable_between_requests(client, weekly_taalcafe):
    first = {str(e["UID"]) for e in parse(client.get(f"{weekly_taalcafe.url}agenda.ics")).walk("VEVENT")}
    weekly_taalcafe.title = "Taalcafé (nieuwe naam)"
    weekly_taalcafe.save_revision().publish()
    second = {str(e["UID"]) for e in parse(client.get(f"{weekly_taalcafe.url}agenda.ics")).walk("VEVENT")}
    assert first == second == {f"activity-{weekly_taalcafe.pk}@welkomhuis.utrecht.nl"}


def test_until_is_written_in_utc_for_a_timed_series(client, make_activity):
    start = timezone.localdate() + timedelta(days=1)
    until = start + timedelta(weeks=4)
    activity = make_activity(
        start_date=start,
        start_time=time(19),
        end_time=time(21),
        recurrence=compose_rrule("weekly", until=until, start_date=start),
    )
    calendar = parse(client.get(f"{activity.url}agenda.ics"))
    rule = next(iter(calendar.walk("VEVENT")))["RRULE"]
    assert rule["UNTIL"][0].tzinfo is not None  # UTC, as RFC 5545 requires with a TZID start
    assert len(expanded(calendar)) == 5  # the evening of the last day is included


def test_location_feed_has_all_its_activities(client, make_location, make_activity):
    location = make_location(title="Neude")
    make_activity(location=location, title="A")
    make_activity(location=location, title="B", start_date=timezone.localdate() + timedelta(days=3))
    make_activity(title="Elders")
    calendar = parse(client.get(f"{location.url}agenda.ics"))
    assert sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT")) == ["A", "B"]
    assert str(calendar["X-WR-CALNAME"]) == "Neude"


def test_listing_feed_takes_the_listing_filters(client, make_activity):
    from activities.models import ActivityType

    make_activity(title="Taalcafé")
    make_activity(title="Fietsles", activity_type=ActivityType.objects.get(slug="sport"))
    calendar = parse(client.get("/activiteiten/agenda.ics?type=sport"))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Fietsles"]
    everything = parse(client.get("/activiteiten/agenda.ics"))
    assert len(list(everything.walk("VEVENT"))) == 2


def test_one_date_downloads_as_its_own_event(client, make_activity):
    activity = make_activity(title="Informatieavond", start_time=time(19), end_time=time(21))
    day = activity.start_date
    response = client.get(f"{activity.url}{day.isoformat()}.ics")
    assert response["Content-Disposition"].startswith("attachment")
    (event,) = parse(response).walk("VEVENT")
    assert event["DTSTART"].dt == datetime.combine(day, time(19), tzinfo=AMSTERDAM)
    assert str(event["LOCATION"]).startswith(activity.get_parent().title)
    assert client.get(f"{activity.url}2000-01-01.ics").status_code == 404


def test_feeds_of_drafts_and_unknown_pages_are_404(client, make_activity):
    activity = make_activity()
    url = f"{activity.url}agenda.ics"
    activity.unpublish()
    assert client.get(url).status_code == 404
    assert client.get("/bestaat-niet/agenda.ics").status_code == 404
    assert client.get("/welkomhuizen/agenda.ics").status_code == 404  # the index has no feed of its own


def test_pages_advertise_their_feeds_and_geojson(client, make_activity):
    activity = make_activity()
    location = activity.get_parent()
    for url, expected in [
        ("/activiteiten/", {"text/calendar", "application/geo+json"}),
        (activity.url, {"text/calendar"}),
        (location.url, {"text/calendar", "application/geo+json"}),
    ]:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        links = {link["type"]: link["href"] for link in soup.select('head link[rel="alternate"][type]')}
        assert set(links) >= expected, url
        assert client.get(links["text/calendar"]).status_code == 200


def test_activity_page_shows_next_dates_cancellations_and_calendar_links(client, weekly_taalcafe):
    soup = BeautifulSoup(client.get(weekly_taalcafe.url).content, "html.parser")
    items = soup.select("section[aria-labelledby=when-heading] .occurrence-list__item")
    assert len(items) >= 5
    assert "Ziek" in items[1].get_text() and "occurrence--cancelled" in items[1]["class"]
    assert soup.select_one('a[href^="webcal://"]')["href"].endswith("agenda.ics")
    assert soup.select_one(".occurrence-list__ics")["href"].endswith(".ics")
    assert "wa.me" in soup.select_one(".share a")["href"]


def test_activity_page_has_schema_org_events(client, weekly_taalcafe):
    soup = BeautifulSoup(client.get(weekly_taalcafe.url).content, "html.parser")
    events = json.loads(soup.find("script", type="application/ld+json").string)
    assert events[0]["@type"] == "Event" and events[0]["name"] == "Taalcafé"
    assert events[0]["location"]["address"]["postalCode"] == "3511 AB"
    assert events[1]["eventStatus"] == "https://schema.org/EventCancelled"
    assert events[0]["isAccessibleForFree"] is True


def test_activities_geojson_is_rfc_7946_with_the_listing_filters(client, make_activity, make_location):
    location = make_location(title="Plan Einstein", latitude="52.118500", longitude="5.110100")
    make_activity(location=location, title="Taalcafé", start_date=timezone.localdate() + timedelta(days=1))
    make_activity(title="Later", start_date=timezone.localdate() + timedelta(days=40))
    response = client.get("/api/v1/activities.geojson")
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [5.1101, 52.1185]}
    assert feature["properties"]["name"] == "Taalcafé"
    assert feature["properties"]["location"] == "Plan Einstein"
    assert feature["properties"]["start"].endswith(("+01:00", "+02:00"))
    assert client.get("/api/v1/activities.geojson?type=sport").json()["features"] == []
    assert len(client.get("/api/v1/activities.geojson?when=month").json()["features"]) == 1


def test_location_page_lists_its_upcoming_activities(client, make_activity):
    activity = make_activity(title="Taalcafé", start_date=timezone.localdate() + timedelta(days=1))
    soup = BeautifulSoup(client.get(activity.get_parent().url).content, "html.parser")
    section = soup.select_one("section[aria-labelledby=activities-heading]")
    assert "Taalcafé" in section.get_text()
    assert Occurrence.objects.filter(activity=activity).exists()
