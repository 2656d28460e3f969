"""`load_demo` gives a realistic, idempotent demo site; `seed_scale` is deterministic."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from locations.models import LocationKind, LocationPage, OpeningHours, Room, RoomBooking
from volunteers.models import VolunteerOpportunityIndexPage, VolunteerOpportunityPage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "locations": sorted(
            LocationPage.objects.values_list(
                "slug", "title", "postcode", "wijk", "kind", "latitude", "longitude", "live"
            )
        ),
        "hours": sorted(OpeningHours.objects.values_list("page__slug", "weekday", "opens", "closes")),
        "rooms": sorted(
            Room.objects.values_list("page__slug", "name", "capacity", "is_private", "is_bookable")
        ),
        "users": sorted(get_user_model().objects.values_list("email", "is_superuser")),
        "opportunities": sorted(
            VolunteerOpportunityPage.objects.values_list("slug", "title", "role", "vog_required", "live")
        ),
        "opportunity_indexes": VolunteerOpportunityIndexPage.objects.count(),
    }


def test_demo_data_is_realistic_for_utrecht(client):
    call_command("load_demo", stdout=StringIO())
    locations = LocationPage.objects.live()
    assert locations.count() >= 10
    assert len({loc.wijk for loc in locations}) >= 6
    kinds = {loc.kind for loc in locations}
    assert {
        LocationKind.LIBRARY,
        LocationKind.BUURTHUIS,
        LocationKind.PLAN_EINSTEIN,
        LocationKind.WELCOME_CENTRE,
    } <= kinds
    for location in locations:
        assert location.rooms.exists(), location
        assert location.opening_hours.exists(), location
        lat, lon = location.coordinates
        assert 52.02 < lat < 52.14 and 4.95 < lon < 5.20, location  # inside Utrecht
    response = client.get("/welkomhuizen/")
    assert response.content.count(b'class="card"') == locations.count()
    # The volunteer work, with one opportunity that needs a VOG.
    opportunities = VolunteerOpportunityPage.objects.live()
    assert opportunities.count() >= 3 and opportunities.filter(vog_required=True).exists()
    page = client.get("/vrijwilligers/").content.decode()
    assert all(opportunity.title in page for opportunity in opportunities)


def test_loading_the_demo_twice_gives_the_same_site():
    call_command("load_demo", stdout=StringIO())
    first = snapshot()
    call_command("load_demo", stdout=StringIO())
    assert snapshot() == first


def test_demo_publishes_a_story_and_a_wegwijzer_page_in_dutch_and_arabic(client):
    from bs4 import BeautifulSoup
    from wagtail.models import Locale

    call_command("load_demo", stdout=StringIO())
    assert set(Locale.objects.values_list("language_code", flat=True)) == {
        "nl",
        "en",
        "ar",
        "uk",
        "ti",
        "tr",
        "fa",
    }
    for path, dutch, arabic in [
        ("/wegwijzer/taal/", "Nederlands leren", "تعلّم اللغة الهولندية"),
        (
            "/verhalen/amal-leert-nederlands-in-het-taalcafe/",
            "Amal leert Nederlands in het taalcafé",
            "أمل تتعلّم الهولندية في taalcafé",
        ),
    ]:
        nl_heading = BeautifulSoup(client.get(path).content, "html.parser").select_one("h1")
        assert nl_heading.get_text(strip=True) == dutch
        page = BeautifulSoup(client.get(f"/ar{path}").content, "html.parser")
        assert page.select_one("h1").get_text(strip=True) == arabic
        assert page.select_one("h1")["lang"] == "ar"
        assert not page.select('[role="note"]')  # no "not translated yet" notice
        client.cookies.clear()  # the Arabic visit is remembered; the next path starts afresh


def test_demo_staff_member_can_only_edit_their_own_welkomhuis():
    call_command("load_demo", stdout=StringIO())
    staff = get_user_model().objects.get(email="staf.neude@welkomhuis.example")
    neude = LocationPage.objects.get(slug="bibliotheek-neude")
    other = LocationPage.objects.get(slug="plan-einstein")
    assert neude.permissions_for_user(staff).can_edit()
    assert not other.permissions_for_user(staff).can_edit()


def test_seed_scale_is_deterministic_and_replaces_earlier_runs():
    call_command("seed_scale", locations=15, seed=7, stdout=StringIO())
    first = snapshot()
    call_command("seed_scale", locations=15, seed=7, stdout=StringIO())
    assert snapshot() == first
    assert LocationPage.objects.count() == 15
    assert Room.objects.count() == 45
    call_command("seed_scale", locations=15, seed=8, stdout=StringIO())
    assert snapshot() != first


def test_seed_scale_bookings_are_deterministic_and_never_overlap():
    def bookings():
        return sorted(RoomBooking.objects.values_list("room__page__slug", "room__name", "start"))

    call_command("seed_scale", locations=10, bookings=400, seed=3, stdout=StringIO())
    first = bookings()
    assert len(first) == 400 and len(set(first)) == 400  # one-hour slots on the hour: distinct is disjoint
    call_command("seed_scale", locations=10, bookings=400, seed=3, stdout=StringIO())
    assert bookings() == first


def test_seed_scale_registrations_are_deterministic_past_and_replaced_on_rerun():
    from activities.models import Registration

    def registrations():
        return sorted(
            Registration.objects.values_list(
                "occurrence__activity__slug", "occurrence__start", "email", "adults", "children", "attended"
            )
        )

    options = {"locations": 4, "activities": 10, "registrations": 200, "seed": 5, "stdout": StringIO()}
    call_command("seed_scale", **options)
    first = registrations()
    assert len(first) == 200
    assert len({email for _slug, _start, email, *_rest in first}) < 200  # people come back
    assert all(start.date() < timezone.localdate() for _slug, start, *_rest in first)
    call_command("seed_scale", **options)
    assert registrations() == first
