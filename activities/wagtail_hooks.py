"""Admin additions for activities: the "still running?" confirmation and calendar import problems."""

from datetime import timedelta

from django.contrib import messages
from django.http import HttpResponseForbidden, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from laces.components import Component
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from locations.models import LocationPage

from . import staff_views
from .models import ActivityPage, CalendarImport


def confirm_still_running(request, pk):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page = get_object_or_404(ActivityPage, pk=pk)
    if not page.permissions_for_user(request.user).can_edit():
        return HttpResponseForbidden()
    ActivityPage.objects.filter(pk=pk).update(
        confirmed_at=timezone.now(), hidden_as_stale=False, stale_reminder_sent_at=None
    )
    messages.success(
        request, _("Thank you: “%(title)s” is confirmed for three more months.") % {"title": page.title}
    )
    return redirect(request.POST.get("next") or reverse("wagtailadmin_home"))


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("activities/<int:pk>/still-running/", confirm_still_running, name="activities_confirm"),
        path(
            "activities/<int:pk>/registrations/",
            staff_views.activity_registrations,
            name="activities_activity_registrations",
        ),
        path(
            "activities/dates/<int:pk>/registrations/",
            staff_views.occurrence_registrations,
            name="activities_occurrence_registrations",
        ),
        path(
            "activities/dates/<int:pk>/registrations.csv",
            staff_views.occurrence_registrations_csv,
            name="activities_occurrence_registrations_csv",
        ),
        path(
            "activities/dates/<int:pk>/message/",
            staff_views.message_occurrence_registrants,
            name="activities_occurrence_message",
        ),
    ]


class RegistrationsButton(PageMenuItem):
    label = _lazy("Registrations")
    icon_name = "group"
    url_name = "activities_activity_registrations"

    def is_shown(self, user):
        page = self.page.specific_deferred
        return (
            isinstance(page, ActivityPage)
            and page.takes_registrations
            and page.permissions_for_user(user).can_edit()
        )


@hooks.register("register_page_header_buttons")
def registrations_header_button(page, user, view_name=None, next_url=None):
    yield RegistrationsButton(page=page, priority=12)


@hooks.register("register_page_listing_more_buttons")
def registrations_listing_button(page, user, next_url=None):
    yield RegistrationsButton(page=page, priority=12)


def _editable(user, queryset):
    """The pages of a queryset this user may edit (staff: their own welkomhuis)."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return queryset.filter(pk__in=editable.values("pk"))


class StaleSeriesPanel(Component):
    name = "stale_series"
    template_name = "activities/admin/stale_series_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        cutoff = timezone.now() - timedelta(days=90)
        series = (
            ActivityPage.objects.originals()
            .live()
            .exclude(recurrence="")
            .filter(source_uid="", booking_series__isnull=True)
            .filter(first_published_at__lt=cutoff)
            .exclude(confirmed_at__gte=cutoff)
        )
        return {
            "series": _editable(request.user, series).order_by("confirmed_at")[:50],
            "request": request,
            "csrf_token": parent_context["csrf_token"],
        }


class CalendarImportProblemsPanel(Component):
    name = "calendar_import_problems"
    template_name = "activities/admin/calendar_import_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        locations = _editable(request.user, LocationPage.objects.originals().exclude(calendar_url=""))
        problems = (
            CalendarImport.objects.filter(location__in=locations).exclude(error="").select_related("location")
        )
        return {"problems": problems, "request": request}


@hooks.register("construct_homepage_panels")
def add_activity_panels(request, panels):
    panels.append(StaleSeriesPanel())
    panels.append(CalendarImportProblemsPanel())
