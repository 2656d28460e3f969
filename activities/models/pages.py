"""Activity pages, their types, and changes to single dates of their schedules."""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home.models import Icon, TranslatedNameMixin
from home.translation import SourcePageQuerySet, TranslatedPage, text_fields

from .. import schedule as schedule_module
from ..forms import ActivityPageForm
from ..panels import BookedNoticePanel, ImportedNoticePanel
from ..validators import validate_plausible_date


@register_snippet
class ActivityType(TranslatedNameMixin, models.Model):  # noqa: DJ008 - __str__ comes from the mixin
    """Taalcafé, spreekuur, workshop, ...: editable, each with an icon."""

    slug = models.SlugField(_("code"), unique=True)
    name = models.CharField(_("name"), max_length=60)
    icon = models.CharField(_("icon"), max_length=20, choices=Icon.choices, default=Icon.STAR)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("icon"), FieldPanel("sort_order")]

    CONSULTATION_HOUR = "spreekuur"  # needs an organisation, walk-in or by appointment

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("activity type")
        verbose_name_plural = _("activity types")


class DutchLevel(models.TextChoices):
    NONE = "none", _("No Dutch needed")
    BASIC = "a0-a2", _("A little Dutch (A0–A2)")
    B1 = "b1", _("Good Dutch (B1 and up)")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    WOMEN = "women", _("Women only")
    PARENTS = "parents", _("Parents with children")
    YOUNG = "young", _("Young people")
    NEWCOMERS = "newcomers", _("Newcomers only")


class HowToJoin(models.TextChoices):
    WALK_IN = "walk-in", _("Walk in, no need to register")
    REGISTER = "register", _("Register first")
    APPOINTMENT = "appointment", _("By appointment")


class HolidayClosure(models.TextChoices):
    NEVER = "", _("Also on holidays")
    PUBLIC = "public", _("Not on public holidays")
    PUBLIC_AND_SCHOOL = "public+school", _("Not on public holidays and school holidays (region Midden)")


class ActivityIndexPage(TranslatedPage, Page):
    """/activiteiten/: every upcoming activity of every welkomhuis, with filters, a map and feeds."""

    translatable_fields = text_fields("intro")

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("activities overview")

    def serve(self, request, *args, **kwargs):
        from ..views import activity_listing

        return activity_listing(request, self)


class ActivityPageQuerySet(SourcePageQuerySet):
    def visible(self):
        """What visitors may see: published, not behind a login or password, not hidden as stale."""
        return self.originals().live().public().filter(hidden_as_stale=False)


class ActivityPage(TranslatedPage, Page):
    translatable_fields = text_fields("summary", "description", "join_instructions", "image_alt")
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two short sentences in plain Dutch (B1): what happens, for whom."),
    )
    description = RichTextField(_("description"), blank=True)
    activity_type = models.ForeignKey(
        ActivityType, on_delete=models.PROTECT, related_name="activities", verbose_name=_("type")
    )
    leefgebieden = ParentalManyToManyField("home.Leefgebied", blank=True, verbose_name=_("leefgebieden"))
    languages = ParentalManyToManyField(
        "home.Language",
        blank=True,
        verbose_name=_("languages spoken"),
        help_text=_("Besides Dutch: which languages can people speak here?"),
    )
    dutch_level = models.CharField(
        _("Dutch level"), max_length=10, choices=DutchLevel.choices, default=DutchLevel.NONE
    )
    audience = models.CharField(
        _("for whom"), max_length=12, choices=Audience.choices, default=Audience.EVERYONE
    )
    price = models.DecimalField(
        _("price in euros"),
        max_digits=6,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("0 means free."),
    )
    how_to_join = models.CharField(
        _("how to join"), max_length=12, choices=HowToJoin.choices, default=HowToJoin.WALK_IN
    )
    places = models.PositiveSmallIntegerField(
        _("places per date"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "With 'register first', residents register on this site. Empty: no limit. "
            "When a date is full, new registrations go on a waiting list."
        ),
    )
    join_instructions = models.CharField(
        _("how to register or make an appointment"),
        max_length=200,
        blank=True,
        help_text=_("For example: call 030 123 45 67, or ask at the desk."),
    )
    room = models.ForeignKey(
        "locations.Room",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("room"),
    )
    organiser = models.ForeignKey(
        "home.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("organisation"),
        help_text=_("Who runs it. Required for a consultation hour (spreekuur)."),
    )
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    image_alt = models.CharField(
        _("alternative text"),
        max_length=200,
        blank=True,
        help_text=_("What someone who cannot see the image needs to know."),
    )

    # The schedule: see schedule.py. Times are wall-clock times in Europe/Amsterdam.
    start_date = models.DateField(
        _("date"), help_text=_("The (first) day."), validators=[validate_plausible_date]
    )
    start_time = models.TimeField(_("start time"), null=True, blank=True, help_text=_("Empty: all day."))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    end_date = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_("Only for one activity over several days."),
        validators=[validate_plausible_date],
    )
    recurrence = models.CharField(_("repeat rule"), max_length=500, blank=True, editable=False)
    holiday_closure = models.CharField(
        _("holidays"), max_length=16, blank=True, choices=HolidayClosure.choices, default=HolidayClosure.NEVER
    )

    # Upkeep of series; changed by tasks and the "still running" button, not by the editor.
    confirmed_at = models.DateTimeField(_("last confirmed"), null=True, blank=True, editable=False)
    stale_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    hidden_as_stale = models.BooleanField(default=False, editable=False)

    # Imported from a partner calendar (importer.py): the event's UID and a hash of what was imported.
    source_uid = models.CharField(max_length=255, blank=True, db_index=True, editable=False)
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    # A coach's room booking published as a consultation hour (spreekuur.py): the booking is the source.
    booking_series = models.ForeignKey(
        "locations.BookingSeries",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="activity_pages",
    )

    objects = PageManager.from_queryset(ActivityPageQuerySet)()

    base_form_class = ActivityPageForm
    search_auto_update = False  # indexed on publish and in batches: see indexing.py
    parent_page_types = ["locations.LocationPage"]
    subpage_types = []
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("activity_type"),
        index.FilterField("hidden_as_stale"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("activity_type"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("dutch_level"),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("leefgebieden", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("For whom"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("end_date"),
                FieldPanel("repeat"),
                FieldRowPanel([FieldPanel("repeat_interval"), FieldPanel("repeat_month_week")]),
                FieldPanel("repeat_weekdays"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
                FieldPanel("holiday_closure"),
            ],
            heading=_("When"),
        ),
        InlinePanel(
            "schedule_changes",
            label=_("Change to one date"),
            heading=_("Cancelled, moved or extra dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("how_to_join"),
                FieldPanel("places"),
                FieldPanel("join_instructions"),
                FieldPanel("price"),
                FieldPanel("room"),
                FieldPanel("organiser"),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
            ],
            heading=_("Practical"),
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        ImportedNoticePanel(
            content=_(
                "This activity comes from the welkomhuis's partner calendar. The next import "
                "overwrites changes made here: change it in that calendar instead."
            ),
            heading=_("Imported from a calendar"),
        ),
        BookedNoticePanel(
            content=_(
                "This consultation hour comes from a coach's room booking. Changes made here are "
                "overwritten when the booking changes: the coach changes it under 'Book a room'."
            ),
            heading=_("From a room booking"),
        ),
    ]

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def clean(self):
        super().clean()
        errors = {}
        same_day = not self.end_date or self.end_date == self.start_date
        if self.start_time and self.end_time and same_day and self.end_time <= self.start_time:
            errors["end_time"] = _("The end time must be later than the start time.")
        if self.end_time and not self.start_time:
            errors["start_time"] = _("Fill in a start time too, or leave both empty for all day.")
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        if (
            self.activity_type_id
            and self.activity_type.slug == ActivityType.CONSULTATION_HOUR
            and not self.organiser_id
            and not self.source_uid  # a partner's calendar names no organisation we know
        ):
            errors["organiser"] = _("Say which organisation holds this consultation hour.")
        if errors:
            raise ValidationError(errors)

    # --- what templates and feeds need ---

    @cached_property
    def location(self):
        return self.get_parent().specific

    @cached_property
    def schedule(self):
        return schedule_module.Schedule(
            start_date=self.start_date,
            start_time=self.start_time,
            end_time=self.end_time,
            end_date=self.end_date,
            rrule=self.recurrence,
            changes=tuple(change.as_change() for change in self.schedule_changes.all()),
            closed_on_holidays=bool(self.holiday_closure),
        )

    @property
    def is_free(self):
        return not self.price

    @property
    def takes_registrations(self):
        """Residents register on this site (rather than by phone, or not at all)."""
        return self.how_to_join == HowToJoin.REGISTER

    @property
    def is_imported(self):
        return bool(self.source_uid)

    def schedule_text(self):
        return schedule_module.describe(self.schedule)

    @property
    def schedule_parts(self):
        return schedule_module.describe_parts(self.schedule)

    def is_stale(self, now=None):
        """A series whose staff have not confirmed it is still running for three months."""
        if not self.recurrence or self.is_imported or self.booking_series_id:
            return False  # the source keeps it up to date
        confirmed = self.confirmed_at or self.first_published_at
        return confirmed is not None and confirmed < (now or timezone.now()) - timedelta(days=90)

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        if self.is_stale():
            return f"{title} — {_('still running? Please confirm')}"
        return title

    def is_visible_to_visitors(self):
        """Whether visitors may see this activity (its page, feeds): also its welkomhuis must be published."""
        return self.live and not self.hidden_as_stale and self.get_parent().live

    def serve(self, request, *args, **kwargs):
        if not self.is_visible_to_visitors():
            raise Http404  # hidden as stale, or its welkomhuis is offline
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..views import activity_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(activity_page_context(self, request))
        return context


class ScheduleChange(Orderable):
    class Kind(models.TextChoices):
        CANCELLED = "cancelled", _("Cancelled (visitors see why)")
        MOVED = "moved", _("Moved to another day or time")
        EXCLUDED = "excluded", _("Left out without notice")
        EXTRA = "extra", _("Extra date")

    page = ParentalKey(ActivityPage, on_delete=models.CASCADE, related_name="schedule_changes")
    date = models.DateField(
        _("date"),
        help_text=_("The date in the series (for an extra date: the new date)."),
        validators=[validate_plausible_date],
    )
    kind = models.CharField(_("what happens"), max_length=10, choices=Kind.choices, default=Kind.CANCELLED)
    reason = models.CharField(
        _("reason"), max_length=200, blank=True, help_text=_("Shown to visitors, e.g. 'The teacher is ill'.")
    )
    new_date = models.DateField(_("new date"), null=True, blank=True, validators=[validate_plausible_date])
    new_start_time = models.TimeField(_("new start time"), null=True, blank=True)
    new_end_time = models.TimeField(_("new end time"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldPanel("reason"),
        FieldRowPanel([FieldPanel("new_date"), FieldPanel("new_start_time"), FieldPanel("new_end_time")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("change to one date")
        verbose_name_plural = _("changes to single dates")

    def clean(self):
        super().clean()
        if self.kind == self.Kind.MOVED and not (self.new_date or self.new_start_time):
            raise ValidationError({"new_date": _("Fill in the new date or the new time.")})
        if self.new_start_time and self.new_end_time and self.new_end_time <= self.new_start_time:
            raise ValidationError({"new_end_time": _("The end time must be later than the start time.")})

    def as_change(self):
        return schedule_module.Change(
            date=self.date,
            kind=self.kind,
            reason=self.reason,
            new_date=self.new_date,
            new_start_time=self.new_start_time,
            new_end_time=self.new_end_time,
        )
