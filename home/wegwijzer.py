"""The coming activities on a wegwijzer page's leefgebied, near the visitor or citywide.

This is /activiteiten/'s own filter (activities.listing) with the leefgebied
fixed by the page and the next 30 days: the same near-me logic (postcode via
PDOK, or a wijk) and the same fixed number of queries.
"""

from django.utils.http import urlencode

from activities.schedule import AMSTERDAM

NEAR_FIELDS = ("postcode", "wijk", "radius")
LIMIT = 10


def activities_for(leefgebied, request):
    """Context for a wegwijzer page: the near-me form, up to LIMIT occurrences and any messages."""
    from activities.listing import ActivityFilterForm, filter_occurrences
    from activities.models import ActivityIndexPage
    from activities.views import _with_related

    asked = {name: request.GET[name] for name in NEAR_FIELDS if request.GET.get(name)}
    form = ActivityFilterForm({"radius": "3", **asked, "leefgebied": leefgebied.slug, "when": "month"})
    form.is_valid()  # a bad postcode is reported on the form; the list is then citywide
    occurrences, distances, messages = filter_occurrences(form)
    rows = list(_with_related(occurrences).order_by("start", "activity__title", "pk")[:LIMIT])
    for occurrence in rows:
        occurrence.day = occurrence.start.astimezone(AMSTERDAM).date()
        occurrence.distance = distances.get(occurrence.location_id)
    cleaned = form.cleaned_data
    index = ActivityIndexPage.objects.live().first()
    listing_query = {"leefgebied": leefgebied.slug, "when": "month"}
    listing_query.update(
        {name: cleaned[name] for name in NEAR_FIELDS if cleaned.get(name) and asked.get(name)}
    )
    return {
        "near_form": form,
        "is_near": bool(distances or cleaned.get("wijk")),
        "occurrences": rows,
        "messages_for_filters": messages,
        "all_activities_url": f"{index.url}?{urlencode(listing_query)}" if index else "",
    }
