"""Measure the pages that must stay fast, on the data in the database.

    python manage.py seed_scale --locations 200 --seed 1
    python manage.py bench --runs 20

Prints one JSON object: per URL the median and 95th-percentile time of an
in-process GET (no network), the number of SQL queries and the response size.
Later features add their URLs here.
"""

import json
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from locations.models import LocationPage

DEFAULT_HOST = "localhost"


class Command(BaseCommand):
    help = "Time the key public pages and API endpoints; prints JSON."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, runs, **options):
        location = LocationPage.objects.live().order_by("path").first()
        urls = {
            "welkomhuizen_index": "/welkomhuizen/",
            "welkomhuizen_filtered": "/welkomhuizen/?wijk=overvecht&facility=has_wifi&open_now=on",
            "locations_geojson": "/api/v1/locations.geojson",
            "home": "/",
        }
        if location:
            urls["welkomhuis_page"] = location.url
        client = Client(HTTP_HOST=DEFAULT_HOST)
        results = {"welkomhuizen": LocationPage.objects.live().count(), "runs": runs, "urls": {}}
        for name, url in urls.items():
            client.get(url)  # warm caches, as a running site would have them
            timings = []
            for _ in range(runs):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            timings.sort()
            results["urls"][name] = {
                "url": url,
                "median_ms": round(statistics.median(timings), 1),
                "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 1),
                "queries": len(queries.captured_queries),
                "bytes": len(response.content),
            }
        self.stdout.write(json.dumps(results, indent=2))
