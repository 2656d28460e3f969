from django import forms
from django.utils.translation import gettext_lazy as _

from home.models import Wijk

from .models import Facility, LocationKind


class LocationFilterForm(forms.Form):
    """The filters above the list of welkomhuizen: a plain GET form, so links can be shared."""

    wijk = forms.ChoiceField(label=_("Wijk"), choices=[("", _("All wijken")), *Wijk.choices], required=False)
    kind = forms.ChoiceField(
        label=_("Kind of place"), choices=[("", _("All kinds")), *LocationKind.choices], required=False
    )
    facility = forms.MultipleChoiceField(
        label=_("Facilities"),
        choices=Facility.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    open_now = forms.BooleanField(label=_("Open now"), required=False)

    def filter(self, locations):
        """Apply the valid filters to a queryset; invalid ones are reported on the form and skipped."""
        data = self.cleaned_data if self.is_bound else {}
        if data.get("wijk"):
            locations = locations.filter(wijk=data["wijk"])
        if data.get("kind"):
            locations = locations.filter(kind=data["kind"])
        for field in data.get("facility") or ():
            locations = locations.filter(**{field: True})
        return locations

    @property
    def is_filtered(self):
        return self.is_bound and any(self.cleaned_data.get(name) for name in self.fields)


DURATIONS = [
    (30, _("half an hour")),
    (60, _("1 hour")),
    (90, _("1.5 hours")),
    (120, _("2 hours")),
    (180, _("3 hours")),
    (240, _("4 hours")),
]


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_input():
    return forms.TimeInput(attrs={"type": "time", "step": 900}, format="%H:%M")


def _bookable_date(value):
    """Today up to a year ahead: the dates booking.py accepts (and far-off dates cannot overflow)."""
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    if value < today:
        raise forms.ValidationError(_("This time has already passed."))
    if value > today + timedelta(days=366):
        raise forms.ValidationError(_("You can book up to a year ahead."))
    return value


class RoomSearchForm(forms.Form):
    """'A private room for an hour on Tuesday afternoon in Overvecht, for 3 people': a GET form."""

    date = forms.DateField(label=_("Date"), widget=_date_input())
    after = forms.TimeField(label=_("From"), widget=_time_input())
    before = forms.TimeField(label=_("Until"), widget=_time_input())
    duration = forms.TypedChoiceField(label=_("How long"), choices=DURATIONS, coerce=int, initial=60)
    people = forms.IntegerField(
        label=_("Number of people"), min_value=1, max_value=500, initial=1, required=False
    )
    wijk = forms.MultipleChoiceField(
        label=_("Wijk"),
        choices=Wijk.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: all of Utrecht."),
    )
    private = forms.BooleanField(label=_("Private room (for confidential talks)"), required=False)
    screen = forms.BooleanField(label=_("Screen or projector"), required=False)
    wheelchair = forms.BooleanField(label=_("Wheelchair accessible"), required=False)

    def clean_date(self):
        return _bookable_date(self.cleaned_data["date"])

    def clean_people(self):
        return self.cleaned_data["people"] or 1

    def clean(self):
        cleaned = super().clean()
        after, before, duration = cleaned.get("after"), cleaned.get("before"), cleaned.get("duration")
        if after and before and before <= after:
            self.add_error("before", _("The end time must be later than the start time."))
        elif after and before and duration:
            minutes = (before.hour * 60 + before.minute) - (after.hour * 60 + after.minute)
            if minutes < duration:
                self.add_error("duration", _("That does not fit between the two times."))
        return cleaned


class BookingForm(forms.Form):
    """One date, or the same hours every week or two until a date; optionally a public spreekuur."""

    mark_optional = True

    room = forms.IntegerField(widget=forms.HiddenInput)
    date = forms.DateField(label=_("Date"), widget=_date_input())
    start_time = forms.TimeField(label=_("From"), widget=_time_input())
    end_time = forms.TimeField(label=_("Until"), widget=_time_input())
    repeat = forms.TypedChoiceField(
        label=_("Repeat"),
        choices=[(0, _("Once")), (1, _("Every week")), (2, _("Every two weeks"))],
        coerce=int,
        initial=0,
        widget=forms.RadioSelect,
    )
    until = forms.DateField(label=_("Repeat until"), required=False, widget=_date_input())
    purpose = forms.CharField(
        label=_("What for"),
        max_length=100,
        required=False,
        help_text=_("Only you and the welkomhuis's staff see this. No names of clients."),
    )
    is_public = forms.BooleanField(
        label=_("Public consultation hour: show it to residents on the site"), required=False
    )
    public_title = forms.CharField(
        label=_("Title for residents"),
        max_length=100,
        required=False,
        help_text=_(
            "For example: Inloopspreekuur inburgering. Empty: 'Consultation hour' and your organisation."
        ),
    )
    public_summary = forms.CharField(
        label=_("Short description for residents"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    how_to_join = forms.ChoiceField(
        label=_("How residents join"),
        choices=[("walk-in", _("Walk in, no appointment needed")), ("appointment", _("By appointment"))],
        initial="walk-in",
        widget=forms.RadioSelect,
    )
    languages = forms.ModelMultipleChoiceField(
        label=_("Languages you speak there"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    show_coach_name = forms.BooleanField(label=_("Show my name to residents"), required=False)

    def __init__(self, *args, **kwargs):
        from home.models import Language

        super().__init__(*args, **kwargs)
        self.fields["languages"].queryset = Language.objects.all()

    def clean_date(self):
        return _bookable_date(self.cleaned_data["date"])

    def clean_until(self):
        until = self.cleaned_data["until"]
        return _bookable_date(until) if until else until

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end time must be later than the start time."))
        if cleaned.get("repeat") and not cleaned.get("until"):
            self.add_error("until", _("Until when? Fill in the last date."))
        return cleaned


class BlockForm(forms.Form):
    """Staff close a room for a while."""

    room = forms.IntegerField(widget=forms.HiddenInput)
    date = forms.DateField(label=_("Date"), widget=_date_input())
    start_time = forms.TimeField(label=_("From"), widget=_time_input())
    end_time = forms.TimeField(label=_("Until"), widget=_time_input())
    reason = forms.CharField(label=_("Reason"), max_length=100)

    def clean_date(self):
        return _bookable_date(self.cleaned_data["date"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end time must be later than the start time."))
        return cleaned
