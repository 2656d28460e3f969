"""Model rows → the matching engine's dataclasses, in a constant number of queries.

A request's candidates are the volunteers of its programme who offer its role; one query reads
them (lists are JSON on the profile row, the VOG status and open-match counter are columns),
so ranking costs the same number of queries for 100 or 10,000 volunteers.
"""

from django.db.models import F, Q
from django.utils import timezone

from . import matching
from .models import BuddyRequest, VolunteerProfile
from .vocabulary import RequestStatus, VogStatus, parse_slot

VOLUNTEER_FIELDS = (
    "id",
    "roles",
    "languages",
    "availability",
    "latitude",
    "longitude",
    "max_distance_km",
    "interests",
    "gender",
    "max_matches",
    "open_matches",
    "vog_status",
    "consent_at",
    "paused_until",
    "withdrawn_at",
)


def _slots(keys):
    return frozenset(parse_slot(key) for key in keys)


def volunteer_from_row(row, today):
    return matching.Volunteer(
        id=row["id"],
        roles=frozenset(row["roles"]),
        languages=dict(row["languages"]),
        availability=_slots(row["availability"]),
        lat=row["latitude"],
        lon=row["longitude"],
        max_distance_km=float(row["max_distance_km"]),
        interests=frozenset(row["interests"]),
        gender=row["gender"],
        capacity=row["max_matches"],
        active_matches=row["open_matches"],
        vog=row["vog_status"] == VogStatus.VALID,
        available=(
            row["consent_at"] is not None
            and row["withdrawn_at"] is None
            and not (row["paused_until"] and row["paused_until"] >= today)
        ),
    )


def request_from_model(buddy_request, now=None):
    now = now or timezone.now()
    return matching.BuddyRequest(
        id=buddy_request.pk,
        role=buddy_request.role,
        languages=frozenset(buddy_request.languages),
        dutch_level=buddy_request.dutch_level,
        availability=_slots(buddy_request.availability),
        lat=buddy_request.latitude,
        lon=buddy_request.longitude,
        max_distance_km=float(buddy_request.max_distance_km),
        interests=frozenset(buddy_request.interests),
        gender_preference=buddy_request.gender_preference,
        waiting_days=max(0, (now - buddy_request.created_at).days),
        requires_vog=buddy_request.requires_vog,
    )


def volunteers_of_programmes(programme_ids):
    """Every volunteer of these programmes (one query); the engine filters and scores them."""
    today = timezone.localdate()
    rows = (
        VolunteerProfile.objects.filter(programmes__in=programme_ids, consent_at__isnull=False)
        .distinct()
        .values(*VOLUNTEER_FIELDS)
    )
    return [volunteer_from_row(row, today) for row in rows]


def eligible_for(buddy_request):
    """The cheap hard filters in SQL (the engine checks them again): the role, a place left,
    active and not paused, a VOG when needed. The role is matched in the JSON text with its
    quotes, so "buddy" does not match "gezinsbuddy"."""
    today = timezone.localdate()
    rows = VolunteerProfile.objects.filter(
        Q(paused_until__isnull=True) | Q(paused_until__lt=today),
        programmes=buddy_request.programme_id,
        consent_at__isnull=False,
        withdrawn_at__isnull=True,
        open_matches__lt=F("max_matches"),
        roles__icontains=f'"{buddy_request.role}"',
    )
    if buddy_request.requires_vog:
        rows = rows.filter(vog_status=VogStatus.VALID)
    return [volunteer_from_row(row, today) for row in rows.values(*VOLUNTEER_FIELDS)]


def rank_for_request(buddy_request, limit=10):
    """The best candidates for one request, with the engine's reasons, and their profiles."""
    volunteers = eligible_for(buddy_request)
    candidates = matching.rank(request_from_model(buddy_request), volunteers, limit=limit)
    profiles = VolunteerProfile.objects.select_related("user").in_bulk([c.volunteer.id for c in candidates])
    return [(candidate, profiles[candidate.volunteer.id]) for candidate in candidates]


def suggest_for_programmes(programme_ids):
    """An optimal assignment over all waiting requests of these programmes: {request id: Candidate}."""
    requests = list(BuddyRequest.objects.filter(programme__in=programme_ids, status=RequestStatus.WAITING))
    now = timezone.now()
    return matching.suggest_all(
        [request_from_model(r, now) for r in requests], volunteers_of_programmes(programme_ids)
    )
