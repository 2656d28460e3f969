"""Coordinator screens in the Wagtail admin: open requests, ranked candidates, propose, suggest all.

A coordinator sees only the requests and volunteers of the programmes they coordinate
(superusers see all); everyone else gets PermissionDenied (Wagtail turns that into a redirect).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import adapter
from .matches import MatchError, propose
from .models import BuddyRequest, Match, Programme
from .vocabulary import RequestStatus


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
