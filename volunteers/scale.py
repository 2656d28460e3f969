"""Random volunteers and buddy requests around Utrecht, as the matching engine's dataclasses.

Deterministic for a given `random.Random`: the bench and the timing of the engine build the
same population from the same seed.
"""

import random

from volunteers.matching import BuddyRequest, Volunteer

ROLES = ("taalmaatje", "gezinsbuddy", "fietsmaatje", "taalcoach", "welkomhuis-helper", "buddy")
FAMILY_ROLES = frozenset({"gezinsbuddy"})
LEVELS = ("native", "fluent", "basic")
DAY_PARTS = ("morning", "afternoon", "evening")
SLOTS = tuple((weekday, part) for weekday in range(7) for part in DAY_PARTS)
NEWCOMER_LANGUAGES = ("ar", "ti", "uk", "fa", "tr", "en", "so", "ru", "fr", "prs")
VOLUNTEER_LANGUAGES = ("en", "ar", "tr", "uk", "fr", "de", "es", "ru", "fa", "ti")
INTERESTS = (
    "koken",
    "fietsen",
    "wandelen",
    "voetbal",
    "muziek",
    "lezen",
    "tuinieren",
    "kinderen",
    "werk",
    "kunst",
)
DUTCH_LEVELS = ("none", "a0-a2", "b1")
# Utrecht, roughly.
LAT_RANGE = (52.03, 52.14)
LON_RANGE = (5.0, 5.2)


def _point(rng):
    return round(rng.uniform(*LAT_RANGE), 5), round(rng.uniform(*LON_RANGE), 5)


def random_volunteers(n: int, rng: random.Random) -> list[Volunteer]:
    volunteers = []
    for index in range(n):
        lat, lon = _point(rng) if rng.random() < 0.95 else (None, None)
        languages = {"nl": rng.choice(("native", "native", "fluent"))}
        for code in rng.sample(VOLUNTEER_LANGUAGES, rng.randint(0, 2)):
            languages[code] = rng.choice(LEVELS)
        capacity = rng.randint(1, 3)
        volunteers.append(
            Volunteer(
                id=index + 1,
                roles=frozenset(rng.sample(ROLES, rng.randint(1, 3))),
                languages=languages,
                availability=frozenset(rng.sample(SLOTS, rng.randint(2, 8))),
                lat=lat,
                lon=lon,
                max_distance_km=rng.choice((2.0, 3.0, 5.0, 8.0, 10.0)),
                interests=frozenset(rng.sample(INTERESTS, rng.randint(0, 4))),
                gender=rng.choice(("", "female", "female", "male", "other")),
                capacity=capacity,
                active_matches=rng.randint(0, capacity),
                vog=rng.random() < 0.6,
                available=rng.random() < 0.9,
            )
        )
    return volunteers


def random_requests(n: int, rng: random.Random) -> list[BuddyRequest]:
    requests = []
    for index in range(n):
        lat, lon = _point(rng) if rng.random() < 0.9 else (None, None)
        role = rng.choice(ROLES)
        requests.append(
            BuddyRequest(
                id=index + 1,
                role=role,
                languages=frozenset(rng.sample(NEWCOMER_LANGUAGES, rng.randint(1, 2))),
                dutch_level=rng.choice(DUTCH_LEVELS),
                availability=frozenset(rng.sample(SLOTS, rng.randint(1, 6))),
                lat=lat,
                lon=lon,
                max_distance_km=rng.choice((3.0, 5.0, 5.0, 8.0)),
                interests=frozenset(rng.sample(INTERESTS, rng.randint(0, 3))),
                gender_preference=rng.choice(("", "", "", "female", "male")),
                waiting_days=rng.randint(0, 200),
                requires_vog=role in FAMILY_ROLES,
            )
        )
    return requests
