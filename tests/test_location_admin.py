"""Editing a welkomhuis in the Wagtail admin: bad input gets a clear error, nothing is saved."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.users.models import UserProfile

from locations.models import LocationPage, OpeningHours, Room

from .conftest import add_totp, create_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    """A superuser with an authenticator app, logged in; the admin speaks Dutch by default."""
    user = create_user("editor@example.org", is_superuser=True, is_staff=True)
    add_totp(user)
    client.force_login(user)
    return user


def location_form(**overrides):
    data = {
        "title": "Buurthuis De Brug",
        "slug": "buurthuis-de-brug",
        "kind": "buurthuis",
        "intro": "Kom koffie drinken en Nederlands oefenen.",
        "description": rich_text("<p>Iedereen is welkom.</p>"),
        "street_address": "Brugstraat 1",
        "postcode": "3511ab",
        "city": "Utrecht",
        "wijk": "binnenstad",
        "latitude": "52.090700",
        "longitude": "5.121400",
        "has_wifi": "on",
        "photos": inline_formset([]),
        "opening_hours": inline_formset([{"weekday": "0", "opens": "09:00", "closes": "17:00"}]),
        "opening_exceptions": inline_formset([]),
        "rooms": inline_formset(
            [{"name": "Zaal", "capacity": "12", "is_bookable": "on", "buffer_minutes": "0"}]
        ),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(location_index):
    return reverse("wagtailadmin_pages:add", args=("locations", "locationpage", location_index.pk))


def error_texts(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(
        e.get_text(" ", strip=True) for e in soup.select(".error-message, .help-critical, .w-field__errors")
    )


def test_valid_location_is_published_with_normalised_postcode(client, editor, location_index):
    response = client.post(add_url(location_index), location_form())
    assert response.status_code == 302, error_texts(response)
    page = LocationPage.objects.get(slug="buurthuis-de-brug")
    assert page.live
    assert page.postcode == "3511 AB"
    assert page.has_wifi and not page.has_childcare
    assert list(page.opening_hours.values_list("weekday", "opens")) == [(0, page.opening_hours.first().opens)]
    assert page.rooms.get().capacity == 12


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [("48.856600", "2.352200"), ("5.121400", "52.090700"), ("52.090700", "-5.121400")],
    ids=["paris", "swapped", "wrong-sign"],
)
def test_coordinates_outside_the_netherlands_are_refused_in_dutch(
    client, editor, location_index, latitude, longitude
):
    response = client.post(add_url(location_index), location_form(latitude=latitude, longitude=longitude))
    assert response.status_code == 200
    assert "buiten Nederland" in error_texts(response)
    assert not LocationPage.objects.filter(slug="buurthuis-de-brug").exists()


def test_english_speaking_editor_gets_the_error_in_english(client, editor, location_index):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    response = client.post(add_url(location_index), location_form(latitude="48.8566", longitude="2.3522"))
    assert "outside the Netherlands" in error_texts(response)


@pytest.mark.parametrize("postcode", ["351 AB", "35111AB", "3511 A1", "0511 AB", "3511 SS", "Utrecht"])
def test_malformed_postcode_is_refused(client, editor, location_index, postcode):
    response = client.post(add_url(location_index), location_form(postcode=postcode))
    assert response.status_code == 200
    assert "geen Nederlandse postcode" in error_texts(response)
    assert not LocationPage.objects.filter(slug="buurthuis-de-brug").exists()


def test_opening_hours_ending_before_they_start_are_refused(client, editor, location_index):
    hours = inline_formset([{"weekday": "2", "opens": "17:00", "closes": "09:00"}])
    response = client.post(add_url(location_index), location_form(opening_hours=hours))
    assert response.status_code == 200
    assert "sluitingstijd moet later zijn" in error_texts(response)
    assert not LocationPage.objects.filter(slug="buurthuis-de-brug").exists()
    assert not OpeningHours.objects.exists()


def test_bad_edit_keeps_the_published_page_as_it_was(client, editor, make_location):
    location = make_location(title="Buurthuis Oud", postcode="3511 AB")
    url = reverse("wagtailadmin_pages:edit", args=(location.pk,))
    response = client.post(
        url,
        location_form(title="Buurthuis Nieuw", slug=location.slug, postcode="nonsense", latitude="10"),
    )
    assert response.status_code == 200
    location.refresh_from_db()
    assert location.title == "Buurthuis Oud"
    assert location.postcode == "3511 AB"
    assert location.get_latest_revision().content["title"] == "Buurthuis Oud"


def test_exception_with_special_hours_needs_both_times(client, editor, location_index):
    exceptions = inline_formset([{"date": "2026-12-24", "opens": "10:00"}])
    response = client.post(add_url(location_index), location_form(opening_exceptions=exceptions))
    assert response.status_code == 200
    assert "speciale openingstijden" in error_texts(response)


def test_room_capacity_must_be_at_least_one(client, editor, location_index):
    rooms = inline_formset([{"name": "Kast", "capacity": "0"}])
    response = client.post(add_url(location_index), location_form(rooms=rooms))
    assert response.status_code == 200
    assert not Room.objects.exists()


def test_edit_form_has_the_coordinate_picker_map(client, editor, make_location):
    location = make_location()
    response = client.get(reverse("wagtailadmin_pages:edit", args=(location.pk,)))
    soup = BeautifulSoup(response.content, "html.parser")
    picker = soup.select_one("[data-coordinate-picker]")
    assert picker is not None
    assert picker["data-longitude-name"] == "longitude"
    assert soup.find("script", src=lambda s: s and "coordinate-picker.js" in s)


def test_a_room_with_bookings_cannot_be_deleted_but_can_stop_being_bookable(client, editor, make_location):
    from datetime import time, timedelta

    from django.utils import timezone

    from locations.booking import book
    from locations.factories import CoachFactory

    location = make_location(title="Buurthuis De Brug", slug="buurthuis-de-brug")
    location.rooms.add(Room(name="Zaal", capacity=12))  # as the editor adds it: in a revision
    location.save_revision().publish()
    room = Room.objects.get(page=location)
    day = timezone.localdate() + timedelta(days=(7 - timezone.localdate().weekday()))  # next Monday
    book(CoachFactory(), room, first_date=day, start_time=time(10), end_time=time(11))
    url = reverse("wagtailadmin_pages:edit", args=(location.pk,))
    existing = {
        "id": str(room.pk),
        "name": "Zaal",
        "capacity": "12",
        "is_bookable": "on",
        "buffer_minutes": "0",
    }
    response = client.post(
        url, location_form(slug=location.slug, rooms=inline_formset([{**existing, "DELETE": "1"}], initial=1))
    )
    assert response.status_code == 200
    assert "kan niet worden verwijderd" in response.content.decode()
    assert Room.objects.filter(pk=room.pk).exists()
    del existing["is_bookable"]
    response = client.post(
        url, location_form(slug=location.slug, rooms=inline_formset([existing], initial=1))
    )
    assert response.status_code == 302
    assert not Room.objects.get(pk=room.pk).is_bookable
