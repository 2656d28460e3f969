"""Synthetic welkomhuizen at scale, for benchmarks (`manage.py seed_scale`).

Deterministic: the same count and seed give the same rows. Pages are added
live without revisions (Django cannot bulk-insert multi-table models such as
pages); their hours and rooms are bulk-inserted.
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from home.models import Organisation, Wijk

from .models import (
    BookingSeries,
    Coach,
    Facility,
    LocationIndexPage,
    LocationKind,
    LocationPage,
    OpeningHours,
    Room,
    RoomBooking,
)
from .opening_hours import AMSTERDAM

SLUG_PREFIX = "schaal-"
# Roughly the municipality of Utrecht.
LATITUDE = (52.055, 52.125)
LONGITUDE = (4.970, 5.170)
POSTCODE_LETTERS = "ABCDEHJKLMNPRTVXZ"


COACH_DOMAIN = "schaal.example"


def delete_scale_locations():
    # Bookings protect their rooms: remove them (and the synthetic coaches) first.
    rooms = Room.objects.filter(page__slug__startswith=SLUG_PREFIX)
    RoomBooking.objects.filter(room__in=rooms).delete()
    BookingSeries.objects.filter(room__in=rooms).delete()
    get_user_model().objects.filter(email__endswith=f"@{COACH_DOMAIN}").delete()
    for page in LocationPage.objects.filter(slug__startswith=SLUG_PREFIX):
        page.delete()


def seed_locations(count, rng: random.Random):
    delete_scale_locations()
    index = LocationIndexPage.objects.get(locale=Locale.get_default())
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


def seed_bookings(count, rng: random.Random, locations, coaches=100):
    """``count`` confirmed one-hour bookings on the hour, 9:00-17:00, from 60 days ago to 180 days ahead.

    Spread over every room of the synthetic welkomhuizen, never two in one room
    at the same time; grouped in series of ten per coach, as weekly bookings are.
    """
    User = get_user_model()
    organisations = list(Organisation.objects.all())
    users = User.objects.bulk_create(
        [User(email=f"coach-{n:04d}@{COACH_DOMAIN}", first_name=f"Coach {n}") for n in range(coaches)]
    )
    coach_rows = Coach.objects.bulk_create(
        [
            Coach(user=user, organisation=rng.choice(organisations), feed_token=f"schaal-{user.pk}")
            for user in users
        ]
    )
    rooms = list(Room.objects.filter(page__in=locations).order_by("pk"))
    today = timezone.localdate()
    taken, bookings, series = set(), [], []
    while len(bookings) < count:
        room = rng.choice(rooms)
        day = today + timedelta(days=rng.randint(-60, 180))
        hour = rng.randint(9, 16)
        if (room.pk, day, hour) in taken:
            continue
        taken.add((room.pk, day, hour))
        if len(bookings) % 10 == 0:
            series.append(
                BookingSeries(
                    coach=rng.choice(coach_rows),
                    room=room,
                    first_date=day,
                    start_time=time(hour),
                    end_time=time(hour + 1),
                    purpose="Gesprekken",
                )
            )
        start = datetime.combine(day, time(hour), tzinfo=AMSTERDAM)
        bookings.append(
            RoomBooking(
                room=room,
                start=start,
                end=start + timedelta(hours=1),
                occupied_until=start + timedelta(hours=1),
                status=RoomBooking.Status.CONFIRMED,
            )
        )
    BookingSeries.objects.bulk_create(series, batch_size=1000)
    for n, booking in enumerate(bookings):
        booking.series = series[n // 10]
        booking.booked_by_id = booking.series.coach.user_id
    RoomBooking.objects.bulk_create(bookings, batch_size=2000)
    return bookings
