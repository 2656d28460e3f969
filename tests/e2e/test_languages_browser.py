"""A first visit opens in the browser's language; a language chosen in the menu is remembered."""

import pytest

from .conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)


def test_first_visit_follows_the_browser_and_the_choice_is_remembered(browser, live_server, make_location):
    make_location(title="Bibliotheek Neude")
    context = browser.new_context(viewport=PHONE, locale="ar-SA")
    page = context.new_page()

    page.goto(f"{live_server.url}/welkomhuizen/")
    assert page.url == f"{live_server.url}/ar/welkomhuizen/"
    assert page.locator("html").get_attribute("dir") == "rtl"

    page.locator('.language-switcher a[hreflang="nl"]').click()
    page.wait_for_url(f"{live_server.url}/welkomhuizen/")
    assert page.locator("html").get_attribute("lang") == "nl"

    # Later, from a bookmark: Dutch, as chosen, although the browser still asks for Arabic.
    page.goto(f"{live_server.url}/")
    assert page.url == f"{live_server.url}/"
    page.locator('.language-switcher a[hreflang="ti"]').click()
    page.goto(f"{live_server.url}/welkomhuizen/")
    assert page.url == f"{live_server.url}/ti/welkomhuizen/"
    assert page.locator(".language-switcher [aria-current]").inner_text() == "ትግርኛ"
    context.close()
