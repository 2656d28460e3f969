"""Volunteers: the resumable wizard, postcodes, the propose race, the signed answer link, privacy."""

import json

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from home.models import Organisation
from tests.conftest import create_user
from volunteers import adapter, matches
from volunteers.matches import MatchError, answer_token
from volunteers.models import BuddyRequest, Match, Programme, VolunteerProfile
from volunteers.vocabulary import MatchStatus, RequestStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return Programme.objects.create(
        name="Taalmaatjes", organisation=Organisation.objects.first(), roles=["taalmaatje"]
    )


def make_volunteer(email, programme, max_matches=1, **fields):
    user = create_user(email, first_name=email.split("@")[0].title())
    profile = VolunteerProfile.objects.create(
        user=user,
        roles=["taalmaatje"],
        languages={"ar": "native", "nl": "native"},
        availability=["1-afternoon"],
        postcode="3562",
        wijk="overvecht",
        latitude=52.116,
        longitude=5.127,
        about_done=True,
        consent_at=timezone.now(),
        max_matches=max_matches,
        **fields,
    )
    profile.programmes.add(programme)
    return profile


def make_request(programme, **fields):
    values = {
        "programme": programme,
        "role": "taalmaatje",
        "first_name": "Amal",
        "languages": ["ar"],
        "dutch_level": "a0-a2",
        "availability": ["1-afternoon"],
        "postcode": "3563",
        "latitude": 52.119,
        "longitude": 5.104,
        "contact_email": "amal@example.org",
    }
    values.update(fields)
    return BuddyRequest.objects.create(**values)


def test_wizard_left_halfway_continues_at_the_first_unfinished_step(client):
    client.force_login(create_user("vera@example.org"))
    response = client.post(reverse("volunteers:wizard_step", args=["rollen"]), {"roles": ["taalmaatje"]})
    assert response.url == reverse("volunteers:wizard_step", args=["talen"])
    # She stops, and comes back another day.
    response = client.get(reverse("volunteers:wizard"))
    assert response.url == reverse("volunteers:wizard_step", args=["talen"])
    assert VolunteerProfile.objects.get(user__email="vera@example.org").roles == ["taalmaatje"]


def test_consent_is_unticked_and_required(client):
    client.force_login(create_user("vera@example.org"))
    page = client.get(reverse("volunteers:wizard_step", args=["toestemming"])).content.decode()
    assert 'name="consent"' in page and "checked" not in page
    response = client.post(reverse("volunteers:wizard_step", args=["toestemming"]), {})
    assert response.status_code == 200
    assert VolunteerProfile.objects.get(user__email="vera@example.org").consent_at is None


def test_postcode_outside_utrecht_gets_a_clear_message_and_keeps_the_input(client):
    client.force_login(create_user("vera@example.org"))
    response = client.post(
        reverse("volunteers:wizard_step", args=["waar"]), {"postcode": "1012", "max_distance_km": "5"}
    )
    assert response.status_code == 200
    assert "Deze postcode ligt niet in de gemeente Utrecht" in response.content.decode()
    assert 'value="1012"' in response.content.decode()


def test_postcode_inside_utrecht_sets_wijk_and_location(client):
    client.force_login(create_user("vera@example.org"))
    client.post(
        reverse("volunteers:wizard_step", args=["waar"]), {"postcode": "3562 AB", "max_distance_km": "4"}
    )
    profile = VolunteerProfile.objects.get(user__email="vera@example.org")
    assert (profile.postcode, profile.wijk, profile.max_distance_km) == ("3562", "overvecht", 4)
    assert profile.latitude and profile.longitude


def test_second_proposal_for_the_last_place_is_refused_with_a_message(programme):
    volunteer = make_volunteer("vera@example.org", programme)
    first, second = make_request(programme), make_request(programme, first_name="Olena")
    coordinator = create_user("coord@example.org")
    matches.propose(first.pk, volunteer.pk, coordinator)
    with pytest.raises(MatchError, match="heeft geen plek meer"):
        matches.propose(second.pk, volunteer.pk, coordinator)
    second.refresh_from_db()
    volunteer.refresh_from_db()
    assert second.status == RequestStatus.WAITING  # rolled back: nothing lost
    assert volunteer.open_matches == 1
    assert Match.objects.count() == 1


def test_accept_link_introduces_both_and_used_twice_shows_a_clear_page(
    client, programme, django_capture_on_commit_callbacks
):
    volunteer = make_volunteer("vera@example.org", programme)
    buddy_request = make_request(programme)
    with django_capture_on_commit_callbacks(execute=True):
        match = matches.propose(buddy_request.pk, volunteer.pk, create_user("coord@example.org"))
    link = reverse("volunteers:answer", args=[answer_token(match)])
    assert link in mail.outbox[0].body
    assert client.get(link).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link, {"answer": "accept"})
    match.refresh_from_db()
    assert match.status == MatchStatus.ACTIVE
    recipients = [message.to for message in mail.outbox[1:]]
    assert ["vera@example.org"] in recipients and ["amal@example.org"] in recipients
    introduction = next(m for m in mail.outbox if m.to == ["vera@example.org"] and m is not mail.outbox[0])
    assert "amal@example.org" in introduction.body
    again = client.post(link, {"answer": "decline"})
    assert again.status_code == 410
    match.refresh_from_db()
    assert match.status == MatchStatus.ACTIVE


def test_withdrawn_and_tampered_links_show_a_clear_page(client, programme):
    volunteer = make_volunteer("vera@example.org", programme)
    match = matches.propose(make_request(programme).pk, volunteer.pk, create_user("coord@example.org"))
    token = answer_token(match)
    matches.withdraw_proposal(match)
    assert client.get(reverse("volunteers:answer", args=[token])).status_code == 410
    tampered = client.get(reverse("volunteers:answer", args=[token[:-2] + "xx"]))
    assert tampered.status_code == 410
    volunteer.refresh_from_db()
    assert volunteer.open_matches == 0


def test_download_my_data_has_only_my_own_profile(client, programme):
    make_volunteer("other@example.org", programme, motivation="secret of someone else")
    mine = make_volunteer("vera@example.org", programme, motivation="mine")
    client.force_login(mine.user)
    data = json.loads(client.get(reverse("volunteers:download_data")).content)
    assert data["volunteer_profile"]["motivation"] == "mine"
    assert "someone else" not in json.dumps(data)


def test_ranking_for_one_request_has_the_same_query_count_at_two_sizes(programme):
    buddy_request = make_request(programme)
    make_volunteer("v0@example.org", programme)

    def count():
        with CaptureQueriesContext(connection) as queries:
            adapter.rank_for_request(buddy_request)
        return len(queries)

    small = count()
    for n in range(1, 15):
        make_volunteer(f"v{n}@example.org", programme)
    assert count() == small


def test_the_coordinators_candidate_list_has_the_same_query_count_at_two_sizes(client, programme):
    from tests.test_volunteer_admin import coordinator as make_coordinator

    coordinator = make_coordinator("coord@example.org", programme)
    client.force_login(coordinator)
    buddy_request = make_request(programme)
    url = reverse("volunteers_admin_candidates", args=[buddy_request.pk])
    for n in range(2):
        make_volunteer(f"v{n}@example.org", programme)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = count()
    for n in range(2, 30):
        make_volunteer(f"v{n}@example.org", programme)
    assert count() == small


def test_check_in_emails_go_once_after_four_weeks_and_once_after_three_months(programme):
    from datetime import timedelta

    from volunteers.tasks import send_match_check_ins

    volunteer = make_volunteer("vera@example.org", programme)
    match = Match.objects.create(
        request=make_request(programme),
        volunteer=volunteer,
        status=MatchStatus.ACTIVE,
        accepted_at=timezone.now() - timedelta(weeks=5),
    )
    assert send_match_check_ins.delay().get() == 1
    assert send_match_check_ins.delay().get() == 0
    Match.objects.filter(pk=match.pk).update(accepted_at=timezone.now() - timedelta(days=100))
    assert send_match_check_ins.delay().get() == 1
    assert send_match_check_ins.delay().get() == 0
    assert [m.to for m in mail.outbox] == [["vera@example.org"], ["vera@example.org"]]


def test_sql_prefilter_keeps_only_the_role_with_a_place_left_and_not_paused(programme):
    from datetime import timedelta

    keep = make_volunteer("keep@example.org", programme)
    make_volunteer("full@example.org", programme, open_matches=1)
    make_volunteer("paused@example.org", programme, paused_until=timezone.localdate() + timedelta(days=3))
    other_role = make_volunteer("family@example.org", programme)
    VolunteerProfile.objects.filter(pk=other_role.pk).update(roles=["gezinsbuddy"])
    buddy_request = make_request(programme, role="taalmaatje")
    assert [v.id for v in adapter.eligible_for(buddy_request)] == [keep.pk]
    assert adapter.eligible_for(make_request(programme, role="buddy")) == []
