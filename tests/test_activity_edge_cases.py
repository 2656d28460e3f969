"""Edge cases found in review: odd input never gives a 500, and hidden things stay hidden."""

from datetime import time, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset

from activities.importer import CalendarImportError, import_calendar
from activities.models import ActivityPage, Occurrence, ScheduleChange
from activities.occurrences import materialise
from activities.schedule import Schedule, describe

from .test_activity_admin import activity_form, add_url, errors, next_weekday

pytestmark = pytest.mark.django_db


def tomorrow():
    return timezone.localdate() + timedelta(days=1)


@pytest.mark.parametrize(
    "url",
    [
        "/activiteiten/?date=9999-12-31",
        "/activiteiten/?date=0001-01-01",
        "/activiteiten/?view=map&date=9999-12-31",
        "/api/v1/activities.geojson?date=9999-12-31",
        "/api/v1/activities.geojson?date=0001-01-01",
        "/activiteiten/?q=%22",
        "/activiteiten/?q=taal%22%20OR",
        "/activiteiten/agenda.ics?q=%22",
        "/api/v1/activities.geojson?q=%22",
        "/zoeken/?q=%22",
        "/zoeken/?q=%00",
        "/en/zoeken/?q=(taal*",
    ],
)
def test_odd_query_strings_are_answered_not_crashed(client, make_activity, url):
    make_activity(title="Taalcafé", start_date=tomorrow())
    assert client.get(url).status_code == 200


def test_a_far_away_date_is_explained_on_the_form(client, make_activity):
    make_activity(title="Taalcafé", start_date=tomorrow())
    soup = BeautifulSoup(client.get("/activiteiten/?date=9999-12-31").content, "html.parser")
    assert soup.select_one("#id_date_error") is not None


def test_an_extra_date_the_series_already_has_is_one_occurrence(make_activity):
    day = tomorrow()
    activity = make_activity(start_date=day, recurrence="FREQ=WEEKLY")
    activity.schedule_changes.add(ScheduleChange(date=day + timedelta(weeks=1), kind="extra"))
    activity.schedule_changes.add(ScheduleChange(date=day + timedelta(days=3), kind="extra"))
    activity.schedule_changes.add(ScheduleChange(date=day + timedelta(days=3), kind="extra"))
    activity.save_revision().publish()
    keys = list(activity.occurrences.values_list("key", flat=True))
    assert len(keys) == len(set(keys))
    assert day + timedelta(days=3) in keys


def test_one_unusable_schedule_does_not_stop_the_nightly_run(make_activity):
    broken = make_activity(title="Kapot", start_date=tomorrow(), recurrence="FREQ=WEEKLY")
    healthy = make_activity(title="Gezond", start_date=tomorrow(), recurrence="FREQ=WEEKLY")
    ActivityPage.objects.filter(pk=broken.pk).update(recurrence="FREQ=DAILY;INTERVAL=0")
    Occurrence.objects.filter(activity=healthy).delete()
    materialise()
    assert healthy.occurrences.count() > 50
    assert not broken.occurrences.filter(key__gte=timezone.localdate()).exists()


@pytest.mark.parametrize("rule", ["FREQ=DAILY;INTERVAL=0", "FREQ=HOURLY", "FREQ=MINUTELY;COUNT=5"])
def test_rules_that_would_never_end_expanding_are_refused(make_location, rule):
    feed = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@partner\r\n"
        f"DTSTART:20300101T100000\r\nRRULE:{rule}\r\nSUMMARY:Oneindig\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    with pytest.raises(CalendarImportError) as raised:
        import_calendar(make_location(), feed)
    assert raised.value.line == 6  # the RRULE line
    assert not ActivityPage.objects.exists()


def test_an_rdate_on_a_series_date_imports(make_location):
    start = tomorrow()
    feed = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:r@partner\r\n"
        f"DTSTART:{start:%Y%m%d}T100000\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
        f"RDATE:{start + timedelta(weeks=1):%Y%m%d}T100000\r\n"
        "SUMMARY:Dubbel\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    import_calendar(make_location(), feed)
    assert ActivityPage.objects.get().occurrences.count() == 3


def test_a_uid_that_is_too_long_is_refused_with_a_message(make_location):
    feed = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
        f"UID:{'x' * 300}\r\nDTSTART:20300101T100000\r\nSUMMARY:Lang\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    with pytest.raises(CalendarImportError, match="UID"):
        import_calendar(make_location(), feed)


def test_a_past_date_moved_to_next_week_shows_up(make_activity):
    start = timezone.localdate() - timedelta(days=7)
    activity = make_activity(start_date=start, recurrence="FREQ=WEEKLY")
    new_day = timezone.localdate() + timedelta(days=3)
    activity.schedule_changes.add(ScheduleChange(date=start, kind="moved", new_date=new_day))
    activity.save_revision().publish()
    occurrence = activity.occurrences.get(key=start)
    assert occurrence.start.date() == new_day and occurrence.moved_from == start


def test_a_new_end_time_alone_is_an_override_in_the_feed(client, make_activity):
    day = tomorrow()
    activity = make_activity(start_date=day, recurrence="FREQ=WEEKLY")
    activity.schedule_changes.add(ScheduleChange(date=day, kind="moved", new_end_time=time(18)))
    activity.save_revision().publish()
    calendar = Calendar.from_ical(client.get(f"{activity.url}agenda.ics").content)
    (override,) = [e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" in e]
    assert override["DTEND"].dt.time() == time(18)


def test_an_activity_that_moved_is_only_in_its_new_welkomhuis_feed(client, make_activity, make_location):
    activity = make_activity(title="Verhuisd", start_date=tomorrow(), recurrence="FREQ=WEEKLY")
    old = activity.get_parent().specific
    Occurrence.objects.create(
        activity=activity,
        location=old,
        key=timezone.localdate() - timedelta(days=7),
        start=timezone.now() - timedelta(days=7),
        end=timezone.now() - timedelta(days=7) + timedelta(hours=2),
    )
    new = make_location(title="Nieuw adres")
    activity.move(new, pos="last-child")
    old_feed = Calendar.from_ical(client.get(f"{old.url}agenda.ics").content)
    assert not list(old_feed.walk("VEVENT"))
    activity = ActivityPage.objects.get(pk=activity.pk)
    feed = Calendar.from_ical(client.get(f"{activity.url}agenda.ics").content)
    assert {str(e["LOCATION"]).split(",")[0] for e in feed.walk("VEVENT")} == {"Nieuw adres"}


def test_a_weekly_rule_without_days_is_described_with_the_first_dates_day():
    schedule = Schedule(next_weekday(1), time(14), time(16), rrule="FREQ=WEEKLY")
    assert describe(schedule).startswith("Elke dinsdag")


def test_webcal_links_are_accepted_as_partner_calendar(make_location):
    location = make_location()
    location.calendar_url = "webcal://calendar.example.org/agenda.ics"
    location.full_clean()
    location.calendar_url = "ftp://calendar.example.org/agenda.ics"
    with pytest.raises(ValidationError):
        location.full_clean()


def test_restricted_activities_appear_nowhere_public(client, make_activity):
    activity = make_activity(title="Besloten", start_date=tomorrow())
    location = activity.get_parent()
    PageViewRestriction.objects.create(page=activity, restriction_type="login")
    for url in [
        "/activiteiten/",
        "/api/v1/activities.geojson",
        "/activiteiten/agenda.ics",
        location.url,
        f"{location.url}agenda.ics",
        f"{activity.url}agenda.ics",
    ]:
        response = client.get(url)
        assert "Besloten" not in response.content.decode(), url


def test_hidden_stale_series_are_gone_everywhere(client, make_activity):
    activity = make_activity(title="Oud", start_date=tomorrow(), recurrence="FREQ=WEEKLY")
    ActivityPage.objects.filter(pk=activity.pk).update(hidden_as_stale=True)
    assert client.get(activity.url).status_code == 404
    assert client.get(f"{activity.url}agenda.ics").status_code == 404
    assert "Oud" not in client.get(f"{activity.get_parent().url}agenda.ics").content.decode()
    assert "Oud" not in client.get("/zoeken/?q=oud").content.decode()


def test_activities_of_an_unpublished_welkomhuis_are_gone(client, make_activity):
    activity = make_activity(title="Weeskind", start_date=tomorrow())
    url = activity.url
    activity.get_parent().unpublish()  # without its sub-pages
    assert ActivityPage.objects.get(pk=activity.pk).live
    assert client.get(url).status_code == 404
    assert client.get(f"{url}agenda.ics").status_code == 404
    assert "Weeskind" not in client.get("/activiteiten/").content.decode()


def test_staff_cannot_put_another_welkomhuis_photo_on_their_activity(client, staff_member, make_location):
    own, other = make_location(title="Eigen"), make_location(title="Ander")
    client.force_login(staff_member(own))
    foreign = get_image_model().objects.create(
        title="Foto van een ander", file="a.jpg", width=10, height=10, collection=other.staff.collection
    )
    response = client.post(add_url(own), activity_form(image=str(foreign.pk), image_alt="Foto"))
    assert response.status_code == 200
    assert not ActivityPage.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"repeat_weekdays": ["MO"]}, "dinsdag"),  # starts on a Tuesday, repeats on Mondays
        ({"repeat": "monthly", "repeat_month_week": "-1"}, "van de maand"),
        (
            {
                "schedule_changes": inline_formset(
                    [{"date": "2026-12-01", "kind": "moved", "new_date": "9999-12-31"}]
                )
            },
            "Kies een datum tussen",
        ),
    ],
)
def test_schedule_input_that_cannot_be_right_gets_a_form_error(
    client, staff_member, make_location, overrides, message
):
    location = make_location()
    client.force_login(staff_member(location))
    start = next_weekday(1)
    if start.day > 21:  # keep "last Tuesday of the month" wrong for the monthly case
        start -= timedelta(days=7 * ((start.day - 15) // 7 + 1))
    response = client.post(add_url(location), activity_form(start_date=start.isoformat(), **overrides))
    assert response.status_code == 200
    assert message in errors(response)
    assert not ActivityPage.objects.exists()
