"""Who sees which welkomhuizen's figures: the City group all, a welkomhuis's staff their own."""

from django.core.exceptions import PermissionDenied

from locations.models import LocationPage, LocationStaff

CITY_GROUP = "City"


def is_city(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=CITY_GROUP).exists())


def visible_locations(user):
    """(welkomhuizen whose figures this user may see, sees the whole city?); PermissionDenied for others."""
    if not (user.is_authenticated and user.is_active):
        raise PermissionDenied
    if is_city(user):
        return list(LocationPage.objects.originals().order_by("title")), True
    own = LocationStaff.objects.filter(group__in=user.groups.all()).values("location_id")
    locations = list(LocationPage.objects.filter(pk__in=own).order_by("title"))
    if not locations:
        raise PermissionDenied
    return locations, False


def may_see_dashboard(user):
    try:
        visible_locations(user)
    except PermissionDenied:
        return False
    return True
