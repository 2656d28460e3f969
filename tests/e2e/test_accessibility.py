"""axe-core (WCAG 2.1 A and AA rules) finds no violations on the public pages, in Dutch and Arabic."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.registrations import register

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


# --- every public page type, the volunteer pages and the forms with their errors --------------

from tests.conftest import create_user  # noqa: E402


def submit_empty(page):
    """Send the form on the page without filling it in, as someone in a hurry does."""
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_load_state("load")
    assert page.locator(".utrecht-form-field-error-message, .utrecht-alert").count(), page.url


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_every_public_page_type_has_no_axe_violations(page, live_server, site_data, prefix):
    problems = {}
    for path in site_data.public_paths():
        response = page.goto(f"{live_server.url}{prefix}{path}")
        assert response.status == 200, f"{prefix}{path}: {response.status}"
        page.wait_for_load_state("load")
        if found := axe_violations(page):
            problems[f"{prefix}{path}"] = found
    # A full date: the form offers the waiting list instead.
    for n in range(site_data.workshop.places - 1):
        register(site_data.occurrence.pk, first_name=f"Gast {n}", email=f"gast{n}@example.org")
    path = f"{prefix}{reverse('activities:register', args=[site_data.occurrence.pk])}"
    page.goto(f"{live_server.url}{path}")
    if not prefix:
        assert "wachtlijst" in page.locator("main").inner_text().lower()
    if found := axe_violations(page):
        problems[f"{path} (full)"] = found
    assert problems == {}


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_forms_showing_their_errors_have_no_axe_violations(
    page, live_server, site_data, login_browser, prefix
):
    problems = {}
    forms = [
        reverse("activities:register", args=[site_data.occurrence.pk]),
        reverse("volunteers:ervaringsdeskundige_signup"),
        reverse("volunteers:newcomer_request"),
        reverse("volunteers:interested", args=[site_data.opportunity.pk]),
    ]
    # Logged in, the registration form is one tap; so the anonymous forms come first.
    wizard_steps = [reverse("volunteers:wizard_step", args=[step]) for step in ["rollen", "talen", "waar"]]
    for path in forms + wizard_steps:
        if path == wizard_steps[0]:
            login_browser(create_user("vera@example.org", first_name="Vera"))
        page.goto(f"{live_server.url}{prefix}{path}")
        if found := axe_violations(page):
            problems[f"{prefix}{path}"] = found
        submit_empty(page)
        if found := axe_violations(page):
            problems[f"{prefix}{path} (errors)"] = found
    assert problems == {}


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_volunteer_wizard_and_profile_have_no_axe_violations(
    page, live_server, site_data, login_browser, prefix
):
    from volunteers.models import VolunteerProfile

    user = create_user("vera@example.org", first_name="Vera")
    login_browser(user)
    problems = {}
    for step in ["rollen", "talen", "wanneer", "waar", "over-jou", "toestemming"]:
        path = f"{prefix}{reverse('volunteers:wizard_step', args=[step])}"
        page.goto(f"{live_server.url}{path}")
        if found := axe_violations(page):
            problems[path] = found
    VolunteerProfile.objects.filter(user=user).update(
        roles=["taalmaatje"],
        languages={"ar": "native"},
        availability=["1-afternoon"],
        postcode="3562",
        wijk="overvecht",
        about_done=True,
        consent_at=timezone.now(),
    )
    for name in ["profile", "withdraw", "delete_account"]:
        path = f"{prefix}{reverse(f'volunteers:{name}')}"
        page.goto(f"{live_server.url}{path}")
        assert page.url.endswith(path), path
        if found := axe_violations(page):
            problems[path] = found
    assert problems == {}


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_coach_request_pages_have_no_axe_violations(page, live_server, site_data, login_browser, prefix):
    from locations.factories import CoachFactory

    login_browser(CoachFactory().user)
    problems = {}
    for name in ["coach_request", "coach_requests"]:
        path = f"{prefix}{reverse(f'volunteers:{name}')}"
        page.goto(f"{live_server.url}{path}")
        if found := axe_violations(page):
            problems[path] = found
        if name == "coach_request":
            submit_empty(page)
            if found := axe_violations(page):
                problems[f"{path} (errors)"] = found
    assert problems == {}


def test_accessibility_statement_is_linked_from_every_footer(page, live_server, site_data):
    for path in ["/", site_data.activity.url, "/ar/vrijwilligers/"]:
        page.goto(f"{live_server.url}{path}")
        page.locator("footer a", has_text="Toegankelijkheid").click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/toegankelijkheid/")
    text = page.locator("main").inner_text()
    for promise in ["WCAG 2.1, niveau AA", "axe-core", "toetsenbord", "zonder JavaScript", "200 %", "14 030"]:
        assert promise in text, promise
