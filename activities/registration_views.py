"""Registering for a date, the personal link, cancelling, and 'My registrations'.

These pages have POST forms, so they (unlike the listing and activity pages)
set a CSRF cookie; they are reached from a 'Register' link, never as a first visit.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from home.models import ContentPage

from . import ical
from .forms import RegistrationForm
from .models import Occurrence, Registration
from .registrations import (
    RegistrationError,
    cancel,
    new_submission_id,
    places_left,
    register,
    registration_for_token,
    token_for,
    why_closed,
)


@require_http_methods(["GET", "POST"])
def register_view(request, occurrence_id):
    occurrence = get_object_or_404(
        Occurrence.objects.select_related("activity", "location"), pk=occurrence_id
    )
    if not occurrence.activity.is_visible_to_visitors():
        raise Http404
    user = request.user
    initial = {"submission": new_submission_id()}
    if user.is_authenticated:
        initial.update(first_name=user.first_name, email=user.email)
    form = RegistrationForm(request.POST or None, initial=initial)
    closed = why_closed(occurrence)
    if request.method == "POST" and not closed and form.is_valid():
        data = form.cleaned_data
        try:
            registration, created = register(
                occurrence.pk,
                first_name=data["first_name"],
                email=data["email"],
                phone=data["phone"],
                adults=data["adults"],
                children=data["children"],
                user=user,
                language=get_language(),
                submission=data["submission"],
            )
        except RegistrationError as error:
            closed = str(error)
        else:
            if not created:
                messages.info(
                    request, _("You were already registered for this date; here is your registration.")
                )
            return redirect("activities:registration", token=token_for(registration))
    return render(
        request,
        "activities/register.html",
        {
            "occurrence": occurrence,
            "activity": occurrence.activity,
            "form": form,
            "closed": closed,
            "places_left": places_left(occurrence),
            "one_tap": user.is_authenticated and bool(user.first_name and user.email),
            "privacy_url": _privacy_url(request),
        },
    )


def _privacy_url(request):
    page = ContentPage.objects.live().filter(slug="privacy").first()
    return page.get_url(request) if page else ""


def by_personal_link(view):
    """A view of a personal link gets its registration; a bad or outdated link gets a page saying why."""

    @wraps(view)
    def resolve(request, token):
        try:
            registration = registration_for_token(token)
        except RegistrationError as error:
            return render(
                request, "activities/registration_problem.html", {"problem": str(error)}, status=404
            )
        return view(request, registration, token)

    return resolve


@by_personal_link
def registration_view(request, registration, token):
    return render(
        request,
        "activities/registration.html",
        {
            "registration": registration,
            "occurrence": registration.occurrence,
            "activity": registration.occurrence.activity,
            "token": token,
            "is_past": registration.occurrence.end <= timezone.now(),
        },
    )


@require_http_methods(["GET", "POST"])
@by_personal_link
def cancel_view(request, registration, token):
    problem = None
    if request.method == "POST":
        try:
            cancel(registration)
        except RegistrationError as error:
            problem = str(error)
        else:
            messages.success(request, _("Your registration is cancelled. Thank you for letting us know."))
            return redirect("activities:registration", token=token)
    return render(
        request,
        "activities/cancel.html",
        {
            "registration": registration,
            "occurrence": registration.occurrence,
            "token": token,
            "problem": problem,
        },
    )


@by_personal_link
def registration_ics(request, registration, token):
    occurrence = registration.occurrence
    calendar = ical.new_calendar(occurrence.activity.title)
    calendar.add_component(ical.occurrence_event(occurrence.activity, occurrence, request.build_absolute_uri))
    return ical.response(calendar, f"{occurrence.activity.slug}.ics", download=True)


@login_required
def my_registrations(request):
    registrations = (
        Registration.objects.filter(user=request.user)
        .select_related("occurrence__activity", "occurrence__location")
        .order_by("-occurrence__start")
    )
    now = timezone.now()
    upcoming = [r for r in registrations if r.occurrence.end > now][::-1]
    for registration in upcoming:
        registration.link = reverse("activities:registration", args=[token_for(registration)])
    return render(request, "activities/my_registrations.html", {"upcoming": upcoming})
