"""Coordinators invite a filtered group of ervaringsdeskundigen by email; each email carries a
personal signed link with which the ervaringsdeskundige deletes their sign-up.

Who may invite: a coordinator of any programme (and superusers). Ervaringsdeskundigen sign up
for the city as a whole, not for a programme, so there is no programme to narrow them down by;
what a coordinator sees of them here is their first name only, never their address.
"""

from django.core import signing
from django.db import transaction
from django.utils.translation import gettext as _

from .models import ErvaringsdeskundigeProfile

REMOVAL_SALT = "volunteers.ervaringsdeskundige-remove"


class RemovalLinkError(Exception):
    """What the ervaringsdeskundige is told when their link no longer works."""


def removal_token(person):
    # Only the id is signed: the address stays out of the URL (and out of server logs).
    return signing.dumps({"person": person.pk}, salt=REMOVAL_SALT)


def person_for_removal_token(token):
    try:
        data = signing.loads(token, salt=REMOVAL_SALT)
    except signing.BadSignature:
        raise RemovalLinkError(_("This link is not valid. Check that you copied all of it.")) from None
    person = ErvaringsdeskundigeProfile.objects.filter(pk=data.get("person")).first()
    if person is None:
        raise RemovalLinkError(_("Your details have already been removed."))
    return person


def filtered(language=None, wish=None, location=None):
    people = ErvaringsdeskundigeProfile.objects.all()
    if language:
        people = people.filter(languages=language)
    if location:
        people = people.filter(locations=location)
    people = people.distinct().order_by("first_name", "pk")
    if wish:
        # A JSON list: compared in Python, which works on SQLite and PostgreSQL alike (few rows).
        people = [person for person in people if wish in person.wishes]
    return list(people)


def invite(people, subject, message, reply_to=None):
    """Queue one email per person, once the transaction that chose them has committed."""
    from .tasks import send_invitation

    ids = [person.pk for person in people]
    transaction.on_commit(
        lambda: [send_invitation.delay(pk, subject, message, reply_to=reply_to) for pk in ids]
    )
    return len(ids)
