"""Staff pick a welkomhuis's coordinates by clicking the map in the Wagtail admin."""

import pytest
from django.urls import reverse

from tests.conftest import add_totp, create_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_clicking_the_map_fills_latitude_and_longitude(page, live_server, login_browser, make_location):
    location = make_location(title="Buurthuis Zon", latitude="52.090700", longitude="5.121400")
    editor = create_user("editor@example.org", is_superuser=True, is_staff=True)
    add_totp(editor)
    login_browser(editor)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{reverse('wagtailadmin_pages:edit', args=(location.pk,))}")
    page.get_by_role("tab", name="Address and map").or_(
        page.get_by_role("tab", name="Adres en kaart")
    ).click()
    picker = page.locator("[data-coordinate-picker]")
    picker.wait_for()
    page.wait_for_selector("[data-coordinate-picker] .leaflet-marker-icon")
    box = picker.bounding_box()
    # Click left of and above the centre: further west and north than the marker.
    page.mouse.click(box["x"] + box["width"] / 2 - 120, box["y"] + box["height"] / 2 - 80)
    latitude = float(page.input_value("#id_latitude"))
    longitude = float(page.input_value("#id_longitude"))
    assert latitude > 52.0907 and longitude < 5.1214
    assert 52.0 < latitude < 52.2 and 5.0 < longitude < 5.2
    # Typing coordinates moves the marker: the map follows the inputs.
    page.fill("#id_latitude", "52.100000")
    page.dispatch_event("#id_latitude", "change")
    marker_top = page.locator("[data-coordinate-picker] .leaflet-marker-icon").bounding_box()["y"]
    assert marker_top < box["y"] + box["height"] / 2
