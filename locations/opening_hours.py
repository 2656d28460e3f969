"""Opening hours: which hours apply on a date, and is a welkomhuis open right now.

Plain functions over plain values, so they can be tested without a database.
Hours are wall-clock times in Europe/Amsterdam: 09:00 is 09:00 in summer and
in winter, and "now" is converted to Amsterdam time before comparing.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# How far ahead to look for the next opening (covers a summer closure).
LOOKAHEAD_DAYS = 42


@dataclass(frozen=True)
class Hours:
    weekday: int  # 0 = Monday, as datetime.weekday()
    opens: time
    closes: time


@dataclass(frozen=True)
class DateException:
    """Different hours (or closed) on a date or a range of dates."""

    date: date
    end_date: date | None = None
    closed: bool = True
    opens: time | None = None
    closes: time | None = None
    reason: str = ""

    def covers(self, day):
        return self.date <= day <= (self.end_date or self.date)


@dataclass(frozen=True)
class Day:
    date: date
    intervals: tuple[tuple[time, time], ...]
    exception: DateException | None
    is_today: bool = False

    @property
    def is_closed(self):
        return not self.intervals


@dataclass(frozen=True)
class OpeningState:
    is_open: bool
    closes_at: datetime | None = None  # when open: the end of the current interval
    opens_at: datetime | None = None  # when closed: the next opening, if any is known
    reason: str = ""  # why it is closed today, when an exception says so


class OpeningSchedule:
    """Weekly hours plus dated exceptions (holidays, closures, special hours).

    Accepts any objects with the attributes of ``Hours`` and ``DateException``,
    such as the ``OpeningHours`` and ``OpeningException`` model instances.
    """

    def __init__(self, weekly, exceptions=()):
        self.weekly = {}
        for h in weekly:
            self.weekly.setdefault(h.weekday, []).append((h.opens, h.closes))
        for intervals in self.weekly.values():
            intervals.sort()
        # The shortest exception wins where two overlap: a special opening on
        # one day inside a week-long closure is the more specific statement.
        self.exceptions = sorted(
            (DateException(e.date, e.end_date, e.closed, e.opens, e.closes, e.reason) for e in exceptions),
            key=lambda e: ((e.end_date or e.date) - e.date, e.date),
        )

    def exception_on(self, day):
        return next((e for e in self.exceptions if e.covers(day)), None)

    def day(self, day, today=None):
        exception = self.exception_on(day)
        if exception is None:
            intervals = tuple(self.weekly.get(day.weekday(), ()))
        elif exception.closed or not (exception.opens and exception.closes):
            intervals = ()
        else:
            intervals = ((exception.opens, exception.closes),)
        return Day(day, intervals, exception, is_today=day == today)

    def week(self, today):
        """Seven days starting on the Monday of ``today``'s week."""
        monday = today - timedelta(days=today.weekday())
        return [self.day(monday + timedelta(days=i), today) for i in range(7)]

    def state_at(self, moment):
        local = moment.astimezone(AMSTERDAM)
        today = self.day(local.date())
        now = local.time()
        for opens, closes in today.intervals:
            if opens <= now < closes:
                return OpeningState(True, closes_at=_at(local.date(), closes))
        reason = today.exception.reason if today.exception and today.is_closed else ""
        for opens, _closes in today.intervals:
            if now < opens:
                return OpeningState(False, opens_at=_at(local.date(), opens), reason=reason)
        for offset in range(1, LOOKAHEAD_DAYS + 1):
            later = self.day(local.date() + timedelta(days=offset))
            if later.intervals:
                return OpeningState(False, opens_at=_at(later.date, later.intervals[0][0]), reason=reason)
        return OpeningState(False, reason=reason)

    def is_open_at(self, moment):
        return self.state_at(moment).is_open


def _at(day, clock):
    return datetime.combine(day, clock, tzinfo=AMSTERDAM)
