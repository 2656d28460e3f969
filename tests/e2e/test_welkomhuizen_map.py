"""A newcomer on a phone opens /welkomhuizen/ and sees the welkomhuizen on the map and in the list."""

from io import StringIO

import pytest
from django.core.management import call_command

from home.models import Wijk

from .conftest import open_first_popup

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def locations(make_location):
    return [
        make_location(title="Bibliotheek Neude", latitude="52.092900", longitude="5.118800"),
        make_location(title="Plan Einstein", latitude="52.118500", longitude="5.110100", wijk=Wijk.OVERVECHT),
        make_location(title="Buurthuis Vleuten", latitude="52.106000", longitude="4.996000"),
    ]


def test_map_and_list_show_the_same_welkomhuizen_on_a_phone(page, live_server, locations, tile_requests):
    page.goto(f"{live_server.url}/welkomhuizen/")
    page.wait_for_selector(".leaflet-marker-icon, .marker-cluster")
    assert page.viewport_size["width"] == 360
    # No horizontal scrolling on a 360 px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    cards = page.locator(".card-list .card__title").all_inner_texts()
    assert cards == ["Bibliotheek Neude", "Buurthuis Vleuten", "Plan Einstein"]
    markers = page.locator(".leaflet-marker-icon:not(.marker-cluster)")
    clusters = page.locator(".marker-cluster")
    shown = markers.count() + sum(int(c) for c in clusters.all_inner_texts())
    assert shown == 3
    assert tile_requests, "the map asked for tiles"
    assert page.locator(".leaflet-control-attribution").inner_text().find("OpenStreetMap") >= 0


def test_clicking_a_marker_opens_a_popup_with_a_link_to_the_welkomhuis(page, live_server, make_location):
    make_location(title="Plan Einstein", latitude="52.118500", longitude="5.110100")
    page.goto(f"{live_server.url}/welkomhuizen/")
    link = open_first_popup(page).locator("a")
    assert link.inner_text() == "Plan Einstein"
    link.click()
    page.wait_for_url("**/welkomhuizen/plan-einstein/")
    assert page.locator("h1").inner_text() == "Plan Einstein"


def test_filters_work_without_javascript(browser, live_server, locations):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}, locale="nl-NL"
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/welkomhuizen/")
    assert not page.locator(".map-panel").is_visible()  # no empty map box without JavaScript
    page.select_option("#id_wijk", "overvecht")
    page.click(".filter-form button[type=submit]")
    page.wait_for_url("**/welkomhuizen/?wijk=overvecht*")
    assert page.locator(".card-list .card__title").all_inner_texts() == ["Plan Einstein"]
    context.close()


def test_location_page_shows_its_map(page, live_server, make_location):
    location = make_location(title="Plan Einstein", latitude="52.118500", longitude="5.110100")
    page.goto(f"{live_server.url}{location.url}")
    page.wait_for_selector("#location-map .leaflet-marker-icon")
    assert page.locator("#location-map .leaflet-marker-icon").get_attribute("alt") == "Plan Einstein"
    # The marker and its shadow are real images (the URLs the page gave the map), not 404s.
    for selector in ["#location-map img.leaflet-marker-icon", "#location-map img.leaflet-marker-shadow"]:
        image = page.locator(selector)
        image.evaluate("img => img.decode()")
        assert image.evaluate("img => img.naturalWidth") > 0, selector
        assert "/static/leaflet/images/marker-" in image.get_attribute("src")


def test_no_marker_overlaps_another_on_a_phone(page, live_server):
    # The demo's welkomhuizen lie close enough together to cluster; a pin that overlaps a
    # neighbouring cluster's circle is hard to tap (WCAG 2.2 target size, Lighthouse).
    call_command("load_demo", stdout=StringIO())
    page.goto(f"{live_server.url}/welkomhuizen/")
    page.wait_for_selector(".marker-cluster")
    boxes = [m.bounding_box() for m in page.locator("#locations-map .leaflet-marker-icon").all()]
    assert len(boxes) > 1

    def overlap(a, b):
        return (
            a["x"] < b["x"] + b["width"]
            and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"]
            and b["y"] < a["y"] + a["height"]
        )

    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if overlap(a, b)]
