"""Periodic tasks: check-in emails to active matches after 4 weeks and after 3 months (once each)."""

from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from . import emails
from .models import Match
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
