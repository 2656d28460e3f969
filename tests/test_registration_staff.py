"""Staff see who registered for their own welkomhuis's dates, mark attendance, export, and send messages."""

import csv
import io
import uuid
from datetime import time, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from activities.models import OccurrenceMessage, Registration
from activities.registrations import register

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(make_activity):
    return make_activity(
        title="Samen koken",
        start_date=timezone.localdate() + timedelta(days=7),
        start_time=time(17),
        end_time=time(20),
        how_to_join="register",
        places=10,
    )


@pytest.fixture
def occurrence(workshop, django_capture_on_commit_callbacks):
    occurrence = workshop.occurrences.get()
    with django_capture_on_commit_callbacks(execute=True):
        for name in ("Amal", "Yonas"):
            register(
                occurrence.pk, first_name=name, email=f"{name.lower()}@example.org", submission=uuid.uuid4()
            )
        register(occurrence.pk, first_name="Oksana", phone="0612345678", submission=uuid.uuid4())
    mail.outbox.clear()
    return occurrence


def urls(occurrence):
    return {
        "dates": reverse("activities_activity_registrations", args=[occurrence.activity_id]),
        "list": reverse("activities_occurrence_registrations", args=[occurrence.pk]),
        "csv": reverse("activities_occurrence_registrations_csv", args=[occurrence.pk]),
        "message": reverse("activities_occurrence_message", args=[occurrence.pk]),
    }


def test_staff_see_their_registrants_and_export_them(client, staff_member, occurrence):
    client.force_login(staff_member(occurrence.location))
    page = BeautifulSoup(client.get(urls(occurrence)["list"]).content, "html.parser")
    names = [row.select("td")[0].get_text(strip=True) for row in page.select("table.listing tbody tr")]
    assert sorted(names) == ["Amal", "Oksana", "Yonas"]
    dates = client.get(urls(occurrence)["dates"]).content.decode()
    assert "3 / 10" in dates
    response = client.get(urls(occurrence)["csv"])
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row["first_name"] for row in rows} == {"Amal", "Yonas", "Oksana"}
    assert {row["phone"] for row in rows} == {"", "0612345678"}


def test_staff_mark_attendance_after_the_date(client, staff_member, occurrence):
    occurrence.start = timezone.now() - timedelta(hours=3)
    occurrence.end = timezone.now() - timedelta(hours=1)
    occurrence.save()
    client.force_login(staff_member(occurrence.location))
    amal = Registration.objects.get(first_name="Amal")
    response = client.post(urls(occurrence)["list"], {"attended": [str(amal.pk)]})
    assert response.status_code == 302
    attended = dict(Registration.objects.values_list("first_name", "attended"))
    assert attended == {"Amal": True, "Yonas": False, "Oksana": False}


def test_staff_message_everyone_registered(
    client, staff_member, occurrence, django_capture_on_commit_callbacks
):
    staff = staff_member(occurrence.location)
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            urls(occurrence)["message"], {"subject": "Neem een schort mee", "body": "Tot dan!"}
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["amal@example.org", "yonas@example.org"]
    assert "Neem een schort mee" in mail.outbox[0].subject and "Tot dan!" in mail.outbox[0].body
    assert OccurrenceMessage.objects.get().author == staff


def test_an_empty_message_is_refused(client, staff_member, occurrence):
    client.force_login(staff_member(occurrence.location))
    client.post(urls(occurrence)["message"], {"subject": "", "body": ""})
    assert not mail.outbox and not OccurrenceMessage.objects.exists()


def test_staff_of_another_welkomhuis_see_nothing(client, staff_member, make_location, occurrence):
    client.force_login(staff_member(make_location(title="Elders")))
    for name, url in urls(occurrence).items():
        response = client.post(url, {"subject": "x", "body": "y"}) if name == "message" else client.get(url)
        assert response.status_code in (302, 403), name
        assert b"Amal" not in response.content, name
    assert not mail.outbox


def test_anonymous_visitors_cannot_reach_registrant_lists(client, occurrence):
    for url in urls(occurrence).values():
        response = client.get(url)
        assert response.status_code == 302 and "/account/login/" in response.url


def test_the_activity_page_in_the_admin_links_to_its_registrations(client, staff_member, occurrence):
    client.force_login(staff_member(occurrence.location))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(occurrence.activity_id,))).content.decode()
    assert urls(occurrence)["dates"] in edit
