"""Opening hours and the "open now" state, as pure functions (no database)."""

from datetime import UTC, date, datetime, time

from locations.opening_hours import AMSTERDAM, DateException, Hours, OpeningSchedule

# 2026-03-23 is a Monday.
MONDAY = date(2026, 3, 23)


def at(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=AMSTERDAM)


def weekdays(opens, closes):
    return [Hours(d, opens, closes) for d in range(5)]


def test_open_during_hours_says_until_when():
    state = OpeningSchedule(weekdays(time(9), time(17))).state_at(at(MONDAY, 10))
    assert state.is_open
    assert state.closes_at == at(MONDAY, 17)


def test_closed_before_opening_says_opens_today():
    state = OpeningSchedule(weekdays(time(9), time(17))).state_at(at(MONDAY, 8, 30))
    assert not state.is_open
    assert state.opens_at == at(MONDAY, 9)


def test_closing_time_itself_is_closed():
    state = OpeningSchedule(weekdays(time(9), time(17))).state_at(at(MONDAY, 17))
    assert not state.is_open
    assert state.opens_at == at(date(2026, 3, 24), 9)


def test_lunch_break_between_two_intervals():
    schedule = OpeningSchedule([Hours(0, time(9), time(12)), Hours(0, time(13), time(17))])
    assert not schedule.state_at(at(MONDAY, 12, 30)).is_open
    assert schedule.state_at(at(MONDAY, 12, 30)).opens_at == at(MONDAY, 13)
    assert schedule.state_at(at(MONDAY, 13, 1)).closes_at == at(MONDAY, 17)


def test_friday_evening_next_opening_is_monday():
    friday = date(2026, 3, 27)
    state = OpeningSchedule(weekdays(time(9), time(17))).state_at(at(friday, 18))
    assert state.opens_at == at(date(2026, 3, 30), 9)


def test_holiday_closure_gives_reason_and_next_opening():
    schedule = OpeningSchedule(weekdays(time(9), time(17)), [DateException(MONDAY, reason="Pasen")])
    state = schedule.state_at(at(MONDAY, 10))
    assert not state.is_open
    assert state.reason == "Pasen"
    assert state.opens_at == at(date(2026, 3, 24), 9)


def test_multi_day_closure_covers_every_day():
    closure = DateException(MONDAY, end_date=date(2026, 3, 27), reason="Verbouwing")
    schedule = OpeningSchedule(weekdays(time(9), time(17)), [closure])
    assert [d.is_closed for d in schedule.week(MONDAY)] == [True] * 7
    assert schedule.state_at(at(date(2026, 3, 25), 10)).opens_at == at(date(2026, 3, 30), 9)


def test_special_hours_replace_the_weekly_hours():
    special = DateException(MONDAY, closed=False, opens=time(13), closes=time(15), reason="Studiedag")
    schedule = OpeningSchedule(weekdays(time(9), time(17)), [special])
    assert not schedule.state_at(at(MONDAY, 10)).is_open
    assert schedule.state_at(at(MONDAY, 14)).closes_at == at(MONDAY, 15)


def test_one_day_opening_inside_a_closed_week_wins():
    week_closed = DateException(MONDAY, end_date=date(2026, 3, 29), reason="Zomer")
    open_wednesday = DateException(date(2026, 3, 25), closed=False, opens=time(10), closes=time(12))
    schedule = OpeningSchedule(weekdays(time(9), time(17)), [week_closed, open_wednesday])
    assert schedule.state_at(at(date(2026, 3, 25), 11)).is_open
    assert not schedule.state_at(at(date(2026, 3, 26), 11)).is_open


def test_hours_are_wall_clock_on_both_sides_of_daylight_saving():
    # Summer time starts on Sunday 29 March 2026; open 10-16 on Sundays.
    schedule = OpeningSchedule([Hours(6, time(10), time(16))])
    winter_sunday, summer_sunday = date(2026, 3, 22), date(2026, 3, 29)
    assert schedule.state_at(at(winter_sunday, 10, 30)).is_open
    assert schedule.state_at(at(summer_sunday, 10, 30)).is_open
    # 08:30 UTC is 10:30 in summer time: open; an hour earlier in UTC terms it is not.
    utc_0830 = datetime(2026, 3, 29, 8, 30, tzinfo=UTC)
    assert schedule.state_at(utc_0830).is_open
    assert not schedule.state_at(datetime(2026, 3, 22, 8, 30, tzinfo=UTC)).is_open


def test_week_starts_on_monday_and_marks_today():
    wednesday = date(2026, 3, 25)
    week = OpeningSchedule(weekdays(time(9), time(17))).week(wednesday)
    assert [d.date.weekday() for d in week] == list(range(7))
    assert [d.is_today for d in week] == [False, False, True, False, False, False, False]
    assert week[5].is_closed and week[6].is_closed


def test_no_hours_at_all_means_closed_without_a_next_opening():
    state = OpeningSchedule([]).state_at(at(MONDAY, 10))
    assert not state.is_open and state.opens_at is None
