from datetime import timedelta

from django import template
from django.utils import formats, timezone
from django.utils.html import json_script
from django.utils.translation import gettext as _

from ..maps import marker_icons
from ..opening_hours import AMSTERDAM

register = template.Library()


@register.simple_tag
def map_icons():
    """The marker images for locations-map.js (next to {% leaflet_js %}), by their collected names."""
    return json_script(marker_icons(), "map-icons")


@register.simple_tag
def opening_state_label(state):
    """'Open now, until 17:00' / 'Closed now, opens tomorrow at 09:00' in the visitor's language."""
    if state.is_open:
        return _("Open now, until %(time)s") % {"time": _time(state.closes_at)}
    if not state.opens_at:
        return _("Closed now")
    today = timezone.localdate(timezone=AMSTERDAM)
    opens_on = state.opens_at.date()
    if opens_on == today:
        return _("Closed now, opens today at %(time)s") % {"time": _time(state.opens_at)}
    if opens_on == today + timedelta(days=1):
        return _("Closed now, opens tomorrow at %(time)s") % {"time": _time(state.opens_at)}
    return _("Closed now, opens %(day)s at %(time)s") % {
        "day": formats.date_format(opens_on, "l j E"),
        "time": _time(state.opens_at),
    }


def _time(moment):
    return moment.astimezone(AMSTERDAM).strftime("%H:%M")
