"""The filters of /activiteiten/ (and its feed and GeoJSON), as one form and one query.

Every filter is a GET parameter, so a filtered list can be shared as a link.
The query has a fixed number of SQL statements whatever the number of results.
"""

from datetime import datetime, time, timedelta

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.geo import PostcodeLookupError, bounding_box, distance_km, postcode_location
from home.models import Language, Leefgebied, Wijk
from home.search import clean_query
from locations.models import LocationPage
from locations.validators import POSTCODE_RE

from .models import ActivityPage, ActivityType, Audience, DutchLevel, Occurrence
from .schedule import AMSTERDAM

WHEN_CHOICES = [("today", _("Today")), ("week", _("Next 7 days")), ("month", _("Next 30 days"))]
RADIUS_CHOICES = [("1", _("1 km")), ("3", _("3 km")), ("5", _("5 km")), ("10", _("10 km"))]
# "My Dutch": an activity suits you when it asks no more Dutch than you have.
LEVELS_FOR = {
    DutchLevel.NONE: [DutchLevel.NONE],
    DutchLevel.BASIC: [DutchLevel.NONE, DutchLevel.BASIC],
    DutchLevel.B1: [DutchLevel.NONE, DutchLevel.BASIC, DutchLevel.B1],
}


class ActivityFilterForm(forms.Form):
    mark_optional = False

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    when = forms.ChoiceField(label=_("When"), choices=WHEN_CHOICES, required=False)
    date = forms.DateField(
        label=_("Or a date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    type = forms.ChoiceField(label=_("What"), required=False)
    leefgebied = forms.ChoiceField(label=_("Topic"), required=False)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    level = forms.ChoiceField(
        label=_("My Dutch"),
        choices=[("", _("Any level")), *DutchLevel.choices],
        required=False,
    )
    audience = forms.ChoiceField(
        label=_("For"), choices=[("", _("Anyone")), *Audience.choices], required=False
    )
    wijk = forms.ChoiceField(label=_("Wijk"), choices=[("", _("All wijken")), *Wijk.choices], required=False)
    location = forms.TypedChoiceField(label=_("Welkomhuis"), coerce=int, empty_value=None, required=False)
    free = forms.BooleanField(label=_("Free only"), required=False)
    wheelchair = forms.BooleanField(label=_("Wheelchair accessible"), required=False)
    postcode = forms.CharField(
        label=_("Near postcode"),
        max_length=7,
        required=False,
        help_text=_("For example 3511 AB or 3511."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "text"}),
    )
    radius = forms.ChoiceField(label=_("Distance"), choices=RADIUS_CHOICES, initial="3", required=False)
    lat = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=50, max_value=54)
    lon = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=3, max_value=8)

    def __init__(self, data=None, **kwargs):
        if data is not None and not data.get("when"):
            data = data.copy()
            data["when"] = "week"  # the default period, also when other filters are set
        super().__init__(data, **kwargs)
        self.fields["when"].initial = "week"
        self.fields["type"].choices = [("", _("Everything"))] + [
            (t.slug, t.label) for t in ActivityType.objects.all()
        ]
        self.fields["leefgebied"].choices = [("", _("All topics"))] + [
            (t.slug, t.label) for t in Leefgebied.objects.all()
        ]
        self.fields["language"].choices = [("", _("Any language"))] + [
            (lang.code, str(lang)) for lang in Language.objects.all()
        ]
        self.fields["location"].choices = [("", _("All welkomhuizen"))] + list(
            LocationPage.objects.originals().live().public().order_by("title").values_list("pk", "title")
        )

    def clean_q(self):
        return clean_query(self.cleaned_data["q"])

    def clean_date(self):
        day = self.cleaned_data["date"]
        today = timezone.localdate()
        if day and not today - timedelta(days=366) <= day <= today + timedelta(days=366):
            raise forms.ValidationError(_("Choose a date within a year from today."))
        return day

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip()
        if postcode and not (POSTCODE_RE.match(postcode) or (postcode.isdigit() and len(postcode) == 4)):
            raise forms.ValidationError(_("Write a postcode like 3511 AB, or just 3511."))
        return postcode

    @property
    def data_or_initial(self):
        return self.cleaned_data if self.is_bound else {}

    @property
    def is_filtered(self):
        data = self.data_or_initial
        return any(data.get(name) for name in self.fields if name not in ("when", "radius"))


class Window:
    """The period the listing covers."""

    def __init__(self, data, now):
        today = now.astimezone(AMSTERDAM).date()
        self.date = data.get("date")
        self.when = "" if self.date else (data.get("when") or "week")
        if self.date:
            self.start = datetime.combine(self.date, time(0), tzinfo=AMSTERDAM)
            self.end = self.start + timedelta(days=1)
        else:
            self.start = now
            days = {"today": 1, "week": 7, "month": 30}[self.when]
            self.end = datetime.combine(today + timedelta(days=days), time(0), tzinfo=AMSTERDAM)


def filter_occurrences(form, now=None, window=True):
    """The occurrences that match the form's valid filters, and the distance to each welkomhuis.

    Returns (queryset, distances, messages). Invalid filters are left out (the
    form reports them); a postcode that cannot be looked up gives a message.
    """
    now = now or timezone.now()
    data = form.cleaned_data if form.is_bound else {}
    messages = []
    occurrences = Occurrence.objects.filter(
        activity__in=ActivityPage.objects.visible().values("pk"),
        location__live=True,
    )
    if window:
        period = Window(data, now)
        occurrences = occurrences.filter(end__gt=period.start, start__lt=period.end)
    activity_filters = Q()
    if data.get("type"):
        activity_filters &= Q(activity__activity_type__slug=data["type"])
    if data.get("leefgebied"):
        activity_filters &= Q(activity__leefgebieden__slug=data["leefgebied"])
    if data.get("language"):
        activity_filters &= Q(activity__languages__code=data["language"])
    if data.get("level"):
        activity_filters &= Q(activity__dutch_level__in=LEVELS_FOR[data["level"]])
    if data.get("audience"):
        activity_filters &= Q(activity__audience=data["audience"])
    if data.get("free"):
        activity_filters &= Q(activity__price=0)
    if data.get("wijk"):
        activity_filters &= Q(location__wijk=data["wijk"])
    if data.get("location"):
        activity_filters &= Q(location_id=data["location"])
    if data.get("wheelchair"):
        activity_filters &= Q(location__wheelchair_accessible=True)
    occurrences = occurrences.filter(activity_filters)
    if data.get("q"):
        matches = ActivityPage.objects.visible().search(data["q"], operator="and")[:1000]
        occurrences = occurrences.filter(activity_id__in=[page.pk for page in matches])
    distances = {}
    point = _point(data, messages)
    if point:
        radius = float(data.get("radius") or 3)
        distances = locations_within(*point, radius)
        occurrences = occurrences.filter(location_id__in=list(distances))
    return occurrences, distances, messages


def _point(data, messages):
    if data.get("lat") is not None and data.get("lon") is not None:
        return data["lat"], data["lon"]
    if data.get("postcode"):
        try:
            return postcode_location(data["postcode"])
        except PostcodeLookupError:
            messages.append(_("We could not look up that postcode just now. Choose a wijk instead."))
    return None


def locations_within(lat, lon, km):
    """{location id: distance in km} for live welkomhuizen within km of a point."""
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, km)
    candidates = (
        LocationPage.objects.originals()
        .live()
        .filter(latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon))
    )
    result = {}
    for pk, loc_lat, loc_lon in candidates.values_list("pk", "latitude", "longitude"):
        distance = distance_km(lat, lon, float(loc_lat), float(loc_lon))
        if distance <= km:
            result[pk] = round(distance, 1)
    return result
