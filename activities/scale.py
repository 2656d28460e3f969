"""Synthetic activities at scale, for benchmarks (`manage.py seed_scale --activities 5000 --recurring 1000`).

Deterministic for a seed. Pages are added live without revisions, per
welkomhuis in one pass (Django cannot bulk-insert pages); their occurrences are then
materialised in one pass, which is itself one of the measured figures.
"""

import time as clock
from collections import defaultdict
from datetime import time, timedelta

from django.utils import timezone

from home.models import Language, Leefgebied, Organisation
from locations.models import LocationPage

from .bulk import add_children
from .indexing import update_search_index
from .models import ActivityPage, ActivityType, Audience, DutchLevel
from .occurrences import materialise
from .schedule import compose_rrule

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
