"""Regenerate the occurrences of every published activity: `manage.py refresh_occurrences`."""

import time

from django.core.management.base import BaseCommand

from activities.occurrences import materialise


class Command(BaseCommand):
    help = "Bring every activity's occurrences in line with its schedule for the coming 12 months."

    def handle(self, *args, **options):
        started = time.perf_counter()
        counts = materialise()
        self.stdout.write(
            "Occurrences: {created} created, {updated} updated, {deleted} deleted".format(**counts)
            + f" in {time.perf_counter() - started:.1f} s."
        )
