"""Admin menu and URLs for match coordinators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import staff_views


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("matching/", staff_views.open_requests, name="volunteers_admin_requests"),
        path(
            "matching/requests/<int:pk>/", staff_views.request_candidates, name="volunteers_admin_candidates"
        ),
        path(
            "matching/requests/<int:pk>/propose/", staff_views.propose_view, name="volunteers_admin_propose"
        ),
        path("matching/suggest-all/", staff_views.suggest_all_view, name="volunteers_admin_suggest_all"),
    ]


class MatchingMenuItem(MenuItem):
    def is_shown(self, request):
        return staff_views.coordinated_programmes(request.user).exists()


@hooks.register("register_admin_menu_item")
def matching_menu_item():
    return MatchingMenuItem(_("Matching"), reverse("volunteers_admin_requests"), icon_name="group", order=260)
