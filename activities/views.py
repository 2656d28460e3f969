import json
from collections import defaultdict
from datetime import timedelta

from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, F, Sum
from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.http import urlencode
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from home.translation import show_in_visitor_language
from locations.geojson import feature, feature_collection
from locations.models import LocationPage

from . import ical
from .listing import ActivityFilterForm, Window, filter_occurrences
from .models import ActivityIndexPage, ActivityPage, Occurrence, Registration
from .schedule import AMSTERDAM

PAGE_SIZE = 20
FEED_HISTORY_DAYS = 30
GEOJSON_LIMIT = 2000


def _filter_form(request):
    form = ActivityFilterForm(request.GET or None)
    form.is_valid()  # valid filters apply; the form shows errors for the rest
    return form


def _with_related(occurrences):
    return occurrences.select_related("activity", "activity__activity_type", "location").prefetch_related(
        "activity__languages"
    )


def activity_listing(request, index_page):
    form = _filter_form(request)
    occurrences, distances, messages = filter_occurrences(form)
    occurrences = _with_related(occurrences).order_by("start", "activity__title", "pk")
    page_obj = Paginator(occurrences, PAGE_SIZE).get_page(request.GET.get("page"))
    for occurrence in page_obj:
        occurrence.day = occurrence.start.astimezone(AMSTERDAM).date()
        occurrence.distance = distances.get(occurrence.location_id)
    show_in_visitor_language([o.activity for o in page_obj] + [o.location for o in page_obj])
    show_map = request.GET.get("view") == "map"
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("view", None)
    context = {
        "page": index_page,
        "self": index_page,
        "form": form,
        "page_obj": page_obj,
        "messages_for_filters": messages,
        "window": Window(form.cleaned_data if form.is_bound else {}, timezone.now()),
        "show_map": show_map,
        "query_string": query.urlencode(),
        "feed_url": f"{index_page.url}agenda.ics" + (f"?{query.urlencode()}" if query else ""),
        "geojson_url": "/api/v1/activities.geojson" + (f"?{query.urlencode()}" if query else ""),
    }
    if show_map:
        context["map_geojson"] = _locations_with_counts(occurrences, request, query)
    return TemplateResponse(request, "activities/activity_index_page.html", context)


def _locations_with_counts(occurrences, request, query):
    """One marker per welkomhuis with the number of matching activities, linking to the filtered list."""
    counts = dict(
        occurrences.order_by().values("location_id").annotate(n=Count("id")).values_list("location_id", "n")
    )
    features = []
    locations = list(LocationPage.objects.filter(pk__in=list(counts)).order_by("title"))
    for location in show_in_visitor_language(locations):
        link = query.copy()
        link["location"] = location.pk
        count = counts[location.pk]
        label = ngettext("%(count)s activity", "%(count)s activities", count) % {"count": count}
        features.append(
            feature(location, request, {"listing_label": label, "listing_url": f"?{link.urlencode()}"})
        )
    return feature_collection(features)


def page_calendar(request, path, name):
    """<page>agenda.ics for the listing, a welkomhuis or an activity; <activity>/<date>.ics for one date.

    Wagtail serves only paths that end in a slash, so calendars have this URL of
    their own; it finds the published, public page the same way Wagtail would.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    page = site.root_page.specific.route(request, [part for part in path.split("/") if part]).page
    if not Page.objects.live().public().filter(pk=page.pk).exists():
        raise Http404
    page = page.specific
    if isinstance(page, ActivityPage) and not page.is_visible_to_visitors():
        raise Http404
    if name == "agenda":
        if isinstance(page, ActivityIndexPage):
            return listing_feed(request, page)
        if isinstance(page, ActivityPage):
            return activity_feed(request, page)
        if isinstance(page, LocationPage):
            return location_feed(request, page)
    elif isinstance(page, ActivityPage):
        return occurrence_ics(request, page, name)
    raise Http404


def listing_feed(request, index_page):
    form = _filter_form(request)
    occurrences, _distances, _messages = filter_occurrences(form, window=False)
    calendar = _calendar_for(occurrences, request, "Welkomhuizen Utrecht: activiteiten")
    return ical.response(calendar, "activiteiten.ics")


def activity_feed(request, activity):
    calendar = _calendar_for(Occurrence.objects.filter(activity=activity), request, activity.title)
    return ical.response(calendar, f"{activity.slug}.ics")


def location_feed(request, location):
    # Activities under this welkomhuis now (one that moved away keeps its history rows here).
    occurrences = Occurrence.objects.filter(activity__in=ActivityPage.objects.child_of(location))
    return ical.response(_calendar_for(occurrences, request, location.title), f"{location.slug}.ics")


def occurrence_ics(request, activity, day):
    try:
        key = parse_date(day)
    except ValueError:
        key = None
    if key is None:
        raise Http404
    occurrence = Occurrence.objects.filter(activity=activity, key=key).select_related("location").first()
    if occurrence is None:
        raise Http404
    calendar = ical.new_calendar(activity.title)
    calendar.add_component(ical.occurrence_event(activity, occurrence, request.build_absolute_uri))
    return ical.response(calendar, f"{activity.slug}-{day}.ics", download=True)


def _calendar_for(occurrences, request, name):
    """Every series with a date from a month ago onwards, with its overrides; a fixed number of queries."""
    since = timezone.now() - timedelta(days=FEED_HISTORY_DAYS)
    rows = list(
        occurrences.filter(end__gte=since, location__live=True).select_related("location").order_by("start")
    )
    by_activity = defaultdict(list)
    for row in rows:
        by_activity[row.activity_id].append(row)
    activities = (
        ActivityPage.objects.visible()
        .filter(pk__in=list(by_activity))
        .select_related("activity_type")
        .prefetch_related("schedule_changes")
        .order_by("pk")
    )
    calendar = ical.new_calendar(name)
    for activity in activities:
        activity_rows = by_activity[activity.pk]
        activity.location = activity_rows[-1].location  # the latest date: where it takes place now
        for event in ical.series_events(activity, activity_rows, request.build_absolute_uri):
            calendar.add_component(event)
    return calendar


@require_GET
def activities_geojson(request):
    """Upcoming occurrences (default: the next 7 days) with the listing's filters, as RFC 7946."""
    form = _filter_form(request)
    occurrences, _distances, _messages = filter_occurrences(form)
    # Plain values, not model instances: a week can hold a thousand dates.
    rows = list(
        occurrences.order_by("start", "pk").values_list(
            "pk",
            "start",
            "end",
            "status",
            "location_id",
            "activity__title",
            "activity__url_path",
            "activity__activity_type__slug",
        )[:GEOJSON_LIMIT]
    )
    places = {
        location.pk: feature(location, request)
        for location in LocationPage.objects.filter(pk__in={row[4] for row in rows})
    }
    root = Site.find_for_request(request).root_page.url_path  # page URLs are url_path below the site root
    origin = request.build_absolute_uri("/")[:-1]
    features = []
    for pk, start, end, status, location_id, title, url_path, type_slug in rows:
        place = places[location_id]
        features.append(
            {
                "type": "Feature",
                "id": pk,
                "geometry": place["geometry"],
                "properties": {
                    "name": title,
                    "location": place["properties"]["name"],
                    "type": type_slug,
                    "start": start.astimezone(AMSTERDAM).isoformat(),
                    "end": end.astimezone(AMSTERDAM).isoformat(),
                    "status": status,
                    "url": origin + url_path[len(root) - 1 :],
                    "location_url": place["properties"]["url"],
                },
            }
        )
    response = JsonResponse(
        feature_collection(features),
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


def activity_page_context(activity, request):
    now = timezone.now()
    location = activity.location
    upcoming = list(activity.occurrences.filter(end__gte=now).order_by("start")[:12])
    taken = (
        _people_registered([occurrence.pk for occurrence in upcoming]) if activity.takes_registrations else {}
    )
    for occurrence in upcoming:
        occurrence.day = occurrence.start.astimezone(AMSTERDAM).date()
        if activity.takes_registrations and occurrence.status == "scheduled" and occurrence.start > now:
            occurrence.register_url = reverse("activities:register", args=[occurrence.pk])
            if activity.places:
                occurrence.places_left = max(activity.places - taken.get(occurrence.pk, 0), 0)
    url = request.build_absolute_uri(activity.get_url(request))
    feed_url = request.build_absolute_uri(f"{activity.get_url(request)}agenda.ics")
    return {
        "location": location,
        "upcoming": upcoming,
        "next_occurrence": next((o for o in upcoming if o.status == "scheduled"), None),
        "location_geojson": feature_collection([feature(location, request)]),
        "feed_url": feed_url,
        "webcal_url": feed_url.replace("https://", "webcal://").replace("http://", "webcal://"),
        "share_url": url,
        "whatsapp_url": "https://wa.me/?" + urlencode({"text": f"{activity.title}: {url}"}),
        "json_ld": _json_ld(activity, location, upcoming[:6], url),
    }


def _people_registered(occurrence_ids):
    """{occurrence id: people with a place} in one query."""
    return dict(
        Registration.objects.filter(occurrence_id__in=occurrence_ids, status=Registration.Status.CONFIRMED)
        .values("occurrence")
        .annotate(people=Sum(F("adults") + F("children")))
        .values_list("occurrence", "people")
    )


def upcoming_at_location(location, request, days=14, limit=10):
    """The next activities at a welkomhuis, for its page."""
    now = timezone.now()
    occurrences = (
        Occurrence.objects.filter(
            location=location, activity__in=ActivityPage.objects.visible().values("pk"), end__gte=now
        )
        .filter(start__lt=now + timedelta(days=days))
        .select_related("activity", "activity__activity_type")
        .order_by("start")[:limit]
    )
    rows = list(occurrences)
    for occurrence in rows:
        occurrence.day = occurrence.start.astimezone(AMSTERDAM).date()
    return rows


def activities_url_for(location):
    """The activity listing, filtered to one welkomhuis, for the next 30 days."""
    index = ActivityIndexPage.objects.live().first()
    if index is None:
        return ""
    return f"{index.url}?{urlencode({'location': location.pk, 'when': 'month'})}"


def _json_ld(activity, location, occurrences, url):
    """schema.org Events for the coming dates, for search engines and apps."""
    place = {
        "@type": "Place",
        "name": location.title,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": location.street_address,
            "postalCode": location.postcode,
            "addressLocality": location.city,
            "addressCountry": "NL",
        },
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": location.coordinates[0],
            "longitude": location.coordinates[1],
        },
    }
    organizer = activity.organiser.name if activity.organiser_id else location.title
    languages = ["nl", *[language.code for language in activity.languages.all()]]
    events = []
    for occurrence in occurrences:
        cancelled = occurrence.status != "scheduled"
        events.append(
            {
                "@context": "https://schema.org",
                "@type": "Event",
                "name": activity.title,
                "description": activity.summary,
                "url": url,
                "startDate": occurrence.start.astimezone(AMSTERDAM).isoformat(),
                "endDate": occurrence.end.astimezone(AMSTERDAM).isoformat(),
                "eventStatus": "https://schema.org/EventCancelled"
                if cancelled
                else "https://schema.org/EventScheduled",
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "location": place,
                "organizer": {"@type": "Organization", "name": organizer},
                "isAccessibleForFree": activity.is_free,
                "offers": {
                    "@type": "Offer",
                    "price": f"{activity.price:.2f}",
                    "priceCurrency": "EUR",
                    "url": url,
                },
                "inLanguage": languages,
            }
        )
    return json.dumps(events, cls=DjangoJSONEncoder, ensure_ascii=False).replace("<", "\\u003c")
