"""A coordinator in the Wagtail admin: Matching → Volunteers, records a VOG, ends a match."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from home.models import Organisation
from tests.conftest import add_totp, create_user
from tests.test_volunteers import make_request, make_volunteer
from volunteers import matches
from volunteers.models import Match, Programme, VolunteerProfile
from volunteers.vocabulary import MatchStatus, VogStatus

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_records_a_vog_and_ends_a_match(page, live_server, login_browser):
    programme = Programme.objects.create(
        name="Taalmaatjes", organisation=Organisation.objects.first(), roles=["taalmaatje"]
    )
    coordinator = create_user("coord@example.org", first_name="Femke")
    coordinator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    add_totp(coordinator)
    programme.coordinators.add(coordinator)
    volunteer = make_volunteer("vera@example.org", programme)
    match = matches.propose(make_request(programme).pk, volunteer.pk, coordinator)
    matches.answer(match.pk, accept=True)
    login_browser(coordinator)
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(f"{live_server.url}{reverse('volunteers_admin_volunteers')}")
    page.get_by_role("link", name="Vera").click()
    page.select_option("#id_vog_status", "valid")
    page.fill("#id_vog_date", timezone.localdate().isoformat())
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_selector(".messages .success")
    profile = VolunteerProfile.objects.get(pk=volunteer.pk)
    assert (profile.vog_status, profile.vog_recorded_by_id) == (VogStatus.VALID, coordinator.pk)

    page.goto(f"{live_server.url}{reverse('volunteers_admin_matches')}")
    page.select_option(f"#reason-{match.pk}", "completed")
    page.locator(f"form[action$='/matches/{match.pk}/end/'] button").click()
    page.wait_for_selector(".messages .success")
    assert Match.objects.get(pk=match.pk).status == MatchStatus.ENDED
    assert "Afgerond zoals gepland" in page.content()
