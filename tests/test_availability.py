"""When a room is free: opening hours minus bookings (and the buffer after each), as plain functions."""

from datetime import date, datetime, time, timedelta

from locations.availability import Period, fits, free_periods, occupancy, open_periods, subtract
from locations.opening_hours import AMSTERDAM, DateException, Hours, OpeningSchedule

TUESDAY = date(2026, 12, 8)


def at(clock, day=TUESDAY):
    hour, minute = map(int, clock.split(":"))
    return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM)


def period(start, end, day=TUESDAY):
    return Period(at(start, day), at(end, day))


def labels(periods):
    return [f"{p.start.astimezone(AMSTERDAM):%H:%M}-{p.end.astimezone(AMSTERDAM):%H:%M}" for p in periods]


def test_free_periods_are_the_opening_hours_minus_the_bookings():
    opening = [period("09:00", "12:00"), period("13:00", "17:00")]
    busy = [period("10:00", "11:00"), period("13:00", "14:30")]
    assert labels(free_periods(opening, busy)) == ["09:00-10:00", "11:00-12:00", "14:30-17:00"]


def test_the_buffer_keeps_time_free_after_every_booking():
    opening = [period("09:00", "17:00")]
    # A booking 10:00-11:00 in a room with 15 minutes buffer occupies it until 11:15.
    busy = [period("10:00", "11:15")]
    buffer = timedelta(minutes=15)
    assert labels(free_periods(opening, busy, buffer)) == ["09:00-09:45", "11:15-17:00"]
    assert fits(opening, busy, period("09:00", "09:45"), buffer)
    assert not fits(opening, busy, period("09:00", "09:50"), buffer)  # its own buffer would touch 10:00
    assert fits(opening, busy, period("11:15", "12:00"), buffer)
    assert not fits(opening, busy, period("11:00", "12:00"), buffer)


def test_a_booking_must_lie_inside_one_opening_period():
    opening = [period("09:00", "12:00"), period("13:00", "17:00")]
    assert fits(opening, [], period("13:00", "17:00"))
    assert not fits(opening, [], period("11:30", "13:30"))  # across the lunch closure
    assert not fits(opening, [], period("16:30", "17:30"))
    assert not fits([], [], period("10:00", "11:00"))  # closed all day


def test_window_and_minimum_length_narrow_the_result():
    opening = [period("09:00", "17:00")]
    busy = [period("12:00", "12:45"), period("14:00", "16:30")]
    result = free_periods(opening, busy, window=period("12:00", "18:00"), minimum=timedelta(hours=1))
    assert labels(result) == ["12:45-14:00"]


def test_periods_in_the_past_start_at_the_next_quarter_hour():
    opening = [period("09:00", "17:00")]
    result = free_periods(opening, [], now=at("10:07"))
    assert labels(result) == ["10:15-17:00"]


def test_opening_hours_and_exceptions_come_from_the_welkomhuis_schedule():
    schedule = OpeningSchedule(
        [Hours(1, time(9), time(12)), Hours(1, time(13), time(17))],
        [DateException(date(2026, 12, 15), closed=True, reason="Studiedag")],
    )
    assert labels(open_periods(schedule, TUESDAY)) == ["09:00-12:00", "13:00-17:00"]
    assert open_periods(schedule, date(2026, 12, 15)) == []
    assert open_periods(schedule, date(2026, 12, 9)) == []  # no hours on Wednesday


def test_hours_are_wall_clock_time_on_both_sides_of_the_clock_change():
    schedule = OpeningSchedule([Hours(6, time(9), time(17))])
    before, after = date(2026, 10, 18), date(2026, 10, 25)  # DST ends on 25 October 2026
    (summer,) = open_periods(schedule, before)
    (winter,) = open_periods(schedule, after)
    assert summer.start.utcoffset() == timedelta(hours=2) and winter.start.utcoffset() == timedelta(hours=1)
    assert labels([summer]) == labels([winter]) == ["09:00-17:00"]


def test_subtract_handles_bookings_that_overlap_the_edges():
    assert labels(
        subtract([period("09:00", "17:00")], [period("08:00", "10:00"), period("16:00", "18:00")])
    ) == ["10:00-16:00"]


def test_occupancy_counts_booked_hours_inside_opening_hours():
    opening = [period("09:00", "17:00"), period("09:00", "13:00", date(2026, 12, 9))]
    booked = [period("10:00", "12:00"), period("12:00", "14:00", date(2026, 12, 9))]
    assert occupancy(opening, booked) == (3.0, 12.0)  # 2 h + the 1 h of the second inside the hours
