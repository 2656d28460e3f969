"""Ervaringsdeskundigen on welkomhuis pages, buddy requests by newcomers and coaches, the status link."""

import pytest
from django.urls import reverse

from home.models import Language, Organisation
from locations.models import Coach
from tests.conftest import create_user
from volunteers.models import BuddyRequest, ErvaringsdeskundigeProfile, Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return Programme.objects.create(
        name="Taalmaatjes", organisation=Organisation.objects.first(), roles=["taalmaatje"]
    )


def signup_data(location, **extra):
    data = {
        "first_name": "Samira",
        "email": "samira@example.org",
        "languages": ["ar"],
        "wishes": ["welcome"],
        "availability": ["1-afternoon"],
        "locations": [location.pk],
        "consent": "on",
    }
    data.update(extra)
    return data


def test_ervaringsdeskundige_with_consent_shows_on_the_welkomhuis_without_contact_details(
    client, make_location
):
    Language.objects.get_or_create(code="ar", defaults={"name": "Arabisch", "native_name": "العربية"})
    location = make_location()
    response = client.post(
        reverse("volunteers:ervaringsdeskundige_signup"), signup_data(location, show_on_location_pages="on")
    )
    assert response.status_code == 200
    page = client.get(location.url).content.decode()
    assert "Samira" in page
    assert "samira@example.org" not in page


def test_ervaringsdeskundige_without_consent_to_be_shown_is_not_on_the_page(client, make_location):
    Language.objects.get_or_create(code="ar", defaults={"name": "Arabisch", "native_name": "العربية"})
    location = make_location()
    client.post(reverse("volunteers:ervaringsdeskundige_signup"), signup_data(location))
    assert ErvaringsdeskundigeProfile.objects.count() == 1
    assert "Samira" not in client.get(location.url).content.decode()


def request_data(**extra):
    data = {
        "role": "taalmaatje",
        "first_name": "Amal",
        "languages": [Language.objects.first().code],
        "dutch_level": "a0-a2",
        "availability": ["1-afternoon"],
        "postcode": "3563",
        "contact_email": "amal@example.org",
    }
    data.update(extra)
    return data


def test_newcomer_files_a_request_and_reaches_its_status_by_a_signed_link(client, programme):
    response = client.post(reverse("volunteers:newcomer_request"), request_data())
    assert response.status_code == 302
    assert "Amal" not in response.url and "amal@" not in response.url
    status = client.get(response.url)
    assert status.status_code == 200
    assert BuddyRequest.objects.get().programme == programme
    tampered = client.get(response.url[:-3] + "xx/")
    assert tampered.status_code == 404


def test_newcomer_request_without_a_way_to_reach_them_is_refused_with_a_message(client, programme):
    response = client.post(reverse("volunteers:newcomer_request"), request_data(contact_email=""))
    assert response.status_code == 200
    assert BuddyRequest.objects.count() == 0


def test_coach_sees_only_requests_they_filed(client, programme):
    organisation = Organisation.objects.first()
    mine, other = create_user("coach1@example.org"), create_user("coach2@example.org")
    Coach.objects.create(user=mine, organisation=organisation)
    Coach.objects.create(user=other, organisation=organisation)
    client.force_login(other)
    client.post(reverse("volunteers:coach_request"), request_data(first_name="Olena"))
    client.force_login(mine)
    client.post(reverse("volunteers:coach_request"), request_data(first_name="Amal"))
    page = client.get(reverse("volunteers:coach_requests")).content.decode()
    assert "Amal" in page and "Olena" not in page


def test_someone_who_is_not_a_coach_cannot_file_as_coach(client, programme):
    client.force_login(create_user("resident@example.org"))
    assert client.get(reverse("volunteers:coach_request")).status_code == 403
