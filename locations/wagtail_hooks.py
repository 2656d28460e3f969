"""The admin side of room booking: each welkomhuis's bookings for its staff, and coaches for admins."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import staff_views
from .models import Coach, LocationPage


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("room-bookings/", staff_views.index, name="locations_room_bookings_index"),
        path("room-bookings/<int:pk>/", staff_views.location_bookings, name="locations_room_bookings"),
        path("room-bookings/<int:pk>/block/", staff_views.block_room, name="locations_room_block"),
        path("room-bookings/<int:pk>/feeds/", staff_views.renew_feeds, name="locations_room_feeds_renew"),
        path(
            "room-bookings/booking/<int:pk>/approve/",
            staff_views.approve_booking,
            name="locations_booking_approve",
        ),
        path(
            "room-bookings/booking/<int:pk>/decline/",
            staff_views.decline_booking,
            name="locations_booking_decline",
        ),
        path(
            "room-bookings/booking/<int:pk>/cancel/",
            staff_views.cancel_booking,
            name="locations_booking_cancel",
        ),
    ]


class RoomBookingsMenuItem(MenuItem):
    def is_shown(self, request):
        editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
        return LocationPage.objects.filter(pk__in=editable.values("pk")).exists()


@hooks.register("register_admin_menu_item")
def room_bookings_menu_item():
    return RoomBookingsMenuItem(
        _("Room bookings"), reverse("locations_room_bookings_index"), icon_name="calendar", order=250
    )


class RoomBookingsButton(PageMenuItem):
    label = _("Room bookings")
    icon_name = "calendar"
    url_name = "locations_room_bookings"

    def is_shown(self, user):
        page = self.page.specific_deferred
        return isinstance(page, LocationPage) and page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def room_bookings_header_button(page, user, view_name=None, next_url=None):
    yield RoomBookingsButton(page=page, priority=14)


class CoachViewSet(ModelViewSet):
    """Administrators say who may book rooms, and for which organisation."""

    model = Coach
    icon = "user"
    menu_label = _("Coaches")
    add_to_settings_menu = True
    list_display = ["user", "organisation", "is_active"]
    list_filter = ["organisation", "is_active"]
    form_fields = ["user", "organisation", "is_active"]


@hooks.register("register_admin_viewset")
def register_coach_viewset():
    return CoachViewSet("coaches")
