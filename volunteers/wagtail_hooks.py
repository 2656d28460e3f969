"""Admin menu and URLs for match coordinators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

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
        path("matching/volunteers/", staff_views.volunteers_list, name="volunteers_admin_volunteers"),
        path(
            "matching/volunteers/<int:pk>/", staff_views.volunteer_detail, name="volunteers_admin_volunteer"
        ),
        path("matching/matches/", staff_views.matches_list, name="volunteers_admin_matches"),
        path(
            "matching/matches/<int:pk>/withdraw/", staff_views.withdraw_view, name="volunteers_admin_withdraw"
        ),
        path("matching/matches/<int:pk>/end/", staff_views.end_view, name="volunteers_admin_end"),
        path("matching/invite/", staff_views.invite_view, name="volunteers_admin_invite"),
    ]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        # Asked once per item on every admin page: one query per request is enough.
        if not hasattr(request, "_is_coordinator"):
            request._is_coordinator = staff_views.coordinated_programmes(request.user).exists()
        return request._is_coordinator


@hooks.register("register_admin_menu_item")
def matching_menu_item():
    items = [
        CoordinatorMenuItem(
            _("Open requests"), reverse("volunteers_admin_requests"), icon_name="list-ul", order=1
        ),
        CoordinatorMenuItem(_("Matches"), reverse("volunteers_admin_matches"), icon_name="link", order=2),
        CoordinatorMenuItem(
            _("Volunteers"), reverse("volunteers_admin_volunteers"), icon_name="user", order=3
        ),
        CoordinatorMenuItem(
            _("Invite ervaringsdeskundigen"), reverse("volunteers_admin_invite"), icon_name="mail", order=4
        ),
    ]
    return SubmenuMenuItem(_("Matching"), Menu(items=items), icon_name="group", order=260)
