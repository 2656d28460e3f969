"""The dashboard's place in the Wagtail admin: a menu item for the City group and welkomhuis staff."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .access import may_see_dashboard


@hooks.register("register_admin_urls")
def admin_urls():
    return [path("figures/", views.dashboard, name="monitoring_dashboard")]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_dashboard(request.user)


@hooks.register("register_admin_menu_item")
def dashboard_menu_item():
    return DashboardMenuItem(_("Figures"), reverse("monitoring_dashboard"), icon_name="table", order=260)
