"""Volunteer and ervaringsdeskundige profiles."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models import Wijk

from ..vocabulary import Gender, VogStatus


class VolunteerProfile(models.Model):
    """What a volunteer offers. Filled step by step by the sign-up wizard (see wizard.py).

    Lists are JSON (roles, slots "0-morning", interest codes; languages as {code: level}) so the
    matching adapter reads a profile in one row, without a join per list.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer_profile"
    )
    programmes = models.ManyToManyField(
        "volunteers.Programme", blank=True, related_name="volunteers", verbose_name=_("programmes")
    )
    roles = models.JSONField(_("roles"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=dict, blank=True)
    availability = models.JSONField(_("availability"), default=list, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    wijk = models.CharField(_("wijk"), max_length=20, choices=Wijk.choices, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    max_distance_km = models.PositiveSmallIntegerField(_("how far I will travel (km)"), default=5)
    interests = models.JSONField(_("interests"), default=list, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    max_matches = models.PositiveSmallIntegerField(_("matches at once"), default=1)
    motivation = models.TextField(_("motivation"), max_length=1000, blank=True)
    about_done = models.BooleanField(default=False, editable=False)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    consent_version = models.CharField(_("privacy statement version"), max_length=20, blank=True)
    paused_until = models.DateField(_("paused until"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    vog_status = models.CharField(_("VOG"), max_length=10, choices=VogStatus.choices, default=VogStatus.NONE)
    vog_date = models.DateField(_("VOG date"), null=True, blank=True)
    vog_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Proposed and active matches. Kept as a counter so that taking the last place is one
    # conditional UPDATE (race-safe on SQLite and PostgreSQL alike, see matches.py).
    open_matches = models.PositiveSmallIntegerField(default=0, editable=False)
    language = models.CharField(
        max_length=10, default="nl", help_text=_("The language emails are written in.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")

    def __str__(self):
        return self.first_name

    @property
    def first_name(self):
        return self.user.first_name or self.user.email.split("@")[0]

    @property
    def is_complete(self):
        from ..wizard import first_unfinished_step

        return first_unfinished_step(self) is None

    def is_paused(self, today=None):
        return bool(self.paused_until and self.paused_until >= (today or timezone.localdate()))

    @property
    def is_available(self):
        return self.withdrawn_at is None and self.consent_at is not None and not self.is_paused()


class ErvaringsdeskundigeProfile(models.Model):
    """A former inburgeraar who helps newcomers. No account needed: a first name and an email address."""

    first_name = models.CharField(_("first name"), max_length=60)
    email = models.EmailField(_("email address"))
    languages = models.ManyToManyField("home.Language", related_name="+", verbose_name=_("languages"))
    year_of_arrival = models.PositiveSmallIntegerField(
        _("year you came to the Netherlands"), null=True, blank=True
    )
    wishes = models.JSONField(_("what I would like to do"), default=list)
    availability = models.JSONField(_("when I can"), default=list, blank=True)
    locations = models.ManyToManyField(
        "locations.LocationPage",
        blank=True,
        related_name="ervaringsdeskundigen",
        verbose_name=_("welkomhuizen"),
    )
    show_on_location_pages = models.BooleanField(_("may be shown on welkomhuis pages"), default=False)
    consent_version = models.CharField(max_length=20)
    language = models.CharField(
        max_length=10, default="nl", help_text=_("The language emails are written in.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["first_name"]
        verbose_name = _("ervaringsdeskundige")
        verbose_name_plural = _("ervaringsdeskundigen")

    def __str__(self):
        return self.first_name
