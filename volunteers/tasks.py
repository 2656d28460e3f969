"""Periodic tasks: check-in emails to active matches after 4 weeks and after 3 months (once each);
and the invitations to ervaringsdeskundigen, one email (one task) per person."""

from datetime import timedelta

from celery import shared_task
from django.urls import reverse
from django.utils import timezone, translation

from . import emails
from .invitations import removal_token
from .models import ErvaringsdeskundigeProfile, Match
from .vocabulary import MatchStatus

CHECK_INS = (
    # (field that records it was sent, how long after acceptance)
    ("checkin_4_weeks_sent_at", timedelta(weeks=4)),
    ("checkin_3_months_sent_at", timedelta(days=91)),
)


@shared_task
def send_match_check_ins():
    now = timezone.now()
    sent = 0
    for field, after in CHECK_INS:
        due = Match.objects.filter(
            status=MatchStatus.ACTIVE, accepted_at__lte=now - after, **{f"{field}__isnull": True}
        ).select_related("volunteer__user", "request")
        for match in due:
            # Claim it first, so that two workers never send the same check-in twice.
            if Match.objects.filter(pk=match.pk, **{f"{field}__isnull": True}).update(**{field: now}):
                emails.send(
                    "check_in",
                    [match.volunteer.user.email],
                    match.volunteer.language,
                    {"match": match, "request": match.request},
                )
                sent += 1
    return sent


@shared_task(autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def send_invitation(person_id, subject, message, reply_to=None):
    """One invitation to one ervaringsdeskundige: only their own address in To, and their own
    "remove my details" link (so nobody sees who else was invited)."""
    person = ErvaringsdeskundigeProfile.objects.filter(pk=person_id).first()
    if person is None:
        return "removed meanwhile"
    # The removal page opens in the language the email is written in.
    with translation.override(person.language):
        removal_link = emails.absolute(
            reverse("volunteers:ervaringsdeskundige_remove", args=[removal_token(person)])
        )
    emails.send(
        "invitation",
        [person.email],
        person.language,
        {
            "person": person,
            "subject": subject,
            "message": message,
            "removal_link": removal_link,
        },
        reply_to=reply_to,
    )
    return "sent"
