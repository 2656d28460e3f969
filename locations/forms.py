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
