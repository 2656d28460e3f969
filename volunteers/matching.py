"""The matching engine: which volunteers fit a buddy request, how well, and why.

Pure functions over plain dataclasses: no models, no database. The adapter in the
volunteers app turns model rows into `Volunteer` and `BuddyRequest`.

Hard filters (a volunteer failing one is not a candidate; `exclusion` says which):
  1. the volunteer offers the role asked for;
  2. the volunteer is available (active profile, not paused, consented);
  3. the volunteer has capacity left (capacity - active_matches > 0);
  4. a valid VOG when the request requires one (roles with children or families);
  5. the newcomer's gender preference (a volunteer who gave no gender does not meet a preference);
  6. the distance is within BOTH travel limits, when both sides have coordinates;
  7. at least one shared language, at any level ("nl" counts only when the newcomer
     speaks some Dutch, i.e. dutch_level is not "none").

Score (0..100; the weights are the engine's choice):
  availability  30 x share of the request's times (weekday x day part) the volunteer is free;
                0 when the request names no times
  distance      20 x (1 - distance / tighter travel limit); 0 when a location is unknown
  language      15 when the newcomer is a beginner in Dutch ("none" or "a0-a2") and the volunteer
                speaks one of the newcomer's other languages natively or fluently
  interests     10 x shared interests, counted up to 3
  waiting       15 x days waited, counted up to 90: the same for every candidate of one request,
                so it does not change a ranking, but it lifts old requests in `suggest_all`
  workload      10 x share of the volunteer's capacity still free (fewer active matches is better)

Every part is explained in words in `Candidate.reasons`, translated when the reason is built
(gettext at call time). `rank` builds reasons only for the candidates it returns; the
filtering and scoring of everyone else creates no objects per pair.
"""

import heapq
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import get_language_info, gettext, ngettext

from home.geo import EARTH_RADIUS_KM, distance_km

__all__ = [
    "BuddyRequest",
    "Candidate",
    "Reason",
    "Volunteer",
    "distance_km",
    "exclusion",
    "rank",
    "score",
    "suggest_all",
]

WEIGHT_AVAILABILITY = 30.0
WEIGHT_DISTANCE = 20.0
WEIGHT_LANGUAGE = 15.0
WEIGHT_INTERESTS = 10.0
WEIGHT_WAITING = 15.0
WEIGHT_WORKLOAD = 10.0
INTERESTS_COUNTED = 3
WAITING_DAYS_COUNTED = 90

BEGINNER_LEVELS = frozenset({"none", "a0-a2"})
GOOD_LEVELS = frozenset({"native", "fluent"})
# A degree of latitude on home.geo's sphere; the box is widened 1% so that it never excludes
# someone the exact distance would let through.
KM_PER_DEGREE_LAT = EARTH_RADIUS_KM * math.pi / 180 / 1.01


@dataclass(frozen=True)
class Volunteer:
    id: int
    roles: frozenset[str]
    languages: dict  # language code -> level ("native"|"fluent"|"basic"); "nl" is a language like any other
    availability: frozenset  # of (weekday, day part)
    lat: float | None
    lon: float | None
    max_distance_km: float  # how far they will travel
    interests: frozenset[str]
    gender: str
    capacity: int  # how many matches at once they want
    active_matches: int  # proposed/accepted/active matches they have now
    vog: bool  # certificate of conduct recorded as valid
    available: bool  # active profile, not paused, consented

    @property
    def free_slots(self) -> int:
        return max(self.capacity - self.active_matches, 0)


@dataclass(frozen=True)
class BuddyRequest:
    id: int
    role: str  # kind of help asked
    languages: frozenset[str]  # languages the newcomer speaks
    dutch_level: str
    availability: frozenset  # of (weekday, day part)
    lat: float | None
    lon: float | None
    max_distance_km: float  # how far the newcomer can travel (default 5)
    interests: frozenset[str]
    gender_preference: str
    waiting_days: int
    requires_vog: bool  # role involves children/families


@dataclass(frozen=True)
class Reason:
    part: str  # "availability" | "distance" | "language" | "interests" | "waiting" | "workload"
    points: float  # contribution to the score
    text: str  # an explanation in words for the coordinator, in the active language


@dataclass(frozen=True)
class Candidate:
    volunteer: Volunteer
    score: float
    reasons: tuple[Reason, ...]


class _Asked:
    """What one request asks, computed once and reused for every volunteer it is compared with."""

    __slots__ = (
        "request",
        "languages",
        "other_languages",
        "beginner",
        "slots",
        "located",
        "lat",
        "lon",
        "dlat",
        "dlon",
        "waiting_points",
    )

    def __init__(self, request: BuddyRequest):
        self.request = request
        speaks_dutch = request.dutch_level != "none"
        self.other_languages = frozenset(request.languages - {"nl"})
        self.languages = self.other_languages | {"nl"} if speaks_dutch else self.other_languages
        self.beginner = request.dutch_level in BEGINNER_LEVELS
        self.slots = request.availability
        self.located = request.lat is not None and request.lon is not None
        self.lat, self.lon = request.lat, request.lon
        if self.located:
            # A box around the newcomer: a volunteer outside it is too far without haversine.
            limit = request.max_distance_km
            self.dlat = limit / KM_PER_DEGREE_LAT
            self.dlon = limit / (KM_PER_DEGREE_LAT * max(math.cos(math.radians(request.lat)), 0.01))
        waited = min(max(request.waiting_days, 0), WAITING_DAYS_COUNTED)
        self.waiting_points = round(WEIGHT_WAITING * waited / WAITING_DAYS_COUNTED, 2)


def _distance(asked: _Asked, volunteer: Volunteer) -> float | None:
    if not asked.located or volunteer.lat is None or volunteer.lon is None:
        return None
    return distance_km(asked.lat, asked.lon, volunteer.lat, volunteer.lon)


def _outside_box(asked: _Asked, volunteer: Volunteer) -> bool:
    """Certainly too far for the newcomer, by a cheap box test before any haversine."""
    return (
        asked.located
        and volunteer.lat is not None
        and volunteer.lon is not None
        and (abs(volunteer.lat - asked.lat) > asked.dlat or abs(volunteer.lon - asked.lon) > asked.dlon)
    )


def _excluded_by(asked: _Asked, volunteer: Volunteer, distance: float | None) -> str | None:
    """The first hard filter the volunteer fails, as a code, or None. One place for the rules.
    `distance` is `_distance(asked, volunteer)`, computed once by the caller."""
    request = asked.request
    if request.role not in volunteer.roles:
        return "role"
    if not volunteer.available:
        return "available"
    if volunteer.capacity - volunteer.active_matches <= 0:
        return "capacity"
    if request.requires_vog and not volunteer.vog:
        return "vog"
    if request.gender_preference and volunteer.gender != request.gender_preference:
        return "gender"
    if distance is not None and distance > min(request.max_distance_km, volunteer.max_distance_km):
        return "distance"
    if asked.languages.isdisjoint(volunteer.languages):
        return "language"
    return None


def _points(asked: _Asked, volunteer: Volunteer, distance: float | None):
    """The six parts of the score, rounded to hundredths: (availability, distance, language,
    interests, waiting, workload). Also the numbers the reasons are worded from."""
    request = asked.request
    free_times = len(asked.slots & volunteer.availability) if asked.slots else 0
    availability = round(WEIGHT_AVAILABILITY * free_times / len(asked.slots), 2) if asked.slots else 0.0
    limit = min(request.max_distance_km, volunteer.max_distance_km)
    if distance is None:
        nearness = 0.0
    elif limit <= 0:
        nearness = WEIGHT_DISTANCE if distance == 0 else 0.0
    else:
        nearness = round(WEIGHT_DISTANCE * max(0.0, 1 - distance / limit), 2)
    good_language = None
    if asked.beginner:
        for code in sorted(asked.other_languages):
            if volunteer.languages.get(code) in GOOD_LEVELS:
                good_language = code
                break
    language = WEIGHT_LANGUAGE if good_language else 0.0
    shared_interests = request.interests & volunteer.interests
    interests = round(WEIGHT_INTERESTS * min(len(shared_interests), INTERESTS_COUNTED) / INTERESTS_COUNTED, 2)
    if volunteer.capacity > 0:
        free_share = max(volunteer.capacity - volunteer.active_matches, 0) / volunteer.capacity
    else:
        free_share = 0.0
    workload = round(WEIGHT_WORKLOAD * free_share, 2)
    parts = (availability, nearness, language, interests, asked.waiting_points, workload)
    details = (free_times, distance, limit, good_language, shared_interests)
    return parts, details


def _total(parts) -> float:
    return round(sum(parts), 2)


def _exclusion_text(code: str, request: BuddyRequest, volunteer: Volunteer) -> str:
    if code == "role":
        return gettext("Does not offer this kind of help")
    if code == "available":
        return gettext("Not available now (paused, inactive or no consent)")
    if code == "capacity":
        return ngettext(
            "Already has %(count)d match, the most they want",
            "Already has %(count)d matches, the most they want",
            volunteer.active_matches,
        ) % {"count": volunteer.active_matches}
    if code == "vog":
        return gettext("No valid VOG (certificate of conduct), which this help needs")
    if code == "gender":
        return gettext("Does not match the newcomer's wish for a man or a woman")
    if code == "distance":
        return gettext("Lives further away than one of them wants to travel")
    return gettext("Does not speak any language the newcomer speaks")


def _language_name(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def _reasons(asked: _Asked, volunteer: Volunteer, parts, details) -> tuple[Reason, ...]:
    availability, nearness, language, interests, waiting, workload = parts
    free_times, distance, limit, good_language, shared_interests = details
    request = asked.request
    if asked.slots:
        availability_text = gettext("Free on %(count)d of the %(total)d times asked") % {
            "count": free_times,
            "total": len(asked.slots),
        }
    else:
        availability_text = gettext("The request names no times")
    if distance is None:
        distance_text = gettext("Distance unknown: a location is missing")
    else:
        distance_text = gettext("%(distance).1f km apart; the shortest travel limit is %(limit).1f km") % {
            "distance": distance,
            "limit": limit,
        }
    if good_language:
        language_text = gettext("Speaks %(language)s well, and the newcomer is new to Dutch") % {
            "language": _language_name(good_language)
        }
    elif asked.beginner:
        language_text = gettext("Speaks none of the newcomer's other languages well")
    else:
        language_text = gettext("The newcomer already speaks good Dutch")
    if shared_interests:
        interests_text = ngettext(
            "%(count)d shared interest: %(interests)s",
            "%(count)d shared interests: %(interests)s",
            len(shared_interests),
        ) % {"count": len(shared_interests), "interests": ", ".join(sorted(shared_interests))}
    else:
        interests_text = gettext("No shared interests")
    waiting_text = ngettext(
        "The request has waited %(count)d day",
        "The request has waited %(count)d days",
        request.waiting_days,
    ) % {"count": request.waiting_days}
    if volunteer.active_matches:
        workload_text = ngettext(
            "Has %(count)d match now, room for %(capacity)d",
            "Has %(count)d matches now, room for %(capacity)d",
            volunteer.active_matches,
        ) % {"count": volunteer.active_matches, "capacity": volunteer.capacity}
    else:
        workload_text = gettext("Has no matches now")
    return (
        Reason("availability", availability, availability_text),
        Reason("distance", nearness, distance_text),
        Reason("language", language, language_text),
        Reason("interests", interests, interests_text),
        Reason("waiting", waiting, waiting_text),
        Reason("workload", workload, workload_text),
    )


def _candidate(asked: _Asked, volunteer: Volunteer) -> Candidate:
    parts, details = _points(asked, volunteer, _distance(asked, volunteer))
    return Candidate(volunteer, _total(parts), _reasons(asked, volunteer, parts, details))


def exclusion(request: BuddyRequest, volunteer: Volunteer) -> str | None:
    """None when the volunteer passes every hard filter, else the (translated) reason they are excluded."""
    asked = _Asked(request)
    code = _excluded_by(asked, volunteer, _distance(asked, volunteer))
    return None if code is None else _exclusion_text(code, request, volunteer)


def score(request: BuddyRequest, volunteer: Volunteer) -> Candidate:
    """Score an eligible volunteer; every part of the score is explained in `reasons`."""
    return _candidate(_Asked(request), volunteer)


def _best(asked: _Asked, volunteers: Iterable[Volunteer], limit: int) -> list[tuple[float, Volunteer]]:
    """The `limit` best eligible volunteers as (score, volunteer), best first, ties by id."""
    role = asked.request.role
    scored = []
    for volunteer in volunteers:
        # The cheap filters inline: most volunteers stop here.
        if (
            role not in volunteer.roles
            or not volunteer.available
            or volunteer.capacity <= volunteer.active_matches
        ):
            continue
        if _outside_box(asked, volunteer):
            continue
        distance = _distance(asked, volunteer)
        if _excluded_by(asked, volunteer, distance) is not None:
            continue
        parts, _details = _points(asked, volunteer, distance)
        scored.append((-_total(parts), volunteer.id, volunteer))
    best = heapq.nsmallest(limit, scored, key=lambda item: (item[0], item[1]))
    return [(-negative, volunteer) for negative, _id, volunteer in best]


def rank(request: BuddyRequest, volunteers: Iterable[Volunteer], limit: int = 10) -> list[Candidate]:
    """The best `limit` eligible volunteers, best first (ties broken by id, deterministic)."""
    if limit <= 0:
        return []
    asked = _Asked(request)
    return [_candidate(asked, volunteer) for _score, volunteer in _best(asked, volunteers, limit)]


def _pools(volunteers: Iterable[Volunteer]) -> dict[tuple[str, bool, str], list[Volunteer]]:
    """Volunteers who could take anyone, by (role, VOG required, gender preference) of the requests
    they can serve: built once, so that each request of a batch looks only at its own pool."""
    pools: dict[tuple[str, bool, str], list[Volunteer]] = {}
    for volunteer in volunteers:
        if not volunteer.available or volunteer.capacity <= volunteer.active_matches:
            continue
        vog_options = (False, True) if volunteer.vog else (False,)
        gender_options = ("", volunteer.gender) if volunteer.gender else ("",)
        for role in volunteer.roles:
            for needs_vog in vog_options:
                for gender in gender_options:
                    pools.setdefault((role, needs_vog, gender), []).append(volunteer)
    return pools


def suggest_all(
    requests: Sequence[BuddyRequest], volunteers: Sequence[Volunteer], candidates_per_request: int = 50
) -> dict[int, Candidate]:
    """An optimal assignment for all open requests: maximises the total score, each volunteer gets at most
    (capacity - active_matches) requests, each request at most one volunteer; requests without an eligible
    volunteer are absent from the result.

    Optimal over each request's best `candidates_per_request` volunteers: a minimum-weight full
    bipartite matching (scipy) between requests and volunteer places, one place per free slot of a
    volunteer, plus one "no match" place per request so that leaving a request out is allowed.
    """
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import min_weight_full_bipartite_matching

    # Each volunteer once (by id), whatever the caller passed: a duplicate would add up its edges.
    pools = _pools({volunteer.id: volunteer for volunteer in volunteers}.values())
    unique_requests = list({request.id: request for request in requests}.values())
    shortlists = []
    for request in unique_requests:
        asked = _Asked(request)
        pool = pools.get((request.role, request.requires_vog, request.gender_preference), ())
        shortlists.append((asked, _best(asked, pool, candidates_per_request)))

    # Columns: the places of each shortlisted volunteer (no more than the requests that want them),
    # then one "no match" column per request.
    wanted: dict[int, int] = {}
    by_id: dict[int, Volunteer] = {}
    for _asked, shortlist in shortlists:
        for _score, volunteer in shortlist:
            wanted[volunteer.id] = wanted.get(volunteer.id, 0) + 1
            by_id[volunteer.id] = volunteer
    places: dict[int, range] = {}
    column_owner: list[int] = []
    for volunteer_id in sorted(wanted):
        count = min(by_id[volunteer_id].free_slots, wanted[volunteer_id])
        places[volunteer_id] = range(len(column_owner), len(column_owner) + count)
        column_owner.extend([volunteer_id] * count)
    no_match_start = len(column_owner)

    # Costs must be positive (scipy drops explicit zeros): cost = ceiling - score, and
    # "no match" costs the ceiling, so a match is chosen exactly when it adds score.
    ceiling = 1.0 + max((s for _a, shortlist in shortlists for s, _v in shortlist), default=0.0)
    rows, columns, costs = [], [], []
    for row, (_asked, shortlist) in enumerate(shortlists):
        for candidate_score, volunteer in shortlist:
            for column in places[volunteer.id]:
                rows.append(row)
                columns.append(column)
                costs.append(ceiling - candidate_score)
        rows.append(row)
        columns.append(no_match_start + row)
        costs.append(ceiling)
    if not shortlists:
        return {}
    graph = csr_matrix(
        (np.array(costs, dtype=float), (np.array(rows), np.array(columns))),
        shape=(len(shortlists), no_match_start + len(shortlists)),
    )
    matched_rows, matched_columns = min_weight_full_bipartite_matching(graph)

    result: dict[int, Candidate] = {}
    for row, column in zip(matched_rows.tolist(), matched_columns.tolist(), strict=True):
        if column >= no_match_start:
            continue
        asked = shortlists[row][0]
        result[asked.request.id] = _candidate(asked, by_id[column_owner[column]])
    return result
