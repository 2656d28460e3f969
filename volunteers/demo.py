"""Demo data for volunteers (idempotent): a programme with its coordinator, volunteers, an
ervaringsdeskundige shown at a welkomhuis and an open request."""

from django.contrib.auth.models import Permission
from django.utils import timezone

from home.models import Language, Organisation

from .models import BuddyRequest, ErvaringsdeskundigeProfile, Programme, VolunteerProfile
from .vocabulary import PRIVACY_STATEMENT_VERSION, VogStatus

VOLUNTEERS = [
    # email, first name, languages, slots, postcode, wijk, lat, lon
    (
        "joost@vrijwilliger.example",
        "Joost",
        {"nl": "native", "en": "fluent"},
        ["1-afternoon", "3-evening"],
        "3562",
        "overvecht",
        52.116,
        5.127,
    ),
    (
        "mariam@vrijwilliger.example",
        "Mariam",
        {"nl": "fluent", "ar": "native"},
        ["1-afternoon", "5-morning"],
        "3563",
        "overvecht",
        52.119,
        5.104,
    ),
    (
        "petra@vrijwilliger.example",
        "Petra",
        {"nl": "native", "uk": "basic"},
        ["0-morning", "2-morning"],
        "3581",
        "oost",
        52.088,
        5.130,
    ),
]


def load_demo_volunteers(coordinator, user_factory, locations):
    programme, _created = Programme.objects.update_or_create(
        name="Taalmaatjes Utrecht",
        defaults={
            "organisation": Organisation.objects.get(slug="taal-doet-meer"),
            "roles": ["taalmaatje", "buddy"],
        },
    )
    programme.coordinators.add(coordinator)
    coordinator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for email, first_name, languages, slots, postcode, wijk, lat, lon in VOLUNTEERS:
        user = user_factory(email, "welkom-demo-vrijwilliger", first_name, "")
        profile, _created = VolunteerProfile.objects.update_or_create(
            user=user,
            defaults={
                "roles": ["taalmaatje"],
                "languages": languages,
                "availability": slots,
                "postcode": postcode,
                "wijk": wijk,
                "latitude": lat,
                "longitude": lon,
                "about_done": True,
                "consent_at": timezone.now(),
                "consent_version": PRIVACY_STATEMENT_VERSION,
                "vog_status": VogStatus.VALID,
            },
        )
        profile.programmes.add(programme)
    person, _created = ErvaringsdeskundigeProfile.objects.update_or_create(
        email="samira@ervaringsdeskundige.example",
        defaults={
            "first_name": "Samira",
            "wishes": ["welcome"],
            "availability": ["1-afternoon"],
            "show_on_location_pages": True,
            "consent_version": PRIVACY_STATEMENT_VERSION,
        },
    )
    person.languages.set(Language.objects.filter(code__in=["ar", "nl"]))
    person.locations.set(locations[:1])
    BuddyRequest.objects.update_or_create(
        first_name="Amal",
        programme=programme,
        defaults={
            "role": "taalmaatje",
            "languages": ["ar"],
            "dutch_level": "a0-a2",
            "availability": ["1-afternoon"],
            "postcode": "3563",
            "wijk": "overvecht",
            "latitude": 52.119,
            "longitude": 5.104,
            "contact_email": "amal@nieuwkomer.example",
        },
    )
    return programme
