"""Volunteers and buddy requests at scale in the database (seed_scale), from scale.py's populations."""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.models import Organisation

from .models import BuddyRequest, Programme, VolunteerProfile
from .scale import ROLES, random_requests, random_volunteers
from .vocabulary import VogStatus, slot_key


def _slots(slots):
    return sorted(slot_key(weekday, part) for weekday, part in slots)


def seed_volunteers(volunteer_count, request_count, rng: random.Random):
    """One programme for every role, `volunteer_count` profiles and `request_count` waiting requests."""
    programme, _created = Programme.objects.get_or_create(
        name="Scale programme", defaults={"organisation": Organisation.objects.first(), "roles": list(ROLES)}
    )
    now = timezone.now()
    User = get_user_model()
    population = random_volunteers(volunteer_count, rng)
    users = User.objects.bulk_create(
        [
            User(email=f"scale-volunteer-{v.id}@example.org", first_name=f"V{v.id}", password="!")
            for v in population
        ]
    )
    profiles = VolunteerProfile.objects.bulk_create(
        [
            VolunteerProfile(
                user=user,
                roles=sorted(v.roles),
                languages=v.languages,
                availability=_slots(v.availability),
                postcode="3511",
                latitude=v.lat,
                longitude=v.lon,
                max_distance_km=int(v.max_distance_km),
                interests=sorted(v.interests),
                gender=v.gender,
                max_matches=v.capacity,
                open_matches=v.active_matches,
                vog_status=VogStatus.VALID if v.vog else VogStatus.NONE,
                about_done=True,
                consent_at=now if v.available else None,
            )
            for user, v in zip(users, population, strict=True)
        ]
    )
    Through = VolunteerProfile.programmes.through
    Through.objects.bulk_create(
        [Through(volunteerprofile_id=p.pk, programme_id=programme.pk) for p in profiles]
    )
    asked = random_requests(request_count, rng)
    requests = BuddyRequest.objects.bulk_create(
        [
            BuddyRequest(
                programme=programme,
                role=r.role,
                first_name=f"N{r.id}",
                languages=sorted(r.languages),
                dutch_level=r.dutch_level,
                availability=_slots(r.availability),
                postcode="3511",
                latitude=r.lat,
                longitude=r.lon,
                max_distance_km=int(r.max_distance_km),
                gender_preference=r.gender_preference,
                interests=sorted(r.interests),
            )
            for r in asked
        ]
    )
    for row, r in zip(requests, asked, strict=True):
        row.created_at = now - timedelta(days=r.waiting_days)
    BuddyRequest.objects.bulk_update(requests, ["created_at"], batch_size=500)
    return profiles, requests
