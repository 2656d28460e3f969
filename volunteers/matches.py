"""A match's life: propose → the volunteer accepts or declines (signed link) → active → ended.

Taking a volunteer's place is one conditional UPDATE on VolunteerProfile.open_matches
(`open_matches < max_matches`), and taking a request is one on BuddyRequest.status
(`status = waiting`): of two coordinators proposing at once, one UPDATE changes a row and
the other changes none and is told so. This holds on SQLite and PostgreSQL alike.
"""

from django.core import signing
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import emails
from .models import BuddyRequest, Match, VolunteerProfile
from .vocabulary import OPEN_MATCH_STATUSES, MatchStatus, RequestStatus, VogStatus

ANSWER_SALT = "volunteers.match-answer"
ANSWER_MAX_AGE = 14 * 24 * 3600  # two weeks to answer a proposal


class MatchError(Exception):
    """Something the coordinator or volunteer is told in words."""


def answer_token(match):
    return signing.dumps({"match": match.pk, "volunteer": match.volunteer_id}, salt=ANSWER_SALT)


def match_for_answer_token(token):
    try:
        data = signing.loads(token, salt=ANSWER_SALT, max_age=ANSWER_MAX_AGE)
    except signing.SignatureExpired:
        raise MatchError(_("This link has expired. Ask the coordinator to send it again.")) from None
    except signing.BadSignature:
        raise MatchError(_("This link is not valid. Check that you copied all of it.")) from None
    match = (
        Match.objects.select_related("request", "volunteer__user")
        .filter(pk=data.get("match"), volunteer_id=data.get("volunteer"))
        .first()
    )
    if match is None:
        raise MatchError(_("This proposal no longer exists."))
    return match


def propose(request_id, volunteer_id, coordinator, score=None):
    """Propose a volunteer for a request and email them; MatchError when someone else was quicker."""
    with transaction.atomic():
        volunteer = VolunteerProfile.objects.select_related("user").get(pk=volunteer_id)
        buddy_request = BuddyRequest.objects.get(pk=request_id)
        if not volunteer.is_available:
            raise MatchError(_("%(name)s is paused or withdrawn.") % {"name": volunteer.first_name})
        if buddy_request.requires_vog and volunteer.vog_status != VogStatus.VALID:
            raise MatchError(
                _("This kind of help needs a valid VOG, and %(name)s has none recorded.")
                % {"name": volunteer.first_name}
            )
        taken = BuddyRequest.objects.filter(pk=request_id, status=RequestStatus.WAITING).update(
            status=RequestStatus.PROPOSED
        )
        if not taken:
            raise MatchError(_("Another coordinator has just proposed someone for this request."))
        placed = VolunteerProfile.objects.filter(pk=volunteer_id, open_matches__lt=F("max_matches")).update(
            open_matches=F("open_matches") + 1
        )
        if not placed:
            transaction.set_rollback(True)
            raise MatchError(
                _("%(name)s has no place left: another coordinator has just proposed them.")
                % {"name": volunteer.first_name}
            )
        match = Match.objects.create(
            request=buddy_request, volunteer=volunteer, proposed_by=coordinator, score=score
        )
        transaction.on_commit(lambda: send_proposal(match))
    return match


def send_proposal(match):
    volunteer = match.volunteer
    # The link opens the answer page in the language the email is written in.
    with translation.override(volunteer.language):
        link = emails.absolute(reverse("volunteers:answer", args=[answer_token(match)]))
    emails.send(
        "proposal",
        [volunteer.user.email],
        volunteer.language,
        {
            "match": match,
            "request": match.request,
            "volunteer": volunteer,
            "link": link,
        },
    )


def _free_place(volunteer_id):
    VolunteerProfile.objects.filter(pk=volunteer_id, open_matches__gt=0).update(
        open_matches=F("open_matches") - 1
    )


def answer(match_id, accept):
    """The volunteer's answer; MatchError when the proposal is no longer open (used twice, withdrawn)."""
    with transaction.atomic():
        now = timezone.now()
        new_status = MatchStatus.ACTIVE if accept else MatchStatus.DECLINED
        fields = {"status": new_status, "responded_at": now}
        if accept:
            fields["accepted_at"] = now
        changed = Match.objects.filter(pk=match_id, status=MatchStatus.PROPOSED).update(**fields)
        match = Match.objects.select_related("request", "volunteer__user").get(pk=match_id)
        if not changed:
            raise MatchError(_closed_reason(match))
        if accept:
            BuddyRequest.objects.filter(pk=match.request_id).update(
                status=RequestStatus.MATCHED, matched_at=now
            )
            transaction.on_commit(lambda: introduce(match))
        else:
            BuddyRequest.objects.filter(pk=match.request_id).update(status=RequestStatus.WAITING)
            _free_place(match.volunteer_id)
    return match


def _closed_reason(match):
    if match.status == MatchStatus.WITHDRAWN:
        return _("The coordinator has withdrawn this proposal. Thank you all the same.")
    if match.status == MatchStatus.ACTIVE:
        return _("You have already accepted this proposal.")
    if match.status == MatchStatus.DECLINED:
        return _("You have already declined this proposal.")
    return _("This proposal is closed.")


def withdraw_proposal(match):
    with transaction.atomic():
        if not Match.objects.filter(pk=match.pk, status=MatchStatus.PROPOSED).update(
            status=MatchStatus.WITHDRAWN, responded_at=timezone.now()
        ):
            raise MatchError(_("This proposal was already answered."))
        BuddyRequest.objects.filter(pk=match.request_id).update(status=RequestStatus.WAITING)
        _free_place(match.volunteer_id)


def end_match(match, reason):
    with transaction.atomic():
        if not Match.objects.filter(pk=match.pk, status=MatchStatus.ACTIVE).update(
            status=MatchStatus.ENDED, ended_at=timezone.now(), end_reason=reason
        ):
            raise MatchError(_("This match is not active."))
        BuddyRequest.objects.filter(pk=match.request_id).update(
            status=RequestStatus.CLOSED, closed_at=timezone.now()
        )
        _free_place(match.volunteer_id)


def release_volunteer(profile):
    """Before a volunteer's account is deleted: their open proposals go back to waiting."""
    for match in profile.matches.filter(status__in=OPEN_MATCH_STATUSES):
        if match.status == MatchStatus.PROPOSED:
            withdraw_proposal(match)
        else:
            end_match(match, "volunteer")


def introduce(match):
    """Both sides get an email. The volunteer learns the first name and one way to reach the filer
    (the coach, or the newcomer's own contact); the filer learns the volunteer's first name and email."""
    buddy_request, volunteer = match.request, match.volunteer
    if buddy_request.filed_by_id:
        filer = buddy_request.filed_by
        filer_contact = filer.email
        filer_addresses = [filer.email]
    else:
        filer_contact = buddy_request.contact_email or buddy_request.contact_phone
        filer_addresses = [buddy_request.contact_email]
    context = {
        "match": match,
        "request": buddy_request,
        "volunteer": volunteer,
        "volunteer_email": volunteer.user.email,
        "filer_contact": filer_contact,
        "by_coach": bool(buddy_request.filed_by_id),
    }
    emails.send("introduction_volunteer", [volunteer.user.email], volunteer.language, context)
    # The filer reads it in the language they filed the request in.
    emails.send("introduction_filer", filer_addresses, buddy_request.language, context)
