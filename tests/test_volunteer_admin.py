"""Coordinator screens: only their programmes' requests; candidates with reasons; propose."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from home.models import Organisation
from tests.conftest import add_totp, create_user
from tests.test_volunteers import make_request, make_volunteer
from volunteers.models import Match, Programme

pytestmark = pytest.mark.django_db


def coordinator(email, programme):
    user = create_user(email)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    add_totp(user)
    programme.coordinators.add(user)
    return user


@pytest.fixture
def programmes():
    organisation = Organisation.objects.first()
    return (
        Programme.objects.create(name="A", organisation=organisation, roles=["taalmaatje"]),
        Programme.objects.create(name="B", organisation=organisation, roles=["taalmaatje"]),
    )


def test_coordinator_sees_only_their_programmes_requests(client, programmes):
    a, b = programmes
    make_request(a, first_name="Amal")
    other = make_request(b, first_name="Olena")
    client.force_login(coordinator("coord@example.org", a))
    page = client.get(reverse("volunteers_admin_requests")).content.decode()
    assert "Amal" in page and "Olena" not in page
    assert client.get(reverse("volunteers_admin_candidates", args=[other.pk])).status_code == 404


def test_location_staff_who_are_not_coordinators_see_nothing(client, programmes, make_location, staff_member):
    make_request(programmes[0], first_name="Amal")
    client.force_login(staff_member(make_location()))
    response = client.get(reverse("volunteers_admin_requests"))
    assert response.status_code == 302
    assert "Amal" not in response.content.decode()


def test_coordinator_sees_candidates_with_reasons_and_proposes(
    client, programmes, django_capture_on_commit_callbacks
):
    a, _b = programmes
    volunteer = make_volunteer("vera@example.org", a)
    buddy_request = make_request(a)
    client.force_login(coordinator("coord@example.org", a))
    page = client.get(reverse("volunteers_admin_candidates", args=[buddy_request.pk])).content.decode()
    assert "Vera" in page and "<li>" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("volunteers_admin_propose", args=[buddy_request.pk]), {"volunteer": volunteer.pk})
    assert Match.objects.get().volunteer == volunteer


def test_suggest_all_lists_an_assignment(client, programmes):
    a, _b = programmes
    make_volunteer("vera@example.org", a)
    make_request(a)
    client.force_login(coordinator("coord@example.org", a))
    page = client.get(reverse("volunteers_admin_suggest_all")).content.decode()
    assert "Vera" in page and "Amal" in page
