"""The wegwijzer and the stories in a browser: axe in Dutch and Arabic, near-me without JavaScript."""

from datetime import timedelta

import pytest
from django.utils import timezone

from home.models import Leefgebied

from .test_accessibility import axe_violations

pytestmark = pytest.mark.django_db(transaction=True)


class FakePdok:  # PDOK's answer for 3511 AB
    def raise_for_status(self):
        pass

    def json(self):
        return {"response": {"docs": [{"postcode": "3511AB", "centroide_ll": "POINT(5.1127 52.0913)"}]}}


@pytest.fixture
def wegwijzer(make_wegwijzer_page, make_story, make_location, make_activity):
    near = make_location(title="Bibliotheek Neude", latitude="52.092900", longitude="5.118800")
    far = make_location(
        title="Wijkcentrum Vleuten", latitude="52.106000", longitude="4.996000", wijk="vleuten-de-meern"
    )
    taal = Leefgebied.objects.get(slug="taal")
    for location, title in [(near, "Taalcafé dichtbij"), (far, "Taalcafé ver weg")]:
        activity = make_activity(
            location=location, title=title, start_date=timezone.localdate() + timedelta(days=1)
        )
        activity.leefgebieden.add(taal)
        activity.save()
    page = make_wegwijzer_page(
        "taal",
        title="Nederlands leren",
        steps=[
            (
                "step",
                {
                    "title": "Ga naar een taalcafé",
                    "text": "Je hoeft je niet aan te melden.",
                    "link_url": "https://www.taaldoetmeer.nl/",
                    "link_text": "Taal Doet Meer",
                    "link_page": None,
                },
            )
        ],
    )
    story = make_story(title="Amal leert Nederlands", locations=[near])
    return page, story


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_wegwijzer_and_stories_have_no_axe_violations(page, live_server, wegwijzer, prefix):
    wegwijzer_page, story = wegwijzer
    for path in [
        wegwijzer_page.url,
        wegwijzer_page.url + "?postcode=nope",
        "/wegwijzer/",
        story.url,
        "/verhalen/",
    ]:
        page.goto(f"{live_server.url}{prefix}{path}")
        page.wait_for_load_state("load")
        assert axe_violations(page) == [], f"{prefix}{path}"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, f"{prefix}{path}"


def test_postcode_filter_without_javascript(browser, live_server, wegwijzer, monkeypatch):
    monkeypatch.setattr("home.geo.requests.get", lambda url, params, timeout: FakePdok())
    wegwijzer_page, _story = wegwijzer
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}, locale="nl-NL"
    )
    page = context.new_page()
    page.goto(f"{live_server.url}{wegwijzer_page.url}")
    assert sorted(page.locator(".occurrence .card__title").all_inner_texts()) == [
        "Taalcafé dichtbij",
        "Taalcafé ver weg",
    ]
    page.fill("#id_postcode", "3511 AB")
    page.locator(".filter-form__actions button[type=submit]").click()
    page.wait_for_url("**postcode=3511**")
    assert page.locator(".occurrence .card__title").all_inner_texts() == ["Taalcafé dichtbij"]
    context.close()
