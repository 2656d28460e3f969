"""/activiteiten/: what's on, filtered, paged, mapped, without JavaScript, in a constant number of queries."""

import json
from datetime import datetime, time, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from activities.models import ActivityType
from home.models import Language, Leefgebied, Wijk

pytestmark = pytest.mark.django_db

URL = "/activiteiten/"


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".occurrence .card__title a")]


def tomorrow():
    return timezone.localdate() + timedelta(days=1)


def test_lists_upcoming_activities_by_day(client, make_activity):
    make_activity(title="Taalcafé", start_date=tomorrow())
    make_activity(title="Later", start_date=tomorrow() + timedelta(days=20))
    soup = soup_of(client.get(URL))
    assert [a.get_text(strip=True) for a in soup.select(".occurrence .card__title a")] == ["Taalcafé"]
    assert soup.select_one(".day__heading") is not None
    assert titles(client.get(URL + "?when=month")) == ["Taalcafé", "Later"]


def test_today_and_a_chosen_date(client, make_activity):
    # At noon, so "later today" exists whenever the suite runs (late at night it would not).
    noon = datetime.combine(timezone.localdate(), time(12), ZoneInfo("Europe/Amsterdam"))
    with mock.patch("django.utils.timezone.now", return_value=noon):
        make_activity(
            title="Vandaag laat",
            start_date=timezone.localdate(),
            start_time=time(23, 0),
            end_time=time(23, 30),
        )
        make_activity(title="Morgen", start_date=tomorrow())
        assert titles(client.get(URL + "?when=today")) == ["Vandaag laat"]
        assert titles(client.get(URL + f"?date={tomorrow().isoformat()}")) == ["Morgen"]


def test_past_activities_are_not_listed(client, make_activity):
    make_activity(title="Gisteren", start_date=timezone.localdate() - timedelta(days=1))
    assert titles(client.get(URL + "?when=month")) == []


def test_filters_by_type_topic_language_level_audience_price(client, make_activity):
    day = tomorrow()
    spreekuur = ActivityType.objects.get(slug="spreekuur")
    a = make_activity(title="A", start_date=day, dutch_level="none", price=0)
    a.languages.add(Language.objects.get(code="ar"))
    a.leefgebieden.add(Leefgebied.objects.get(slug="werk"))
    a.save_revision().publish()
    make_activity(title="B", start_date=day, dutch_level="b1", price=5, audience="women")
    from home.models import Organisation

    make_activity(title="C", start_date=day, activity_type=spreekuur, organiser=Organisation.objects.first())
    assert titles(client.get(URL + "?type=spreekuur")) == ["C"]
    assert titles(client.get(URL + "?leefgebied=werk")) == ["A"]
    assert titles(client.get(URL + "?language=ar")) == ["A"]
    assert titles(client.get(URL + "?free=on")) == ["A", "C"]
    assert titles(client.get(URL + "?audience=women")) == ["B"]
    # "My Dutch": A0-A2 shows what needs no more than that.
    assert titles(client.get(URL + "?level=a0-a2")) == ["A", "C"]
    assert titles(client.get(URL + "?level=b1")) == ["A", "B", "C"]


def test_filters_by_wijk_welkomhuis_and_wheelchair(client, make_activity, make_location):
    day = tomorrow()
    oost = make_location(title="Oost", wijk=Wijk.OOST, wheelchair_accessible=True)
    zuid = make_location(title="Zuid", wijk=Wijk.ZUID)
    make_activity(location=oost, title="In Oost", start_date=day)
    make_activity(location=zuid, title="In Zuid", start_date=day)
    assert titles(client.get(URL + "?wijk=oost")) == ["In Oost"]
    assert titles(client.get(URL + f"?location={zuid.pk}")) == ["In Zuid"]
    assert titles(client.get(URL + "?wheelchair=on")) == ["In Oost"]


def test_free_text_search(client, make_activity):
    make_activity(title="Fietsles voor vrouwen", start_date=tomorrow())
    make_activity(title="Taalcafé", start_date=tomorrow(), summary="Praten over het weer.")
    assert titles(client.get(URL + "?q=fietsles")) == ["Fietsles voor vrouwen"]
    assert titles(client.get(URL + "?q=weer")) == ["Taalcafé"]


def test_near_me_by_browser_location(client, make_activity, make_location):
    near = make_location(title="Dichtbij", latitude="52.092900", longitude="5.118800")
    far = make_location(title="Ver weg", latitude="52.106000", longitude="4.996000")
    make_activity(location=near, title="Dichtbij", start_date=tomorrow())
    make_activity(location=far, title="Ver weg", start_date=tomorrow())
    response = client.get(URL + "?lat=52.0907&lon=5.1214&radius=3")
    assert titles(response) == ["Dichtbij"]
    assert "km" in soup_of(response).select_one(".occurrence .card__meta").get_text()
    assert titles(client.get(URL + "?lat=52.0907&lon=5.1214&radius=10")) == ["Dichtbij", "Ver weg"]


def test_near_a_postcode_uses_the_pdok_lookup(client, make_activity, make_location, monkeypatch):
    near = make_location(title="Dichtbij", latitude="52.092900", longitude="5.118800")
    make_activity(location=near, title="Dichtbij", start_date=tomorrow())
    make_activity(
        location=make_location(latitude="52.106000", longitude="4.996000"), title="Ver", start_date=tomorrow()
    )
    calls = []

    class FakeResponse:  # PDOK's answer for 3511 AB, as the Locatieserver gives it
        def raise_for_status(self):
            pass

        def json(self):
            return {
                "response": {
                    "numFound": 1,
                    "docs": [{"postcode": "3511AB", "centroide_ll": "POINT(5.1127 52.0913)"}],
                }
            }

    def fake_get(url, params, timeout):
        calls.append(params["q"])
        return FakeResponse()

    monkeypatch.setattr("home.geo.requests.get", fake_get)
    assert titles(client.get(URL + "?postcode=3511+ab&radius=3")) == ["Dichtbij"]
    assert titles(client.get(URL + "?postcode=3511AB&radius=3")) == ["Dichtbij"]
    assert calls == ["3511AB"]  # the second time it came from the cache


def test_unreachable_postcode_lookup_gives_a_message_not_an_error(client, make_activity, monkeypatch):
    import requests

    make_activity(title="Taalcafé", start_date=tomorrow())

    def down(*args, **kwargs):
        raise requests.ConnectionError("no network")

    monkeypatch.setattr("home.geo.requests.get", down)
    soup = soup_of(client.get(URL + "?postcode=3511AB"))
    assert "wijk" in soup.select_one(".filter-message").get_text()
    assert [a.get_text(strip=True) for a in soup.select(".occurrence .card__title a")] == ["Taalcafé"]


@pytest.mark.parametrize(
    "query",
    [
        "?date=2026-02-31",
        "?when=yesterday",
        "?type=nope",
        "?location=abc",
        "?lat=abc&lon=5",
        "?postcode=ABCD12",
        "?page=999",
    ],
)
def test_bad_filter_values_never_break_the_page(client, make_activity, query):
    make_activity(title="Taalcafé", start_date=tomorrow())
    response = client.get(URL + query)
    assert response.status_code == 200
    assert "Taalcafé" in response.content.decode()


def test_filters_stay_in_the_url_and_the_form(client, make_activity):
    make_activity(title="Taalcafé", start_date=tomorrow())
    soup = soup_of(client.get(URL + "?type=taalcafe&free=on&when=month"))
    assert soup.select_one("select[name=type] option[selected]")["value"] == "taalcafe"
    assert soup.select_one("input[name=free]").has_attr("checked")
    assert soup.select_one("form.filter-form")["method"] == "get"
    assert soup.select_one('a[href*="view=map"]')["href"].startswith("?type=taalcafe")


def test_cancelled_and_holiday_dates_are_marked(client, make_activity):
    from activities.models import ScheduleChange

    day = tomorrow()
    activity = make_activity(title="Taalcafé", start_date=day, recurrence="FREQ=DAILY;COUNT=2")
    activity.schedule_changes.add(ScheduleChange(date=day, kind="cancelled", reason="Docent ziek"))
    activity.save_revision().publish()
    cards = soup_of(client.get(URL)).select(".occurrence")
    assert "occurrence--cancelled" in cards[0]["class"]
    assert "Docent ziek" in cards[0].get_text()
    assert "occurrence--cancelled" not in cards[1]["class"]


def test_pages_results(client, make_location, make_activity):
    location = make_location()
    for n in range(25):
        make_activity(location=location, title=f"Activiteit {n:02d}", start_date=tomorrow())
    first = soup_of(client.get(URL))
    assert len(first.select(".occurrence")) == 20
    next_link = first.select_one(".pagination a[rel=next]")["href"]
    assert len(soup_of(client.get(URL + next_link)).select(".occurrence")) == 5


def test_empty_state_suggests_widening_the_search(client, make_activity):
    make_activity(title="Later", start_date=tomorrow() + timedelta(days=20))
    soup = soup_of(client.get(URL + "?type=taalcafe"))
    links = [a["href"] for a in soup.select(".empty-state a")]
    assert any("when=month" in link for link in links)
    assert URL in links


def test_map_view_has_one_marker_per_welkomhuis_linking_to_the_filtered_list(
    client, make_activity, make_location
):
    location = make_location(title="Neude")
    make_activity(location=location, title="A", start_date=tomorrow())
    make_activity(location=location, title="B", start_date=tomorrow())
    soup = soup_of(client.get(URL + "?view=map&type=taalcafe"))
    data = json.loads(soup.find("script", id="locations-geojson").string)
    (feature,) = data["features"]
    assert feature["properties"]["name"] == "Neude"
    assert feature["properties"]["listing_url"] == f"?type=taalcafe&location={location.pk}"
    assert titles(client.get(URL + "?view=map&type=taalcafe")) == ["A", "B"]  # the list stays


def test_anonymous_listing_sets_no_cookie(client, make_activity):
    make_activity(start_date=tomorrow())
    assert not client.get(URL + "?type=taalcafe").cookies


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize(
    "url", [URL, URL + "?when=month&language=ar&q=taal", URL + "?view=map", "/api/v1/activities.geojson"]
)
def test_query_count_does_not_grow_with_the_number_of_activities(client, make_location, make_activity, url):
    locations = [make_location() for _ in range(3)]
    arabic = Language.objects.get(code="ar")

    def add(n):
        for i in range(n):
            activity = make_activity(
                location=locations[i % 3], title=f"Taalcafé {n}-{i}", start_date=tomorrow()
            )
            activity.languages.add(arabic)
            activity.save_revision().publish()

    add(3)
    few = count_queries(client, url)
    add(12)
    assert count_queries(client, url) == few
