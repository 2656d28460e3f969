"""Room bookings as private .ics feeds: a coach's own bookings, and a welkomhuis's rooms for its staff.

Each booking is one VEVENT (a series's dates can differ in room and status, so
no RRULE); a cancelled one stays in the feed as STATUS:CANCELLED for a while,
so subscribed calendars remove it instead of keeping a stale event.
"""

from datetime import UTC, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event

from activities.ical import new_calendar

from .opening_hours import AMSTERDAM

PAST_DAYS = 30


def feed_bookings(queryset, now=None):
    """What a feed shows: from a month ago on, cancelled ones included (so calendars drop them)."""
    now = now or timezone.now()
    return queryset.filter(end__gte=now - timedelta(days=PAST_DAYS)).select_related(
        "room__page", "series__coach__organisation", "series__coach__user"
    )


def calendar(name, bookings, for_staff=False):
    result = new_calendar(name)
    result["prodid"] = "-//Welkomhuis Utrecht//Ruimtes//NL"
    for booking in bookings:
        result.add_component(event(booking, for_staff=for_staff))
    return result


def event(booking, for_staff=False):
    """One booking. Staff see who booked; a coach's own feed says what for."""
    room, location = booking.room, booking.room.page
    item = Event()
    item.add("uid", f"room-booking-{booking.pk}@{settings.CALENDAR_UID_DOMAIN}")
    item.add("dtstamp", (booking.cancelled_at or booking.created_at or timezone.now()).astimezone(UTC))
    item.add("dtstart", booking.start.astimezone(AMSTERDAM))
    item.add("dtend", booking.end.astimezone(AMSTERDAM))
    item.add("location", f"{location.title}, {room.name}, {location.street_address}, {location.city}")
    item.add("summary", summary(booking, for_staff))
    item.add("status", {"cancelled": "CANCELLED", "pending": "TENTATIVE"}.get(booking.status, "CONFIRMED"))
    item.add("transp", "OPAQUE")
    return item


def summary(booking, for_staff):
    if booking.is_block:
        return _("Room closed: %(reason)s") % {"reason": booking.block_reason or "-"}
    series = booking.series
    what = series.purpose or (series.public_name if series.is_public else _("Room booking"))
    if for_staff:
        return f"{booking.room.name}: {series.coach.organisation} ({series.coach.name}) – {what}"
    return f"{what} – {booking.room.name}"
