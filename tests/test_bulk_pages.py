"""New pages added in one pass (activities/bulk.py) are what add_child and Page.save would have made."""

import hashlib
from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, PageLogEntry, ReferenceIndex

from activities.bulk import InvalidPage, add_children
from activities.importer import CalendarImportError, import_calendar
from activities.models import ActivityPage, ActivityType
from home.management.commands.bench import synthetic_feed

pytestmark = pytest.mark.django_db


def new_activity(n, **fields):
    defaults = {
        "title": f"Taalcafé {n}",
        "slug": f"taalcafe-{n}",
        "summary": "Samen Nederlands praten.",
        "activity_type": ActivityType.objects.get(slug="taalcafe"),
        "live": True,
        "start_date": date(2026, 3, 3),
        "start_time": time(14),
        "end_time": time(16),
    }
    return ActivityPage(**{**defaults, **fields})


def test_pages_added_in_one_pass_form_a_sound_tree_after_existing_children(make_location, make_activity):
    location = make_location(title="Bibliotheek Neude", slug="bibliotheek-neude")
    made_by_hand = make_activity(location, title="Eerste")
    pages = [new_activity(n) for n in range(3)]

    add_children(location, pages)

    assert Page.find_problems() == ([], [], [], [], [])
    children = list(location.get_children().specific())
    assert [page.pk for page in children] == [made_by_hand.pk] + [page.pk for page in pages]
    location.refresh_from_db()
    assert location.numchild == 4
    assert pages[0].url_path == f"{location.url_path}taalcafe-0/"
    assert pages[0].locale_id == location.locale_id
    assert pages[0].get_parent().pk == location.pk


def test_pages_added_in_one_pass_have_their_history_and_count_as_usage(make_location):
    location = make_location(title="Bibliotheek Neude", slug="bibliotheek-neude")
    taalcafe = ActivityType.objects.get(slug="taalcafe")
    pages = [new_activity(n) for n in range(2)]

    add_children(location, pages)

    created = PageLogEntry.objects.filter(page__in=pages, action="wagtail.create")
    assert sorted(created.values_list("label", flat=True)) == ["Taalcafé 0", "Taalcafé 1"]
    usage = {ref.object_id for ref in ReferenceIndex.get_references_to(taalcafe)}
    assert {str(page.pk) for page in pages} <= usage


def test_an_invalid_page_is_named_and_nothing_is_added(make_location):
    location = make_location(title="Bibliotheek Neude", slug="bibliotheek-neude")
    pages = [
        new_activity(0),
        new_activity(1, start_time=None, end_time=None),
        new_activity(2, title="x" * 300),
    ]

    with pytest.raises(InvalidPage) as raised:
        add_children(location, pages)

    assert raised.value.page is pages[2]
    assert isinstance(raised.value.error, ValidationError)
    assert "title" in raised.value.error.message_dict
    assert not ActivityPage.objects.child_of(location).exists()
    location.refresh_from_db()
    assert location.numchild == 0


def test_a_slug_taken_by_a_sibling_is_refused(make_location, make_activity):
    location = make_location(title="Bibliotheek Neude", slug="bibliotheek-neude")
    make_activity(location, title="Bestaat al", slug="taalcafe-0")

    with pytest.raises(InvalidPage) as raised:
        add_children(location, [new_activity(0)])

    assert "slug" in raised.value.error.message_dict


def test_an_event_the_page_model_refuses_rejects_the_whole_feed(make_location, make_activity):
    location = make_location(title="Bibliotheek Neude", slug="bibliotheek-neude")
    # A page made by hand already has the slug the import gives event 2 (title + digest of its UID).
    digest = hashlib.sha1(b"bench-2@partner.example").hexdigest()[:8]
    make_activity(location, title="Met de hand", slug=f"activiteit-2-{digest}")

    with pytest.raises(CalendarImportError, match="bench-2@partner.example"):
        import_calendar(location, synthetic_feed(3))

    assert list(ActivityPage.objects.child_of(location).values_list("title", flat=True)) == ["Met de hand"]
