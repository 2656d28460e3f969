"""Registering for one date of an activity: places, the waiting list, cancelling, and the emails.

Every change of places happens in a transaction that first locks the date's
row (SELECT ... FOR UPDATE on PostgreSQL; on SQLite every write transaction
takes the database's write lock at BEGIN, see settings), so two people taking
the last place at the same moment get one place and one waiting-list spot.
Emails go out after the transaction commits, from a task; a Notification
row makes each one go out once, however often a task runs.
"""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Occurrence, Registration

SIGNING_SALT = "activities.registration"


class RegistrationError(Exception):
    """Why someone cannot register (or cancel); the message is for them, in their language."""


# --- Links ---------------------------------------------------------------------------------


def token_for(registration):
    """The signed personal token: the random key plus a signature (a typo or a guess is refused)."""
    return signing.Signer(salt=SIGNING_SALT).sign(registration.key)


def registration_for_token(token):
    """The registration of a personal link, or RegistrationError with a reason for the visitor."""
    try:
        key = signing.Signer(salt=SIGNING_SALT).unsign(token)
    except signing.BadSignature:
        raise RegistrationError(_("This link is not valid. Check that you copied all of it.")) from None
    registration = (
        Registration.objects.select_related("occurrence", "occurrence__activity", "occurrence__location")
        .filter(key=key)
        .first()
    )
    if registration is None:
        raise RegistrationError(
            _(
                "We cannot find this registration. We delete registrations a while after the "
                "activity; if it is still to come, contact the welkomhuis."
            )
        )
    return registration


# --- Places --------------------------------------------------------------------------------


def people_registered(occurrence):
    """How many people have a place (not counting the waiting list)."""
    total = occurrence.registrations.filter(status=Registration.Status.CONFIRMED).aggregate(
        people=Sum(F("adults") + F("children"))
    )["people"]
    return total or 0


def places_left(occurrence):
    """Places still free, or None when there is no limit."""
    places = occurrence.activity.places
    if places is None:
        return None
    return max(places - people_registered(occurrence), 0)


def why_closed(occurrence, now=None):
    """Why registering for this date is not possible (a message), or None when it is."""
    now = now or timezone.now()
    activity = occurrence.activity
    if not activity.takes_registrations or not activity.is_visible_to_visitors():
        return _("You do not need to register for this activity on this site.")
    if occurrence.status != Occurrence.Status.SCHEDULED:
        return _("This date does not take place, so you cannot register for it.")
    if occurrence.start <= now:
        return _("This date has already started or taken place.")
    return None


# --- Registering and cancelling ------------------------------------------------------------------


def register(
    occurrence_id,
    *,
    first_name,
    email="",
    phone="",
    adults=1,
    children=0,
    user=None,
    language="nl",
    submission=None,
):
    """Register for a date: a place if one is free, otherwise the waiting list.

    Returns (registration, created). The same submission (a double click, a
    re-sent form) or the same person again returns their existing registration.
    """
    email, phone = email.strip().lower(), normalise_phone(phone)
    try:
        with transaction.atomic():
            occurrence = (
                Occurrence.objects.select_for_update()
                .select_related("activity", "location")
                .get(pk=occurrence_id)
            )
            if submission:
                earlier = Registration.objects.filter(submission=submission).first()
                if earlier is not None:
                    return earlier, False
            reason = why_closed(occurrence)
            if reason:
                raise RegistrationError(reason)
            existing = _same_person(occurrence, email, phone, user)
            if existing is not None:
                return existing, False
            people = adults + children
            left = places_left(occurrence)
            registration = Registration.objects.create(
                occurrence=occurrence,
                user=user if user is not None and user.is_authenticated else None,
                first_name=first_name.strip(),
                email=email,
                phone=phone,
                adults=adults,
                children=children,
                status=(
                    Registration.Status.CONFIRMED
                    if left is None or people <= left
                    else Registration.Status.WAITLISTED
                ),
                language=language,
                key=secrets.token_urlsafe(24),
                submission=submission,
            )
    except IntegrityError:
        # The same submission won a race with itself (two tabs, a retried request).
        return Registration.objects.get(submission=submission), False
    _notify_after_commit(registration, "confirmation")
    return registration, True


def cancel(registration):
    """Cancel a registration; a freed place goes to the waiting list. Returns the promoted ones."""
    with transaction.atomic():
        occurrence = (
            Occurrence.objects.select_for_update()
            .select_related("activity")
            .get(pk=registration.occurrence_id)
        )
        registration = Registration.objects.get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return []
        if occurrence.end <= timezone.now():
            raise RegistrationError(_("This activity has already taken place."))
        had_place = registration.status == Registration.Status.CONFIRMED
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = promote_waitlist(occurrence) if had_place else []
    return promoted


def promote_waitlist(occurrence):
    """Give free places to the waiting list, in order; a party that does not fit keeps its turn.

    Call inside a transaction that locked the occurrence. Promoted people are emailed after commit.
    """
    if occurrence.status != Occurrence.Status.SCHEDULED or occurrence.start <= timezone.now():
        return []
    left = places_left(occurrence)
    waiting = occurrence.registrations.filter(status=Registration.Status.WAITLISTED).order_by(
        "created_at", "pk"
    )
    promoted = []
    for registration in waiting:
        if left is not None and registration.people > left:
            continue
        registration.status = Registration.Status.CONFIRMED
        registration.promoted_at = timezone.now()
        registration.save(update_fields=["status", "promoted_at"])
        promoted.append(registration)
        if left is not None:
            left -= registration.people
    for registration in promoted:
        _notify_after_commit(registration, "promoted")
    return promoted


def promote_for_activity(activity):
    """After staff add places to an activity, fill them from the waiting lists of its coming dates."""
    for occurrence_id in activity.occurrences.filter(start__gt=timezone.now()).values_list("pk", flat=True):
        with transaction.atomic():
            occurrence = (
                Occurrence.objects.select_for_update().select_related("activity").get(pk=occurrence_id)
            )
            promote_waitlist(occurrence)


def notify_cancelled_dates(occurrence_ids):
    """Tell everyone registered for these dates that they no longer take place."""
    registrations = Registration.objects.filter(
        occurrence_id__in=occurrence_ids, status__in=Registration.ACTIVE
    ).values_list("pk", "occurrence__key")
    for pk, key in registrations:
        _notify_after_commit_ids(pk, "cancelled", key.isoformat())


def message_registrants(message):
    """Send a staff message to everyone registered (or waiting) for its date."""
    ids = message.occurrence.registrations.filter(status__in=Registration.ACTIVE).values_list("pk", flat=True)
    for pk in ids:
        _notify_after_commit_ids(pk, "message", str(message.pk))
    return len(ids)


def new_submission_id():
    return uuid.uuid4()


def normalise_phone(phone):
    """'06 12 34 56 78' and '06-12345678' are the same number."""
    return "".join(ch for ch in (phone or "") if ch.isdigit() or ch == "+")


def _same_person(occurrence, email, phone, user):
    active = occurrence.registrations.filter(status__in=Registration.ACTIVE)
    if user is not None and user.is_authenticated:
        found = active.filter(user=user).first()
        if found:
            return found
    if email:
        found = active.filter(email=email).first()
        if found:
            return found
    if phone:
        return active.filter(phone=phone).first()
    return None


def _notify_after_commit(registration, kind, ref=""):
    _notify_after_commit_ids(registration.pk, kind, ref)


def _notify_after_commit_ids(pk, kind, ref=""):
    from .tasks import send_registration_email

    transaction.on_commit(lambda: send_registration_email.delay(pk, kind, ref))


# --- Privacy -------------------------------------------------------------------------------------


def anonymise_past_registrations(now=None):
    """Erase names and contact details of registrations whose date ended long enough ago.

    Status, party size and attendance stay: they are what the city's figures count.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    stale = Registration.objects.filter(occurrence__end__lt=cutoff, anonymised_at__isnull=True)
    return stale.update(
        first_name="", email="", phone="", user=None, key=None, submission=None, anonymised_at=now
    )
