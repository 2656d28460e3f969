"""Fixtures shared by the whole suite.

The database is real (SQLite by default, PostgreSQL when DATABASE_URL is set);
so is the cache (Redis when REDIS_URL is set). Only what lies outside the
machine is faked: emails are captured by Django's locmem backend, map tiles by
a local image (tests/e2e).
"""

import json
from datetime import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.utils import translation
from wagtail.models import Page

from locations.factories import LocationPageFactory
from locations.models import LocationIndexPage, OpeningHours
from locations.permissions import ensure_staff_group


@pytest.fixture(autouse=True)
def _dutch_by_default():
    # A request in another language leaves that language active in this thread;
    # reset it so that page.url and friends start from the default every test.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clean_cache():
    # allauth's rate limits count in the cache; one test must not throttle the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def migrated_data(django_db_setup, django_db_blocker):
    """The rows the data migrations created (root page, home page, Site, languages, ...).

    Taken the first time a transactional test asks for it, when every earlier
    test has rolled back, so it is the database as `migrate` left it.
    """
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def _restore_migrated_data(request):
    """Transactional tests (live server, worker) end by emptying every table; the next starts
    from the migrated data again.

    This is Django's serialized_rollback done by hand: Django keeps the data on
    the connection object, and once Playwright runs an event loop in this
    thread, asgiref hands out new connection objects that do not have it.
    """
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    contents = request.getfixturevalue("migrated_data")
    request.getfixturevalue("transactional_db")
    if not Page.objects.exists():
        # The flush that ended the previous test recreated content types and
        # permissions with new ids; empty the tables again without that step.
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        # Content types first: building a page (Page.__init__) looks its type up, and would
        # create a duplicate if the type were not back yet. The cache holds the flushed ids.
        ContentType.objects.clear_cache()
        rows = json.loads(contents)
        rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
        connection.creation.deserialize_db_from_string(json.dumps(rows))
        # The rows came back with their ids; move PostgreSQL's sequences past them.
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), django_apps.get_models()):
                cursor.execute(sql)


@pytest.fixture
def location_index(db):
    return LocationIndexPage.objects.get()


@pytest.fixture
def make_location(location_index):
    """Create and publish a welkomhuis (publishing creates its staff group)."""

    def make(**fields):
        page = LocationPageFactory(parent=location_index, **fields)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def open_all_week():
    def add_hours(location, opens=time(0), closes=time(23, 59)):
        for weekday in range(7):
            OpeningHours.objects.filter(page=location, weekday=weekday).delete()
            OpeningHours.objects.create(page=location, weekday=weekday, opens=opens, closes=closes)

    return add_hours


def create_user(email, password="a-long-test-password", verified=True, **fields):
    user = get_user_model().objects.create_user(email=email, password=password, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def add_totp(user):
    """Give a user a real TOTP authenticator; returns the secret (to compute codes)."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


@pytest.fixture
def staff_member(db):
    """A welkomhuis staff member with an authenticator app, for a given location."""

    def make(location, email=None):
        user = create_user(email or f"staff-{location.slug}@example.org")
        user.groups.add(ensure_staff_group(location))
        add_totp(user)
        return user

    return make


@pytest.fixture
def make_activity(make_location):
    """Create and publish an activity (publishing materialises its occurrences, as in the admin)."""
    from activities.factories import ActivityPageFactory

    def make(location=None, **fields):
        return ActivityPageFactory.published(parent=location or make_location(), **fields)

    return make


@pytest.fixture
def make_wegwijzer_page(db):
    """Publish a wegwijzer page for a leefgebied slug (creating the wegwijzer index once)."""
    from home.models import HomePage, Leefgebied, WegwijzerIndexPage, WegwijzerPage

    def make(slug="taal", **fields):
        index = WegwijzerIndexPage.objects.first()
        if index is None:
            index = WegwijzerIndexPage(title="Wegwijzer", slug="wegwijzer")
            HomePage.objects.get().add_child(instance=index)
            index.save_revision().publish()
        fields.setdefault("title", f"Over {slug}")
        fields.setdefault("intro", "Hier lees je wat je kunt doen.")
        page = WegwijzerPage(slug=slug, leefgebied=Leefgebied.objects.get(slug=slug), **fields)
        index.add_child(instance=page)
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def make_story(db):
    """Publish a story with recorded consent (creating the story index once); pass locations=[...]."""
    from datetime import date

    from home.models import HomePage, StoryIndexPage, StoryPage

    def make(locations=(), activities=(), **fields):
        index = StoryIndexPage.objects.first()
        if index is None:
            index = StoryIndexPage(title="Verhalen", slug="verhalen")
            HomePage.objects.get().add_child(instance=index)
            index.save_revision().publish()
        n = StoryPage.objects.count() + 1
        fields.setdefault("title", f"Verhaal {n}")
        fields.setdefault("slug", f"verhaal-{n}")
        fields.setdefault("subject_kind", "newcomer")
        fields.setdefault("intro", "Een nieuwe Utrechter vertelt.")
        fields.setdefault("body", [("quote", "Iedereen helpt.")])
        fields.setdefault("consent_date", date(2026, 9, 1))
        fields.setdefault("consent_method", "signed-form")
        fields.setdefault("consent_recorded_by", "Sanne, Bibliotheek Neude")
        page = StoryPage(**fields)
        index.add_child(instance=page)
        page.locations.set(locations)
        page.activities.set(activities)
        page.save_revision().publish()
        return page

    return make
