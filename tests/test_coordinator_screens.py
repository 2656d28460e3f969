"""Coordinator screens: the volunteers of my programmes and their VOG, the matches and their end,
and who may see them (a coordinator of another programme, location staff and anonymous visitors
get nothing).

Some messages are compared through gettext(msgid), which is the Dutch the site shows
(tests/test_languages.py fails if a Dutch translation is missing).
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from home.models import Organisation
from tests.test_volunteer_admin import coordinator
from tests.test_volunteers import make_request, make_volunteer
from volunteers import matches
from volunteers.models import Match, Programme, VolunteerProfile
from volunteers.vocabulary import MatchStatus, RequestStatus, VogStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def programmes():
    organisation = Organisation.objects.first()
    return (
        Programme.objects.create(name="A", organisation=organisation, roles=["taalmaatje"]),
        Programme.objects.create(name="B", organisation=organisation, roles=["taalmaatje"]),
    )


@pytest.fixture
def coordinator_a(programmes):
    return coordinator("coord-a@example.org", programmes[0])


@pytest.fixture
def coordinator_b(programmes):
    return coordinator("coord-b@example.org", programmes[1])


def page_of(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# --- the volunteers of my programmes ---------------------------------------------------


def test_volunteer_list_shows_only_my_programmes_and_filters_by_vog(client, programmes, coordinator_a):
    a, b = programmes
    make_volunteer("vera@example.org", a, vog_status=VogStatus.VALID)
    make_volunteer("wim@example.org", a)
    make_volunteer("olga@example.org", b)
    client.force_login(coordinator_a)
    url = reverse("volunteers_admin_volunteers")
    page = page_of(client.get(url))
    assert "Vera" in page and "Wim" in page and "Olga" not in page
    assert "Geldige VOG" in page and "Geen VOG" in page
    only_valid = page_of(client.get(url, {"vog_status": "valid"}))
    assert "Vera" in only_valid and "Wim" not in only_valid
    # Asking for another programme's volunteers is an invalid choice, not a way in.
    other = page_of(client.get(url, {"programme": b.pk}))
    assert "Olga" not in other
    assert "Vera" in page_of(client.get(url, {"programme": a.pk}))


def test_volunteer_in_two_of_my_programmes_is_listed_once(client, programmes):
    a, b = programmes
    both = coordinator("coord@example.org", a)
    b.coordinators.add(both)
    make_volunteer("vera@example.org", a).programmes.add(b)
    client.force_login(both)
    page = page_of(client.get(reverse("volunteers_admin_volunteers")))
    assert page.count(">Vera</a>") == 1


def test_volunteer_list_shows_paused_and_withdrawn(client, programmes, coordinator_a):
    a, _b = programmes
    until = timezone.localdate() + timedelta(days=10)
    make_volunteer("paula@example.org", a, paused_until=until)
    make_volunteer("wanda@example.org", a, withdrawn_at=timezone.now())
    client.force_login(coordinator_a)
    page = page_of(client.get(reverse("volunteers_admin_volunteers")))
    assert gettext("Withdrawn") in page
    assert gettext("Paused until %(date)s") % {"date": ""} in page


def test_coordinator_records_a_vog_and_is_recorded_as_its_recorder(client, programmes, coordinator_a):
    volunteer = make_volunteer("vera@example.org", programmes[0])
    client.force_login(coordinator_a)
    url = reverse("volunteers_admin_volunteer", args=[volunteer.pk])
    assert "Vera" in page_of(client.get(url))
    day = timezone.localdate() - timedelta(days=3)
    response = client.post(url, {"vog_status": "valid", "vog_date": day.isoformat()}, follow=True)
    assert "Geldige VOG" in page_of(response)
    volunteer.refresh_from_db()
    assert (volunteer.vog_status, volunteer.vog_date, volunteer.vog_recorded_by) == (
        VogStatus.VALID,
        day,
        coordinator_a,
    )


@pytest.mark.parametrize(
    "data, message",
    [
        ({"vog_status": "valid", "vog_date": "2999-01-01"}, "Deze datum ligt in de toekomst."),
        ({"vog_status": "lifetime", "vog_date": "2026-01-01"}, None),
        ({"vog_status": "valid", "vog_date": "31-31-2026"}, "Voer een geldige datum in."),
        ({"vog_status": "valid", "vog_date": ""}, "Voor een geldige VOG is de datum op de verklaring nodig."),
    ],
)
def test_bad_vog_input_gets_a_clear_message_and_keeps_the_input(
    client, programmes, coordinator_a, data, message
):
    volunteer = make_volunteer("vera@example.org", programmes[0], vog_status=VogStatus.REQUESTED)
    client.force_login(coordinator_a)
    page = page_of(client.post(reverse("volunteers_admin_volunteer", args=[volunteer.pk]), data))
    assert gettext("The VOG was not saved. Check the fields below.") in page
    if message is None:  # Django's own words for an unknown choice
        assert "Selecteer een geldige keuze" in page
    else:
        assert message in page
    if data["vog_date"]:
        assert f'value="{data["vog_date"]}"' in page
    volunteer.refresh_from_db()
    assert (volunteer.vog_status, volunteer.vog_date, volunteer.vog_recorded_by) == (
        VogStatus.REQUESTED,
        None,
        None,
    )


def test_coordinator_of_another_programme_cannot_see_or_record_a_vog(client, programmes, coordinator_b):
    volunteer = make_volunteer("vera@example.org", programmes[0])
    client.force_login(coordinator_b)
    url = reverse("volunteers_admin_volunteer", args=[volunteer.pk])
    assert client.get(url).status_code == 404
    response = client.post(url, {"vog_status": "valid", "vog_date": "2026-01-01"})
    assert response.status_code == 404
    assert VolunteerProfile.objects.get(pk=volunteer.pk).vog_status == VogStatus.NONE


# --- matches of my programmes ----------------------------------------------------------


def proposed_match(programme, email="vera@example.org", first_name="Amal"):
    volunteer = make_volunteer(email, programme)
    return matches.propose(make_request(programme, first_name=first_name).pk, volunteer.pk, None)


def active_match(programme, **kwargs):
    match = proposed_match(programme, **kwargs)
    return matches.answer(match.pk, accept=True)


def test_matches_screen_lists_proposed_active_and_ended_of_my_programmes_only(
    client, programmes, coordinator_a
):
    a, b = programmes
    proposed_match(a, "vera@example.org", "Amal")
    active_match(a, email="wim@example.org", first_name="Dawit")
    ended = active_match(a, email="ria@example.org", first_name="Hanna")
    matches.end_match(ended, "moved")
    proposed_match(b, "olga@example.org", "Olena")
    client.force_login(coordinator_a)
    page = page_of(client.get(reverse("volunteers_admin_matches")))
    assert all(name in page for name in ["Vera", "Amal", "Wim", "Dawit", "Ria", "Hanna"])
    assert "Olga" not in page and "Olena" not in page
    assert "Iemand is verhuisd" in page or gettext("Someone moved away") in page


def test_withdraw_a_proposal_and_twice_gets_a_message(client, programmes, coordinator_a):
    match = proposed_match(programmes[0])
    client.force_login(coordinator_a)
    url = reverse("volunteers_admin_withdraw", args=[match.pk])
    page_of(client.post(url, follow=True))
    match.refresh_from_db()
    match.request.refresh_from_db()
    match.volunteer.refresh_from_db()
    assert match.status == MatchStatus.WITHDRAWN
    assert match.request.status == RequestStatus.WAITING
    assert match.volunteer.open_matches == 0
    again = page_of(client.post(url, follow=True))
    assert "Op dit voorstel is al antwoord gegeven." in again


def test_end_an_active_match_with_a_reason_and_twice_gets_a_message(client, programmes, coordinator_a):
    match = active_match(programmes[0])
    client.force_login(coordinator_a)
    url = reverse("volunteers_admin_end", args=[match.pk])
    refused = page_of(client.post(url, {"reason": "bored"}, follow=True))
    assert gettext("Choose why the match ended.") in refused
    assert Match.objects.get(pk=match.pk).status == MatchStatus.ACTIVE
    page_of(client.post(url, {"reason": "completed"}, follow=True))
    match.refresh_from_db()
    assert (match.status, match.end_reason) == (MatchStatus.ENDED, "completed")
    assert match.request.__class__.objects.get(pk=match.request_id).status == RequestStatus.CLOSED
    again = page_of(client.post(url, {"reason": "completed"}, follow=True))
    assert "Deze match is niet actief." in again


def test_ending_a_proposal_or_withdrawing_an_active_match_is_refused_in_words(
    client, programmes, coordinator_a
):
    proposed = proposed_match(programmes[0])
    active = active_match(programmes[0], email="wim@example.org", first_name="Dawit")
    client.force_login(coordinator_a)
    page = page_of(
        client.post(reverse("volunteers_admin_end", args=[proposed.pk]), {"reason": "other"}, follow=True)
    )
    assert "Deze match is niet actief." in page
    page = page_of(client.post(reverse("volunteers_admin_withdraw", args=[active.pk]), follow=True))
    assert "Op dit voorstel is al antwoord gegeven." in page
    assert Match.objects.get(pk=proposed.pk).status == MatchStatus.PROPOSED
    assert Match.objects.get(pk=active.pk).status == MatchStatus.ACTIVE


def test_coordinator_of_another_programme_cannot_touch_a_match(client, programmes, coordinator_b):
    proposed = proposed_match(programmes[0])
    active = active_match(programmes[0], email="wim@example.org", first_name="Dawit")
    client.force_login(coordinator_b)
    assert client.post(reverse("volunteers_admin_withdraw", args=[proposed.pk])).status_code == 404
    assert (
        client.post(reverse("volunteers_admin_end", args=[active.pk]), {"reason": "other"}).status_code == 404
    )
    assert Match.objects.get(pk=proposed.pk).status == MatchStatus.PROPOSED
    assert Match.objects.get(pk=active.pk).status == MatchStatus.ACTIVE
    page = page_of(client.get(reverse("volunteers_admin_matches")))
    assert "Vera" not in page and "Amal" not in page


# --- nobody else --------------------------------------------------------------------------


def coordinator_urls(volunteer, match):
    return [
        ("get", reverse("volunteers_admin_volunteers")),
        ("get", reverse("volunteers_admin_volunteer", args=[volunteer.pk])),
        ("post", reverse("volunteers_admin_volunteer", args=[volunteer.pk])),
        ("get", reverse("volunteers_admin_matches")),
        ("post", reverse("volunteers_admin_withdraw", args=[match.pk])),
        ("post", reverse("volunteers_admin_end", args=[match.pk])),
        ("get", reverse("volunteers_admin_invite")),
        ("post", reverse("volunteers_admin_invite")),
    ]


def test_location_staff_and_anonymous_visitors_get_nothing(client, programmes, make_location, staff_member):
    match = proposed_match(programmes[0])
    urls = coordinator_urls(match.volunteer, match)
    data = {
        "vog_status": "valid",
        "vog_date": "2026-01-01",
        "reason": "other",
        "subject": "S",
        "message": "M",
    }
    for who in [None, staff_member(make_location())]:
        client.logout()
        if who:
            client.force_login(who)
        for method, url in urls:
            response = getattr(client, method)(url, data) if method == "post" else client.get(url)
            assert response.status_code == 302, (who, url)
            assert "Vera" not in response.content.decode()
    assert Match.objects.get(pk=match.pk).status == MatchStatus.PROPOSED
    assert VolunteerProfile.objects.get(pk=match.volunteer_id).vog_status == VogStatus.NONE


def test_the_matching_menu_has_the_coordinator_screens(client, programmes, coordinator_a):
    client.force_login(coordinator_a)
    page = page_of(client.get(reverse("wagtailadmin_home")))
    for name in ["volunteers_admin_requests", "volunteers_admin_matches", "volunteers_admin_volunteers"]:
        assert reverse(name) in page
    assert reverse("volunteers_admin_invite") in page


def test_location_staff_who_also_coordinate_see_their_programme(
    client, programmes, make_location, staff_member
):
    a, b = programmes
    make_volunteer("vera@example.org", a)
    make_volunteer("olga@example.org", b)
    staff = staff_member(make_location())
    a.coordinators.add(staff)
    client.force_login(staff)
    page = page_of(client.get(reverse("volunteers_admin_volunteers")))
    assert "Vera" in page and "Olga" not in page
