"""What a visitor sees at /welkomhuizen/ and on a welkomhuis page."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import Wijk
from locations.models import LocationKind, OpeningException

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def card_titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".card-list .card__title a")]


def test_index_lists_published_welkomhuizen_and_hides_drafts(client, make_location):
    make_location(title="Buurthuis Zon")
    draft = make_location(title="Buurthuis Maan")
    draft.unpublish()
    assert card_titles(client.get("/welkomhuizen/")) == ["Buurthuis Zon"]


def test_filter_by_wijk_and_kind(client, make_location):
    make_location(title="Bieb Overvecht", wijk=Wijk.OVERVECHT, kind=LocationKind.LIBRARY)
    make_location(title="Buurthuis Overvecht", wijk=Wijk.OVERVECHT, kind=LocationKind.BUURTHUIS)
    make_location(title="Bieb Oost", wijk=Wijk.OOST, kind=LocationKind.LIBRARY)
    assert card_titles(client.get("/welkomhuizen/?wijk=overvecht")) == [
        "Bieb Overvecht",
        "Buurthuis Overvecht",
    ]
    assert card_titles(client.get("/welkomhuizen/?wijk=overvecht&kind=bibliotheek")) == ["Bieb Overvecht"]


def test_filter_by_several_facilities_needs_all_of_them(client, make_location):
    make_location(title="Alles", has_wifi=True, wheelchair_accessible=True)
    make_location(title="Alleen wifi", has_wifi=True)
    response = client.get("/welkomhuizen/?facility=has_wifi&facility=wheelchair_accessible")
    assert card_titles(response) == ["Alles"]
    # The form remembers the choices, so the filtered link can be shared and refined.
    checked = {i["value"] for i in soup_of(response).select("input[name=facility][checked]")}
    assert checked == {"has_wifi", "wheelchair_accessible"}


def test_filter_open_now(client, make_location, open_all_week):
    always = make_location(title="Altijd open", weekday_hours=False)
    open_all_week(always)
    make_location(title="Nooit open", weekday_hours=False)
    assert card_titles(client.get("/welkomhuizen/?open_now=on")) == ["Altijd open"]


def test_invalid_filter_values_are_reported_not_a_500(client, make_location):
    make_location(title="Buurthuis Zon")
    response = client.get("/welkomhuizen/?wijk=atlantis&kind=<script>alert(1)</script>&facility=sauna")
    soup = soup_of(response)
    assert soup.select_one(".filter-form [role=alert]") is not None
    assert card_titles(response) == ["Buurthuis Zon"]
    assert "<script>alert(1)" not in response.content.decode()


def test_empty_result_suggests_widening_the_search(client, make_location):
    make_location(wijk=Wijk.OOST)
    soup = soup_of(client.get("/welkomhuizen/?wijk=zuid"))
    assert soup.select_one(".empty-state a")["href"] == "/welkomhuizen/"


def test_map_data_matches_the_list(client, make_location):
    make_location(title="Noord", latitude="52.110000", longitude="5.110000")
    make_location(title="Zuid", latitude="52.070000", longitude="5.120000")
    soup = soup_of(client.get("/welkomhuizen/"))
    data = json.loads(soup.find("script", id="locations-geojson").string)
    names = [f["properties"]["name"] for f in data["features"]]
    assert names == card_titles(client.get("/welkomhuizen/"))
    assert data["features"][0]["geometry"]["coordinates"] == [5.11, 52.11]


def test_index_query_count_does_not_grow_with_the_number_of_locations(client, make_location):
    def count_queries():
        client.get("/welkomhuizen/")  # warm Wagtail's site-root cache
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/welkomhuizen/")
        assert response.status_code == 200
        return len(ctx.captured_queries)

    for _ in range(2):
        make_location()
    few = count_queries()
    for _ in range(8):
        make_location()
    assert count_queries() == few


def test_anonymous_visit_sets_no_cookie(client, make_location):
    location = make_location()
    for url in ["/", "/welkomhuizen/", location.url, "/en/welkomhuizen/", "/zoeken/?q=taal"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, f"{url} set {list(response.cookies)}"


def test_location_page_shows_hours_with_today_highlighted(client, make_location):
    location = make_location(title="Buurthuis Zon")
    soup = soup_of(client.get(location.url))
    today_rows = soup.select("table.opening-hours tr[aria-current=date]")
    assert len(today_rows) == 1
    rows = soup.select("table.opening-hours tr")
    assert len(rows) == 7
    today = timezone.localdate()
    assert rows.index(today_rows[0]) == today.weekday()
    expected = "09:00–17:00" if today.weekday() < 5 else None
    if expected:
        assert expected in today_rows[0].get_text()


def test_location_page_shows_closure_reason_and_directions(client, make_location):
    location = make_location(title="Buurthuis Zon")
    today = timezone.localdate()
    OpeningException.objects.create(page=location, date=today, reason="Koningsdag")
    OpeningException.objects.create(page=location, date=today + timedelta(days=400), reason="Ver weg")
    soup = soup_of(client.get(location.url))
    state = soup.select_one(".opening-state").get_text(" ", strip=True)
    assert "Koningsdag" in state
    upcoming = soup.select_one("section[aria-labelledby=hours-heading] ul").get_text(" ", strip=True)
    assert "Koningsdag" in upcoming and "Ver weg" not in upcoming
    directions = soup.find("a", href=lambda h: h and "openstreetmap.org/directions" in h)
    assert "52.0907" in directions["href"] and "5.1214" in directions["href"]


def test_location_page_lists_rooms_and_facilities(client, make_location):
    from locations.factories import RoomFactory

    location = make_location(has_childcare=True)
    RoomFactory(page=location, name="Spreekkamer", capacity=3, is_private=True)
    soup = soup_of(client.get(location.url))
    rooms = soup.select_one("section[aria-labelledby=rooms-heading]").get_text(" ", strip=True)
    assert "Spreekkamer" in rooms and "3" in rooms
    facilities = soup.select_one("section[aria-labelledby=facilities-heading]").get_text(" ", strip=True)
    assert facilities


def test_home_page_links_to_the_map_and_features_welkomhuizen(client, make_location):
    make_location(title="Buurthuis Zon")
    soup = soup_of(client.get("/"))
    assert soup.find("a", href="/welkomhuizen/") is not None
    assert "Buurthuis Zon" in soup.select_one(".card-list").get_text()
    assert soup.select_one("form[role=search]")["method"] == "get"


def test_search_finds_a_welkomhuis_by_a_word_in_its_introduction(client, make_location):
    make_location(title="Buurthuis Zon", intro="Elke dinsdag een fietsles voor vrouwen.")
    make_location(title="Buurthuis Maan", intro="Koffie en een praatje.")
    soup = soup_of(client.get("/zoeken/?q=fietsles"))
    assert [a.get_text(strip=True) for a in soup.select(".result-list a")] == ["Buurthuis Zon"]


def test_unknown_page_is_a_friendly_404(client, db):
    response = client.get("/welkomhuizen/bestaat-niet/")
    assert response.status_code == 404
    assert BeautifulSoup(response.content, "html.parser").select_one("main h1") is not None
