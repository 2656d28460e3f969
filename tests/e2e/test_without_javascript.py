"""Without JavaScript, on a phone: browse and filter, register, sign up as a volunteer and as an
ervaringsdeskundige. Everything is a link or a plain form, so this is the whole site."""

import pytest
from django.test import Client

from activities.models import Registration
from tests.conftest import create_user
from volunteers.models import ErvaringsdeskundigeProfile, VolunteerProfile

from .conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def no_js(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_browse_and_filter_welkomhuizen_and_activities(no_js, live_server, site_data):
    page = no_js
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Welkomhuizen", exact=True).first.click()
    assert sorted(page.locator(".card__title").all_inner_texts()) == ["Bibliotheek Neude", "Plan Einstein"]
    page.get_by_label("Gratis wifi").check()
    page.get_by_role("button", name="Toon welkomhuizen").click()
    page.wait_for_url("**facility=has_wifi**")
    assert page.locator(".card__title").all_inner_texts() == ["Bibliotheek Neude"]
    page.get_by_role("link", name="Bibliotheek Neude").click()
    assert page.locator("h1").inner_text() == "Bibliotheek Neude"
    assert page.locator(".opening-hours").count() == 1 and fits(page)

    page.goto(f"{live_server.url}/activiteiten/")
    assert sorted(set(page.locator(".occurrence .card__title").all_inner_texts())) == [
        "Samen koken",
        "Taalcafé",
    ]
    page.fill("input[name=q]", "koken")
    page.locator(".filter-form__actions button[type=submit]").click()
    page.wait_for_url("**q=koken**")
    assert page.locator(".occurrence .card__title").all_inner_texts() == ["Samen koken"]
    page.locator(".occurrence .card__title a").click()
    assert page.locator("h1").inner_text() == "Samen koken" and fits(page)


def test_register_for_an_activity(no_js, live_server, site_data):
    page = no_js
    page.goto(f"{live_server.url}{site_data.workshop.url}")
    page.locator(".occurrence-list__register a").first.click()
    page.get_by_label("Voornaam", exact=True).fill("Yonas")
    page.fill("#id_email", "yonas@example.org")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/aanmelding/**")
    assert "aangemeld" in page.locator(".status").inner_text()
    assert Registration.objects.get(email="yonas@example.org").status == "confirmed"


def complete_wizard(page, live_server):
    """Every step of the volunteer wizard, by its labels, ending on the profile."""
    page.goto(f"{live_server.url}/vrijwilligers/aanmelden/")
    page.wait_for_url("**/aanmelden/rollen/")
    page.get_by_label("Taalmaatje", exact=False).first.check()
    page.get_by_role("button", name="Opslaan en verder").click()
    page.wait_for_url("**/aanmelden/talen/")
    page.locator("input[name=native][value=ar]").check()
    page.locator("input[name=fluent][value=nl]").check()
    page.get_by_role("button", name="Opslaan en verder").click()
    page.wait_for_url("**/aanmelden/wanneer/")
    page.locator("input[name=availability][value='1-afternoon']").check()
    page.locator("input[name=availability][value='3-evening']").check()
    page.get_by_role("button", name="Opslaan en verder").click()
    page.wait_for_url("**/aanmelden/waar/")
    page.locator("input[name=postcode]").fill("3562 AB")
    page.get_by_role("button", name="Opslaan en verder").click()
    page.wait_for_url("**/aanmelden/over-jou/")
    page.locator("textarea[name=motivation]").fill("Ik kwam zelf ook ooit nieuw in Utrecht.")
    page.get_by_role("button", name="Opslaan en verder").click()
    page.wait_for_url("**/aanmelden/toestemming/")
    assert fits(page)
    page.get_by_role("button", name="Opslaan en verder").click()  # without consent: refused
    assert page.locator(".utrecht-form-field-error-message").count() == 1
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Opslaan en verder").click()
    page.wait_for_url("**/vrijwilligers/mijn-profiel/")


def test_volunteer_wizard(no_js, live_server, site_data):
    user = create_user("vera@example.org", first_name="Vera")
    log_in(no_js, live_server, user)
    complete_wizard(no_js, live_server)
    profile = VolunteerProfile.objects.get(user=user)
    assert profile.is_complete
    assert profile.languages == {"ar": "native", "nl": "fluent"}
    assert (profile.postcode, profile.wijk) == ("3562", "overvecht")
    assert profile.availability == ["1-afternoon", "3-evening"]
    assert "Overvecht" in no_js.locator("main").inner_text()


def test_ervaringsdeskundige_sign_up(no_js, live_server, site_data):
    page = no_js
    page.goto(f"{live_server.url}/ervaringsdeskundigen/aanmelden/")
    page.get_by_label("Voornaam", exact=True).fill("Haile")
    page.fill("#id_email", "haile@example.org")
    page.locator("input[name=languages][value=ar]").check()
    page.locator("input[name=wishes][value=welcome]").check()
    page.get_by_label("Bibliotheek Neude").check()
    page.locator("main form button[type=submit]").click()  # consent forgotten
    assert page.locator(".utrecht-form-field-error-message").count() == 1
    assert page.get_by_label("Voornaam", exact=True).input_value() == "Haile"  # nothing lost
    page.locator("input[name=consent]").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    person = ErvaringsdeskundigeProfile.objects.get(email="haile@example.org")
    assert list(person.locations.values_list("title", flat=True)) == ["Bibliotheek Neude"]
    assert not person.show_on_location_pages
    assert fits(page)
