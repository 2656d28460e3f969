"""Staff of one welkomhuis edit that welkomhuis and nothing else."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission
from wagtail.permissions import policy_registry

from locations.models import LocationStaff

pytestmark = pytest.mark.django_db


def assert_denied(response):
    """Wagtail answers 403, or redirects to the dashboard with a "permission denied" message."""
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home"), response.url
    else:
        assert response.status_code in (403, 404)


@pytest.fixture
def two_locations(make_location):
    return make_location(title="Bibliotheek A"), make_location(title="Buurthuis B")


def test_publishing_creates_the_staff_group_once(make_location):
    location = make_location(title="Buurthuis Zon")
    location.title = "Buurthuis Zon en Maan"
    location.save_revision().publish()
    location.save_revision().publish()
    groups = Group.objects.filter(welkomhuis__location=location)
    assert groups.count() == 1
    group = groups.get()
    assert group.name == "Staff: Buurthuis Zon"
    assert set(GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True)) == {
        location.pk
    }
    assert set(
        GroupPagePermission.objects.filter(group=group).values_list("permission__codename", flat=True)
    ) == {
        "add_page",
        "change_page",
        "publish_page",
    }


def test_two_welkomhuizen_with_the_same_name_get_separate_groups(make_location):
    first = make_location(title="Buurthuis De Brug", slug="de-brug-1")
    second = make_location(title="Buurthuis De Brug", slug="de-brug-2")
    names = {first.staff.group.name, second.staff.group.name}
    assert names == {"Staff: Buurthuis De Brug", "Staff: Buurthuis De Brug (2)"}


def test_a_draft_that_was_never_published_has_no_group_yet(location_index):
    from locations.factories import LocationPageFactory

    draft = LocationPageFactory(parent=location_index, live=False)
    assert not LocationStaff.objects.filter(location=draft).exists()


def test_staff_can_edit_and_publish_their_own_welkomhuis(client, staff_member, two_locations):
    own, _other = two_locations
    client.force_login(staff_member(own))
    edit_url = reverse("wagtailadmin_pages:edit", args=(own.pk,))
    assert client.get(edit_url).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:add_subpage", args=(own.pk,))).status_code in (200, 302)


def test_staff_cannot_edit_another_welkomhuis(client, staff_member, two_locations):
    own, other = two_locations
    client.force_login(staff_member(own))
    response = client.get(reverse("wagtailadmin_pages:edit", args=(other.pk,)))
    assert_denied(response)
    assert b"Buurthuis B" not in response.content


def test_staff_cannot_publish_changes_to_another_welkomhuis(client, staff_member, two_locations):
    own, other = two_locations
    client.force_login(staff_member(own))
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(other.pk,)),
        {"title": "Overgenomen", "slug": other.slug, "action-publish": "action-publish"},
    )
    assert_denied(response)
    other.refresh_from_db()
    assert other.title == "Buurthuis B"
    assert other.get_latest_revision().content["title"] == "Buurthuis B"


def test_staff_cannot_see_drafts_of_another_welkomhuis(client, staff_member, two_locations):
    own, other = two_locations
    other.title = "Geheim concept"
    other.save_revision()  # a draft, not published
    client.force_login(staff_member(own))
    for url in (
        reverse("wagtailadmin_pages:view_draft", args=(other.pk,)),
        reverse("wagtailadmin_pages:preview_on_edit", args=(other.pk,)),
        reverse("wagtailadmin_pages:history", args=(other.pk,)),
    ):
        response = client.get(url)
        assert_denied(response)
        assert b"Geheim concept" not in response.content, url
    # The explorer does not list it either.
    explorer = client.get(reverse("wagtailadmin_explore", args=(other.get_parent().pk,)))
    assert b"Geheim concept" not in explorer.content


def test_staff_cannot_add_pages_under_another_welkomhuis(client, staff_member, two_locations):
    own, other = two_locations
    client.force_login(staff_member(own))
    assert_denied(client.get(reverse("wagtailadmin_pages:add_subpage", args=(other.pk,))))


def test_staff_images_stay_in_their_own_collection(staff_member, two_locations):
    own, other = two_locations
    user = staff_member(own)
    image_permissions = policy_registry.get_by_type(get_image_model())
    collections = image_permissions.collections_user_has_permission_for(user, "choose")
    assert list(collections) == [own.staff.collection]
    other_image = get_image_model().objects.create(
        title="Foto B", file="b.jpg", width=10, height=10, collection=other.staff.collection
    )
    assert not image_permissions.user_has_permission_for_instance(user, "change", other_image)


def test_admin_sends_no_staff_email_hashes_to_gravatar(client, staff_member, two_locations):
    own, _other = two_locations
    client.force_login(staff_member(own))
    assert b"gravatar" not in client.get(reverse("wagtailadmin_home")).content
