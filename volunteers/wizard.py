"""The volunteer sign-up wizard: short steps, each saving what was filled in.

A step is done when its data is there, so a volunteer who comes back later
continues at the first unfinished step (the wizard keeps no state of its own).
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import forms
from .models.programmes import programmes_for_roles
from .vocabulary import PRIVACY_STATEMENT_VERSION


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type

    def is_done(self, profile):
        return DONE[self.slug](profile)


DONE = {
    "rollen": lambda p: bool(p.roles),
    "talen": lambda p: bool(p.languages),
    "wanneer": lambda p: bool(p.availability),
    "waar": lambda p: bool(p.postcode),
    "over-jou": lambda p: p.about_done,
    "toestemming": lambda p: p.consent_at is not None,
}

STEPS = [
    Step("rollen", _("What you would like to do"), forms.RolesForm),
    Step("talen", _("Your languages"), forms.LanguagesForm),
    Step("wanneer", _("When you can"), forms.AvailabilityForm),
    Step("waar", _("Where"), forms.WhereForm),
    Step("over-jou", _("About you"), forms.AboutForm),
    Step("toestemming", _("Consent"), forms.ConsentForm),
]
STEPS_BY_SLUG = {step.slug: step for step in STEPS}


def first_unfinished_step(profile):
    return next((step for step in STEPS if not step.is_done(profile)), None)


def initial_for(step, profile):
    if step.slug == "rollen":
        return {"roles": profile.roles}
    if step.slug == "wanneer":
        return {"availability": profile.availability}
    if step.slug == "waar":
        return {"postcode": profile.postcode, "max_distance_km": profile.max_distance_km}
    if step.slug == "over-jou":
        return {
            "interests": profile.interests,
            "gender": profile.gender,
            "max_matches": profile.max_matches,
            "motivation": profile.motivation,
        }
    return {}


def form_for(step, profile, data=None):
    if step.slug == "talen":
        return forms.LanguagesForm(data, languages=profile.languages)
    return step.form_class(data, initial=initial_for(step, profile))


def save_step(step, profile, data):
    """Store a valid step's cleaned data on the profile."""
    if step.slug == "rollen":
        profile.roles = data["roles"]
        profile.save()
        # Joining the programmes that match these roles is what lets their coordinators see the profile.
        profile.programmes.set(programmes_for_roles(profile.roles))
        return
    if step.slug == "talen":
        profile.languages = data["languages"]
    elif step.slug == "wanneer":
        profile.availability = data["availability"]
    elif step.slug == "waar":
        area = data["postcode"]
        profile.postcode, profile.wijk = area.postcode, area.wijk
        profile.latitude, profile.longitude = area.lat, area.lon
        profile.max_distance_km = data["max_distance_km"]
    elif step.slug == "over-jou":
        profile.interests = data["interests"]
        profile.gender = data["gender"] or ""
        profile.max_matches = data["max_matches"]
        profile.motivation = data["motivation"]
        profile.about_done = True
    elif step.slug == "toestemming":
        profile.consent_at = timezone.now()
        profile.consent_version = PRIVACY_STATEMENT_VERSION
    profile.save()
