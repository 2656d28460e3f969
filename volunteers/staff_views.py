"""Coordinator screens in the Wagtail admin: open requests, ranked candidates, propose, suggest all;
the volunteers of my programmes and their VOG; the matches and their end; inviting ervaringsdeskundigen.

A coordinator sees only the requests, volunteers and matches of the programmes they coordinate
(superusers see all); everyone else gets PermissionDenied (Wagtail turns that into a redirect).
Objects of another programme are a 404, as if they did not exist.
"""

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from . import adapter, invitations
from .forms import EndMatchForm, InviteFilterForm, InviteMessageForm, VogForm, VolunteerFilterForm
from .matches import MatchError, end_match, propose, withdraw_proposal
from .models import BuddyRequest, Match, Programme, VolunteerProfile
from .vocabulary import MatchStatus, RequestStatus, Role


def coordinated_programmes(user):
    if user.is_superuser:
        return Programme.objects.all()
    return Programme.objects.filter(coordinators=user)


def _programme_ids(user):
    ids = list(coordinated_programmes(user).values_list("pk", flat=True))
    if not ids:
        raise PermissionDenied
    return ids


def open_requests(request):
    ids = _programme_ids(request.user)
    requests = (
        BuddyRequest.objects.filter(programme__in=ids, status=RequestStatus.WAITING)
        .select_related("programme")
        .order_by("created_at")
    )
    now = timezone.now()
    return render(
        request,
        "volunteers/admin/open_requests.html",
        {
            "requests": [(r, (now - r.created_at).days) for r in requests],
            "matches": Match.objects.filter(request__programme__in=ids)
            .select_related("request", "volunteer__user")
            .order_by("-proposed_at")[:50],
        },
    )


def request_candidates(request, pk):
    buddy_request = get_object_or_404(BuddyRequest, pk=pk, programme__in=_programme_ids(request.user))
    return render(
        request,
        "volunteers/admin/candidates.html",
        {"buddy_request": buddy_request, "candidates": adapter.rank_for_request(buddy_request)},
    )


@require_POST
def propose_view(request, pk):
    buddy_request = get_object_or_404(BuddyRequest, pk=pk, programme__in=_programme_ids(request.user))
    volunteer_id = request.POST.get("volunteer", "")
    volunteer_id = int(volunteer_id) if volunteer_id.isdigit() else 0
    if not buddy_request.programme.volunteers.filter(pk=volunteer_id).exists():
        raise PermissionDenied
    try:
        score = float(request.POST.get("score", ""))
    except ValueError:
        score = None  # only kept for the record; a missing or odd value is not a reason to fail
    try:
        propose(buddy_request.pk, volunteer_id, request.user, score=score)
    except MatchError as error:
        messages.error(request, str(error))
        return redirect("volunteers_admin_candidates", pk=pk)
    messages.success(request, _("Proposed. The volunteer gets an email to accept or decline."))
    return redirect("volunteers_admin_requests")


def suggest_all_view(request):
    ids = _programme_ids(request.user)
    suggestions = adapter.suggest_for_programmes(ids)
    requests = BuddyRequest.objects.in_bulk(list(suggestions))
    from .models import VolunteerProfile

    profiles = VolunteerProfile.objects.select_related("user").in_bulk(
        [c.volunteer.id for c in suggestions.values()]
    )
    rows = [(requests[rid], profiles[c.volunteer.id], c) for rid, c in suggestions.items()]
    return render(request, "volunteers/admin/suggest_all.html", {"rows": rows})


# --- volunteers of my programmes and their VOG -------------------------------------

ROLE_LABELS = dict(Role.choices)


def _my_volunteers(ids):
    # A volunteer in two of my programmes is listed once: filter on ids in a subquery, not a join.
    return VolunteerProfile.objects.filter(
        pk__in=VolunteerProfile.programmes.through.objects.filter(programme__in=ids).values(
            "volunteerprofile"
        )
    )


def volunteers_list(request):
    ids = _programme_ids(request.user)
    form = VolunteerFilterForm(request.GET or None, programmes=Programme.objects.filter(pk__in=ids))
    volunteers = _my_volunteers(ids).select_related("user").order_by("user__first_name", "pk")
    if form.is_valid():
        if form.cleaned_data["programme"]:
            volunteers = volunteers.filter(programmes=form.cleaned_data["programme"])
        if form.cleaned_data["vog_status"]:
            volunteers = volunteers.filter(vog_status=form.cleaned_data["vog_status"])
    page = Paginator(volunteers, 50).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    today = timezone.localdate()
    return render(
        request,
        "volunteers/admin/volunteers.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "rows": [
                (v, [ROLE_LABELS.get(role, role) for role in v.roles], v.is_paused(today)) for v in page
            ],
        },
    )


@require_http_methods(["GET", "POST"])
def volunteer_detail(request, pk):
    ids = _programme_ids(request.user)
    volunteer = get_object_or_404(_my_volunteers(ids).select_related("user", "vog_recorded_by"), pk=pk)
    if request.method == "POST":
        form = VogForm(request.POST)
        if form.is_valid():
            volunteer.vog_status = form.cleaned_data["vog_status"]
            volunteer.vog_date = form.cleaned_data["vog_date"]
            volunteer.vog_recorded_by = request.user
            volunteer.save(update_fields=["vog_status", "vog_date", "vog_recorded_by", "updated_at"])
            messages.success(request, _("VOG recorded for %(name)s.") % {"name": volunteer.first_name})
            return redirect("volunteers_admin_volunteer", pk=pk)
        messages.error(request, _("The VOG was not saved. Check the fields below."))
    else:
        form = VogForm(initial={"vog_status": volunteer.vog_status, "vog_date": volunteer.vog_date})
    return render(
        request,
        "volunteers/admin/volunteer.html",
        {
            "volunteer": volunteer,
            "form": form,
            "roles": [ROLE_LABELS.get(role, role) for role in volunteer.roles],
            "programmes": volunteer.programmes.filter(pk__in=ids),
            "matches": volunteer.matches.filter(request__programme__in=ids).select_related("request"),
        },
    )


# --- matches of my programmes ---------------------------------------------------------


def matches_list(request):
    ids = _programme_ids(request.user)
    mine = Match.objects.filter(request__programme__in=ids).select_related(
        "request__programme", "volunteer__user"
    )
    return render(
        request,
        "volunteers/admin/matches.html",
        {
            "proposed": mine.filter(status=MatchStatus.PROPOSED).order_by("proposed_at"),
            "active": mine.filter(status=MatchStatus.ACTIVE).order_by("accepted_at"),
            "ended": mine.filter(status=MatchStatus.ENDED).order_by("-ended_at")[:50],
            "end_form": EndMatchForm(),
        },
    )


def _my_match(request, pk):
    return get_object_or_404(Match, pk=pk, request__programme__in=_programme_ids(request.user))


@require_POST
def withdraw_view(request, pk):
    match = _my_match(request, pk)
    try:
        withdraw_proposal(match)
    except MatchError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Proposal withdrawn. %(name)s waits for a match again.") % {"name": match.request.first_name},
        )
    return redirect("volunteers_admin_matches")


@require_POST
def end_view(request, pk):
    match = _my_match(request, pk)
    form = EndMatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose why the match ended."))
        return redirect("volunteers_admin_matches")
    try:
        end_match(match, form.cleaned_data["reason"])
    except MatchError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The match has ended."))
    return redirect("volunteers_admin_matches")


# --- inviting ervaringsdeskundigen ------------------------------------------------------


def _first_sending(once):
    # cache.add is atomic (Redis SET NX): of two identical POSTs at once, only one sends.
    return not once or cache.add(f"volunteers:invitation-sent:{once}", True, timeout=7 * 24 * 3600)


@require_http_methods(["GET", "POST"])
def invite_view(request):
    """Any coordinator may invite (see invitations.py). The filter is in the query string, so the
    POST sends to exactly the group shown above the form."""
    _programme_ids(request.user)
    filters = InviteFilterForm(request.GET or None)
    people = []
    if filters.is_valid():
        people = invitations.filtered(**filters.cleaned_data)
    elif not filters.is_bound:
        people = invitations.filtered()
    form = InviteMessageForm(request.POST or None)
    if request.method == "POST":
        if not people:
            messages.error(request, _("Nobody matches these filters: no email was sent."))
        elif form.is_valid() and not _first_sending(form.cleaned_data["once"]):
            messages.error(request, _("This invitation was already sent."))
            return redirect(request.get_full_path())
        elif form.is_valid():
            with transaction.atomic():
                count = invitations.invite(
                    people,
                    form.cleaned_data["subject"],
                    form.cleaned_data["message"],
                    reply_to=[request.user.email] if request.user.email else None,
                )
            messages.success(
                request,
                ngettext(
                    "The invitation is sent to %(count)d person.",
                    "The invitation is sent to %(count)d people, each in an email of their own.",
                    count,
                )
                % {"count": count},
            )
            return redirect(request.get_full_path())
        else:
            messages.error(request, _("The invitation was not sent. Check the fields below."))
    return render(
        request,
        "volunteers/admin/invite.html",
        {"filters": filters, "form": form, "people": people, "query": request.GET.urlencode()},
    )
