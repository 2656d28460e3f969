"""Deterministic synthetic data at scale for benchmarks:

    manage.py seed_scale --locations 200 --activities 5000 --recurring 1000 --bookings 50000 \
        --registrations 50000 --seed 1


Later features add their own options (activities, bookings, volunteers).
Rerunning replaces the previous synthetic data; demo data is left alone.
"""

import random
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from activities.scale import seed_activities, seed_registrations
from locations.scale import seed_bookings, seed_locations


class Command(BaseCommand):
    help = "Create deterministic synthetic data at scale (replaces earlier synthetic data)."

    def add_arguments(self, parser):
        parser.add_argument("--locations", type=int, default=200, help="number of welkomhuizen")
        parser.add_argument("--activities", type=int, default=0, help="number of activities")
        parser.add_argument("--recurring", type=int, default=0, help="how many of them repeat weekly")
        parser.add_argument("--bookings", type=int, default=0, help="number of room bookings")
        parser.add_argument(
            "--registrations", type=int, default=0, help="registrations on past dates (needs --activities)"
        )
        parser.add_argument("--volunteers", type=int, default=0, help="number of volunteer profiles")
        parser.add_argument("--requests", type=int, default=0, help="number of open buddy requests")
        parser.add_argument("--seed", type=int, default=1, help="random seed; same seed, same data")

    @transaction.atomic
    def handle(self, *args, **options):
        rng = random.Random(options["seed"])
        started = time.perf_counter()
        locations = seed_locations(options["locations"], rng)
        self.stdout.write(
            f"Seeded {len(locations)} welkomhuizen with {3 * len(locations)} rooms "
            f"(seed {options['seed']}) in {time.perf_counter() - started:.1f} s."
        )
        if options["activities"]:
            started = time.perf_counter()
            activities, materialise_seconds = seed_activities(
                options["activities"], min(options["recurring"], options["activities"]), rng, locations
            )
            self.stdout.write(
                f"Seeded {len(activities)} activities ({options['recurring']} weekly) in "
                f"{time.perf_counter() - started:.1f} s; materialising took {materialise_seconds:.1f} s."
            )
        if options["bookings"]:
            started = time.perf_counter()
            bookings = seed_bookings(options["bookings"], rng, locations)
            self.stdout.write(
                f"Seeded {len(bookings)} room bookings in {time.perf_counter() - started:.1f} s."
            )
        if options["registrations"]:
            started = time.perf_counter()
            registrations = seed_registrations(options["registrations"], rng)
            self.stdout.write(
                f"Seeded {len(registrations)} registrations on past dates "
                f"in {time.perf_counter() - started:.1f} s."
            )
        if options["volunteers"] or options["requests"]:
            from volunteers.seed import seed_volunteers

            started = time.perf_counter()
            profiles, requests = seed_volunteers(options["volunteers"], options["requests"], rng)
            self.stdout.write(
                f"Seeded {len(profiles)} volunteers and {len(requests)} buddy requests "
                f"in {time.perf_counter() - started:.1f} s."
            )
