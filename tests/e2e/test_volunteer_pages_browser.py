"""The volunteer work list and the "remove my details" link, on a phone, without JavaScript, and
without axe-core violations in Dutch and Arabic."""

import pytest
from django.urls import reverse

from home.models import Language, Organisation
from tests.e2e.test_accessibility import axe_violations
from volunteers.demo import load_demo_opportunities
from volunteers.invitations import removal_token
from volunteers.models import ErvaringsdeskundigeProfile, Programme, VolunteerOpportunityPage
from volunteers.vocabulary import PRIVACY_STATEMENT_VERSION

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def opportunities(make_location):
    programme = Programme.objects.create(
        name="Taalmaatjes", organisation=Organisation.objects.first(), roles=["taalmaatje"]
    )
    index, _pages = load_demo_opportunities(programme, [make_location(title="Buurthuis De Boog")])
    return index


def make_person():
    person = ErvaringsdeskundigeProfile.objects.create(
        first_name="Samira",
        email="samira@example.org",
        wishes=["welcome"],
        consent_version=PRIVACY_STATEMENT_VERSION,
    )
    person.languages.set(Language.objects.filter(code="ar"))
    return person


def test_filter_the_volunteer_work_on_a_phone_without_javascript(browser, live_server, opportunities):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{live_server.url}{opportunities.url}")
    assert page.locator(".card").count() == 3
    page.select_option("#id_role", "gezinsbuddy")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**role=gezinsbuddy**")
    assert page.locator(".card__title").all_inner_texts() == ["Gezinsbuddy"]
    page.check("#id_no_vog")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**no_vog=on**")
    assert page.locator(".card").count() == 0
    assert "Geen vrijwilligerswerk gevonden" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_remove_my_details_by_the_link_on_a_phone_without_javascript(browser, live_server):
    person = make_person()
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    page.goto(
        f"{live_server.url}{reverse('volunteers:ervaringsdeskundige_remove', args=[removal_token(person)])}"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert ErvaringsdeskundigeProfile.objects.exists()
    page.locator("form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert not ErvaringsdeskundigeProfile.objects.exists()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_volunteer_pages_have_no_axe_violations(page, live_server, opportunities, prefix):
    opportunity = VolunteerOpportunityPage.objects.get(slug="gezinsbuddy")
    token = removal_token(make_person())
    paths = [
        opportunities.url,
        opportunities.url + "?role=fietsmaatje",  # the empty state
        opportunity.url,
        reverse("volunteers:interested", args=[opportunity.pk]),
        reverse("volunteers:ervaringsdeskundige_remove", args=[token]),
        reverse("volunteers:ervaringsdeskundige_remove", args=[token[:-2] + "xx"]),  # the problem page
    ]
    for path in paths:
        page.goto(f"{live_server.url}{prefix}{path}")
        page.wait_for_load_state("load")
        assert axe_violations(page) == [], f"{prefix}{path}"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, f"{prefix}{path}"
    page.goto(f"{live_server.url}{prefix}{reverse('volunteers:ervaringsdeskundige_remove', args=[token])}")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert axe_violations(page) == [], "the removed page"
