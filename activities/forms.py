from datetime import timedelta

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from home.forms import ChoosableImagesPageForm

from . import schedule
from .validators import validate_plausible_date

REPEAT_CHOICES = [
    ("once", pgettext_lazy("repeat", "Once")),
    ("daily", pgettext_lazy("repeat", "Every day")),
    ("weekly", pgettext_lazy("repeat", "Every week")),
    ("monthly", pgettext_lazy("repeat", "Every month (same weekday)")),
]
CUSTOM = "custom"
MONTH_WEEK_CHOICES = [
    ("", _("Same as the first date")),
    ("1", _("First")),
    ("2", _("Second")),
    ("3", _("Third")),
    ("4", _("Fourth")),
    ("-1", _("Last")),
]
WEEKDAY_CHOICES = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]


class ActivityPageForm(ChoosableImagesPageForm):
    """The page form plus plain fields for the repeat rule, which is stored as RRULE text.

    A rule the fields cannot show (imported from a partner calendar) is kept as
    it is unless the editor picks another repeat option.
    """

    repeat = forms.ChoiceField(label=_("Repeat"), choices=REPEAT_CHOICES, initial="once")
    repeat_interval = forms.IntegerField(
        label=_("Every how many"),
        min_value=1,
        max_value=52,
        initial=1,
        required=False,
        help_text=_("2 with 'every week' means every other week."),
    )
    repeat_weekdays = forms.MultipleChoiceField(
        label=_("On which days (every week)"),
        choices=WEEKDAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Empty: the weekday of the first date."),
    )
    repeat_month_week = forms.ChoiceField(
        label=_("Which week of the month"), choices=MONTH_WEEK_CHOICES, required=False
    )
    repeat_until = forms.DateField(
        label=_("Until"),
        required=False,
        help_text=_("The last possible date."),
        validators=[validate_plausible_date],
    )
    repeat_count = forms.IntegerField(
        label=_("Or: how many times"), min_value=1, max_value=500, required=False
    )

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        self._init_repeat_fields()
        if "room" in self.fields:
            location = parent_page if self.instance._state.adding else self.instance.get_parent()
            self.fields["room"].queryset = self.fields["room"].queryset.filter(
                page_id=location.pk if location else None
            )

    def _init_repeat_fields(self):
        rule = self.instance.recurrence
        fields = schedule.describe_rrule(rule)
        if fields is None:
            self.fields["repeat"].choices = [
                *REPEAT_CHOICES,
                (CUSTOM, _("As imported: %(rule)s") % {"rule": rule}),
            ]
            self.initial.setdefault("repeat", CUSTOM)
            return
        self.initial.setdefault("repeat", fields["repeat"])
        self.initial.setdefault("repeat_interval", fields.get("interval", 1))
        self.initial.setdefault("repeat_weekdays", fields.get("weekdays", []))
        if fields.get("month_week"):
            self.initial.setdefault("repeat_month_week", str(fields["month_week"]))
        self.initial.setdefault("repeat_until", fields.get("until"))
        self.initial.setdefault("repeat_count", fields.get("count"))

    def clean(self):
        cleaned = super().clean()
        repeat = cleaned.get("repeat")
        start_date = cleaned.get("start_date")
        if repeat in (None, CUSTOM) or not start_date:
            return cleaned
        until, count = cleaned.get("repeat_until"), cleaned.get("repeat_count")
        if until and count:
            self.add_error("repeat_count", _("Choose an end date or a number of times, not both."))
        if until and until < start_date:
            self.add_error("repeat_until", _("The last date cannot be before the first date."))
        month_week = cleaned.get("repeat_month_week")
        if repeat == "monthly" and month_week == "" and start_date.day > 28:
            self.add_error(
                "repeat_month_week",
                _("The first date is in the fifth week of the month; choose 'last' or another week."),
            )
        self._check_first_date_fits(repeat, start_date, cleaned.get("repeat_weekdays"), month_week)
        if self.errors:
            return cleaned
        self.instance.recurrence = schedule.compose_rrule(
            repeat,
            interval=cleaned.get("repeat_interval") or 1,
            weekdays=cleaned.get("repeat_weekdays") or (),
            month_week=int(month_week) if month_week else None,
            until=until,
            count=count,
            start_date=start_date,
        )
        if self.instance.recurrence:
            try:
                schedule.parse_rule(self.instance.recurrence, start_date)
            except schedule.ScheduleError as error:
                self.add_error("repeat", str(error))
        return cleaned

    def _check_first_date_fits(self, repeat, start_date, weekdays, month_week):
        """The first date must be one of the series' dates: calendar apps count it as one either way."""
        weekday = formats.date_format(start_date, "l")
        if repeat == "weekly" and weekdays and schedule.WEEKDAY_CODES[start_date.weekday()] not in weekdays:
            self.add_error(
                "repeat_weekdays",
                _("The first date is a %(weekday)s: tick that day too, or choose another first date.")
                % {"weekday": weekday},
            )
        if repeat == "monthly" and month_week:
            position = int(month_week)
            fits = (
                (start_date + timedelta(days=7)).month != start_date.month
                if position == -1
                else (start_date.day - 1) // 7 + 1 == position
            )
            if not fits:
                self.add_error(
                    "repeat_month_week",
                    _("The first date is not on that %(weekday)s of the month; choose another first date.")
                    % {"weekday": weekday},
                )


PHONE_DIGITS = (8, 15)


class RegistrationForm(forms.Form):
    """A first name and one way to reach someone: no more (AVG)."""

    mark_optional = True

    first_name = forms.CharField(
        label=_("First name"), max_length=60, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        help_text=_("We send the confirmation and a reminder here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=20,
        required=False,
        help_text=_("If you have no email address: the welkomhuis can call you."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}),
    )
    adults = forms.IntegerField(label=_("Adults"), min_value=1, max_value=10, initial=1)
    children = forms.IntegerField(label=_("Children"), min_value=0, max_value=10, initial=0)
    submission = forms.UUIDField(widget=forms.HiddenInput)

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = sum(ch.isdigit() for ch in phone)
        allowed = set("0123456789+ -().")
        if phone and (not set(phone) <= allowed or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]):
            raise forms.ValidationError(_("Write a phone number with digits only, like 06 12345678."))
        return phone

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("email") and not cleaned.get("phone"):
            raise forms.ValidationError(_("Fill in an email address or a phone number, so we can reach you."))
        return cleaned


class StaffMessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=120)
    body = forms.CharField(label=_("Message"), max_length=2000, widget=forms.Textarea(attrs={"rows": 6}))
