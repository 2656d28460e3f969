"""Schedules as plain values: RRULE expansion, changes to single dates, holidays, DST, words."""

from datetime import date, time, timedelta

import pytest
from django.utils import translation

from activities.schedule import (
    AMSTERDAM,
    Change,
    Schedule,
    ScheduleError,
    compose_rrule,
    describe,
    describe_rrule,
    expand,
)

TUESDAY = date(2026, 3, 3)


def weekly(**kwargs):
    return Schedule(
        start_date=TUESDAY,
        start_time=time(14),
        end_time=time(16),
        rrule=compose_rrule("weekly", start_date=TUESDAY),
        **kwargs,
    )


def test_weekly_series_gives_every_tuesday_in_the_window():
    specs = expand(weekly(), date(2026, 3, 1), date(2026, 3, 31))
    assert [s.key for s in specs] == [date(2026, 3, d) for d in (3, 10, 17, 24, 31)]
    assert all(s.start.weekday() == 1 and s.status == "scheduled" for s in specs)


def test_wall_clock_time_is_kept_across_daylight_saving():
    # Summer time starts on 29 March 2026: 14:00 stays 14:00, the UTC time moves.
    before, after = expand(weekly(), date(2026, 3, 24), date(2026, 3, 31))
    assert before.start.hour == after.start.hour == 14
    assert before.start.utcoffset() == timedelta(hours=1)
    assert after.start.utcoffset() == timedelta(hours=2)
    assert after.end.hour == 16


def test_every_other_week_on_two_days_until_a_date():
    rule = compose_rrule(
        "weekly", interval=2, weekdays=["TU", "TH"], until=date(2026, 3, 31), start_date=TUESDAY
    )
    assert rule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20260331"
    specs = expand(Schedule(TUESDAY, time(10), time(11), rrule=rule), date(2026, 1, 1), date(2026, 12, 31))
    assert [s.key for s in specs] == [date(2026, 3, d) for d in (3, 5, 17, 19, 31)]


def test_until_is_inclusive_for_an_evening_activity():
    rule = compose_rrule("weekly", until=date(2026, 3, 17), start_date=TUESDAY)
    specs = expand(Schedule(TUESDAY, time(19), time(21), rrule=rule), TUESDAY, date(2026, 12, 31))
    assert specs[-1].key == date(2026, 3, 17)


def test_count_limits_the_series():
    rule = compose_rrule("daily", count=3, start_date=TUESDAY)
    specs = expand(Schedule(TUESDAY, time(9), time(10), rrule=rule), TUESDAY, date(2026, 12, 31))
    assert [s.key for s in specs] == [date(2026, 3, 3), date(2026, 3, 4), date(2026, 3, 5)]


def test_monthly_on_the_last_friday():
    friday = date(2026, 1, 30)
    rule = compose_rrule("monthly", month_week=-1, start_date=friday)
    assert rule == "FREQ=MONTHLY;BYDAY=-1FR"
    specs = expand(Schedule(friday, time(17), time(20), rrule=rule), friday, date(2026, 5, 31))
    assert [s.key for s in specs] == [
        date(2026, 1, 30),
        date(2026, 2, 27),
        date(2026, 3, 27),
        date(2026, 4, 24),
        date(2026, 5, 29),
    ]


def test_cancelled_date_stays_visible_with_its_reason():
    schedule = weekly(changes=(Change(date(2026, 3, 10), "cancelled", reason="Docent ziek"),))
    specs = {s.key: s for s in expand(schedule, date(2026, 3, 1), date(2026, 3, 31))}
    assert specs[date(2026, 3, 10)].status == "cancelled"
    assert specs[date(2026, 3, 10)].note == "Docent ziek"
    assert specs[date(2026, 3, 17)].status == "scheduled"


def test_excluded_date_is_left_out():
    schedule = weekly(changes=(Change(date(2026, 3, 10), "excluded"),))
    keys = [s.key for s in expand(schedule, date(2026, 3, 1), date(2026, 3, 31))]
    assert date(2026, 3, 10) not in keys and len(keys) == 4


def test_moved_date_keeps_its_key_and_says_where_it_came_from():
    move = Change(date(2026, 3, 10), "moved", new_date=date(2026, 3, 12), new_start_time=time(15))
    spec = {s.key: s for s in expand(weekly(changes=(move,)), date(2026, 3, 1), date(2026, 3, 31))}[
        date(2026, 3, 10)
    ]
    assert spec.start == spec.start.replace(year=2026, month=3, day=12, hour=15)
    assert spec.moved_from == date(2026, 3, 10)
    assert spec.end - spec.start == timedelta(hours=2)


def test_extra_date_is_added():
    extra = Change(date(2026, 3, 13), "extra")
    keys = [s.key for s in expand(weekly(changes=(extra,)), date(2026, 3, 1), date(2026, 3, 15))]
    assert keys == [date(2026, 3, 3), date(2026, 3, 10), date(2026, 3, 13)]


def test_holidays_close_only_when_asked():
    holidays = {date(2026, 3, 10): "Testdag"}
    open_specs = {s.key: s for s in expand(weekly(), date(2026, 3, 1), date(2026, 3, 31), holidays)}
    assert open_specs[date(2026, 3, 10)].status == "scheduled"
    closed = {
        s.key: s
        for s in expand(weekly(closed_on_holidays=True), date(2026, 3, 1), date(2026, 3, 31), holidays)
    }
    assert closed[date(2026, 3, 10)].status == "holiday"
    assert closed[date(2026, 3, 10)].note == "Testdag"


def test_one_off_all_day_event_over_two_days():
    schedule = Schedule(date(2026, 6, 6), end_date=date(2026, 6, 7))
    (spec,) = expand(schedule, date(2026, 6, 1), date(2026, 6, 30))
    assert spec.all_day
    assert spec.start == spec.start.replace(year=2026, month=6, day=6, hour=0)
    assert spec.end.date() == date(2026, 6, 8) and spec.end.tzinfo == AMSTERDAM


def test_unreadable_rule_raises_a_schedule_error():
    with pytest.raises(ScheduleError):
        expand(Schedule(TUESDAY, time(9), rrule="FREQ=SOMETIMES"), TUESDAY, TUESDAY)


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("", {"repeat": "once"}),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH", {"repeat": "weekly", "interval": 2, "weekdays": ["TU", "TH"]}),
        ("FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231", {"repeat": "monthly", "month_week": -1}),
        ("FREQ=MONTHLY;BYMONTHDAY=15", None),  # imported: the form cannot show it
        ("FREQ=YEARLY", None),
    ],
)
def test_form_fields_for_a_rule(rule, expected):
    fields = describe_rrule(rule)
    if expected is None:
        assert fields is None
    else:
        assert {k: fields[k] for k in expected} == expected


def test_description_in_the_visitors_language():
    schedule = Schedule(TUESDAY, time(14), time(16), rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH")
    with translation.override("en"):
        assert describe(schedule) == "Every 2 weeks on Tuesday and Thursday, 14:00–16:00"
    with translation.override("nl"):
        assert describe(schedule) == "Om de 2 weken op dinsdag en donderdag, 14:00–16:00"
