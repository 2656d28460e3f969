"""Activities as RFC 5545 calendars (built with icalendar, so lines end in CRLF).

A series is one VEVENT with its RRULE, EXDATE and RDATE; a cancelled, moved
or holiday date is an override VEVENT with the same UID and a RECURRENCE-ID.
UIDs are stable: a calendar app that subscribed keeps its events on refresh.
``absolute`` turns a path into a full URL (``request.build_absolute_uri`` in a view).
"""

from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vGeo, vRecur

from .schedule import _UNTIL, AMSTERDAM, as_series_says, local

# The EU daylight-saving rules as a VTIMEZONE with yearly RRULEs (as Google and
# Thunderbird write it): short, and right for every year the series may run.
VTIMEZONE = Timezone.from_ical(
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Amsterdam\r\n"
    "X-LIC-LOCATION:Europe/Amsterdam\r\n"
    "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
    "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
    "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
)
REFRESH = "PT6H"


def new_calendar(name):
    calendar = Calendar()
    calendar.add("prodid", "-//Welkomhuis Utrecht//Activiteiten//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    calendar.add_component(VTIMEZONE)
    return calendar


def uid(activity, key=None):
    suffix = f"-{key:%Y%m%d}" if key else ""
    return f"activity-{activity.pk}{suffix}@{settings.CALENDAR_UID_DOMAIN}"


def series_events(activity, occurrences, absolute):
    """The VEVENTs of one activity: the series, plus an override for each changed date."""
    schedule = activity.schedule
    master = _event(activity, absolute)
    master.add("uid", uid(activity))
    _add_times(master, schedule, schedule.start_date, None, None)
    if schedule.rrule:
        master.add("rrule", vRecur.from_ical(export_rrule(schedule.rrule, schedule.all_day)))
    for change in schedule.changes:
        if change.kind == "excluded":
            master.add("exdate", _series_start(schedule, change.date))
        elif change.kind == "extra":
            master.add("rdate", _series_start(schedule, change.date))
    events = [master]
    for occurrence in occurrences:
        if not _differs(schedule, occurrence):
            continue
        override = _event(activity, absolute, occurrence)
        override.add("uid", uid(activity))
        override.add("recurrence-id", _series_start(schedule, occurrence.key))
        _add_times(override, schedule, None, occurrence.start, occurrence.end)
        events.append(override)
    return events


def occurrence_event(activity, occurrence, absolute):
    """One date as an event of its own: the "add to my calendar" download."""
    event = _event(activity, absolute, occurrence)
    event.add("uid", uid(activity, occurrence.key))
    _add_times(event, activity.schedule, None, occurrence.start, occurrence.end)
    return event


def export_rrule(rrule, all_day):
    """Our RRULE keeps UNTIL as a local date; RFC 5545 wants UTC with a timed DTSTART."""
    if all_day:
        return rrule

    def to_utc(match):
        day = datetime.strptime(match.group(1), "%Y%m%d").date()
        end_of_day = datetime.combine(day, time(23, 59, 59), tzinfo=AMSTERDAM).astimezone(UTC)
        return f"UNTIL={end_of_day:%Y%m%dT%H%M%SZ}"

    return _UNTIL.sub(to_utc, rrule)


def response(calendar, filename, download=False):
    result = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    result["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    result["Cache-Control"] = "public, max-age=900"
    return result


def _event(activity, absolute, occurrence=None):
    event = Event()
    location = activity.location
    url = absolute(activity.get_url())
    event.add("summary", activity.title)
    description = activity.summary
    if occurrence is not None and occurrence.note:
        description = f"{occurrence.note}\n\n{description}"
    event.add("description", f"{description}\n\n{url}")
    event.add("url", url)
    event.add("location", f"{location.title}, {location.street_address}, {location.postcode} {location.city}")
    event.add("geo", vGeo(location.coordinates))
    event.add("categories", [activity.activity_type.label])
    event.add("dtstamp", (activity.last_published_at or timezone.now()).astimezone(UTC))
    cancelled = occurrence is not None and occurrence.status != "scheduled"
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    return event


def _add_times(event, schedule, first_date, start, end):
    if schedule.all_day:
        start_day = first_date or start.astimezone(AMSTERDAM).date()
        end_day = (start_day + schedule.duration()) if first_date else end.astimezone(AMSTERDAM).date()
        event.add("dtstart", start_day)
        event.add("dtend", end_day)
    elif first_date:
        first = local(first_date, schedule.start_time)
        event.add("dtstart", first)
        event.add("dtend", first + schedule.duration())
    else:
        event.add("dtstart", start.astimezone(AMSTERDAM))
        event.add("dtend", end.astimezone(AMSTERDAM))


def _series_start(schedule, day):
    return day if schedule.all_day else local(day, schedule.start_time)


def _differs(schedule, occurrence):
    """Whether a date needs an override: not as the series says (cancelled, holiday, moved, other times)."""
    if occurrence.status != "scheduled" or occurrence.moved_from:
        return True
    usual = as_series_says(schedule, occurrence.key)
    return (occurrence.start, occurrence.end) != (usual.start, usual.end)
