from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .occurrence import Occurrence


class Registration(models.Model):
    """A resident's place (or place on the waiting list) at one date of an activity.

    Personal data is the least that works: a first name and one way to reach
    them. It is erased a while after the date (REGISTRATION_RETENTION_DAYS),
    leaving the counts the city's figures need.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("registered")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    ACTIVE = (Status.CONFIRMED, Status.WAITLISTED)

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    first_name = models.CharField(_("first name"), max_length=60, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True)
    adults = models.PositiveSmallIntegerField(
        _("adults"), default=1, validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    children = models.PositiveSmallIntegerField(
        _("children"), default=0, validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CONFIRMED)
    language = models.CharField(max_length=8, default="nl", help_text="The language emails are written in.")
    key = models.CharField(
        max_length=40, unique=True, null=True, help_text="Secret part of the personal link."
    )
    submission = models.UUIDField(
        unique=True, null=True, blank=True, help_text="Makes a double submit harmless."
    )
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [models.Index(fields=["occurrence", "status", "created_at"])]

    def __str__(self):
        return f"{self.first_name or '—'} ({self.get_status_display()})"

    @property
    def people(self):
        return self.adults + self.children

    @property
    def is_active(self):
        return self.status in self.ACTIVE


class Notification(models.Model):
    """An email that was sent about a registration. Unique, so a retried task never sends twice."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation"
        PROMOTED = "promoted"
        REMINDER = "reminder"
        CANCELLED = "cancelled"
        MESSAGE = "message"

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    ref = models.CharField(max_length=40, blank=True, help_text="What it was about, e.g. the message's id.")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["registration", "kind", "ref"], name="one_notification_each")
        ]

    def __str__(self):
        return f"{self.kind} {self.registration_id} {self.ref}"


class OccurrenceMessage(models.Model):
    """A message staff sent to everyone registered for a date (e.g. 'bring your own laptop')."""

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=120)
    body = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message to registrants")

    def __str__(self):
        return self.subject
