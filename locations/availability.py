"""When a room is free: plain functions over plain values, so tests need no database.

Times are aware datetimes. A booking keeps its room busy from its start until
``occupied_until`` (its end plus the room's buffer). A new booking of a room
with buffer b occupies [start, end + b), so it fits where it does not touch
[busy start - b, busy end): subtracting those stretched busy periods from the
opening hours leaves exactly the periods in which any start and end fit.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .opening_hours import AMSTERDAM

SLOT_STEP = timedelta(minutes=15)


@dataclass(frozen=True)
class Period:
    start: datetime
    end: datetime

    @property
    def length(self):
        return self.end - self.start

    def overlaps(self, other):
        return self.start < other.end and other.start < self.end

    def contains(self, other):
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Week:
    """The week (Monday to Sunday) a week view shows."""

    monday: date

    @classmethod
    def of(cls, value, today):
        """The week a ?week= date (YYYY-MM-DD) falls in; this week for anything odd or far away."""
        try:
            day = date.fromisoformat(value or "")
        except ValueError:
            day = today
        if abs((day - today).days) > 5 * 366:
            day = today
        return cls(day - timedelta(days=day.weekday()))

    @property
    def days(self):
        return [self.monday + timedelta(days=n) for n in range(7)]

    @property
    def period(self):
        start = datetime.combine(self.monday, time(0), tzinfo=AMSTERDAM)
        return Period(start, datetime.combine(self.monday + timedelta(days=7), time(0), tzinfo=AMSTERDAM))

    def context(self, url):
        """What a week template shows: the dates, and links to the weeks before and after."""
        return {
            "monday": self.monday,
            "sunday": self.days[-1],
            "previous": f"{url}?week={self.monday - timedelta(days=7)}",
            "next": f"{url}?week={self.monday + timedelta(days=7)}",
        }


def open_periods(schedule, day):
    """The periods a welkomhuis is open on a date (its OpeningSchedule, exceptions included)."""
    return [
        Period(
            datetime.combine(day, opens, tzinfo=AMSTERDAM), datetime.combine(day, closes, tzinfo=AMSTERDAM)
        )
        for opens, closes in schedule.day(day).intervals
    ]


def blocking(busy, buffer):
    """The periods in which a new booking may not lie, given the existing busy periods."""
    return [Period(period.start - buffer, period.end) for period in busy]


def subtract(periods, taken):
    """What is left of ``periods`` after removing ``taken`` (both lists of Period)."""
    result = []
    taken = sorted(taken, key=lambda p: p.start)
    for period in periods:
        cursor = period.start
        for block in taken:
            if block.end <= cursor or block.start >= period.end:
                continue
            if block.start > cursor:
                result.append(Period(cursor, block.start))
            cursor = max(cursor, block.end)
        if cursor < period.end:
            result.append(Period(cursor, period.end))
    return result


def free_periods(opening, busy, buffer=timedelta(0), window=None, minimum=timedelta(0), now=None):
    """Free periods of a room within its opening hours (and a window), at least ``minimum`` long.

    A period that starts in the past starts at ``now``, rounded up to the next quarter hour.
    """
    periods = subtract(opening, blocking(busy, buffer))
    if window is not None:
        periods = [Period(max(p.start, window.start), min(p.end, window.end)) for p in periods]
    if now is not None:
        periods = [Period(max(p.start, _round_up(now)), p.end) for p in periods]
    return [p for p in periods if p.length >= minimum and p.length > timedelta(0)]


def fits(opening, busy, wanted, buffer=timedelta(0)):
    """Whether a booking for ``wanted`` (a Period) fits: inside one opening period, touching nothing."""
    return any(p.contains(wanted) for p in subtract(opening, blocking(busy, buffer)))


def occupancy(opening, booked):
    """(hours booked inside the opening hours, hours open) for a list of days' periods."""
    open_seconds = sum(p.length.total_seconds() for p in opening)
    booked_seconds = 0.0
    for period in opening:
        for booking in booked:
            start, end = max(period.start, booking.start), min(period.end, booking.end)
            if start < end:
                booked_seconds += (end - start).total_seconds()
    return booked_seconds / 3600, open_seconds / 3600


def _round_up(moment):
    local = moment.astimezone(AMSTERDAM)
    floor = local.replace(minute=local.minute - local.minute % 15, second=0, microsecond=0)
    return floor if floor == local else floor + SLOT_STEP
