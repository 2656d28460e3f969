"""The nightly step that makes figures outlive the retention purge.

Run before the purge (activities.tasks.purge_registration_data calls it first):
1. every registration not yet purged leaves a RegistrantMark (a keyed hash), so
   "different people" can still be counted once its name and contact are gone;
2. the figures of closed quarters that may still change (or were never stored)
   are stored as FigureSnapshot rows for every welkomhuis, wijk and the city;
3. marks of quarters whose snapshot is final are deleted: they are no longer needed.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from activities.models import Registration
from locations.models import LocationPage

from .dashboard import compute, groups_for
from .figures import registrant_digest
from .models import FigureSnapshot, RegistrantMark
from .quarters import Quarter

HISTORY_QUARTERS = 8  # how far back a missing snapshot is still filled in


def settle_days():
    """After this long past a quarter's end its data no longer changes (all its registrations purged)."""
    return timedelta(days=settings.REGISTRATION_RETENTION_DAYS + 7)


def mark_registrants():
    """A mark for every confirmed registration whose personal data is still there."""
    rows = Registration.objects.filter(
        status=Registration.Status.CONFIRMED, anonymised_at__isnull=True
    ).values_list("occurrence__start", "occurrence__location_id", "user_id", "email", "phone")
    marks = {}
    for start, location_id, user_id, email, phone in rows.iterator(chunk_size=2000):
        digest = registrant_digest(user_id, email, phone)
        if digest:
            quarter = Quarter.of(timezone.localdate(start))
            marks[(quarter.year, quarter.number, location_id, digest)] = True
    RegistrantMark.objects.bulk_create(
        [RegistrantMark(year=y, quarter=q, location_id=loc, digest=d) for y, q, loc, d in marks],
        batch_size=1000,
        ignore_conflicts=True,
    )
    return len(marks)


def quarters_to_store(now):
    stored = set(FigureSnapshot.objects.values_list("year", "quarter").distinct())
    last_closed = Quarter.current(now).previous
    due = []
    for n in range(HISTORY_QUARTERS):
        quarter = last_closed.back(n)
        if quarter.end > now - settle_days() or (quarter.year, quarter.number) not in stored:
            due.append(quarter)
    return due


@transaction.atomic
def take_snapshots(now=None):
    now = now or timezone.now()
    marked = mark_registrants()
    wijk_of = dict(LocationPage.objects.originals().values_list("pk", "wijk"))
    quarters = quarters_to_store(now)
    for quarter in quarters:
        values = compute(quarter, wijk_of, groups_for(True), now)
        FigureSnapshot.objects.filter(year=quarter.year, quarter=quarter.number).delete()
        FigureSnapshot.objects.bulk_create(
            [
                FigureSnapshot(year=quarter.year, quarter=quarter.number, scope=scope, key=key, value=value)
                for scope, figures in values.items()
                for key, value in figures.items()
            ],
            batch_size=1000,
        )
    stored = set(FigureSnapshot.objects.values_list("year", "quarter").distinct())
    forgotten = 0
    for year, number in RegistrantMark.objects.values_list("year", "quarter").distinct():
        if Quarter(year, number).end <= now - settle_days() and (year, number) in stored:
            forgotten += RegistrantMark.objects.filter(year=year, quarter=number).delete()[0]
    return {"marked": marked, "quarters": [str(q) for q in quarters], "marks_deleted": forgotten}
