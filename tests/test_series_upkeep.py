"""Repeating activities do not go stale: reminded after 3 months, hidden after 4, back when confirmed."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from activities.models import ActivityPage
from activities.tasks import check_running_series

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(make_activity, staff_member):
    activity = make_activity(title="Taalcafé", recurrence="FREQ=WEEKLY")
    staff = staff_member(activity.get_parent())
    return activity, staff


def age(activity, days):
    confirmed = timezone.now() - timedelta(days=days)
    ActivityPage.objects.filter(pk=activity.pk).update(confirmed_at=confirmed, first_published_at=confirmed)


def listed(client):
    soup = BeautifulSoup(client.get("/activiteiten/?when=month").content, "html.parser")
    return "Taalcafé" in [a.get_text(strip=True) for a in soup.select(".occurrence .card__title a")]


def test_fresh_series_needs_nothing(series):
    assert check_running_series() == {"stale": 0, "hidden": 0, "reminders": 0}
    assert not mail.outbox


def test_after_three_months_staff_get_one_reminder(series, client):
    activity, staff = series
    age(activity, 95)
    assert check_running_series()["reminders"] == 1
    (message,) = mail.outbox
    assert message.to == [staff.email]
    assert "Taalcafé" in message.body and f"/admin/pages/{activity.pk}/edit/" in message.body
    # Run again the next day: no second reminder.
    check_running_series(now=timezone.now() + timedelta(days=1))
    assert len(mail.outbox) == 1
    assert listed(client)  # still visible for now


def test_flagged_in_the_admin_and_confirmed_with_one_button(series, client):
    activity, staff = series
    age(activity, 95)
    client.force_login(staff)
    dashboard = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    panel = dashboard.select_one("#stale-series-section")
    assert panel is not None and "Taalcafé" in panel.get_text()
    assert "Taalcafé —" in ActivityPage.objects.get(pk=activity.pk).get_admin_display_title()
    response = client.post(reverse("activities_confirm", args=(activity.pk,)))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert not activity.is_stale()
    assert check_running_series()["stale"] == 0


def test_after_four_months_hidden_until_confirmed(series, client):
    activity, staff = series
    age(activity, 125)
    assert check_running_series()["hidden"] == 1
    assert not listed(client)
    client.force_login(staff)
    client.post(reverse("activities_confirm", args=(activity.pk,)))
    client.logout()
    assert listed(client)


def test_publishing_a_new_version_counts_as_confirmation(series, client):
    activity, _staff = series
    age(activity, 125)
    check_running_series()
    activity.summary = "Nieuwe tekst"
    activity.save_revision().publish()
    assert listed(client)


def test_staff_of_another_welkomhuis_cannot_confirm(series, client, staff_member, make_location):
    activity, _staff = series
    age(activity, 95)
    client.force_login(staff_member(make_location(title="Elders")))
    assert client.post(reverse("activities_confirm", args=(activity.pk,))).status_code == 403
    assert client.get(reverse("activities_confirm", args=(activity.pk,))).status_code == 405
    activity.refresh_from_db()
    assert activity.is_stale()


def test_one_off_and_imported_activities_never_go_stale(make_activity):
    one_off = make_activity(title="Eenmalig")
    imported = make_activity(title="Geïmporteerd", recurrence="FREQ=WEEKLY")
    ActivityPage.objects.filter(pk=imported.pk).update(source_uid="abc@partner")
    for activity in (one_off, imported):
        age(activity, 200)
    assert check_running_series()["stale"] == 0
