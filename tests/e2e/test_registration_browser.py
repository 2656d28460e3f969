"""On a phone, without JavaScript: register, get the email, cancel via its link; the waiting list moves up."""

import re
from datetime import time, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from activities.models import Registration

pytestmark = pytest.mark.django_db(transaction=True)


def test_register_cancel_and_promotion_on_a_phone_without_javascript(browser, live_server, make_activity):
    activity = make_activity(
        title="Samen koken",
        start_date=timezone.localdate() + timedelta(days=5),
        start_time=time(17),
        end_time=time(20),
        how_to_join="register",
        places=1,
    )
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}, locale="nl-NL"
    )
    page = context.new_page()

    def register(name, email):
        page.goto(f"{live_server.url}{activity.url}")
        page.locator(".occurrence-list__register a").first.click()
        page.fill("#id_first_name", name)
        page.fill("#id_email", email)
        page.locator("form button[type=submit]").click()
        page.wait_for_url("**/aanmelding/**")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        return page.locator(".status").inner_text()

    assert "aangemeld" in register("Amal", "amal@example.org")
    assert "wachtlijst" in register("Yonas", "yonas@example.org")
    confirmation = next(m for m in mail.outbox if m.to == ["amal@example.org"])
    cancel_link = re.search(r"http\S+/annuleren/", confirmation.body).group(0)
    mail.outbox.clear()

    page.goto(cancel_link.replace("http://127.0.0.1:8000", live_server.url))
    page.locator("form button[type=submit]").click()
    page.wait_for_selector(".status--cancelled")
    assert Registration.objects.get(email="yonas@example.org").status == "confirmed"
    (promotion,) = mail.outbox
    assert promotion.to == ["yonas@example.org"]
    context.close()
