"""Materialise schedules into Occurrence rows over a rolling 12-month horizon.

Rows are matched on (activity, series date), so an occurrence keeps its id
when its time or status changes: registrations (a later feature) hang on it.
Rows before today are history and are never touched here.
"""

import logging
from datetime import timedelta

import holidays as holiday_calendars
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import ActivityPage, HolidayClosure, Occurrence, Registration
from .registrations import notify_cancelled_dates
from .schedule import AMSTERDAM, HORIZON_DAYS, ScheduleError, expand, local

logger = logging.getLogger(__name__)
COMPARED_FIELDS = ("location_id", "start", "end", "all_day", "status", "note", "moved_from")
CHUNK = 500


def holiday_names(first, last, closure):
    """Dates that are holidays for this kind of closure, with their Dutch names."""
    if not closure:
        return {}
    categories = ("public", "school") if closure == HolidayClosure.PUBLIC_AND_SCHOOL else ("public",)
    calendar = holiday_calendars.NL(
        years=range(first.year, last.year + 1), subdiv="Midden", categories=categories, language="nl"
    )
    return {day: name for day, name in calendar.items() if first <= day <= last}


def window(today=None):
    today = today or timezone.localdate(timezone=AMSTERDAM)
    return today, today + timedelta(days=HORIZON_DAYS)


def materialise(activities=None, today=None):
    """Bring the future occurrences of these activities (default: all) in line with their schedules.

    Live activities get the occurrences their schedule gives; unpublished ones
    lose their future occurrences (their history stays). A schedule that cannot
    be expanded gives none. Returns counts of created, updated and deleted rows.
    """
    first, last = window(today)
    holidays = {closure: holiday_names(first, last, closure) for closure in HolidayClosure.values}
    if activities is None:
        ids = list(ActivityPage.objects.originals().live().values_list("pk", flat=True))
    else:
        ids = [activity.pk for activity in activities]
    counts = {"created": 0, "updated": 0, "deleted": 0}
    for start in range(0, len(ids), CHUNK):
        _sync_chunk(ids[start : start + CHUNK], first, last, holidays, counts)
    return counts


def _sync_chunk(ids, first, last, holidays, counts):
    # Only Dutch pages take place; a translation carries their words (home/translation.py).
    activities = list(
        ActivityPage.objects.originals().live().filter(pk__in=ids).prefetch_related("schedule_changes")
    )
    parents = dict(
        Page.objects.filter(path__in={a.path[: -a.steplen] for a in activities}).values_list("path", "pk")
    )
    # A date from the past moved to a day still to come is current too (and so is one moved back).
    moved_from_past = {
        (activity.pk, change.date)
        for activity in activities
        for change in activity.schedule.changes
        if change.kind == "moved" and change.date < first
    }
    rows = Occurrence.objects.filter(activity_id__in=ids).filter(
        Q(key__gte=first)
        | Q(start__gte=local(first, None))
        | Q(key__in={key for _pk, key in moved_from_past})
    )
    existing = {(row.activity_id, row.key): row for row in rows}
    recheck = moved_from_past | {key for key in existing if key[1] < first}
    to_create, to_update, keep, newly_cancelled = [], [], set(), []
    for activity in activities:
        location_id = parents[activity.path[: -activity.steplen]]
        try:
            closed = holidays[activity.holiday_closure or ""]
            specs = expand(activity.schedule, first, last, closed)
            for pk, day in recheck:
                if pk == activity.pk:
                    specs += [s for s in expand(activity.schedule, day, day, closed) if s.key == day]
        except (ScheduleError, OverflowError, ValueError):
            # One unusable schedule must not stop the nightly run for all others.
            logger.warning("Activity %s has a schedule that cannot be expanded", activity.pk, exc_info=True)
            specs = []
        for spec in specs:
            values = {
                "location_id": location_id,
                "start": spec.start,
                "end": spec.end,
                "all_day": spec.all_day,
                "status": spec.status,
                "note": spec.note[:200],
                "moved_from": spec.moved_from,
            }
            keep.add((activity.pk, spec.key))
            row = existing.get((activity.pk, spec.key))
            if row is None:
                to_create.append(Occurrence(activity_id=activity.pk, key=spec.key, **values))
            elif any(getattr(row, name) != value for name, value in values.items()):
                if row.status == Occurrence.Status.SCHEDULED and values["status"] != row.status:
                    newly_cancelled.append(row.pk)
                for name, value in values.items():
                    setattr(row, name, value)
                to_update.append(row)
    stale = [row.pk for key, row in existing.items() if key not in keep]
    # A date people registered for is not deleted when it leaves the schedule: it is cancelled,
    # and they are told.
    registered = set(
        Registration.objects.filter(occurrence_id__in=stale, status__in=Registration.ACTIVE).values_list(
            "occurrence_id", flat=True
        )
    )
    stale = [pk for pk in stale if pk not in registered]
    with transaction.atomic():
        Occurrence.objects.filter(pk__in=stale).delete()
        Occurrence.objects.filter(pk__in=registered).exclude(status=Occurrence.Status.CANCELLED).update(
            status=Occurrence.Status.CANCELLED, note=_("This date was taken off the schedule.")
        )
        Occurrence.objects.bulk_update(to_update, COMPARED_FIELDS, batch_size=1000)
        Occurrence.objects.bulk_create(to_create, batch_size=1000)
        notify_cancelled_dates([*newly_cancelled, *registered])
    counts["created"] += len(to_create)
    counts["updated"] += len(to_update)
    counts["deleted"] += len(stale)
