"""Emails about room bookings, sent by the worker after the booking committed."""

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import ical
from .models import BookingSeries, RoomBooking
from .permissions import staff_emails

SUBJECTS = {
    "booked": gettext_lazy("Room booked: %(room)s"),
    "pending": gettext_lazy("Waiting for approval: %(room)s"),
    "approved": gettext_lazy("Booking approved: %(room)s"),
    "declined": gettext_lazy("Booking declined: %(room)s"),
    "cancelled_by_staff": gettext_lazy("Booking cancelled by the welkomhuis: %(room)s"),
    "approval_needed": gettext_lazy("A booking waits for your approval: %(room)s"),
}


@shared_task(autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def send_booking_email(series_id, kind, booking_ids):
    """Tell the coach what happened to their booking (with the dates as .ics); ask staff to approve."""
    series = (
        BookingSeries.objects.select_related("coach__user", "coach__organisation")
        .filter(pk=series_id)
        .first()
    )
    if series is None:
        return "gone"
    bookings = list(
        RoomBooking.objects.filter(pk__in=booking_ids).select_related("room__page").order_by("start")
    )
    if not bookings:
        return "no bookings"
    pending = [b for b in bookings if b.status == RoomBooking.Status.PENDING]
    if kind == "booked" and pending and len(pending) == len(bookings):
        kind = "pending"
    sent = [_send(series.language, [series.coach.user.email], kind, series, bookings)]
    if kind in ("booked", "pending"):
        # Each welkomhuis's staff hear about the dates in their own rooms only.
        by_location = {}
        for booking in pending:
            by_location.setdefault(booking.room.page, []).append(booking)
        for location, rows in by_location.items():
            staff = staff_emails(location)
            if staff:
                sent.append(_send(settings.LANGUAGE_CODE, staff, "approval_needed", series, rows))
    return sent


def _send(language, to, kind, series, bookings):
    with translation.override(language):
        room = bookings[0].room
        context = {
            "kind": kind,
            "series": series,
            "bookings": bookings,
            "room": room,
            "location": room.page,
            "my_bookings": settings.PUBLIC_BASE_URL.rstrip("/") + reverse("locations:my_bookings"),
            "admin_link": f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}"
            + reverse("locations_room_bookings", args=[room.page_id]),
        }
        subject = str(SUBJECTS[kind]) % {"room": f"{room.name}, {room.page.title}"}
        body = render_to_string("locations/email/booking.txt", context)
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to)
        if kind in ("booked", "approved", "pending"):
            feed = ical.calendar(_("Room booking"), bookings)
            message.attach("booking.ics", feed.to_ical(), "text/calendar; method=PUBLISH")
        message.send()
    return kind
