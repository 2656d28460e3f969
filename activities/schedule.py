"""An activity's schedule, and the occurrences it produces.

A schedule is what RFC 5545 calls a recurrence set: a first date with a start
and end time (wall-clock time in Europe/Amsterdam, or all day), an optional
RRULE, and changes to single dates (left out, cancelled, moved, or added). The
same representation serves the admin form, the occurrence table, the .ics
feeds and the calendar import, so nothing is translated twice.

Everything here is plain functions over plain values: no database, no HTTP.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
HORIZON_DAYS = 366

WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class ScheduleError(ValueError):
    """A schedule that cannot produce occurrences, with a message for the person who wrote it."""


@dataclass(frozen=True)
class Change:
    """A change to one date of a series."""

    date: date  # the date as the series has it (RECURRENCE-ID); for "extra", the added date
    kind: str  # "excluded" | "cancelled" | "moved" | "extra"
    reason: str = ""
    new_date: date | None = None
    new_start_time: time | None = None
    new_end_time: time | None = None


@dataclass(frozen=True)
class Schedule:
    start_date: date
    start_time: time | None = None  # None: all day
    end_time: time | None = None
    end_date: date | None = None  # for an activity over several days
    rrule: str = ""  # the RRULE value, e.g. "FREQ=WEEKLY;BYDAY=TU"; empty: once
    changes: tuple[Change, ...] = ()
    closed_on_holidays: bool = False

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def is_recurring(self):
        return bool(self.rrule)

    def duration(self):
        last_day = self.end_date or self.start_date
        if self.all_day:
            return timedelta(days=(last_day - self.start_date).days + 1)
        end = datetime.combine(last_day, self.end_time or self.start_time)
        duration = end - datetime.combine(self.start_date, self.start_time)
        return duration if duration > timedelta(0) else timedelta(hours=1)


@dataclass(frozen=True)
class OccurrenceSpec:
    key: date  # the date in the series (stable identity; RECURRENCE-ID)
    start: datetime  # aware, Europe/Amsterdam
    end: datetime
    all_day: bool = False
    status: str = "scheduled"  # "scheduled" | "cancelled" | "holiday"
    note: str = ""
    moved_from: date | None = None


@dataclass
class _Changes:
    by_date: dict = field(default_factory=dict)
    extra: list = field(default_factory=list)


def local(day, clock):
    """A wall-clock time in Amsterdam as an aware datetime (correct on both sides of DST)."""
    return datetime.combine(day, clock or time(0), tzinfo=AMSTERDAM)


def dates(schedule, first, last):
    """The series' own dates (before changes and holidays) from first to last, inclusive."""
    if not schedule.rrule:
        return [schedule.start_date] if first <= schedule.start_date <= last else []
    rule = parse_rule(schedule.rrule, schedule.start_date)
    return [
        d.date()
        for d in rule.between(
            datetime.combine(first, time(0)), datetime.combine(last, time(23, 59, 59)), inc=True
        )
    ]


def expand(schedule, first, last, holidays=None):
    """The occurrences whose series date lies from first to last (inclusive).

    ``holidays`` maps dates to a name; with ``closed_on_holidays`` those dates
    become occurrences with status "holiday" (shown as "no activity").
    """
    holidays = holidays or {}
    changes = _Changes()
    for change in schedule.changes:
        if change.kind == "extra":
            changes.extra.append(change)
        else:
            changes.by_date[change.date] = change
    duration = schedule.duration()
    specs = []
    for day in dates(schedule, first, last):
        change = changes.by_date.get(day)
        if change and change.kind == "excluded":
            continue
        spec = _occurrence(schedule, day, day, schedule.start_time, schedule.end_time, duration)
        if change and change.kind == "cancelled":
            spec = _replace(spec, status="cancelled", note=change.reason)
        elif change and change.kind == "moved":
            moved_day = change.new_date or day
            # A new start time without a new end time keeps the usual duration.
            end_time = change.new_end_time or (None if change.new_start_time else schedule.end_time)
            spec = _occurrence(
                schedule, day, moved_day, change.new_start_time or schedule.start_time, end_time, duration
            )
            spec = _replace(spec, note=change.reason, moved_from=day if moved_day != day else None)
        elif schedule.closed_on_holidays and day in holidays:
            spec = _replace(spec, status="holiday", note=holidays[day])
        specs.append(spec)
    seen = {spec.key for spec in specs}
    for change in changes.extra:
        # An extra date the series already has (or listed twice) is just that date.
        if first <= change.date <= last and change.date not in seen:
            seen.add(change.date)
            specs.append(
                _occurrence(
                    schedule,
                    change.date,
                    change.date,
                    change.new_start_time or schedule.start_time,
                    change.new_end_time or schedule.end_time,
                    duration,
                )
            )
    return sorted(specs, key=lambda s: (s.start, s.key))


def as_series_says(schedule, day):
    """The occurrence on a series date before any change: to see whether a date was changed."""
    return _occurrence(schedule, day, day, schedule.start_time, schedule.end_time, schedule.duration())


def _occurrence(schedule, key, day, start_time, end_time, duration):
    if schedule.all_day:
        start = local(day, time(0))
        return OccurrenceSpec(key, start, local(day + duration, time(0)), all_day=True)
    start = local(day, start_time)
    if end_time and end_time > start_time and duration < timedelta(days=1):
        end = local(day, end_time)
    else:
        end = local(day, start_time) + duration
    return OccurrenceSpec(key, start, end)


def _replace(spec, **changes):
    return OccurrenceSpec(**{**spec.__dict__, **changes})


# --- RRULE text -----------------------------------------------------------------

_UNTIL = re.compile(r"UNTIL=(\d{8})(T\d{6}Z?)?", re.IGNORECASE)


SUPPORTED_FREQUENCIES = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}


def parse_rule(rrule, start_date):
    """A dateutil rule set over naive local datetimes; UNTIL is a local date, inclusive.

    As RFC 5545 says (and calendar apps do), the first date is always an
    occurrence, even when it is not on one of the rule's days.
    """
    text = _UNTIL.sub(lambda m: f"UNTIL={m.group(1)}T235959", rrule.strip().upper())
    parts = dict(part.split("=", 1) for part in text.split(";") if "=" in part)
    unreadable = ScheduleError(_("This repeat rule cannot be read: %(rule)s") % {"rule": rrule})
    # Rules more often than daily, or with an interval below 1, would never end expanding.
    if parts.get("FREQ") not in SUPPORTED_FREQUENCIES or not parts.get("INTERVAL", "1").isdigit():
        raise unreadable
    if int(parts.get("INTERVAL", "1")) < 1:
        raise unreadable
    try:
        return rrulestr(f"RRULE:{text}", dtstart=datetime.combine(start_date, time(0)), compatible=True)
    except (ValueError, TypeError, OverflowError) as error:
        raise unreadable from error


def compose_rrule(repeat, interval=1, weekdays=(), month_week=None, until=None, count=None, start_date=None):
    """Build the RRULE text for what the admin form offers.

    repeat: "once" | "daily" | "weekly" | "monthly" (monthly: the nth weekday of start_date).
    """
    if repeat == "once":
        return ""
    parts = [f"FREQ={repeat.upper()}"]
    if interval and interval > 1:
        parts.append(f"INTERVAL={interval}")
    if repeat == "weekly":
        codes = list(weekdays) or ([WEEKDAY_CODES[start_date.weekday()]] if start_date else [])
        parts.append("BYDAY=" + ",".join(sorted(codes, key=WEEKDAY_CODES.index)))
    if repeat == "monthly":
        position = month_week or _week_of_month(start_date)
        parts.append(f"BYDAY={position}{WEEKDAY_CODES[start_date.weekday()]}")
    if until:
        parts.append(f"UNTIL={until:%Y%m%d}")
    elif count:
        parts.append(f"COUNT={count}")
    return ";".join(parts)


def describe_rrule(rrule):
    """The admin form's fields for an RRULE, or None when the form cannot show it (imported rules)."""
    if not rrule:
        return {"repeat": "once"}
    parts = dict(part.split("=", 1) for part in rrule.upper().split(";") if "=" in part)
    known = {"FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT"}
    freq = parts.get("FREQ", "").lower()
    if set(parts) - known or freq not in ("daily", "weekly", "monthly"):
        return None
    result = {"repeat": freq, "interval": int(parts.get("INTERVAL", 1)), "weekdays": [], "month_week": None}
    byday = [d for d in parts.get("BYDAY", "").split(",") if d]
    if freq == "daily" and byday:
        return None
    if freq == "weekly":
        if not all(d in WEEKDAY_CODES for d in byday):
            return None
        result["weekdays"] = byday
    if freq == "monthly":
        match = re.fullmatch(r"([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)", byday[0]) if len(byday) == 1 else None
        if not match or match.group(1) not in ("1", "2", "3", "4", "-1", "+1"):
            return None
        result["month_week"] = int(match.group(1))
    if "UNTIL" in parts:
        result["until"] = datetime.strptime(parts["UNTIL"][:8], "%Y%m%d").date()
    if "COUNT" in parts:
        result["count"] = int(parts["COUNT"])
    return result


def _week_of_month(day):
    return (day.day - 1) // 7 + 1


# --- Words for visitors ---------------------------------------------------------------


def describe(schedule):
    """'Every Tuesday, 14:00–16:00' in the active language."""
    text, times = describe_parts(schedule)
    return f"{text}, {times}" if times else text


def describe_parts(schedule):
    """('Every Tuesday', '14:00–16:00'): apart, so that a page can keep the times left-to-right
    in Arabic, as everywhere else on the site."""
    times = ""
    if not schedule.all_day:
        times = formats.time_format(schedule.start_time, "H:i")
        if schedule.end_time:
            times += "–" + formats.time_format(schedule.end_time, "H:i")
    if not schedule.rrule:
        return formats.date_format(schedule.start_date, "l j E Y"), times
    fields = describe_rrule(schedule.rrule)
    if fields is None:
        return _("Repeats (see the dates below)"), times
    return _describe_fields(fields, schedule.start_date), times


def _describe_fields(fields, start_date):
    interval = fields.get("interval", 1)
    if fields["repeat"] == "daily":
        if interval == 1:
            text = pgettext("repeat", "Every day")
        else:
            text = ngettext("Every %(n)s day", "Every %(n)s days", interval) % {"n": interval}
    elif fields["repeat"] == "weekly":
        codes = fields["weekdays"] or [WEEKDAY_CODES[start_date.weekday()]]  # no BYDAY: the first date's day
        days = _join([formats.date_format(_date_for_weekday(code), "l") for code in codes])
        if interval == 1:
            text = _("Every %(days)s") % {"days": days}
        else:
            text = ngettext("Every %(n)s week on %(days)s", "Every %(n)s weeks on %(days)s", interval) % {
                "n": interval,
                "days": days,
            }
    else:
        weekday = formats.date_format(start_date, "l")
        position = {
            1: _("first"),
            2: _("second"),
            3: _("third"),
            4: _("fourth"),
            -1: _("last"),
        }[fields["month_week"]]
        if interval == 1:
            text = _("Every month on the %(position)s %(weekday)s") % {
                "position": position,
                "weekday": weekday,
            }
        else:
            text = ngettext(
                "Every %(n)s month on the %(position)s %(weekday)s",
                "Every %(n)s months on the %(position)s %(weekday)s",
                interval,
            ) % {"n": interval, "position": position, "weekday": weekday}
    if fields.get("until"):
        text += " " + _("until %(date)s") % {"date": formats.date_format(fields["until"], "j E Y")}
    return text


def _date_for_weekday(code):
    # A Monday, plus the weekday's index: only used to get the day's name in the active language.
    return date(2024, 1, 1) + timedelta(days=WEEKDAY_CODES.index(code))


def _join(words):
    if len(words) <= 1:
        return "".join(words)
    separator = pgettext("between the items of a list", ", ")
    return _("%(first)s and %(last)s") % {"first": separator.join(words[:-1]), "last": words[-1]}
