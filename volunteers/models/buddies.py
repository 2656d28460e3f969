"""Buddy requests and matches."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.models import Wijk

from ..vocabulary import (
    OPEN_MATCH_STATUSES,
    ROLES_REQUIRING_VOG,
    EndReason,
    GenderPreference,
    MatchStatus,
    RequestStatus,
    Role,
)


def new_key():
    return secrets.token_urlsafe(24)


class BuddyRequest(models.Model):
    """A newcomer asks for a taalmaatje or buddy. The least personal data: a first name, languages,
    a postcode area, when; no address, no case details (DESIGN.md, privacy)."""

    programme = models.ForeignKey(
        "volunteers.Programme", on_delete=models.PROTECT, related_name="requests", verbose_name=_("programme")
    )
    role = models.CharField(_("kind of help"), max_length=30, choices=Role.choices)
    first_name = models.CharField(_("first name"), max_length=60)
    languages = models.JSONField(_("languages spoken"), default=list)
    dutch_level = models.CharField(_("Dutch"), max_length=10)
    availability = models.JSONField(_("when"), default=list)
    postcode = models.CharField(_("postcode"), max_length=4)
    wijk = models.CharField(_("wijk"), max_length=20, choices=Wijk.choices, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    max_distance_km = models.PositiveSmallIntegerField(_("how far they can travel (km)"), default=5)
    gender_preference = models.CharField(
        _("preference"), max_length=10, choices=GenderPreference.choices, blank=True
    )
    interests = models.JSONField(_("interests"), default=list, blank=True)
    note = models.TextField(_("short note"), max_length=500, blank=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="filed_buddy_requests",
    )
    contact_email = models.EmailField(_("email address"), blank=True)
    contact_phone = models.CharField(_("phone number"), max_length=30, blank=True)
    language = models.CharField(max_length=10, default="nl")
    key = models.CharField(max_length=40, unique=True, default=new_key, editable=False)
    status = models.CharField(max_length=10, choices=RequestStatus.choices, default=RequestStatus.WAITING)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    matched_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("buddy request")
        verbose_name_plural = _("buddy requests")
        indexes = [models.Index(fields=["programme", "status", "created_at"])]

    def __str__(self):
        return f"{self.first_name} ({self.get_role_display()})"

    @property
    def requires_vog(self):
        return self.role in ROLES_REQUIRING_VOG


class Match(models.Model):
    request = models.ForeignKey(BuddyRequest, on_delete=models.CASCADE, related_name="matches")
    volunteer = models.ForeignKey(
        "volunteers.VolunteerProfile", on_delete=models.CASCADE, related_name="matches"
    )
    status = models.CharField(max_length=10, choices=MatchStatus.choices, default=MatchStatus.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    score = models.FloatField(null=True, blank=True)
    proposed_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.CharField(_("reason"), max_length=20, choices=EndReason.choices, blank=True)
    checkin_4_weeks_sent_at = models.DateTimeField(null=True, blank=True)
    checkin_3_months_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            # One volunteer at a time per request.
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(status__in=OPEN_MATCH_STATUSES),
                name="one_open_match_per_request",
            )
        ]

    def __str__(self):
        return f"{self.volunteer} ↔ {self.request.first_name}"
