from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from locations.models import LocationPage
from locations.permissions import staff_emails

from .importer import CalendarImportError, import_location
from .models import ActivityPage, Notification, Registration
from .occurrences import materialise
from .registration_emails import registration_email
from .registrations import anonymise_past_registrations

REMIND_AFTER = timedelta(days=90)
HIDE_AFTER = timedelta(days=120)


@shared_task
def refresh_occurrences():
    """Nightly: roll the 12-month horizon forward and pick up holiday data."""
    return materialise()


@shared_task
def import_partner_calendars():
    """Hourly: queue an import for every welkomhuis that has a partner calendar."""
    ids = list(LocationPage.objects.originals().live().exclude(calendar_url="").values_list("pk", flat=True))
    for location_id in ids:
        import_partner_calendar.delay(location_id)
    return len(ids)


@shared_task
def import_partner_calendar(location_id):
    location = LocationPage.objects.get(pk=location_id)
    try:
        return str(import_location(location))
    except CalendarImportError as error:
        # Recorded for the welkomhuis's staff (CalendarImport); the feed's state is not our failure.
        return f"failed: {error}"


@shared_task
def check_running_series(now=None):
    """Daily: remind staff of series unconfirmed for 3 months; hide them after a further month."""
    now = now or timezone.now()
    series = ActivityPage.objects.originals().live().exclude(recurrence="").filter(source_uid="")
    stale = [page for page in series.select_related("activity_type") if page.is_stale(now)]
    hide = [page.pk for page in stale if (page.confirmed_at or page.first_published_at) < now - HIDE_AFTER]
    ActivityPage.objects.filter(pk__in=hide, hidden_as_stale=False).update(hidden_as_stale=True)
    to_remind = [
        page
        for page in stale
        if page.stale_reminder_sent_at is None
        or page.stale_reminder_sent_at < (page.confirmed_at or page.first_published_at)
    ]
    by_location = {}
    for page in to_remind:
        by_location.setdefault(page.path[: -page.steplen], []).append(page)
    sent = 0
    for location in LocationPage.objects.filter(path__in=list(by_location)):
        recipients = staff_emails(location)
        if recipients:
            _send_reminder(location, by_location[location.path], recipients)
            sent += 1
        ActivityPage.objects.filter(pk__in=[p.pk for p in by_location[location.path]]).update(
            stale_reminder_sent_at=now
        )
    return {"stale": len(stale), "hidden": len(hide), "reminders": sent}


@shared_task(autoretry_for=(OSError,), retry_backoff=60, max_retries=5)
def send_registration_email(registration_id, kind, ref=""):
    """Send one email about a registration, at most once (Notification is unique).

    The Notification row and the sending share a transaction: if the mail
    server fails, the row is rolled back and the retry sends it then.
    """
    registration = (
        Registration.objects.select_related("occurrence__activity", "occurrence__location")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None or not registration.email:
        return "no email address"  # registered by phone: the confirmation page showed the link
    with transaction.atomic():
        _notification, created = Notification.objects.get_or_create(
            registration=registration, kind=kind, ref=ref
        )
        if not created:
            return "already sent"
        registration_email(registration, kind, ref).send()
    return "sent"


@shared_task
def send_reminders(now=None):
    """Daily: remind everyone with a place for tomorrow, each email a task of its own.

    A failing address retries on its own and does not hold up the rest; the
    Notification row makes a second run (or a retried email) send nothing twice.
    """
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    ids = list(
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            occurrence__status="scheduled",
            occurrence__start__date=tomorrow,
        )
        .exclude(email="")
        .exclude(notifications__kind=Notification.Kind.REMINDER)
        .values_list("pk", flat=True)
    )
    for pk in ids:
        send_registration_email.delay(pk, Notification.Kind.REMINDER)
    return {"queued": len(ids)}


@shared_task
def purge_registration_data():
    """Nightly: erase names and contact details some days after each date (AVG).

    The city's figures are stored first (monitoring.snapshots), so the counts
    that need the personal data (different people registered) survive it.
    """
    from monitoring.snapshots import take_snapshots

    take_snapshots()
    return anonymise_past_registrations()


def _send_reminder(location, pages, recipients):
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "location": location,
            "pages": pages,
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/",
        }
        subject = render_to_string("activities/email/still_running_subject.txt", context).strip()
        body = render_to_string("activities/email/still_running.txt", context)
    send_mail(subject, body, None, recipients)
