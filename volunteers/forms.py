"""Forms of the volunteer wizard, the ervaringsdeskundige sign-up, buddy requests and the opportunity list."""

import secrets

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.models.pages import DutchLevel
from home.models import Language
from locations.models import LocationPage

from .postcodes import area_for
from .vocabulary import (
    SLOT_CHOICES,
    EndReason,
    ErvaringsdeskundigeWish,
    Gender,
    GenderPreference,
    Interest,
    LanguageLevel,
    Role,
    VogStatus,
)


class SlotsField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("When can you?"))
        super().__init__(choices=SLOT_CHOICES, **kwargs)


def language_field(label, required=False):
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=Language.objects.all(),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
        required=required,
    )


class PostcodeField(forms.CharField):
    """Four digits (letters allowed and ignored); cleans to a PostcodeArea of Utrecht."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Postcode"))
        kwargs.setdefault("help_text", _("The four digits are enough, for example 3512."))
        super().__init__(max_length=8, **kwargs)

    def clean(self, value):
        return area_for(super().clean(value))


# --- the volunteer wizard, one form per step -----------------------------------


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("What would you like to do?"), choices=Role.choices, widget=forms.CheckboxSelectMultiple
    )


class LanguagesForm(forms.Form):
    """Three lists of check boxes, one per level: works without JavaScript."""

    native = language_field(_("My native language(s)"))
    fluent = language_field(_("Languages I speak well"))
    basic = language_field(_("Languages I speak a little"))

    def __init__(self, *args, languages=None, **kwargs):
        if languages:
            kwargs.setdefault(
                "initial",
                {
                    level: [code for code, lvl in languages.items() if lvl == level]
                    for level in LanguageLevel.values
                },
            )
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        languages = {}
        # The best level wins when a language is ticked twice.
        for level in reversed(LanguageLevel.values):
            for language in data.get(level) or []:
                languages[language.code] = level
        if not languages:
            raise forms.ValidationError(_("Tick at least one language."))
        data["languages"] = languages
        return data


class AvailabilityForm(forms.Form):
    availability = SlotsField()


class WhereForm(forms.Form):
    postcode = PostcodeField()
    max_distance_km = forms.IntegerField(
        label=_("How far will you travel (km)?"), min_value=1, max_value=30, initial=5
    )


class AboutForm(forms.Form):
    mark_optional = True
    interests = forms.MultipleChoiceField(
        label=_("What do you like to do?"),
        choices=Interest.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    gender = forms.ChoiceField(
        label=_("Gender"),
        choices=Gender.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Only used when a newcomer asks for a woman or a man."),
    )
    max_matches = forms.IntegerField(label=_("How many people at once?"), min_value=1, max_value=5, initial=1)
    motivation = forms.CharField(
        label=_("Why do you want to help?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        required=False,
    )


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_("I agree that the coordinators of the programme use my details to find a match for me."),
        required=True,
        error_messages={"required": _("Without your consent we cannot match you.")},
    )


class PauseForm(forms.Form):
    paused_until = forms.DateField(
        label=_("Pause until"),
        widget=forms.DateInput(attrs={"type": "date"}),
        required=False,
        help_text=_("Leave empty to stop the pause."),
    )


# --- ervaringsdeskundigen ------------------------------------------------------


class ErvaringsdeskundigeForm(forms.Form):
    mark_optional = True
    first_name = forms.CharField(label=_("First name"), max_length=60)
    email = forms.EmailField(label=_("Email address"), help_text=_("Only for invitations. Never shown."))
    languages = language_field(_("Languages you speak"), required=True)
    year_of_arrival = forms.IntegerField(
        label=_("Year you came to the Netherlands"), min_value=1950, max_value=2100, required=False
    )
    wishes = forms.MultipleChoiceField(
        label=_("What would you like to do?"),
        choices=ErvaringsdeskundigeWish.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    availability = SlotsField(required=False)
    locations = forms.ModelMultipleChoiceField(
        label=_("Welkomhuizen near you"),
        queryset=LocationPage.objects.originals().live().order_by("title"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    show_on_location_pages = forms.BooleanField(
        label=_("Show my first name, languages and when I am there on the page of these welkomhuizen."),
        required=False,
    )
    consent = forms.BooleanField(
        label=_("I agree that the city and its partners keep these details to invite me."),
        error_messages={"required": _("Without your consent we cannot keep your details.")},
    )


# --- buddy requests ------------------------------------------------------------


class BuddyRequestForm(forms.Form):
    mark_optional = True
    role = forms.ChoiceField(label=_("What kind of help?"), choices=Role.choices, widget=forms.RadioSelect)
    first_name = forms.CharField(label=_("First name"), max_length=60)
    languages = language_field(_("Languages spoken"), required=True)
    dutch_level = forms.ChoiceField(label=_("Dutch"), choices=DutchLevel.choices, widget=forms.RadioSelect)
    availability = SlotsField()
    postcode = PostcodeField()
    gender_preference = forms.ChoiceField(
        label=_("Preference for the volunteer"),
        choices=GenderPreference.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    interests = forms.MultipleChoiceField(
        label=_("Interests"), choices=Interest.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    note = forms.CharField(
        label=_("Short note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        required=False,
        help_text=_("No address, no medical or case details."),
    )


class NewcomerContactForm(forms.Form):
    """A newcomer filing for themselves leaves one way to reach them."""

    contact_email = forms.EmailField(label=_("Email address"), required=False)
    contact_phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)

    def clean(self):
        data = super().clean()
        if not data.get("contact_email") and not data.get("contact_phone"):
            raise forms.ValidationError(_("Fill in an email address or a phone number, so we can reach you."))
        return data


class NewcomerBuddyRequestForm(NewcomerContactForm, BuddyRequestForm):
    pass


# --- the public list -----------------------------------------------------------


class OpportunityFilterForm(forms.Form):
    role = forms.ChoiceField(label=_("Kind of work"), choices=[("", _("All"))] + Role.choices, required=False)
    language = forms.ModelChoiceField(
        label=_("Language"),
        queryset=Language.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All"),
    )
    no_vog = forms.BooleanField(label=_("No VOG needed"), required=False)


class InterestForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=80)
    email = forms.EmailField(label=_("Email address"))
    message = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000, required=False
    )


# --- coordinator screens in the Wagtail admin ------------------------------------


class VolunteerFilterForm(forms.Form):
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=None, required=False, empty_label=_("All")
    )
    vog_status = forms.ChoiceField(
        label=_("VOG"), choices=[("", _("All"))] + VogStatus.choices, required=False
    )

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes


class VogForm(forms.Form):
    vog_status = forms.ChoiceField(label=_("VOG"), choices=VogStatus.choices)
    vog_date = forms.DateField(
        label=_("VOG date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The date on the certificate, or when it was requested."),
    )

    def clean_vog_date(self):
        value = self.cleaned_data["vog_date"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("This date is in the future. Fill in the date on the certificate."))
        return value

    def clean(self):
        data = super().clean()
        if (
            data.get("vog_status") == VogStatus.VALID
            and not data.get("vog_date")
            and "vog_date" not in self.errors
        ):
            self.add_error("vog_date", _("A valid VOG needs the date on the certificate."))
        return data


class EndMatchForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=EndReason.choices)


class InviteFilterForm(forms.Form):
    language = forms.ModelChoiceField(
        label=_("Language"),
        queryset=Language.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All"),
    )
    wish = forms.ChoiceField(
        label=_("What they would like to do"),
        choices=[("", _("All"))] + ErvaringsdeskundigeWish.choices,
        required=False,
    )
    location = forms.ModelChoiceField(
        label=_("Welkomhuis"),
        queryset=LocationPage.objects.originals().live().order_by("title"),
        required=False,
        empty_label=_("All"),
    )


class InviteMessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}), max_length=5000)
    # A fresh value per form shown: the same form sent twice (a double click) is recognised.
    once = forms.CharField(widget=forms.HiddenInput, max_length=40, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"once": secrets.token_urlsafe(16)})
        super().__init__(*args, **kwargs)
