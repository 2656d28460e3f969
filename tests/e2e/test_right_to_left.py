"""Arabic and Farsi at 360 px: the layout mirrors, nothing overflows; screenshots in /tmp/shots to look at."""

import os
from pathlib import Path

import pytest
from django.urls import reverse

from tests.conftest import create_user

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path(os.environ.get("SHOTS_DIR", "/tmp/shots"))


@pytest.mark.parametrize("prefix", ["/ar", "/fa"])
def test_right_to_left_pages_at_360_px(page, live_server, site_data, login_browser, prefix):
    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = {
        "home": "/",
        "activities": "/activiteiten/",
        "activity": site_data.workshop.url,
        "location": site_data.location.url,
        "register": reverse("activities:register", args=[site_data.occurrence.pk]),
        "ervaringsdeskundige": reverse("volunteers:ervaringsdeskundige_signup"),
        "wizard": reverse("volunteers:wizard_step", args=["talen"]),
    }
    overflowing = {}
    for name, path in pages.items():
        if name == "wizard":  # the registration form above is the anonymous one
            login_browser(create_user("vera@example.org", first_name="Vera"))
        page.goto(f"{live_server.url}{prefix}{path}")
        assert page.evaluate("document.documentElement.dir") == "rtl", path
        page.screenshot(path=str(SHOTS / f"{prefix.strip('/')}-{name}.png"), full_page=True)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            overflowing[path] = width
    assert overflowing == {}


def test_arabic_mirrors_boxes_maps_and_keeps_latin_fragments_in_order(
    page, live_server, site_data, login_browser
):
    page.goto(f"{live_server.url}/ar/ervaringsdeskundigen/aanmelden/")
    box = page.locator("#id_languages_0").bounding_box()
    label = page.locator("label[for=id_languages_0]").bounding_box()
    assert box["x"] > label["x"], "the box comes first, on the right"
    slots = page.locator("input[name=availability] + *, label[for^=id_availability]").all_inner_texts()
    assert "الاثنين بعد الظهر" in slots and not any("maandag" in slot for slot in slots)
    assert page.evaluate("getComputedStyle(document.querySelector('#id_email')).direction") == "ltr"

    page.goto(f"{live_server.url}/ar{site_data.workshop.url}")
    assert page.locator(".calendar-links bdi[dir=ltr]").inner_text() == "(.ics)"
    assert page.evaluate("getComputedStyle(document.querySelector('#share-link')).direction") == "ltr"
    # The times are left-to-right, as in the list of dates under them.
    assert page.locator("#when-heading + p span[dir=ltr]").inner_text() == "17:00–19:00"
    page.wait_for_selector(".leaflet-control-zoom")
    assert page.locator(".leaflet-top.leaflet-right .leaflet-control-zoom").count() == 1

    page.goto(f"{live_server.url}{site_data.workshop.url}")
    page.wait_for_selector(".leaflet-control-zoom")
    assert page.locator(".leaflet-top.leaflet-left .leaflet-control-zoom").count() == 1
