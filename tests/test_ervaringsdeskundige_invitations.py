"""Coordinators invite a filtered group of ervaringsdeskundigen: one email each, nobody sees the
others' addresses, and each email's own signed link removes that person's sign-up.

Some messages are compared through gettext(msgid), the Dutch the site shows (see
test_coordinator_screens.py)."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext

from home.models import Language, Organisation
from tests.conftest import create_user
from tests.test_volunteer_admin import coordinator
from volunteers.models import ErvaringsdeskundigeProfile, Programme
from volunteers.vocabulary import PRIVACY_STATEMENT_VERSION

pytestmark = pytest.mark.django_db


def person(first_name, languages, wishes, locations=(), **fields):
    profile = ErvaringsdeskundigeProfile.objects.create(
        first_name=first_name,
        email=f"{first_name.lower()}@example.org",
        wishes=wishes,
        consent_version=PRIVACY_STATEMENT_VERSION,
        **fields,
    )
    profile.languages.set(Language.objects.filter(code__in=languages))
    profile.locations.set(locations)
    return profile


@pytest.fixture
def people(make_location):
    zuilen = make_location(title="Buurthuis Zuilen")
    return {
        "zuilen": zuilen,
        "samira": person("Samira", ["ar", "nl"], ["welcome", "story"], [zuilen], show_on_location_pages=True),
        "olena": person("Olena", ["uk"], ["story"], language="uk"),
        "tesfay": person("Tesfay", ["ti", "ar"], ["think-along"]),
    }


@pytest.fixture
def coordinator_a():
    programme = Programme.objects.create(
        name="A", organisation=Organisation.objects.first(), roles=["taalmaatje"]
    )
    return coordinator("coord-a@example.org", programme)


def removal_path(message):
    return urlsplit(
        re.search(r"https?://\S+/ervaringsdeskundigen/verwijderen/\S+/", message.body).group(0)
    ).path


def shown_names(client, **filters):
    page = client.get(reverse("volunteers_admin_invite"), filters).content.decode()
    # First names only, never an address.
    assert not any(f"{name}@example.org" in page for name in ["samira", "olena", "tesfay"])
    return {name for name in ["Samira", "Olena", "Tesfay"] if name in page}


def test_filter_by_language_wish_and_welkomhuis_shows_first_names_only(client, people, coordinator_a):
    client.force_login(coordinator_a)
    assert shown_names(client) == {"Samira", "Olena", "Tesfay"}
    assert shown_names(client, language="ar") == {"Samira", "Tesfay"}
    assert shown_names(client, wish="story") == {"Samira", "Olena"}
    assert shown_names(client, location=people["zuilen"].pk) == {"Samira"}
    assert shown_names(client, language="ar", wish="story") == {"Samira"}
    assert shown_names(client, language="uk", wish="think-along") == set()
    # An unknown value is an invalid filter: nobody is shown, nothing fails.
    assert shown_names(client, wish="bake-cakes") == set()


def test_invitation_goes_in_one_email_per_person_with_their_own_removal_link(
    client, people, coordinator_a, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_a)
    url = reverse("volunteers_admin_invite") + "?language=ar"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {"subject": "Panel op 12 december", "message": "Denk mee over het welkomhuis & de buurt."},
            follow=True,
        )
    assert response.redirect_chain == [(url, 302)]
    assert (
        "De uitnodiging is verstuurd naar 2 mensen, ieder in een eigen e-mail." in response.content.decode()
    )
    assert sorted(m.to for m in mail.outbox) == [["samira@example.org"], ["tesfay@example.org"]]
    links = set()
    for message in mail.outbox:
        assert message.cc == [] and message.bcc == []
        assert message.reply_to == ["coord-a@example.org"]
        assert message.subject == "Panel op 12 december"
        assert "Denk mee over het welkomhuis & de buurt." in message.body
        others = {"samira@example.org", "tesfay@example.org", "olena@example.org"} - set(message.to)
        assert not any(address in message.body for address in others)
        link = re.search(r"https?://\S+/ervaringsdeskundigen/verwijderen/\S+/", message.body).group(0)
        assert "@" not in link  # no personal data in the URL
        links.add(link)
    assert len(links) == 2


def test_sending_needs_people_a_subject_and_a_message(
    client, people, coordinator_a, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_a)
    url = reverse("volunteers_admin_invite")
    with django_capture_on_commit_callbacks(execute=True):
        nobody = client.post(url + "?language=uk&wish=welcome", {"subject": "S", "message": "M"})
        no_subject = client.post(url, {"subject": "", "message": "Welkom"})
    assert gettext("Nobody matches these filters: no email was sent.") in nobody.content.decode()
    page = no_subject.content.decode()
    assert gettext("The invitation was not sent. Check the fields below.") in page
    assert "Welkom" in page  # the message typed is kept
    assert mail.outbox == []


def test_removal_link_asks_first_then_removes_and_works_only_once(
    client, people, coordinator_a, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("volunteers_admin_invite") + "?wish=welcome", {"subject": "S", "message": "M"})
    client.logout()
    assert [m.to for m in mail.outbox] == [["samira@example.org"]]
    link = removal_path(mail.outbox[0])
    location = people["zuilen"]
    assert "Samira" in client.get(location.url).content.decode()
    # Opening the link (as a mail scanner does) changes nothing.
    confirm = client.get(link)
    assert confirm.status_code == 200 and "Samira" in confirm.content.decode()
    assert ErvaringsdeskundigeProfile.objects.filter(first_name="Samira").exists()
    done = client.post(link)
    assert done.status_code == 200
    assert not ErvaringsdeskundigeProfile.objects.filter(first_name="Samira").exists()
    assert ErvaringsdeskundigeProfile.objects.count() == 2
    assert "Samira" not in client.get(location.url).content.decode()
    again = client.post(link)
    assert again.status_code == 410
    assert gettext("Your details have already been removed.") in again.content.decode()
    tampered = client.get(link[:-3] + "xx/")
    assert tampered.status_code == 410
    assert "Deze link klopt niet." in tampered.content.decode()


def test_the_email_and_its_removal_page_are_in_the_persons_language(
    client, people, coordinator_a, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("volunteers_admin_invite") + "?language=uk", {"subject": "S", "message": "M"})
    (message,) = mail.outbox
    assert "/uk/ervaringsdeskundigen/verwijderen/" in message.body


def test_only_coordinators_may_invite(client, people, make_location, staff_member):
    url = reverse("volunteers_admin_invite")
    for user in [staff_member(make_location()), create_user("someone@example.org")]:
        client.force_login(user)
        for response in [client.get(url), client.post(url, {"subject": "S", "message": "M"})]:
            assert response.status_code == 302
            assert "Samira" not in response.content.decode()
    client.logout()
    assert client.get(url).status_code == 302
    assert mail.outbox == []


def test_the_same_invitation_sent_twice_goes_out_once(
    client, people, coordinator_a, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_a)
    url = reverse("volunteers_admin_invite") + "?wish=welcome"
    page = client.get(url).content.decode()
    once = re.search(r'name="once" value="([^"]+)"', page).group(1)
    data = {"subject": "Panel", "message": "Welkom", "once": once}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
        again = client.post(url, data, follow=True)
    assert [m.to for m in mail.outbox] == [["samira@example.org"]]
    assert gettext("This invitation was already sent.") in again.content.decode()
    # A new form is a new invitation.
    fresh = re.search(r'name="once" value="([^"]+)"', client.get(url).content.decode()).group(1)
    assert fresh != once
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**data, "once": fresh})
    assert len(mail.outbox) == 2
