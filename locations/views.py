from datetime import timedelta

from django.db.models import Prefetch, Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from home.translation import show_in_visitor_language

from .forms import LocationFilterForm
from .geojson import feature, feature_collection
from .models import LocationPage, OpeningException
from .opening_hours import AMSTERDAM, LOOKAHEAD_DAYS


def published_locations():
    """Live, public welkomhuizen with what their cards need, in a constant number of queries."""
    today = timezone.localdate(timezone=AMSTERDAM)
    relevant_exceptions = OpeningException.objects.filter(
        date__lte=today + timedelta(days=LOOKAHEAD_DAYS)
    ).filter(Q(end_date__gte=today) | Q(end_date__isnull=True, date__gte=today))
    return (
        LocationPage.objects.originals()
        .live()
        .public()
        .order_by("title")
        .prefetch_related(
            "opening_hours",
            Prefetch("opening_exceptions", queryset=relevant_exceptions),
            "languages",
        )
    )


def location_index_context(index_page, request):
    form = LocationFilterForm(request.GET or None)
    form.is_valid()  # fills cleaned_data with the valid filters and errors for the rest
    locations = form.filter(published_locations().descendant_of(index_page))
    now = timezone.now()
    results = []
    for location in locations:
        location.state = location.opening_state(now)
        if form.is_bound and form.cleaned_data.get("open_now") and not location.state.is_open:
            continue
        results.append(location)
    show_in_visitor_language(results)
    geojson = feature_collection(
        feature(location, request, {"open": location.state.is_open}) for location in results
    )
    return {"form": form, "locations": results, "locations_geojson": geojson}


@require_GET
def locations_geojson(request):
    """All published welkomhuizen as an RFC 7946 FeatureCollection."""
    locations = LocationPage.objects.originals().live().public().order_by("title")
    response = JsonResponse(
        feature_collection(feature(location, request) for location in locations),
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response
