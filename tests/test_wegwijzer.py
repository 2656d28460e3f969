"""The wegwijzer: a page per leefgebied with next steps and the coming activities on it, near you."""

from datetime import timedelta
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import Leefgebied, WegwijzerPage

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".occurrence .card__title a")]


def tomorrow():
    return timezone.localdate() + timedelta(days=1)


def on_topic(make_activity, slug, **fields):
    activity = make_activity(start_date=tomorrow(), **fields)
    activity.leefgebieden.add(Leefgebied.objects.get(slug=slug))
    activity.save()  # a ParentalManyToManyField is written when the page is saved
    return activity


def test_page_shows_intro_steps_and_the_coming_activities_on_its_leefgebied(
    client, make_wegwijzer_page, make_activity
):
    page = make_wegwijzer_page(
        "werk",
        title="Werk vinden",
        steps=[
            (
                "step",
                {
                    "title": "Praat met je coach",
                    "text": "Samen kijk je wat je wilt.",
                    "link_url": "https://www.utrecht.nl/werk/",
                    "link_text": "Werk & Inkomen",
                    "link_page": None,
                },
            )
        ],
    )
    on_topic(make_activity, "werk", title="Werkcafé")
    on_topic(make_activity, "taal", title="Taalcafé")
    soup = soup_of(client.get(page.url))
    assert soup.h1.get_text(strip=True) == "Werk vinden"
    step = soup.select_one(".wegwijzer__steps li")
    assert "Praat met je coach" in step.get_text()
    assert step.find("a")["href"] == "https://www.utrecht.nl/werk/"
    assert titles(client.get(page.url)) == ["Werkcafé"]
    more = soup.find("a", string="All activities on this topic") or soup.find(
        "a", string="Alle activiteiten over dit onderwerp"
    )
    assert more is not None and "leefgebied=werk" in more["href"]


def test_past_and_far_activities_are_not_listed(client, make_wegwijzer_page, make_activity):
    page = make_wegwijzer_page("taal")
    activity = make_activity(title="Over twee maanden", start_date=timezone.localdate() + timedelta(days=60))
    activity.leefgebieden.add(Leefgebied.objects.get(slug="taal"))
    activity.save()
    assert titles(client.get(page.url)) == []


def test_wijk_filter_shows_only_activities_in_that_wijk(
    client, make_wegwijzer_page, make_activity, make_location
):
    page = make_wegwijzer_page("taal")
    on_topic(make_activity, "taal", title="In Overvecht", location=make_location(wijk="overvecht"))
    on_topic(make_activity, "taal", title="In Zuid", location=make_location(wijk="zuid"))
    assert sorted(titles(client.get(page.url))) == ["In Overvecht", "In Zuid"]
    assert titles(client.get(page.url + "?wijk=overvecht")) == ["In Overvecht"]


def test_postcode_finds_activities_near_the_visitor(
    client, make_wegwijzer_page, make_activity, make_location, monkeypatch
):
    page = make_wegwijzer_page("taal")
    near = make_location(latitude="52.092900", longitude="5.118800")
    far = make_location(latitude="52.106000", longitude="4.996000")
    on_topic(make_activity, "taal", title="Dichtbij", location=near)
    on_topic(make_activity, "taal", title="Ver", location=far)

    class FakeResponse:  # PDOK's answer for 3511 AB
        def raise_for_status(self):
            pass

        def json(self):
            return {"response": {"docs": [{"postcode": "3511AB", "centroide_ll": "POINT(5.1127 52.0913)"}]}}

    monkeypatch.setattr("home.geo.requests.get", lambda url, params, timeout: FakeResponse())
    response = client.get(page.url + "?postcode=3511+AB&radius=3")
    assert titles(response) == ["Dichtbij"]
    assert "km" in soup_of(response).select_one(".occurrence .card__meta").get_text()


@pytest.mark.parametrize("query", ["?postcode=ABCD12", "?wijk=nowhere", "?radius=abc"])
def test_bad_input_gives_a_message_and_the_citywide_list(client, make_wegwijzer_page, make_activity, query):
    page = make_wegwijzer_page("taal")
    on_topic(make_activity, "taal", title="Taalcafé")
    response = client.get(page.url + query)
    assert titles(response) == ["Taalcafé"]
    if "postcode" in query:
        assert soup_of(response).select_one(".utrecht-form-field-error-message")


def test_unreachable_postcode_lookup_says_so(client, make_wegwijzer_page, make_activity, monkeypatch):
    import requests

    page = make_wegwijzer_page("taal")
    on_topic(make_activity, "taal", title="Taalcafé")

    def down(*args, **kwargs):
        raise requests.ConnectionError("no network")

    monkeypatch.setattr("home.geo.requests.get", down)
    soup = soup_of(client.get(page.url + "?postcode=3511AB"))
    assert "wijk" in soup.select_one(".filter-message").get_text()
    assert [a.get_text(strip=True) for a in soup.select(".occurrence .card__title a")] == ["Taalcafé"]


def test_anonymous_visit_sets_no_cookie(client, make_wegwijzer_page):
    page = make_wegwijzer_page("taal")
    assert not client.get(page.url + "?wijk=zuid").cookies
    assert not client.get(page.get_parent().url).cookies


def test_index_lists_the_pages_in_leefgebied_order(client, make_wegwijzer_page):
    make_wegwijzer_page("ontmoeten", title="Mensen ontmoeten")
    make_wegwijzer_page("taal", title="Nederlands leren")
    soup = soup_of(client.get("/wegwijzer/"))
    assert [h.get_text(strip=True) for h in soup.select(".card__title")] == [
        "Nederlands leren",
        "Mensen ontmoeten",
    ]


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("query", ["", "?wijk=zuid"])
def test_query_count_does_not_grow_with_the_number_of_activities(
    client, make_wegwijzer_page, make_activity, make_location, query
):
    page = make_wegwijzer_page("taal")
    locations = [make_location(wijk="zuid") for _ in range(3)]

    def add(n):
        for i in range(n):
            on_topic(make_activity, "taal", title=f"Taalcafé {n}-{i}", location=locations[i % 3])

    add(2)
    few = count_queries(client, page.url + query)
    add(8)
    assert count_queries(client, page.url + query) == few


def test_demo_has_a_wegwijzer_page_for_each_of_the_seven_leefgebieden(client):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())  # idempotent
    pages = WegwijzerPage.objects.live().filter(locale__language_code="nl")
    assert WegwijzerPage.objects.live().filter(locale__language_code="ar").count() == 1  # and one in Arabic
    assert sorted(pages.values_list("leefgebied__slug", flat=True)) == sorted(
        ["taal", "werk", "onderwijs", "financien", "gezondheid", "kinderen", "ontmoeten"]
    )
    for page in pages:
        assert page.steps, page
        assert client.get(page.url).status_code == 200
