"""axe-core (WCAG 2.1 A and AA rules) finds no violations on the public pages, in Dutch and Arabic."""

from datetime import time, timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.registrations import register, token_for

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci`")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [
        f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]
    ]


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_public_pages_have_no_axe_violations(page, live_server, make_location, make_activity, prefix):
    location = make_location(title="Bibliotheek Neude", has_wifi=True, wheelchair_accessible=True)
    make_location(title="Plan Einstein", latitude="52.118500", longitude="5.110100")
    activity = make_activity(location=location, title="Taalcafé", recurrence="FREQ=WEEKLY")
    workshop = make_activity(
        location=location,
        title="Samen koken",
        start_date=timezone.localdate() + timedelta(days=3),
        start_time=time(17),
        end_time=time(19),
        how_to_join="register",
        places=1,
    )
    occurrence = workshop.occurrences.get()
    registration, _created = register(occurrence.pk, first_name="Amal", email="amal@example.org")
    token = token_for(registration)
    for path in [
        "/",
        "/welkomhuizen/",
        "/welkomhuizen/?wijk=zuid",  # the empty state
        location.url,
        "/activiteiten/",
        "/activiteiten/?view=map&type=taalcafe",
        "/activiteiten/?type=sport",  # the empty state
        activity.url,
        workshop.url,
        reverse("activities:register", args=[occurrence.pk]),  # full: the waiting-list form
        reverse("activities:registration", args=[token]),
        reverse("activities:cancel_registration", args=[token]),
        "/privacy/",
        "/zoeken/?q=neude",
        "/account/login/",
        "/account/signup/",
    ]:
        page.goto(f"{live_server.url}{prefix}{path}")
        page.wait_for_load_state("load")
        assert axe_violations(page) == [], f"{prefix}{path}"
