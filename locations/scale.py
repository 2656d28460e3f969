"""Synthetic welkomhuizen at scale, for benchmarks (`manage.py seed_scale`).

Deterministic: the same count and seed give the same rows. Pages are added
live without revisions (Django cannot bulk-insert multi-table models such as
pages); their hours and rooms are bulk-inserted.
"""

import random
from datetime import time
from decimal import Decimal

from django.utils.text import slugify

from home.models import Wijk

from .models import Facility, LocationIndexPage, LocationKind, LocationPage, OpeningHours, Room

SLUG_PREFIX = "schaal-"
# Roughly the municipality of Utrecht.
LATITUDE = (52.055, 52.125)
LONGITUDE = (4.970, 5.170)
POSTCODE_LETTERS = "ABCDEHJKLMNPRTVXZ"


def delete_scale_locations():
    for page in LocationPage.objects.filter(slug__startswith=SLUG_PREFIX):
        page.delete()


def seed_locations(count, rng: random.Random):
    delete_scale_locations()
    index = LocationIndexPage.objects.get()
    wijken, kinds = list(Wijk), list(LocationKind)
    pages = []
    for n in range(count):
        title = f"Welkomhuis {n + 1:05d}"
        page = LocationPage(
            title=title,
            slug=f"{SLUG_PREFIX}{slugify(title)}",
            live=True,
            kind=rng.choice(kinds),
            intro="Een synthetisch welkomhuis voor metingen.",
            street_address=f"Meetstraat {n + 1}",
            postcode=f"35{rng.randint(10, 99)} {''.join(rng.choices(POSTCODE_LETTERS, k=2))}",
            wijk=rng.choice(wijken),
            latitude=Decimal(f"{rng.uniform(*LATITUDE):.6f}"),
            longitude=Decimal(f"{rng.uniform(*LONGITUDE):.6f}"),
            **{facility: rng.random() < 0.5 for facility in Facility.values},
        )
        index.add_child(instance=page)
        pages.append(page)
    hours, rooms = [], []
    for page in pages:
        opens = rng.choice([time(8, 30), time(9), time(10)])
        closes = rng.choice([time(16), time(17), time(21)])
        for weekday in sorted(rng.sample(range(7), rng.randint(3, 6))):
            hours.append(
                OpeningHours(page=page, weekday=weekday, opens=opens, closes=closes, sort_order=weekday)
            )
        for r in range(3):
            rooms.append(
                Room(
                    page=page,
                    name=f"Ruimte {r + 1}",
                    capacity=rng.choice([2, 4, 8, 12, 20, 40]),
                    is_private=r == 2,
                    has_screen=rng.random() < 0.4,
                    is_bookable=True,
                    sort_order=r,
                )
            )
    OpeningHours.objects.bulk_create(hours, batch_size=1000)
    Room.objects.bulk_create(rooms, batch_size=1000)
    return pages
