"""Welkomhuizen: their pages, opening hours, photos and staff, and the index with the map.

Page tree: HomePage -> LocationIndexPage ("Welkomhuizen") -> LocationPage -> ActivityPage.
Each LocationPage's subtree is what its staff group may edit (see permissions.py).
"""

from contextlib import suppress
from datetime import timedelta

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Collection, Orderable, Page, PageManager
from wagtail.search import index

from home.models import Wijk
from home.translation import SourcePageQuerySet, TranslatedPage, text_fields

from ..admin_forms import LocationPageForm
from ..geojson import feature, feature_collection
from ..opening_hours import AMSTERDAM, OpeningSchedule
from ..panels import CalendarImportStatusPanel
from ..validators import normalise_postcode, validate_latitude, validate_longitude, validate_postcode
from ..widgets import CoordinatePickerWidget


class LocationKind(models.TextChoices):
    LIBRARY = "bibliotheek", _("Library")
    BUURTHUIS = "buurthuis", _("Community centre (buurthuis)")
    PLAN_EINSTEIN = "plan-einstein", "Plan Einstein"
    WELCOME_CENTRE = "international-welcome-centre", "International Welcome Centre"
    OTHER = "other", _("Other")


class Facility(models.TextChoices):
    """What a welkomhuis offers; each value is the name of a boolean field on LocationPage."""

    WHEELCHAIR = "wheelchair_accessible", _("Wheelchair accessible")
    CHILDCARE = "has_childcare", _("Kids' corner or childcare")
    WIFI = "has_wifi", _("Free wifi")
    COFFEE = "has_coffee_tea", _("Coffee and tea")
    QUIET_ROOM = "has_quiet_room", _("Quiet room")
    INFORMATION_POINT = "has_information_point", _("Information point")


class LocationIndexPage(TranslatedPage, Page):
    translatable_fields = text_fields("intro")
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["locations.LocationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("welkomhuizen overview")

    def get_context(self, request, *args, **kwargs):
        from ..views import location_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(location_index_context(self, request))
        return context


class LocationPage(TranslatedPage, Page):
    translatable_fields = text_fields("intro", "description", "accessibility_notes")
    objects = PageManager.from_queryset(SourcePageQuerySet)()

    kind = models.CharField(_("kind of place"), max_length=40, choices=LocationKind.choices)
    intro = models.TextField(
        _("short introduction"),
        max_length=400,
        help_text=_("One or two short sentences in plain Dutch (B1): what can people do here?"),
    )
    description = RichTextField(_("description"), blank=True)

    street_address = models.CharField(_("street and number"), max_length=120)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[validate_postcode])
    city = models.CharField(_("city"), max_length=60, default="Utrecht")
    wijk = models.CharField(_("wijk"), max_length=20, choices=Wijk.choices)
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=6, validators=[validate_latitude]
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=6, validators=[validate_longitude]
    )
    accessibility_notes = models.CharField(
        _("how to get in"),
        max_length=250,
        blank=True,
        help_text=_("For example: entrance at the back, lift to the first floor, bus 8 stops in front."),
    )

    wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=False)
    has_childcare = models.BooleanField(_("kids' corner or childcare"), default=False)
    has_wifi = models.BooleanField(_("free wifi"), default=False)
    has_coffee_tea = models.BooleanField(_("coffee and tea"), default=False)
    has_quiet_room = models.BooleanField(_("quiet room"), default=False)
    has_information_point = models.BooleanField(_("information point"), default=False)
    languages = ParentalManyToManyField(
        "home.Language", blank=True, related_name="locations", verbose_name=_("languages spoken")
    )

    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    calendar_url = models.CharField(
        _("partner calendar (.ics)"),
        blank=True,
        max_length=500,
        validators=[URLValidator(schemes=["https", "http", "webcal"])],
        help_text=_(
            "The address of the agenda you already keep (Google Calendar, Outlook, ...) as an .ics "
            "link. Its events are imported as activities of this welkomhuis every hour."
        ),
    )

    base_form_class = LocationPageForm
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("description"),
        index.SearchField("street_address"),
        index.FilterField("wijk"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["locations.LocationIndexPage"]
    subpage_types = ["activities.ActivityPage"]

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("wheelchair_accessible"),
                FieldPanel("has_childcare"),
                FieldPanel("has_wifi"),
                FieldPanel("has_coffee_tea"),
                FieldPanel("has_quiet_room"),
                FieldPanel("has_information_point"),
            ],
            heading=_("Facilities"),
        ),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        InlinePanel("photos", label=_("Photos"), max_num=8),
    ]
    address_panels = [
        FieldPanel("street_address"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
        FieldPanel("wijk"),
        MultiFieldPanel(
            [
                FieldPanel("latitude", widget=CoordinatePickerWidget(longitude_field="longitude")),
                FieldPanel("longitude"),
            ],
            heading=_("Place on the map"),
            help_text=_("Click the map or drag the marker to the entrance; the numbers fill in."),
        ),
        FieldPanel("accessibility_notes"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")], heading=_("Contact")
        ),
    ]
    hours_panels = [
        InlinePanel("opening_hours", label=_("Opening hours"), heading=_("Every week")),
        InlinePanel(
            "opening_exceptions", label=_("Exception"), heading=_("Holidays, closures and special hours")
        ),
    ]
    room_panels = [InlinePanel("rooms", label=_("Room"), heading=_("Rooms"))]
    calendar_panels = [FieldPanel("calendar_url"), CalendarImportStatusPanel(heading=_("Last import"))]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(address_panels, heading=_("Address and map")),
            ObjectList(hours_panels, heading=_("Opening hours")),
            ObjectList(room_panels, heading=_("Rooms")),
            ObjectList(calendar_panels, heading=_("Agenda import")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("welkomhuis")
        verbose_name_plural = _("welkomhuizen")

    def clean(self):
        super().clean()
        # '3511ab' -> '3511 AB'; when invalid, the field's validator has already said what is wrong.
        with suppress(ValidationError):
            self.postcode = normalise_postcode(self.postcode)

    @property
    def facilities(self):
        """The labels of the facilities this welkomhuis has, in a fixed order."""
        return [label for field, label in Facility.choices if getattr(self, field)]

    @property
    def coordinates(self):
        return float(self.latitude), float(self.longitude)

    @cached_property
    def schedule(self):
        # Iterating .all() uses prefetched rows when the listing prefetched them.
        return OpeningSchedule(self.opening_hours.all(), self.opening_exceptions.all())

    def opening_state(self, moment=None):
        return self.schedule.state_at(moment or timezone.now())

    def directions_url(self):
        lat, lon = self.coordinates
        return f"https://www.openstreetmap.org/directions?route=%3B{lat}%2C{lon}#map=17/{lat}/{lon}"

    def get_context(self, request, *args, **kwargs):
        from activities.views import activities_url_for, upcoming_at_location
        from home.models.stories import recent_stories

        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate(timezone=AMSTERDAM)
        context["week"] = self.schedule.week(today)
        context["opening_state"] = self.opening_state()
        # Changes in the coming three months; further ahead is noise on a phone.
        context["upcoming_exceptions"] = (
            self.opening_exceptions.filter(date__lte=today + timedelta(days=90))
            .filter(models.Q(end_date__gte=today) | models.Q(end_date__isnull=True, date__gte=today))
            .order_by("date")[:6]
        )
        context["rooms"] = self.rooms.all()
        context["location_geojson"] = feature_collection([feature(self, request)])
        context["upcoming_activities"] = upcoming_at_location(self, request)
        context["activities_url"] = activities_url_for(self)
        context["stories"] = recent_stories(about_location=self)
        return context


class OpeningHours(Orderable):
    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=sorted(WEEKDAYS.items()))
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        super().clean()
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("The closing time must be later than the opening time.")})


class OpeningException(Orderable):
    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="opening_exceptions")
    date = models.DateField(_("date"))
    end_date = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Leave empty for a single day.")
    )
    closed = models.BooleanField(_("closed"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True, help_text=_("Only for special hours."))
    closes = models.TimeField(_("closes"), null=True, blank=True)
    reason = models.CharField(
        _("reason"), max_length=120, blank=True, help_text=_("Shown to visitors, e.g. 'Christmas'.")
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("end_date")]),
        FieldPanel("closed"),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("reason"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening exception")
        verbose_name_plural = _("opening exceptions")

    def clean(self):
        super().clean()
        errors = {}
        if self.date and self.end_date and self.end_date < self.date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        if not self.closed:
            if not (self.opens and self.closes):
                errors["opens"] = _("Fill in the special opening hours, or tick 'closed'.")
            elif self.closes <= self.opens:
                errors["closes"] = _("The closing time must be later than the opening time.")
        if errors:
            raise ValidationError(errors)


class LocationPhoto(Orderable):
    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=200,
        help_text=_(
            "What someone who cannot see the photo needs to know, e.g. 'The entrance of the library'."
        ),
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]


class LocationStaff(models.Model):
    """The staff group (and image collection) of a welkomhuis, created once when it is first published."""

    location = models.OneToOneField(LocationPage, on_delete=models.CASCADE, related_name="staff")
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="welkomhuis")
    collection = models.OneToOneField(
        Collection, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("welkomhuis staff group")

    def __str__(self):
        return self.group.name
