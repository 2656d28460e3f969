"""The emails about a registration, written in the language the person registered in."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from . import ical
from .models import OccurrenceMessage
from .registrations import token_for

# Which emails carry the date as an .ics attachment (to add it to a calendar in one tap).
WITH_CALENDAR = {"confirmation", "promoted", "reminder"}


def registration_email(registration, kind, ref=""):
    occurrence = registration.occurrence
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "occurrence": occurrence,
            "activity": occurrence.activity,
            "location": occurrence.location,
            "kind": kind,
            "link": absolute(reverse("activities:registration", args=[token_for(registration)])),
            "cancel_link": absolute(
                reverse("activities:cancel_registration", args=[token_for(registration)])
            ),
            "activity_link": absolute(occurrence.activity.get_url()),
            "message": OccurrenceMessage.objects.filter(pk=ref).first() if kind == "message" else None,
        }
        if kind == "confirmation" and registration.status == registration.Status.WAITLISTED:
            kind = "waitlisted"
        subject = render_to_string(f"activities/email/registration_{kind}_subject.txt", context).strip()
        body = render_to_string(f"activities/email/registration_{kind}.txt", context)
        email = EmailMultiAlternatives(
            " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [registration.email]
        )
        if kind in WITH_CALENDAR:
            calendar = ical.new_calendar(occurrence.activity.title)
            calendar.add_component(ical.occurrence_event(occurrence.activity, occurrence, absolute))
            email.attach(
                f"{occurrence.activity.slug}.ics", calendar.to_ical(), "text/calendar; method=PUBLISH"
            )
    return email


def absolute(path):
    return settings.PUBLIC_BASE_URL.rstrip("/") + path
