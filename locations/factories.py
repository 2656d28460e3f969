from datetime import time
from decimal import Decimal

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from home.models import Organisation, Wijk

from .models import Coach, LocationIndexPage, LocationKind, LocationPage, OpeningHours, Room


def location_index():
    return LocationIndexPage.objects.first()


class LocationPageFactory(wagtail_factories.PageFactory):
    """A published welkomhuis under the Welkomhuizen index, open on weekdays 9-17."""

    class Meta:
        model = LocationPage
        skip_postgeneration_save = True

    parent = factory.LazyFunction(location_index)
    title = factory.Sequence(lambda n: f"Buurthuis {n}")
    kind = LocationKind.BUURTHUIS
    intro = "Een plek om mensen te ontmoeten en Nederlands te oefenen."
    street_address = factory.Sequence(lambda n: f"Dorpsstraat {n + 1}")
    postcode = "3511 AB"
    wijk = Wijk.BINNENSTAD
    latitude = Decimal("52.090700")
    longitude = Decimal("5.121400")

    @factory.post_generation
    def weekday_hours(obj, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        for weekday in range(5):
            OpeningHours.objects.create(page=obj, weekday=weekday, opens=time(9), closes=time(17))


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    page = factory.SubFactory(LocationPageFactory)
    name = factory.Sequence(lambda n: f"Zaal {n}")
    capacity = 8


class CoachFactory(factory.django.DjangoModelFactory):
    """A coach of Werk & Inkomen (the organisation comes with the migrations)."""

    class Meta:
        model = Coach

    user = factory.Sequence(
        lambda n: get_user_model().objects.create_user(
            email=f"coach-{n}@example.org", password="coach-password-1", first_name=f"Coach{n}"
        )
    )
    organisation = factory.LazyFunction(lambda: Organisation.objects.get(slug="werk-en-inkomen"))
