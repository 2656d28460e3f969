"""Publishing an activity materialises its occurrences; changes update them in place."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from activities.models import ActivityPage, Occurrence, ScheduleChange
from activities.occurrences import holiday_names, materialise
from activities.schedule import compose_rrule

pytestmark = pytest.mark.django_db


def weekly_from(day):
    return compose_rrule("weekly", start_date=day)


def test_publishing_a_weekly_activity_fills_twelve_months(make_activity):
    today = timezone.localdate()
    activity = make_activity(start_date=today, recurrence=weekly_from(today))
    occurrences = list(activity.occurrences.order_by("start"))
    assert 52 <= len(occurrences) <= 53
    assert occurrences[0].key == today
    assert all(o.start.astimezone(timezone.get_current_timezone()).time() == time(14) for o in occurrences)
    assert {o.location_id for o in occurrences} == {activity.get_parent().pk}


def test_changing_the_time_updates_rows_in_place(make_activity):
    today = timezone.localdate()
    activity = make_activity(start_date=today, recurrence=weekly_from(today))
    ids = set(activity.occurrences.values_list("pk", flat=True))
    activity.start_time, activity.end_time = time(15), time(17)
    activity.save_revision().publish()
    assert (
        set(activity.occurrences.values_list("pk", flat=True)) == ids
    )  # same rows: registrations stay attached
    assert all(
        o.start.astimezone(timezone.get_current_timezone()).hour == 15 for o in activity.occurrences.all()
    )


def test_cancelling_one_week_marks_that_occurrence(make_activity):
    today = timezone.localdate()
    activity = make_activity(start_date=today, recurrence=weekly_from(today))
    cancelled_day = today + timedelta(weeks=2)
    activity.schedule_changes.add(ScheduleChange(date=cancelled_day, kind="cancelled", reason="Studiedag"))
    activity.save_revision().publish()
    occurrence = activity.occurrences.get(key=cancelled_day)
    assert occurrence.status == "cancelled" and occurrence.note == "Studiedag"
    assert activity.occurrences.filter(status="scheduled").count() == activity.occurrences.count() - 1


def test_unpublishing_removes_future_dates_but_keeps_history(make_activity):
    today = timezone.localdate()
    activity = make_activity(
        start_date=today - timedelta(weeks=3), recurrence=weekly_from(today - timedelta(weeks=3))
    )
    past = Occurrence.objects.create(
        activity=activity,
        location_id=activity.get_parent().pk,
        key=today - timedelta(weeks=3),
        start=timezone.now() - timedelta(weeks=3),
        end=timezone.now() - timedelta(weeks=3, hours=-2),
    )
    activity.unpublish()
    assert list(activity.occurrences.all()) == [past]


def test_shortening_a_series_deletes_the_dates_after_its_end(make_activity):
    today = timezone.localdate()
    activity = make_activity(start_date=today, recurrence=weekly_from(today))
    activity.recurrence = compose_rrule("weekly", until=today + timedelta(weeks=2), start_date=today)
    activity.save_revision().publish()
    assert activity.occurrences.count() == 3


def test_closed_on_school_holidays_shows_those_dates_as_holiday(make_activity):
    # Kerstvakantie 2026 (region Midden): 19 December 2026 to 3 January 2027.
    activity = make_activity(
        start_date=date(2026, 12, 1),
        recurrence="FREQ=WEEKLY;BYDAY=TU",
        holiday_closure="public+school",
    )
    materialise([activity], today=date(2026, 12, 1))
    statuses = dict(activity.occurrences.values_list("key", "status"))
    assert statuses[date(2026, 12, 15)] == "scheduled"
    assert statuses[date(2026, 12, 22)] == "holiday"
    assert statuses[date(2026, 12, 29)] == "holiday"
    assert statuses[date(2027, 1, 5)] == "scheduled"
    assert "Kerstvakantie" in activity.occurrences.get(key=date(2026, 12, 22)).note


def test_public_holidays_only_keeps_school_holidays_open(make_activity):
    activity = make_activity(
        start_date=date(2026, 12, 1), recurrence="FREQ=WEEKLY;BYDAY=FR", holiday_closure="public"
    )
    materialise([activity], today=date(2026, 12, 1))
    statuses = dict(activity.occurrences.values_list("key", "status"))
    assert statuses[date(2026, 12, 25)] == "holiday"  # Eerste kerstdag
    assert statuses[date(2027, 1, 1)] == "holiday"  # Nieuwjaarsdag
    assert statuses[date(2026, 12, 18)] == "scheduled"


def test_holiday_names_cover_public_and_school_holidays():
    names = holiday_names(date(2026, 4, 20), date(2026, 5, 31), "public+school")
    assert "Koningsdag" in names[date(2026, 4, 27)]
    assert names[date(2026, 5, 14)] == "Hemelvaartsdag"
    assert "Meivakantie" in names[date(2026, 4, 28)]


def test_nightly_refresh_rolls_the_horizon_and_is_idempotent(make_activity):
    today = timezone.localdate()
    activity = make_activity(start_date=today, recurrence=weekly_from(today))
    assert materialise() == {"created": 0, "updated": 0, "deleted": 0}
    later = materialise(today=today + timedelta(weeks=4))
    assert later["created"] == 4 and later["deleted"] == 0
    assert activity.occurrences.count() == ActivityPage.objects.get(pk=activity.pk).occurrences.count()


def test_moving_an_activity_to_another_welkomhuis_moves_its_dates(make_activity, make_location):
    activity = make_activity()
    other = make_location(title="Buurthuis Elders")
    activity.move(other, pos="last-child")
    assert set(Occurrence.objects.filter(activity=activity).values_list("location_id", flat=True)) == {
        other.pk
    }
