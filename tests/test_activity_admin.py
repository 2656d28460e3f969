"""Staff publish activities in the Wagtail admin: schedules, cancelled weeks, and bad input."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from activities.models import ActivityPage, ActivityType
from home.models import Organisation
from locations.factories import RoomFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def location(make_location):
    return make_location(title="Bibliotheek Neude")


@pytest.fixture
def staff_client(client, staff_member, location):
    client.force_login(staff_member(location))
    return client


def next_weekday(weekday):
    today = timezone.localdate()
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def activity_form(**overrides):
    start = next_weekday(1)
    data = {
        "title": "Taalcafé op dinsdag",
        "slug": "taalcafe-op-dinsdag",
        "summary": "Samen Nederlands praten.",
        "activity_type": str(ActivityType.objects.get(slug="taalcafe").pk),
        "description": rich_text("<p>Iedereen is welkom.</p>"),
        "audience": "everyone",
        "dutch_level": "a0-a2",
        "start_date": start.isoformat(),
        "start_time": "14:00",
        "end_time": "16:00",
        "end_date": "",
        "repeat": "weekly",
        "repeat_interval": "1",
        "repeat_weekdays": ["TU"],
        "repeat_month_week": "",
        "repeat_until": "",
        "repeat_count": "",
        "holiday_closure": "public",
        "schedule_changes": inline_formset(
            [{"date": (start + timedelta(weeks=2)).isoformat(), "kind": "cancelled", "reason": "Studiedag"}]
        ),
        "how_to_join": "walk-in",
        "join_instructions": "",
        "price": "0",
        "room": "",
        "organiser": "",
        "contact_phone": "",
        "contact_email": "",
        "image": "",
        "image_alt": "",
        "action-publish": "action-publish",
    }
    data.update(overrides)
    weekdays = data.pop("repeat_weekdays")
    form = nested_form_data(data)
    form["repeat_weekdays"] = weekdays  # a list: several checkboxes with one name
    return form


def add_url(location):
    return reverse("wagtailadmin_pages:add", args=("activities", "activitypage", location.pk))


def errors(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(
        e.get_text(" ", strip=True) for e in soup.select(".error-message, .help-critical, .w-field__errors")
    )


def test_staff_publish_a_weekly_taalcafe_with_one_cancelled_week(staff_client, location):
    response = staff_client.post(add_url(location), activity_form())
    assert response.status_code == 302, errors(response)
    activity = ActivityPage.objects.get(slug="taalcafe-op-dinsdag")
    assert activity.live and activity.get_parent().pk == location.pk
    assert activity.recurrence == "FREQ=WEEKLY;BYDAY=TU"
    start = next_weekday(1)
    statuses = dict(activity.occurrences.values_list("key", "status"))
    assert statuses[start] == "scheduled"
    assert statuses[start + timedelta(weeks=2)] == "cancelled"
    assert statuses[start + timedelta(weeks=3)] == "scheduled"
    # It is listed for the right days, and the cancelled day says so.
    listing = BeautifulSoup(staff_client.get("/activiteiten/?when=month").content, "html.parser")
    cards = [c for c in listing.select(".occurrence") if "Taalcafé op dinsdag" in c.get_text()]
    assert len(cards) >= 4
    assert sum("occurrence--cancelled" in c["class"] for c in cards) == 1


def test_edit_form_shows_the_saved_repeat_rule(staff_client, location):
    staff_client.post(add_url(location), activity_form(repeat_interval="2", repeat_weekdays=["TU", "TH"]))
    activity = ActivityPage.objects.get(slug="taalcafe-op-dinsdag")
    assert activity.recurrence == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH"
    soup = BeautifulSoup(
        staff_client.get(reverse("wagtailadmin_pages:edit", args=(activity.pk,))).content, "html.parser"
    )
    assert soup.select_one("select[name=repeat] option[selected]")["value"] == "weekly"
    assert soup.select_one("input[name=repeat_interval]")["value"] == "2"
    assert {i["value"] for i in soup.select("input[name=repeat_weekdays][checked]")} == {"TU", "TH"}


def last_friday_of_next_month():
    first_of_next = (timezone.localdate().replace(day=1) + timedelta(days=32)).replace(day=1)
    last_day = (first_of_next + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return last_day - timedelta(days=(last_day.weekday() - 4) % 7)


def test_monthly_series_on_the_last_friday(staff_client, location):
    start = last_friday_of_next_month()
    response = staff_client.post(
        add_url(location),
        activity_form(
            start_date=start.isoformat(),
            repeat="monthly",
            repeat_month_week="-1",
            schedule_changes=inline_formset([]),
        ),
    )
    assert response.status_code == 302, errors(response)
    assert ActivityPage.objects.get(slug="taalcafe-op-dinsdag").recurrence == "FREQ=MONTHLY;BYDAY=-1FR"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_time": "13:00"}, "eindtijd moet later"),
        ({"repeat_until": "2000-01-01"}, "laatste datum kan niet"),
        ({"repeat_until": "2030-01-01", "repeat_count": "5"}, "niet allebei"),
        ({"start_time": "", "end_time": "16:00"}, "begintijd"),
        ({"start_date": "31-02-2026"}, "geldige datum"),
        ({"price": "-3"}, "minstens 0"),
    ],
)
def test_bad_schedule_input_is_refused_in_dutch_and_nothing_is_saved(
    staff_client, location, overrides, message
):
    response = staff_client.post(add_url(location), activity_form(**overrides))
    assert response.status_code == 200
    assert message in errors(response)
    assert not ActivityPage.objects.exists()


def test_consultation_hour_must_name_its_organisation(staff_client, location):
    spreekuur = str(ActivityType.objects.get(slug="spreekuur").pk)
    response = staff_client.post(
        add_url(location), activity_form(activity_type=spreekuur, how_to_join="appointment")
    )
    assert "organisatie" in errors(response)
    organisation = Organisation.objects.get(slug="vluchtelingenwerk")
    response = staff_client.post(
        add_url(location),
        activity_form(activity_type=spreekuur, organiser=str(organisation.pk), how_to_join="appointment"),
    )
    assert response.status_code == 302, errors(response)


def test_room_must_belong_to_the_welkomhuis(staff_client, location, make_location):
    own_room = RoomFactory(page=location, name="Leeszaal")
    other_room = RoomFactory(page=make_location(title="Elders"), name="Andere zaal")
    soup = BeautifulSoup(staff_client.get(add_url(location)).content, "html.parser")
    offered = {o.get_text(strip=True) for o in soup.select("select[name=room] option") if o["value"]}
    assert offered == {str(own_room)}
    response = staff_client.post(add_url(location), activity_form(room=str(other_room.pk)))
    assert response.status_code == 200
    assert not ActivityPage.objects.exists()


def test_staff_cannot_add_activities_to_another_welkomhuis(staff_client, make_location):
    other = make_location(title="Plan Einstein")
    response = staff_client.post(add_url(other), activity_form())
    assert response.status_code in (302, 403)
    assert not ActivityPage.objects.exists()


def test_an_imported_rule_the_form_cannot_show_is_kept(staff_client, make_activity, location):
    activity = make_activity(location=location, recurrence="FREQ=MONTHLY;BYMONTHDAY=15")
    edit = reverse("wagtailadmin_pages:edit", args=(activity.pk,))
    soup = BeautifulSoup(staff_client.get(edit).content, "html.parser")
    assert soup.select_one("select[name=repeat] option[selected]")["value"] == "custom"
    response = staff_client.post(
        edit,
        activity_form(
            title="Nieuwe naam", slug=activity.slug, repeat="custom", schedule_changes=inline_formset([])
        ),
    )
    assert response.status_code == 302, errors(response)
    activity.refresh_from_db()
    assert activity.title == "Nieuwe naam" and activity.recurrence == "FREQ=MONTHLY;BYMONTHDAY=15"
