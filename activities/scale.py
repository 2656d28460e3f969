"""Synthetic activities at scale, for benchmarks (`manage.py seed_scale --activities 5000 --recurring 1000`).

Deterministic for a seed. Pages are added live without revisions, per
welkomhuis in one pass (Django cannot bulk-insert pages); their occurrences are then
materialised in one pass, which is itself one of the measured figures.
"""

import time as clock
from collections import defaultdict
from datetime import datetime, time, timedelta

from django.utils import timezone

from home.models import Language, Leefgebied, Organisation
from locations.models import LocationPage

from .bulk import add_children
from .indexing import update_search_index
from .models import ActivityPage, ActivityType, Audience, DutchLevel, Occurrence, Registration
from .occurrences import materialise
from .schedule import AMSTERDAM, compose_rrule

TITLE_WORDS = [
    "Taalcafé",
    "Spreekuur",
    "Fietsles",
    "Samen koken",
    "Werk en taal",
    "Voorlezen",
    "Naaicafé",
    "Inloop",
]
SLUG_PREFIX = "schaal-activiteit-"


def seed_activities(count, recurring, rng, locations=None):
    """Create `count` activities of which `recurring` repeat weekly; returns (pages, materialise seconds)."""
    ActivityPage.objects.filter(slug__startswith=SLUG_PREFIX).delete()
    locations = list(locations or LocationPage.objects.live().order_by("path"))
    types = list(ActivityType.objects.all())
    languages = list(Language.objects.all())
    topics = list(Leefgebied.objects.all())
    organisations = list(Organisation.objects.all())
    today = timezone.localdate()
    pages, children = [], defaultdict(list)
    for n in range(count):
        location = locations[n % len(locations)]
        is_recurring = n < recurring
        start = today + timedelta(days=rng.randrange(0, 7 if is_recurring else 365))
        hour = rng.choice([9, 10, 13, 14, 15, 19])
        page = ActivityPage(
            title=f"{rng.choice(TITLE_WORDS)} {n + 1:05d}",
            slug=f"{SLUG_PREFIX}{n + 1:05d}",
            live=True,
            summary="Een synthetische activiteit voor metingen.",
            activity_type=rng.choice(types),
            organiser=rng.choice(organisations),
            dutch_level=rng.choice(DutchLevel.values),
            audience=rng.choice(Audience.values),
            price=rng.choice([0, 0, 0, 2, 5]),
            start_date=start,
            start_time=time(hour),
            end_time=time(hour + 2),
            recurrence=compose_rrule("weekly", start_date=start) if is_recurring else "",
            holiday_closure=rng.choice(["", "", "public", "public+school"]) if is_recurring else "",
        )
        pages.append(page)
        children[location].append(page)
    for location, new_pages in children.items():
        add_children(location, new_pages)
    language_links = ActivityPage.languages.through
    topic_links = ActivityPage.leefgebieden.through
    language_links.objects.bulk_create(
        [language_links(activitypage_id=p.pk, language_id=rng.choice(languages).pk) for p in pages],
        batch_size=1000,
    )
    topic_links.objects.bulk_create(
        [topic_links(activitypage_id=p.pk, leefgebied_id=rng.choice(topics).pk) for p in pages],
        batch_size=1000,
    )
    update_search_index(pages)
    started = clock.perf_counter()
    materialise()
    return pages, clock.perf_counter() - started


SCALE_NOTE = "schaal"  # marks the synthetic past dates, so a rerun replaces them
SCALE_EMAIL_DOMAIN = "schaal.example"


def seed_registrations(count, rng, dates=None):
    """``count`` registrations on past dates of the synthetic activities, over the last 12 months.

    The dates (a tenth of ``count``, one-off afternoons) are added as Occurrence
    rows of their own; people come back (about three registrations each), a
    few dates are cancelled and most people who registered came. All bulk
    inserts, deterministic for a seed.
    """
    Occurrence.objects.filter(note=SCALE_NOTE).delete()
    pages = list(
        ActivityPage.objects.filter(slug__startswith=SLUG_PREFIX).order_by("path").values_list("pk", "path")
    )
    if not pages or not count:
        return []
    location_of = dict(
        LocationPage.objects.filter(
            path__in={path[: -ActivityPage.steplen] for _pk, path in pages}
        ).values_list("path", "pk")
    )
    today = timezone.localdate()
    taken, occurrences = set(), []
    while len(occurrences) < (dates or max(count // 10, 1)):
        pk, path = rng.choice(pages)
        day = today - timedelta(days=rng.randint(1, 365))
        if (pk, day) in taken:
            continue
        taken.add((pk, day))
        start = datetime.combine(day, time(rng.choice([10, 14, 19])), tzinfo=AMSTERDAM)
        occurrences.append(
            Occurrence(
                activity_id=pk,
                location_id=location_of[path[: -ActivityPage.steplen]],
                key=day,
                start=start,
                end=start + timedelta(hours=2),
                status="cancelled" if rng.random() < 0.05 else "scheduled",
                note=SCALE_NOTE,
            )
        )
    Occurrence.objects.bulk_create(occurrences, batch_size=2000)
    people = max(count // 3, 1)
    registrations = [
        Registration(
            occurrence=rng.choice(occurrences),
            first_name="Deelnemer",
            email=f"deelnemer-{rng.randrange(people):06d}@{SCALE_EMAIL_DOMAIN}",
            adults=rng.choice([1, 1, 1, 2]),
            children=rng.choice([0, 0, 1]),
            attended=rng.random() < 0.8,
        )
        for _ in range(count)
    ]
    Registration.objects.bulk_create(registrations, batch_size=2000)
    return registrations
