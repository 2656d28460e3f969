"""Reduced motion is respected (CSS and the maps), and every map has the same places as a list."""

from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.utils import timezone

from locations.models import LocationPage

from .conftest import PHONE, open_first_popup

pytestmark = pytest.mark.django_db(transaction=True)

# The longest transition or animation any element has, and the document's scroll behaviour.
MOTION = """() => {
  let longest = 0;
  for (const el of document.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    for (const value of [style.transitionDuration, style.animationDuration]) {
      for (const part of value.split(",")) {
        const seconds = part.trim().endsWith("ms") ? parseFloat(part) / 1000 : parseFloat(part);
        longest = Math.max(longest, seconds || 0);
      }
    }
  }
  return {longest, scroll: getComputedStyle(document.documentElement).scrollBehavior};
}"""

# Leaflet marks an animated map: fade-anim on the container, a zoom proxy, markers hidden while zooming.
MAP_ANIMATION = """() => ({
  fade: document.querySelector(".leaflet-container").classList.contains("leaflet-fade-anim"),
  zoom: !!document.querySelector(".leaflet-proxy"),
})"""


def open_with_motion(browser, live_server, url, reduced_motion, tile_png):
    context = browser.new_context(viewport=PHONE, locale="nl-NL", reduced_motion=reduced_motion)
    context.route(
        "https://tile.openstreetmap.org/**",
        lambda route: route.fulfill(status=200, content_type="image/png", body=tile_png),
    )
    page = context.new_page()
    page.goto(f"{live_server.url}{url}")
    page.wait_for_selector(".leaflet-marker-icon")
    return context, page


def test_reduced_motion_turns_off_transitions_and_map_animations(browser, live_server, site_data, tile_png):
    for url in ["/welkomhuizen/", "/activiteiten/?view=map", site_data.location.url]:
        context, page = open_with_motion(browser, live_server, url, "reduce", tile_png)
        motion = page.evaluate(MOTION)
        assert motion["longest"] <= 0.001 and motion["scroll"] == "auto", (url, motion)
        assert page.evaluate(MAP_ANIMATION) == {"fade": False, "zoom": False}, url
        # Zooming still works; it jumps instead of gliding.
        page.locator(".leaflet-control-zoom-in").click()
        assert page.evaluate(MAP_ANIMATION) == {"fade": False, "zoom": False}, url
        context.close()

    # Without the wish, the map animates as Leaflet does by default (so the check above means something).
    # An open popup fades in (a CSS transition) unless less motion is asked.
    context, page = open_with_motion(browser, live_server, "/welkomhuizen/", "no-preference", tile_png)
    assert page.evaluate(MAP_ANIMATION) == {"fade": True, "zoom": True}
    open_first_popup(page)
    assert page.evaluate(MOTION)["longest"] > 0
    context.close()
    context, page = open_with_motion(browser, live_server, "/welkomhuizen/", "reduce", tile_png)
    open_first_popup(page)
    assert page.evaluate(MOTION)["longest"] <= 0.001
    context.close()


FEATURES = (
    "JSON.parse(document.getElementById('locations-geojson').textContent).features.map(f => f.properties)"
)


def test_every_map_has_the_same_places_as_a_list(page, live_server, site_data, make_activity):
    einstein = LocationPage.objects.get(title="Plan Einstein")
    make_activity(location=einstein, title="Fietsles", start_date=timezone.localdate() + timedelta(days=2))

    page.goto(f"{live_server.url}/welkomhuizen/")
    on_map = {(p["name"], urlparse(p["url"]).path) for p in page.evaluate(FEATURES)}
    cards = page.locator(".card-list .card__title a")
    in_list = {(cards.nth(i).inner_text(), cards.nth(i).get_attribute("href")) for i in range(cards.count())}
    assert (
        on_map == in_list == {("Bibliotheek Neude", site_data.location.url), ("Plan Einstein", einstein.url)}
    )
    assert page.locator("#locations-map").get_attribute("aria-describedby") == "map-hint"

    page.goto(f"{live_server.url}/activiteiten/?view=map")
    on_map = {p["name"] for p in page.evaluate(FEATURES)}
    in_list = set(page.locator(".occurrence .card__meta [dir=auto]").all_inner_texts())
    assert on_map == in_list == {"Bibliotheek Neude", "Plan Einstein"}
    assert set(page.locator(".occurrence .card__title").all_inner_texts()) == {
        "Taalcafé",
        "Samen koken",
        "Fietsles",
    }

    # One place on a map: its name and address are on the page as text, with a route link.
    for url in [site_data.location.url, site_data.workshop.url]:
        page.goto(f"{live_server.url}{url}")
        (place,) = page.evaluate(FEATURES)
        text = page.locator("main").inner_text()
        assert place["name"] in text and "Dorpsstraat" in text, url
        assert page.locator("a[href*='openstreetmap.org/directions'], a[href*='route']").count() >= 1, url
