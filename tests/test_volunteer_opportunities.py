"""The volunteer work at /vrijwilligers/: its filters and "I'm interested"; and volunteers' emails
in the language they signed up in."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from home.models import Organisation
from tests.conftest import create_user
from tests.test_volunteers import make_request, make_volunteer
from volunteers import matches
from volunteers.demo import load_demo_opportunities
from volunteers.models import Match, Programme, VolunteerOpportunityPage, VolunteerProfile
from volunteers.tasks import send_match_check_ins
from volunteers.vocabulary import MatchStatus

pytestmark = pytest.mark.django_db

TITLES = {"Taalmaatje in Overvecht", "Gastvrouw of gastheer in het welkomhuis", "Gezinsbuddy"}


@pytest.fixture
def programme():
    programme = Programme.objects.create(
        name="Taalmaatjes", organisation=Organisation.objects.first(), roles=["taalmaatje"]
    )
    programme.coordinators.add(create_user("femke@coordinator.example"))
    return programme


@pytest.fixture
def index(programme, make_location):
    index, _pages = load_demo_opportunities(programme, [make_location(title="Buurthuis De Boog")])
    return index


def listed(client, index, **filters):
    response = client.get(index.url, filters)
    assert response.status_code == 200
    cards = BeautifulSoup(response.content, "html.parser").select(".card__title")
    return {card.get_text(strip=True) for card in cards}


def test_the_list_shows_every_opportunity_with_place_time_and_vog(client, index):
    page = client.get(index.url).content.decode()
    assert all(title in page for title in TITLES)
    assert "Buurthuis De Boog" in page and "2 uur per week, een jaar" in page
    assert page.count("VOG nodig") >= 1


def test_filter_by_kind_of_work(client, index):
    assert listed(client, index, role="gezinsbuddy") == {"Gezinsbuddy"}
    assert listed(client, index, role="taalmaatje") == {"Taalmaatje in Overvecht"}
    assert listed(client, index, role="fietsmaatje") == set()
    assert (
        "Geen vrijwilligerswerk gevonden" in client.get(index.url, {"role": "fietsmaatje"}).content.decode()
    )


def test_filter_by_language_wanted(client, index):
    assert listed(client, index, language="en") == {"Gastvrouw of gastheer in het welkomhuis"}
    assert listed(client, index, language="ar") == {"Taalmaatje in Overvecht", "Gezinsbuddy"}
    assert listed(client, index, language="uk", role="gezinsbuddy") == {"Gezinsbuddy"}


def test_filter_without_vog(client, index):
    assert listed(client, index, no_vog="on") == TITLES - {"Gezinsbuddy"}


def test_odd_filter_values_show_a_message_and_never_fail(client, index):
    response = client.get(index.url, {"role": "astronaut", "language": "xx"})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_the_filters_keep_their_values(client, index):
    page = client.get(index.url, {"role": "gezinsbuddy", "no_vog": "on"}).content.decode()
    assert '<option value="gezinsbuddy" selected>' in page
    assert 'name="no_vog"' in page and "checked" in page


def test_im_interested_reaches_the_programmes_coordinator_and_no_one_else(client, index, programme):
    other = Programme.objects.create(name="Fietsen", organisation=Organisation.objects.first(), roles=[])
    other.coordinators.add(create_user("ander@coordinator.example"))
    opportunity = VolunteerOpportunityPage.objects.get(slug="gezinsbuddy")
    page = client.get(opportunity.url).content.decode()
    form_url = reverse("volunteers:interested", args=[opportunity.pk])
    assert form_url in page
    response = client.post(
        form_url,
        {"name": "Joost Bakker", "email": "joost@example.org", "message": "Ik heb zelf drie kinderen."},
    )
    assert response.status_code == 200
    assert "De coördinator neemt contact met je op." in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["femke@coordinator.example"]
    assert message.reply_to == ["joost@example.org"]
    assert message.subject == "Iemand heeft interesse in Gezinsbuddy"
    assert "Joost Bakker" in message.body and "Ik heb zelf drie kinderen." in message.body


def test_im_interested_without_an_email_address_is_refused_and_sends_nothing(client, index):
    opportunity = VolunteerOpportunityPage.objects.get(slug="gezinsbuddy")
    response = client.post(reverse("volunteers:interested", args=[opportunity.pk]), {"name": "Joost"})
    assert response.status_code == 200
    assert 'value="Joost"' in response.content.decode()
    assert mail.outbox == []


# --- volunteers' emails in their own language --------------------------------------------


def test_the_wizard_remembers_the_language_the_volunteer_uses(client):
    client.force_login(create_user("vera@example.org"))
    with translation.override("en"):
        url = reverse("volunteers:wizard_step", args=["rollen"])
    assert url.startswith("/en/")
    client.post(url, {"roles": ["taalmaatje"]})
    assert VolunteerProfile.objects.get(user__email="vera@example.org").language == "en"
    with translation.override("ar"):
        client.post(reverse("volunteers:wizard_step", args=["wanneer"]), {"availability": ["1-afternoon"]})
    assert VolunteerProfile.objects.get(user__email="vera@example.org").language == "ar"


def in_language(language, msgid, **values):
    with translation.override(language):
        return translation.gettext(msgid) % values


def test_proposal_introduction_and_check_in_are_in_the_volunteers_language(
    programme, django_capture_on_commit_callbacks
):
    volunteer = make_volunteer("vera@example.org", programme, language="ar")
    buddy_request = make_request(programme, language="uk")
    with django_capture_on_commit_callbacks(execute=True):
        match = matches.propose(buddy_request.pk, volunteer.pk, None)
    (proposal,) = mail.outbox
    assert proposal.subject == "اقتراح توفيق لك"
    assert "/ar/vrijwilligers/voorstel/" in proposal.body  # the answer page opens in Arabic too
    with django_capture_on_commit_callbacks(execute=True):
        matches.answer(match.pk, accept=True)
    to_volunteer = next(m for m in mail.outbox[1:] if m.to == ["vera@example.org"])
    to_filer = next(m for m in mail.outbox[1:] if m.to == ["amal@example.org"])
    assert in_language("ar", "Thank you for accepting. You can reach %(name)s through:", name="Amal") in (
        to_volunteer.body
    )
    assert to_volunteer.subject == in_language("ar", "Your match")
    # The filer reads it in the language they filed the request in.
    assert to_filer.subject == in_language("uk", "A volunteer has been found")
    assert to_filer.subject != "Er is een vrijwilliger gevonden"
    Match.objects.filter(pk=match.pk).update(
        status=MatchStatus.ACTIVE, accepted_at=timezone.now() - timedelta(weeks=5)
    )
    send_match_check_ins.delay()
    check_in = mail.outbox[-1]
    assert check_in.subject == "كيف تسير الأمور مع الشخص الذي تم توفيقك معه؟"
