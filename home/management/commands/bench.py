"""Measure what must stay fast, on the data in the database; one JSON object per figure.

    python manage.py seed_scale --locations 200 --activities 5000 --recurring 1000 --bookings 50000 --seed 1
    python manage.py bench --runs 20

Page figures are in-process GETs through Django's test client (no network),
warm: the median and 95th percentile of the runs, the number of SQL queries
and the response size. `make bench` does all this in a database of its own.
"""

import json
import random
import statistics
import time
from datetime import datetime, timedelta
from datetime import time as dt_time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event
from wagtail.models import Locale

from activities.importer import import_calendar
from activities.models import ActivityPage, Occurrence
from activities.occurrences import materialise
from activities.schedule import AMSTERDAM
from locations.booking import search
from locations.models import Coach, LocationIndexPage, LocationPage, Room, RoomBooking

WRITES = ("INSERT", "UPDATE", "DELETE")


class Command(BaseCommand):
    help = "Time the key pages, feeds, occurrence generation and calendar import; prints JSON lines."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20)
        parser.add_argument("--import-events", type=int, default=1000)
        parser.add_argument("--only", help="run only the figures whose name starts with this (e.g. matching)")

    def handle(self, *args, runs, import_events, only=None, **options):
        if only:
            # Only the matching figures can be chosen on their own for now.
            if "matching".startswith(only) or only.startswith("matching"):
                self.time_matching(runs)
            return
        self.emit(
            "data",
            welkomhuizen=LocationPage.objects.live().count(),
            activities=ActivityPage.objects.live().count(),
            occurrences=Occurrence.objects.count(),
        )
        busiest = (
            LocationPage.objects.live()
            .filter(occurrences__isnull=False)
            .order_by("-numchild", "path")
            .first()
        ) or LocationPage.objects.live().order_by("path").first()
        urls = {
            "home": "/",
            "welkomhuizen_index": "/welkomhuizen/",
            "activities_listing_first_page": "/activiteiten/",
            "activities_listing_in_arabic": "/ar/activiteiten/",  # the words looked up per translation
            "activities_listing_filtered": "/activiteiten/?when=month&type=taalcafe&level=a0-a2&free=on",
            "activities_geojson_next_7_days": "/api/v1/activities.geojson",
            "locations_geojson": "/api/v1/locations.geojson",
            "sitemap_first_page": "/sitemap-pages.xml",  # 700 addresses with their alternates
        }
        if busiest:
            urls["welkomhuis_page"] = busiest.url
            urls["welkomhuis_feed_12_months"] = f"{busiest.url}agenda.ics"
        for name, url in urls.items():
            self.emit(name, **self.time_get(url, runs))
        if RoomBooking.objects.exists():
            self.emit("room_search_all_rooms_one_day", **self.time_room_search(runs))
            coach = Coach.objects.order_by("pk").first()
            day = _next_tuesday()
            self.emit(
                "room_search_page_all_rooms_one_day",
                **self.time_get(
                    f"/ruimte-boeken/?date={day}&after=09:00&before=17:00&duration=60&people=1",
                    runs,
                    user=coach.user,
                ),
            )
        self.emit("monitoring_dashboard_year_live", **self.time_dashboard(runs, snapshots=False))
        self.emit("monitoring_dashboard_year", **self.time_dashboard(runs, snapshots=True))
        self.emit("regenerate_all_occurrences", **self.time_regeneration())
        self.emit("import_calendar", **self.time_import(import_events))
        self.time_matching(runs)

    def time_matching(self, runs):
        """Ranking for one request (adapter + engine, from the DB) and the assignment for all."""
        from volunteers import adapter
        from volunteers.models import BuddyRequest, VolunteerProfile

        requests = list(BuddyRequest.objects.filter(status="waiting").order_by("pk")[:runs])
        if not requests:
            return
        timings = []
        for buddy_request in requests:
            started = time.perf_counter()
            adapter.rank_for_request(buddy_request)
            timings.append((time.perf_counter() - started) * 1000)
        self.emit(
            "matching_rank_one_request",
            volunteers=VolunteerProfile.objects.count(),
            median_ms=round(statistics.median(timings), 1),
            goal_ms=100,
        )
        started = time.perf_counter()
        programme_ids = list(BuddyRequest.objects.values_list("programme_id", flat=True).distinct())
        suggestions = adapter.suggest_for_programmes(programme_ids)
        self.emit(
            "matching_suggest_all",
            requests=BuddyRequest.objects.filter(status="waiting").count(),
            matched=len(suggestions),
            seconds=round(time.perf_counter() - started, 2),
            goal_s=10,
        )

    def emit(self, figure, **values):
        self.stdout.write(json.dumps({"figure": figure, **values}))

    def time_get(self, url, runs, user=None):
        client = Client(HTTP_HOST="localhost")
        if user is not None:
            client.force_login(user)
        client.get(url)  # warm caches, as a running site has them
        timings = []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        timings.sort()
        return {
            "url": url,
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 1),
            "queries": len(queries.captured_queries),
            "bytes": len(response.content),
        }

    def time_dashboard(self, runs, snapshots):
        """The City's dashboard: a year (four quarters) for every welkomhuis, wijk and the city.

        Without snapshots every quarter is computed from the rows (the worst case,
        a new install); with them, as after the nightly task, only the open quarter is.
        Goal: under 1 s, and a number of queries that does not grow with the data.
        """
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from activities.models import Registration
        from monitoring.models import FigureSnapshot
        from monitoring.snapshots import take_snapshots

        if snapshots:
            take_snapshots()
        else:
            FigureSnapshot.objects.all().delete()
        user, _created = get_user_model().objects.get_or_create(email="bench-city@welkomhuis.example")
        user.groups.add(Group.objects.get(name="City"))
        result = self.time_get(reverse("monitoring_dashboard"), runs, user=user)
        return {
            "goal_ms": 1000,
            "registrations": Registration.objects.count(),
            "snapshots": FigureSnapshot.objects.count(),
            **result,
        }

    def time_room_search(self, runs):
        """Free stretches of an hour between 9 and 17, next Tuesday, over every room (booking.search)."""
        day = _next_tuesday()
        search(day, dt_time(9), dt_time(17), 60)  # warm
        timings = []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                results = search(day, dt_time(9), dt_time(17), 60)
                timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        return {
            "rooms": Room.objects.filter(is_bookable=True).count(),
            "bookings": RoomBooking.objects.count(),
            "bookings_that_day": RoomBooking.objects.filter(start__date=day).count(),
            "rooms_with_a_free_hour": len(results),
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 1),
            "queries": len(queries.captured_queries),
        }

    def time_regeneration(self):
        """All future occurrences deleted and generated again from the schedules, in one transaction."""
        with transaction.atomic():
            Occurrence.objects.filter(key__gte=timezone.localdate()).delete()
            started = time.perf_counter()
            counts = materialise()
            seconds = time.perf_counter() - started
        return {"seconds": round(seconds, 2), **counts}

    def time_import(self, events):
        """A synthetic partner feed of N events into a welkomhuis of its own, then the same feed again."""
        feed = synthetic_feed(events)
        index = LocationIndexPage.objects.get(locale=Locale.get_default())
        location = LocationPage.objects.filter(slug="bench-import").first()
        if location:
            location.delete()
        template = LocationPage.objects.live().exclude(slug="bench-import").first()
        location = LocationPage(
            title="Bench import",
            slug="bench-import",
            kind=template.kind,
            intro="Benchmark",
            street_address="Meetstraat 1",
            postcode="3511 AB",
            wijk=template.wijk,
            latitude=template.latitude,
            longitude=template.longitude,
        )
        index.add_child(instance=location)
        started = time.perf_counter()
        first = import_calendar(location, feed)
        first_seconds = time.perf_counter() - started
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            second = import_calendar(location, feed)
            second_seconds = time.perf_counter() - started
        writes = [q for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(WRITES)]
        location.delete()
        return {
            "events": events,
            "first_seconds": round(first_seconds, 2),
            "first": str(first),
            "second_seconds": round(second_seconds, 2),
            "second": str(second),
            "second_run_write_queries": len(writes),
        }


def _next_tuesday():
    today = timezone.localdate()
    return today + timedelta(days=(1 - today.weekday()) % 7 or 7)


def synthetic_feed(count, seed=1):
    """A partner calendar like a library keeps: mostly one-off events, a fifth weekly series."""
    rng = random.Random(seed)
    calendar = Calendar()
    calendar.add("prodid", "-//Welkomhuis benchmark//NL")
    calendar.add("version", "2.0")
    today = timezone.localdate()
    for n in range(count):
        event = Event()
        start = datetime.combine(
            today + timedelta(days=rng.randrange(1, 300)), datetime.min.time(), AMSTERDAM
        )
        start = start.replace(hour=rng.choice([10, 14, 19]))
        event.add("uid", f"bench-{n}@partner.example")
        event.add("summary", f"Activiteit {n}")
        event.add("description", "Een activiteit uit de agenda van een partner.")
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(hours=2))
        event.add("dtstamp", start)
        if n % 5 == 0:
            event.add("rrule", {"freq": "weekly"})
            event.add("exdate", start + timedelta(weeks=2))
        calendar.add_component(event)
    return calendar.to_ical()
