"""Rooms at a welkomhuis, the coaches who book them, and the bookings.

A booking holds its room from ``start`` to ``occupied_until`` (its end plus
the room's buffer time at the moment of booking). No two active bookings of
a room may overlap there: booking.py checks it in a transaction that
serialises writers (SQLite: BEGIN IMMEDIATE), and on PostgreSQL an exclusion
constraint (migration 0006) makes it impossible even for a race.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .pages import LocationPage


def new_feed_token():
    return secrets.token_urlsafe(24)


class RoomManager(models.Manager):
    def get_queryset(self):
        # Translating a welkomhuis page copies its rooms onto the translation; the
        # Dutch page's rooms are the real ones (home/translation.py).
        return super().get_queryset().filter(page__locale__language_code=settings.LANGUAGE_CODE)


class Room(Orderable):
    """A room at a welkomhuis. Coaches book these; the welkomhuis's staff manage the bookings."""

    objects = RoomManager()

    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=80)
    capacity = models.PositiveSmallIntegerField(
        _("capacity"),
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text=_("How many people fit in the room."),
    )
    is_private = models.BooleanField(
        _("private"), default=False, help_text=_("A closed room for confidential conversations.")
    )
    has_screen = models.BooleanField(_("screen or projector"), default=False)
    wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=True)
    is_bookable = models.BooleanField(
        _("bookable"), default=True, help_text=_("Coaches and partners can book this room.")
    )
    needs_approval = models.BooleanField(
        _("bookings need approval"),
        default=False,
        help_text=_("A booking only counts once staff of this welkomhuis approve it."),
    )
    buffer_minutes = models.PositiveSmallIntegerField(
        _("time between bookings (minutes)"),
        default=0,
        validators=[MaxValueValidator(120)],
        help_text=_("For airing or tidying the room after each booking."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("capacity")]),
        FieldRowPanel(
            [
                FieldPanel("is_private"),
                FieldPanel("has_screen"),
                FieldPanel("wheelchair_accessible"),
            ]
        ),
        FieldRowPanel(
            [FieldPanel("is_bookable"), FieldPanel("needs_approval"), FieldPanel("buffer_minutes")]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("room")
        verbose_name_plural = _("rooms")

    def __str__(self):
        return f"{self.name} ({self.page.title})"

    @property
    def features(self):
        return [
            label
            for flag, label in (
                (self.is_private, _("private")),
                (self.has_screen, _("screen")),
                (self.wheelchair_accessible, _("wheelchair accessible")),
            )
            if flag
        ]


class Coach(models.Model):
    """Someone who books rooms: an inburgeringscoach, a VluchtelingenWerk or buurtteam worker.

    Having a Coach record is what makes a user a coach; their organisation is
    what residents see on a published consultation hour.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach")
    organisation = models.ForeignKey(
        "home.Organisation", on_delete=models.PROTECT, related_name="coaches", verbose_name=_("organisation")
    )
    is_active = models.BooleanField(_("may book rooms"), default=True)
    feed_token = models.CharField(max_length=40, unique=True, default=new_feed_token, editable=False)

    panels = [FieldPanel("user"), FieldPanel("organisation"), FieldPanel("is_active")]

    class Meta:
        verbose_name = _("coach")
        verbose_name_plural = _("coaches")

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    @property
    def name(self):
        return self.user.get_full_name() or self.user.email


class BookingSeries(models.Model):
    """What a coach booked in one go: one date, or the same hours every week or two until a date.

    The series keeps the intent (and whether it is a public consultation hour);
    its RoomBookings are the dates, each of which can be cancelled or moved to
    another room on its own.
    """

    class Repeat(models.IntegerChoices):
        ONCE = 0, _("Once")
        WEEKLY = 1, _("Every week")
        FORTNIGHTLY = 2, _("Every two weeks")

    class HowToJoin(models.TextChoices):
        WALK_IN = "walk-in", _("Walk in, no appointment needed")
        APPOINTMENT = "appointment", _("By appointment")

    coach = models.ForeignKey(Coach, on_delete=models.PROTECT, related_name="series")
    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="+", verbose_name=_("room"))
    first_date = models.DateField(_("date"))
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("until"))
    repeat = models.PositiveSmallIntegerField(_("repeat"), choices=Repeat.choices, default=Repeat.ONCE)
    until = models.DateField(_("repeat until"), null=True, blank=True)
    purpose = models.CharField(
        _("what for"),
        max_length=100,
        blank=True,
        help_text=_("Only you and the welkomhuis's staff see this. No names of clients."),
    )
    # A public consultation hour (spreekuur): shown to residents on /activiteiten/ and the map.
    is_public = models.BooleanField(_("public consultation hour"), default=False)
    public_title = models.CharField(_("title for residents"), max_length=100, blank=True)
    public_summary = models.CharField(_("short description for residents"), max_length=300, blank=True)
    how_to_join = models.CharField(
        _("how to join"), max_length=12, choices=HowToJoin.choices, default=HowToJoin.WALK_IN
    )
    languages = models.ManyToManyField("home.Language", blank=True, verbose_name=_("languages spoken"))
    show_coach_name = models.BooleanField(_("show my name"), default=False)
    language = models.CharField(max_length=8, default="nl", help_text="The language emails are written in.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("booking series")
        verbose_name_plural = _("booking series")

    def __str__(self):
        return f"{self.coach} {self.first_date} {self.start_time:%H:%M}"

    @property
    def public_name(self):
        return self.public_title or _("Consultation hour %(organisation)s") % {
            "organisation": self.coach.organisation
        }


class RoomBooking(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        CONFIRMED = "confirmed", _("booked")
        CANCELLED = "cancelled", _("cancelled")

    ACTIVE = (Status.PENDING, Status.CONFIRMED)

    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="bookings")
    series = models.ForeignKey(
        BookingSeries, on_delete=models.CASCADE, null=True, blank=True, related_name="bookings"
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    is_block = models.BooleanField(default=False, help_text="Staff closed the room for this time.")
    block_reason = models.CharField(_("reason"), max_length=100, blank=True)
    start = models.DateTimeField()
    end = models.DateTimeField()
    occupied_until = models.DateTimeField(help_text="The end plus the room's buffer time.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CONFIRMED)
    staff_message = models.CharField(max_length=300, blank=True, help_text="Why staff declined or cancelled.")
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by_staff = models.BooleanField(
        default=False,
        help_text="Staff cancelled or declined it: the coach cannot book the date again.",
    )

    class Meta:
        ordering = ["start"]
        verbose_name = _("room booking")
        verbose_name_plural = _("room bookings")
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="booking_ends_after_start"),
            models.CheckConstraint(
                condition=Q(occupied_until__gte=F("end")), name="booking_occupied_until_end"
            ),
        ]
        indexes = [models.Index(fields=["room", "start"]), models.Index(fields=["start"])]

    def __str__(self):
        return f"{self.room_id} {self.start:%Y-%m-%d %H:%M}-{self.end:%H:%M} {self.status}"

    @property
    def is_active(self):
        return self.status in self.ACTIVE


class BookingFeed(models.Model):
    """The private .ics feed of a welkomhuis's room bookings, for its staff. Revocable: a new token."""

    location = models.OneToOneField(LocationPage, on_delete=models.CASCADE, related_name="booking_feed")
    token = models.CharField(max_length=40, unique=True, default=new_feed_token)

    def __str__(self):
        return f"feed {self.location_id}"
