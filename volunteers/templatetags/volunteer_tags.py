from django import template

from ..models import ErvaringsdeskundigeProfile
from ..vocabulary import slot_label

register = template.Library()


@register.inclusion_tag("volunteers/includes/own_language.html")
def own_language_contacts(location):
    """ "Talk to someone in your own language": only those who consented; never contact details."""
    people = (
        ErvaringsdeskundigeProfile.objects.filter(locations=location, show_on_location_pages=True)
        .prefetch_related("languages")
        .order_by("first_name")
    )
    return {
        "people": [
            {
                "first_name": person.first_name,
                "languages": [str(language) for language in person.languages.all()],
                "slots": [slot_label(slot) for slot in person.availability],
            }
            for person in people
        ]
    }
