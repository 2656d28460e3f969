"""One small site with every public page type, for the browser tests that visit them all.

Built once per test (the live server needs a transactional database, which is
emptied after each test), so the tests that use it visit many pages each.
"""

from dataclasses import dataclass, field
from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.registrations import register, token_for
from home.models import HomePage, Language, Leefgebied, Organisation
from volunteers.models import (
    BuddyRequest,
    ErvaringsdeskundigeProfile,
    Programme,
    VolunteerOpportunityIndexPage,
    VolunteerOpportunityPage,
)
from volunteers.request_views import status_token


@dataclass
class SiteData:
    location: object
    activity: object
    workshop: object
    occurrence: object
    registration_token: str
    opportunity: object
    wegwijzer_page: object
    story: object
    request_token: str
    extra: dict = field(default_factory=dict)

    def public_paths(self):
        """Every public page type, plus the empty and error states that render differently."""
        return [
            "/",
            "/welkomhuizen/",
            "/welkomhuizen/?wijk=zuid",  # the empty state
            self.location.url,
            "/activiteiten/",
            "/activiteiten/?view=map&type=taalcafe",
            "/activiteiten/?type=sport",  # the empty state
            self.activity.url,
            self.workshop.url,
            reverse("activities:register", args=[self.occurrence.pk]),
            reverse("activities:registration", args=[self.registration_token]),
            reverse("activities:cancel_registration", args=[self.registration_token]),
            "/vrijwilligers/",
            "/vrijwilligers/?role=buddy",  # the empty state
            self.opportunity.url,
            reverse("volunteers:interested", args=[self.opportunity.pk]),
            reverse("volunteers:ervaringsdeskundige_signup"),
            reverse("volunteers:newcomer_request"),
            reverse("volunteers:request_status", args=[self.request_token]),
            "/wegwijzer/",
            self.wegwijzer_page.url,
            "/verhalen/",
            self.story.url,
            "/privacy/",
            "/toegankelijkheid/",
            "/zoeken/?q=neude",
            "/account/login/",
            "/account/signup/",
        ]


def ensure_language(code, name, native_name):
    Language.objects.get_or_create(code=code, defaults={"name": name, "native_name": native_name})


@pytest.fixture
def site_data(make_location, make_activity, make_wegwijzer_page, make_story, open_all_week):
    ensure_language("ar", "Arabisch", "العربية")
    ensure_language("nl", "Nederlands", "Nederlands")
    location = make_location(
        title="Bibliotheek Neude",
        has_wifi=True,
        wheelchair_accessible=True,
        latitude="52.092900",
        longitude="5.118800",
    )
    open_all_week(location, opens=time(9), closes=time(17))
    make_location(title="Plan Einstein", latitude="52.118500", longitude="5.110100")
    activity = make_activity(location=location, title="Taalcafé", recurrence="FREQ=WEEKLY")
    activity.leefgebieden.add(Leefgebied.objects.get(slug="taal"))
    activity.save()
    workshop = make_activity(
        location=location,
        title="Samen koken",
        start_date=timezone.localdate() + timedelta(days=3),
        start_time=time(17),
        end_time=time(19),
        how_to_join="register",
        places=5,
    )
    occurrence = workshop.occurrences.get()
    registration, _created = register(occurrence.pk, first_name="Amal", email="amal@example.org")

    programme = Programme.objects.create(
        name="Taalmaatjes Utrecht", organisation=Organisation.objects.first(), roles=["taalmaatje"]
    )
    index = VolunteerOpportunityIndexPage(
        title="Vrijwilligerswerk", slug="vrijwilligers", intro="Help mee in je buurt."
    )
    HomePage.objects.get().add_child(instance=index)
    index.save_revision().publish()
    opportunity = VolunteerOpportunityPage(
        title="Taalmaatje in Overvecht",
        slug="taalmaatje-overvecht",
        role="taalmaatje",
        programme=programme,
        summary="Je oefent elke week Nederlands met een nieuwe Utrechter.",
        location=location,
        time_commitment="Een uur per week, een half jaar",
    )
    index.add_child(instance=opportunity)
    opportunity.languages.set(Language.objects.filter(code="ar"))
    opportunity.save_revision().publish()

    person = ErvaringsdeskundigeProfile.objects.create(
        first_name="Samira",
        email="samira@example.org",
        wishes=["welcome"],
        availability=["1-afternoon"],
        show_on_location_pages=True,
        consent_version="test",
    )
    person.languages.set(Language.objects.filter(code__in=["ar", "nl"]))
    person.locations.set([location])
    buddy_request = BuddyRequest.objects.create(
        programme=programme,
        role="taalmaatje",
        first_name="Olena",
        languages=["ar"],
        dutch_level="a0-a2",
        availability=["1-afternoon"],
        postcode="3563",
        wijk="overvecht",
        latitude=52.119,
        longitude=5.104,
        contact_email="olena@example.org",
    )

    wegwijzer_page = make_wegwijzer_page(
        "taal",
        title="Nederlands leren",
        steps=[
            (
                "step",
                {
                    "title": "Ga naar een taalcafé",
                    "text": "Je hoeft je niet aan te melden.",
                    "link_url": "https://www.taaldoetmeer.nl/",
                    "link_text": "Taal Doet Meer",
                    "link_page": None,
                },
            )
        ],
    )
    story = make_story(title="Amal leert Nederlands", locations=[location], consent_date=date(2026, 9, 1))
    return SiteData(
        location=location,
        activity=activity,
        workshop=workshop,
        occurrence=occurrence,
        registration_token=token_for(registration),
        opportunity=opportunity,
        wegwijzer_page=wegwijzer_page,
        story=story,
        request_token=status_token(buddy_request),
    )
