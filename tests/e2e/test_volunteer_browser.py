"""On a phone: a volunteer signs up through every wizard step to the profile; an ervaringsdeskundige
signs up in Arabic and, having agreed to be shown, appears on the welkomhuis page in Arabic."""

import pytest
from django.utils import translation

from tests.conftest import create_user
from volunteers.models import ErvaringsdeskundigeProfile, VolunteerProfile

from .test_without_javascript import complete_wizard, fits

pytestmark = pytest.mark.django_db(transaction=True)


def test_volunteer_signs_up_on_a_phone(page, live_server, site_data):
    user = create_user("vera@example.org", password="een-lang-wachtwoord-7", first_name="Vera")
    page.goto(f"{live_server.url}/vrijwilligers/")
    assert page.locator(".card__title, h2, h3").filter(has_text="Taalmaatje in Overvecht").count()
    page.get_by_role("link", name="Meld je aan als vrijwilliger").click()
    page.wait_for_url("**/account/login/**")  # the wizard needs an account; she has one
    page.fill("input[name=login]", "vera@example.org")
    page.fill("input[name=password]", "een-lang-wachtwoord-7")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/vrijwilligers/aanmelden/rollen/")
    assert fits(page)
    complete_wizard(page, live_server)
    assert fits(page)
    main = page.locator("main").inner_text()
    assert "Mijn vrijwilligersprofiel" in main and "Overvecht" in main
    assert VolunteerProfile.objects.get(user=user).is_complete


def test_ervaringsdeskundige_signs_up_in_arabic_and_is_shown_on_the_welkomhuis(page, live_server, site_data):
    with translation.override("ar"):
        heading = translation.gettext("Talk to someone in your own language")
    assert heading != "Talk to someone in your own language"
    page.goto(f"{live_server.url}/ar/ervaringsdeskundigen/aanmelden/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.fill("#id_first_name", "Haile")
    page.fill("#id_email", "haile@example.org")
    page.locator("input[name=languages][value=ar]").check()
    page.locator("input[name=languages][value=ti]").check()
    page.locator("input[name=wishes][value=welcome]").check()
    page.locator("input[name=availability][value='2-afternoon']").check()
    page.get_by_label("Bibliotheek Neude").check()
    page.locator("#id_show_on_location_pages").check()
    page.locator("#id_consent").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert fits(page)
    person = ErvaringsdeskundigeProfile.objects.get(email="haile@example.org")
    assert person.show_on_location_pages and person.language == "ar"

    page.goto(f"{live_server.url}/ar{site_data.location.url}")
    section = page.locator(".own-language")
    assert section.locator("h2").inner_text() == heading
    entry = section.locator("li", has_text="Haile").inner_text()
    assert "العربية" in entry and "ትግርኛ" in entry
    with translation.override("ar"):
        assert translation.gettext("Wednesday") in entry  # when they are there
    html = page.content()
    assert "haile@example.org" not in html and "samira@example.org" not in html
    assert fits(page)
