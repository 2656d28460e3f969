"""Admin pages for a welkomhuis's staff: who registered for a date, attendance, export, messages.

Every view checks that the user may edit the activity: staff see the
registrations of their own welkomhuis only.
"""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms import StaffMessageForm
from .models import ActivityPage, Occurrence, OccurrenceMessage, Registration
from .registrations import message_registrants

CSV_FIELDS = ["first_name", "email", "phone", "adults", "children", "status", "created_at", "attended"]


def _activity_for(request, pk):
    activity = get_object_or_404(ActivityPage, pk=pk)
    if not activity.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return activity


def _occurrence_for(request, pk):
    occurrence = get_object_or_404(Occurrence.objects.select_related("activity", "location"), pk=pk)
    _activity_for(request, occurrence.activity_id)
    return occurrence


def activity_registrations(request, pk):
    """The dates of an activity with how many registered: the way into each date's list."""
    activity = _activity_for(request, pk)
    since = timezone.now() - timezone.timedelta(days=31)
    occurrences = (
        activity.occurrences.filter(end__gte=since)
        .annotate(
            people=Sum(
                F("registrations__adults") + F("registrations__children"),
                filter=Q(registrations__status=Registration.Status.CONFIRMED),
            ),
            waiting=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)),
        )
        .order_by("start")[:60]
    )
    return render(
        request,
        "activities/admin/activity_registrations.html",
        {"activity": activity, "occurrences": occurrences, "now": timezone.now()},
    )


def occurrence_registrations(request, pk):
    occurrence = _occurrence_for(request, pk)
    registrations = list(occurrence.registrations.order_by("status", "created_at"))
    if request.method == "POST":
        # Attendance afterwards: a checkbox per person who had a place.
        attended = {int(value) for value in request.POST.getlist("attended") if value.isdigit()}
        with transaction.atomic():
            for registration in registrations:
                if registration.status == Registration.Status.CONFIRMED:
                    registration.attended = registration.pk in attended
                    registration.save(update_fields=["attended"])
        messages.success(request, _("Attendance saved."))
        return redirect("activities_occurrence_registrations", pk=occurrence.pk)
    return render(
        request,
        "activities/admin/occurrence_registrations.html",
        {
            "occurrence": occurrence,
            "activity": occurrence.activity,
            "registrations": registrations,
            "confirmed_people": sum(
                r.people for r in registrations if r.status == Registration.Status.CONFIRMED
            ),
            "message_form": StaffMessageForm(),
            "sent_messages": occurrence.messages.all(),
            "has_started": occurrence.start <= timezone.now(),
        },
    )


def occurrence_registrations_csv(request, pk):
    occurrence = _occurrence_for(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"{slugify(occurrence.activity.title)}-{occurrence.key:%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")  # so Excel reads the names in UTF-8
    writer = csv.writer(response)
    writer.writerow(CSV_FIELDS)
    for registration in occurrence.registrations.order_by("status", "created_at"):
        row = [getattr(registration, field) for field in CSV_FIELDS]
        writer.writerow(["" if value is None else value for value in row])
    return response


@require_POST
def message_occurrence_registrants(request, pk):
    occurrence = _occurrence_for(request, pk)
    form = StaffMessageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a subject and a message."))
        return redirect("activities_occurrence_registrations", pk=occurrence.pk)
    with transaction.atomic():
        message = OccurrenceMessage.objects.create(
            occurrence=occurrence, author=request.user, **form.cleaned_data
        )
        count = message_registrants(message)
    messages.success(request, _("The message goes to %(count)s people.") % {"count": count})
    return redirect("activities_occurrence_registrations", pk=occurrence.pk)
