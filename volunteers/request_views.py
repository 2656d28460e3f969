"""Buddy requests: filed by a coach for a newcomer, or by a newcomer; and where a request stands.

A newcomer without an account reaches the status page by a signed personal link (the same
mechanism as activities' registrations: a random key plus a signature, no personal data in the URL).
"""

from statistics import median

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from activities.models import Occurrence

from .forms import BuddyRequestForm, NewcomerBuddyRequestForm
from .models import BuddyRequest, Programme
from .vocabulary import RequestStatus

STATUS_SALT = "volunteers.buddy-request"


def status_token(buddy_request):
    return signing.Signer(salt=STATUS_SALT).sign(buddy_request.key)


def _create(form, **extra):
    data = form.cleaned_data
    area = data["postcode"]
    programme = next((p for p in Programme.objects.all() if data["role"] in p.roles), None)
    if programme is None:
        form.add_error("role", _("No programme matches this kind of help at the moment."))
        return None
    return BuddyRequest.objects.create(
        programme=programme,
        role=data["role"],
        first_name=data["first_name"],
        languages=[language.code for language in data["languages"]],
        dutch_level=data["dutch_level"],
        availability=data["availability"],
        postcode=area.postcode,
        wijk=area.wijk,
        latitude=area.lat,
        longitude=area.lon,
        gender_preference=data["gender_preference"] or "",
        interests=data["interests"],
        note=data["note"],
        language=get_language(),
        **extra,
    )


@require_http_methods(["GET", "POST"])
def newcomer_request(request):
    form = NewcomerBuddyRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        buddy_request = _create(
            form,
            contact_email=form.cleaned_data["contact_email"],
            contact_phone=form.cleaned_data["contact_phone"],
        )
        if buddy_request:
            return redirect("volunteers:request_status", token=status_token(buddy_request))
    return render(request, "volunteers/request_form.html", {"form": form, "by_coach": False})


def _require_coach(user):
    if not hasattr(user, "coach"):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def coach_request(request):
    _require_coach(request.user)
    form = BuddyRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _create(form, filed_by=request.user):
        return redirect("volunteers:coach_requests")
    return render(request, "volunteers/request_form.html", {"form": form, "by_coach": True})


@login_required
def coach_requests(request):
    """A coach sees the requests they filed, and only those."""
    _require_coach(request.user)
    requests = BuddyRequest.objects.filter(filed_by=request.user).order_by("-created_at")
    return render(
        request,
        "volunteers/coach_requests.html",
        {"items": [_status_context(r) for r in requests]},
    )


def status_by_link(request, token):
    try:
        key = signing.Signer(salt=STATUS_SALT).unsign(token)
    except signing.BadSignature:
        return render(
            request,
            "volunteers/answer_problem.html",
            {"problem": _("This link is not valid. Check that you copied all of it.")},
            status=404,
        )
    buddy_request = BuddyRequest.objects.filter(key=key).first()
    if buddy_request is None:
        return render(
            request,
            "volunteers/answer_problem.html",
            {"problem": _("This request no longer exists.")},
            status=404,
        )
    return render(
        request, "volunteers/request_status.html", _status_context(buddy_request, alternatives=True)
    )


def typical_wait_days(role):
    """The median wait of matched requests of this role, in days (None when there are none yet)."""
    waits = [
        (matched - created).days
        for created, matched in BuddyRequest.objects.filter(role=role, matched_at__isnull=False).values_list(
            "created_at", "matched_at"
        )[:500]
    ]
    return round(median(waits)) if waits else None


def _status_context(buddy_request, alternatives=False):
    context = {
        "request_": buddy_request,
        "waiting": buddy_request.status == RequestStatus.WAITING,
        "typical_wait": typical_wait_days(buddy_request.role),
    }
    if alternatives and buddy_request.status != RequestStatus.MATCHED:
        context["alternatives"] = (
            Occurrence.objects.filter(
                start__gte=timezone.now(),
                location__wijk=buddy_request.wijk,
                status=Occurrence.Status.SCHEDULED,
                activity__live=True,
            )
            .select_related("activity", "location")
            .order_by("start")[:5]
            if buddy_request.wijk
            else []
        )
    return context
