"""A resident on a phone finds this week's activities: list, map, with and without JavaScript."""

from datetime import timedelta

import pytest
from django.utils import timezone

from home.models import Wijk

from .conftest import open_first_popup

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def activities(make_location, make_activity):
    tomorrow = timezone.localdate() + timedelta(days=1)
    neude = make_location(title="Bibliotheek Neude", latitude="52.092900", longitude="5.118800")
    einstein = make_location(
        title="Plan Einstein", latitude="52.118500", longitude="5.110100", wijk=Wijk.OVERVECHT
    )
    return [
        make_activity(location=neude, title="Taalcafé", start_date=tomorrow),
        make_activity(location=einstein, title="Samen koken", start_date=tomorrow),
    ]


def test_listing_and_map_on_a_phone(page, live_server, activities):
    page.goto(f"{live_server.url}/activiteiten/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator(".occurrence .card__title").all_inner_texts() == ["Samen koken", "Taalcafé"]
    page.get_by_role("link", name="Show on a map").or_(
        page.get_by_role("link", name="Toon op de kaart")
    ).click()
    page.wait_for_selector(".leaflet-marker-icon")
    assert page.locator(".leaflet-marker-icon").count() == 2
    popup = open_first_popup(page)
    assert popup.locator("a").count() == 2  # the welkomhuis, and its activities


def test_filtering_without_javascript(browser, live_server, activities):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}, locale="nl-NL"
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/activiteiten/")
    page.locator("summary").click()
    page.select_option("#id_wijk", "overvecht")
    page.locator(".filter-form__actions button[type=submit]").click()
    page.wait_for_url("**wijk=overvecht**")
    assert page.locator(".occurrence .card__title").all_inner_texts() == ["Samen koken"]
    context.close()


def test_use_my_location_fills_the_form(context, live_server, activities):
    context.grant_permissions(["geolocation"])
    context.set_geolocation({"latitude": 52.0907, "longitude": 5.1214})
    page = context.new_page()
    page.goto(f"{live_server.url}/activiteiten/")
    page.locator("summary").click()
    page.locator("[data-use-my-location]").click()
    page.wait_for_url("**lat=52.09070**")
    page.wait_for_selector(".occurrence")
    assert page.locator(".occurrence .card__title").all_inner_texts() == ["Taalcafé"]  # within 3 km


def test_activity_page_on_a_phone(page, live_server, activities):
    page.goto(f"{live_server.url}{activities[0].url}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.wait_for_selector("#location-map .leaflet-marker-icon")
    href = page.locator(".occurrence-list__ics").first.get_attribute("href")
    response = page.request.get(f"{live_server.url}{href}")
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
