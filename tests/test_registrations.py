"""Registering for a date without an account: places, waiting list, cancelling, emails, privacy."""

import re
import uuid
from datetime import time, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from activities.models import Notification, Registration, ScheduleChange
from activities.registrations import anonymise_past_registrations, token_for
from activities.tasks import send_registration_email, send_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(make_activity):
    """A cooking workshop next week with 2 places, registration on this site."""
    return make_activity(
        title="Samen koken",
        start_date=timezone.localdate() + timedelta(days=7),
        start_time=time(17),
        end_time=time(20),
        how_to_join="register",
        places=2,
    )


@pytest.fixture
def occurrence(workshop):
    return workshop.occurrences.get()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run on_commit callbacks (the emails) as a real commit would; tests run inside a transaction."""

    def run(callable_, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return callable_(*args, **kwargs)

    return run


def register_url(occurrence, prefix=""):
    return prefix + reverse("activities:register", args=[occurrence.pk])


def form_data(**overrides):
    data = {
        "first_name": "Amal",
        "email": "amal@example.org",
        "phone": "",
        "adults": "1",
        "children": "0",
        "submission": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def post(client, occurrence, on_commit, **overrides):
    return on_commit(client.post, register_url(occurrence), form_data(**overrides))


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_a_resident_registers_and_gets_a_confirmation_with_calendar_and_cancel_link(
    client, occurrence, on_commit
):
    response = post(client, occurrence, on_commit)
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("activities:registration", args=[token_for(registration)])
    assert registration.status == "confirmed" and registration.first_name == "Amal"
    page = soup(client.get(response.url))
    assert "Je bent aangemeld" in page.select_one(".status").get_text()
    (email,) = mail.outbox
    assert email.to == ["amal@example.org"]
    assert "Samen koken" in email.subject
    (attachment,) = email.attachments
    content = attachment[1] if isinstance(attachment[1], str) else attachment[1].decode()
    assert attachment[0].endswith(".ics") and "BEGIN:VEVENT" in content
    cancel_link = re.search(r"http\S+/annuleren/", email.body).group(0)
    assert token_for(registration) in cancel_link


def test_registering_by_phone_only_works_and_shows_the_link_to_keep(client, occurrence, on_commit):
    response = post(client, occurrence, on_commit, email="", phone="06 12 34 56 78")
    registration = Registration.objects.get()
    assert registration.phone == "0612345678"
    assert not mail.outbox
    assert "bladwijzer" in soup(client.get(response.url)).get_text()


def test_full_date_puts_people_on_the_waiting_list_and_a_cancellation_promotes_them(
    client, occurrence, on_commit
):
    post(client, occurrence, on_commit, first_name="Een", email="een@example.org", adults="2")
    post(client, occurrence, on_commit, first_name="Twee", email="twee@example.org")
    first, waiting = Registration.objects.order_by("pk")
    assert (first.status, waiting.status) == ("confirmed", "waitlisted")
    assert "wachtlijst" in mail.outbox[1].subject
    mail.outbox.clear()
    cancel_url = reverse("activities:cancel_registration", args=[token_for(first)])
    assert client.get(cancel_url).status_code == 200  # asks first, changes nothing
    assert Registration.objects.get(pk=first.pk).status == "confirmed"
    on_commit(client.post, cancel_url)
    assert Registration.objects.get(pk=first.pk).status == "cancelled"
    assert Registration.objects.get(pk=waiting.pk).status == "confirmed"
    (email,) = mail.outbox
    assert email.to == ["twee@example.org"] and "plek" in email.subject


def test_a_party_that_does_not_fit_keeps_its_turn(client, occurrence, on_commit):
    post(client, occurrence, on_commit, first_name="A", email="a@example.org")
    post(
        client, occurrence, on_commit, first_name="Gezin", email="gezin@example.org", adults="2", children="1"
    )
    post(client, occurrence, on_commit, first_name="B", email="b@example.org")
    statuses = dict(Registration.objects.values_list("first_name", "status"))
    assert statuses == {"A": "confirmed", "Gezin": "waitlisted", "B": "confirmed"}


def test_a_double_submission_registers_once(client, occurrence, on_commit):
    data = form_data()
    first = on_commit(client.post, register_url(occurrence), data)
    second = on_commit(client.post, register_url(occurrence), data)
    assert Registration.objects.count() == 1
    assert first.url == second.url
    assert len(mail.outbox) == 1


def test_the_same_person_registering_again_sees_their_registration(client, occurrence, on_commit):
    post(client, occurrence, on_commit)
    response = post(client, occurrence, on_commit, first_name="Amal B.", email="AMAL@example.org")
    assert Registration.objects.count() == 1
    assert "al aangemeld" in soup(client.get(response.url)).get_text()


def test_one_email_can_register_for_several_activities(client, workshop, make_activity, on_commit):
    other = make_activity(title="Fietsles", how_to_join="register", start_date=workshop.start_date)
    post(client, workshop.occurrences.get(), on_commit)
    post(client, other.occurrences.get(), on_commit)
    assert Registration.objects.filter(email="amal@example.org").count() == 2


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "", "phone": ""}, "e-mailadres of een telefoonnummer"),
        ({"email": "amal@"}, "geldig e-mailadres"),
        ({"email": "", "phone": "bel me"}, "telefoonnummer met alleen cijfers"),
        ({"email": "", "phone": "123"}, "telefoonnummer met alleen cijfers"),
        ({"adults": "0"}, "minstens 1"),
        ({"first_name": ""}, "verplicht"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_registered(client, occurrence, on_commit, overrides, message):
    response = post(client, occurrence, on_commit, **overrides)
    assert response.status_code == 200
    assert message in soup(response).select_one("form").get_text()
    assert not Registration.objects.exists()


def test_errors_are_in_the_visitors_language(client, occurrence, on_commit):
    response = on_commit(client.post, register_url(occurrence, "/ar"), form_data(email="", phone=""))
    assert response.status_code == 200
    with translation.override("ar"):
        expected = translation.gettext("Fill in an email address or a phone number, so we can reach you.")
    assert expected in response.content.decode()
    assert expected != "Fill in an email address or a phone number, so we can reach you."


def test_past_cancelled_and_walk_in_dates_cannot_be_registered_for(
    client, workshop, make_activity, on_commit
):
    past = make_activity(  # earlier today: already started
        title="Vanochtend",
        how_to_join="register",
        start_date=timezone.localdate(),
        start_time=time(0),
        end_time=time(0, 30),
    ).occurrences.get()
    walk_in = make_activity(title="Inloop", start_date=workshop.start_date).occurrences.get()
    workshop.schedule_changes.add(ScheduleChange(date=workshop.start_date, kind="cancelled", reason="Ziek"))
    workshop.save_revision().publish()
    cancelled = workshop.occurrences.get()
    for occurrence in (past, walk_in, cancelled):
        page = soup(client.get(register_url(occurrence)))
        assert page.select_one("[role=alert]") is not None and page.find("form", method="post") is None
        response = post(client, occurrence, on_commit)
        assert response.status_code == 200
    assert not Registration.objects.exists()


@pytest.mark.parametrize("token", ["nonsense", "abc:def", "a" * 200])
def test_a_tampered_link_gets_a_clear_message(client, token):
    for name in ("activities:registration", "activities:cancel_registration"):
        response = client.get(reverse(name, args=[token]))
        assert response.status_code == 404
        assert soup(response).select_one("[role=alert]").get_text(strip=True)


def test_a_link_after_the_data_was_deleted_explains_why(client, occurrence, on_commit):
    post(client, occurrence, on_commit)
    registration = Registration.objects.get()
    token = token_for(registration)
    Registration.objects.filter(pk=registration.pk).update(key=None)
    response = client.get(reverse("activities:registration", args=[token]))
    assert response.status_code == 404
    assert "verwijderen" in soup(response).select_one("[role=alert]").get_text()


def test_cancelling_after_the_date_is_refused_politely(client, occurrence, on_commit):
    post(client, occurrence, on_commit)
    registration = Registration.objects.get()
    occurrence.start = timezone.now() - timedelta(hours=5)
    occurrence.end = timezone.now() - timedelta(hours=2)
    occurrence.save()
    response = client.post(reverse("activities:cancel_registration", args=[token_for(registration)]))
    assert response.status_code == 200
    assert "al plaatsgevonden" in soup(response).get_text()
    assert Registration.objects.get().status == "confirmed"


def test_reminders_go_out_once_even_when_the_task_runs_again(occurrence, client, on_commit):
    post(client, occurrence, on_commit)
    mail.outbox.clear()
    day_before = occurrence.start - timedelta(days=1)
    assert send_reminders(now=day_before) == {"queued": 1}
    assert send_reminders(now=day_before) == {"queued": 0}
    registration = Registration.objects.get()
    assert send_registration_email(registration.pk, "reminder") == "already sent"  # a retried task
    assert len(mail.outbox) == 1 and "Morgen" in mail.outbox[0].subject
    assert Notification.objects.filter(kind="reminder").count() == 1


def test_a_failing_mail_server_leaves_the_reminder_to_be_sent_again(occurrence, client, on_commit, settings):
    post(client, occurrence, on_commit)
    settings.EMAIL_BACKEND = "tests.test_registrations.FailingBackend"
    with pytest.raises(OSError):
        send_registration_email(Registration.objects.get().pk, "reminder")
    assert not Notification.objects.filter(kind="reminder").exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_registration_email(Registration.objects.get().pk, "reminder") == "sent"


class FailingBackend:
    """The mail server is down (only the network edge is faked)."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("connection refused")


def test_cancelling_a_date_tells_everyone_registered(workshop, occurrence, client, on_commit):
    post(client, occurrence, on_commit)
    mail.outbox.clear()
    workshop.schedule_changes.add(
        ScheduleChange(date=workshop.start_date, kind="cancelled", reason="De kok is ziek")
    )
    on_commit(workshop.save_revision().publish)
    (email,) = mail.outbox
    assert "gaat niet door" in email.subject.lower() and "De kok is ziek" in email.body


def test_a_date_taken_off_the_schedule_is_cancelled_not_deleted(workshop, occurrence, client, on_commit):
    post(client, occurrence, on_commit)
    workshop.start_date += timedelta(days=1)
    on_commit(workshop.save_revision().publish)
    occurrence.refresh_from_db()
    assert occurrence.status == "cancelled"
    assert Registration.objects.get().occurrence_id == occurrence.pk
    assert any("gaat niet door" in m.subject.lower() for m in mail.outbox)


def test_more_places_go_to_the_waiting_list(workshop, occurrence, client, on_commit):
    for n in range(3):
        post(client, occurrence, on_commit, first_name=f"P{n}", email=f"p{n}@example.org")
    assert Registration.objects.filter(status="waitlisted").count() == 1
    workshop.places = 3
    on_commit(workshop.save_revision().publish)
    assert not Registration.objects.filter(status="waitlisted").exists()


def test_personal_data_is_erased_after_the_retention_period_but_counts_stay(
    occurrence, client, on_commit, settings
):
    post(client, occurrence, on_commit, adults="1", children="1")
    registration = Registration.objects.get()
    settings.REGISTRATION_RETENTION_DAYS = 30
    assert anonymise_past_registrations(now=occurrence.end + timedelta(days=29)) == 0
    assert anonymise_past_registrations(now=occurrence.end + timedelta(days=31)) == 1
    registration.refresh_from_db()
    assert (registration.first_name, registration.email, registration.phone, registration.key) == (
        "",
        "",
        "",
        None,
    )
    assert (registration.adults, registration.children, registration.status) == (1, 1, "confirmed")


def test_logged_in_residents_register_in_one_tap_and_see_their_registrations(client, occurrence, on_commit):
    from .conftest import create_user

    user = create_user("oksana@example.org", first_name="Oksana")
    client.force_login(user)
    page = soup(client.get(register_url(occurrence)))
    assert "Oksana" in page.select_one("form").get_text()
    data = {field["name"]: field.get("value", "") for field in page.select("form input[name]")}
    on_commit(client.post, register_url(occurrence), data)
    registration = Registration.objects.get()
    assert registration.user == user and registration.email == "oksana@example.org"
    mine = soup(client.get(reverse("activities:my_registrations")))
    assert "Samen koken" in mine.select_one(".card-list").get_text()


def test_my_registrations_needs_a_login(client):
    response = client.get(reverse("activities:my_registrations"))
    assert response.status_code == 302 and "/account/login/" in response.url


def test_activity_page_offers_registration_with_places_left(client, workshop, occurrence, on_commit):
    post(client, occurrence, on_commit)
    page = soup(client.get(workshop.url))
    link = page.select_one(".occurrence-list__register a")
    assert link["href"] == register_url(occurrence)
    assert "1 plek over" in page.select_one(".occurrence-list__register").get_text()


def test_anonymous_activity_page_still_sets_no_cookie(client, workshop):
    assert not client.get(workshop.url).cookies
