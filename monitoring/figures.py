"""The dashboard's figures: an explicit list, one small class each.

Each figure has a key (stable: snapshots and exports use it), a label, whether
it describes people (then 1-4 shows as '<5', privacy.py) and how it is
computed for a quarter: grouped by welkomhuis, by wijk, or for the whole city,
always over the given welkomhuizen only. A grouped figure is one SQL query, so
the dashboard's query count does not grow with the data.

Volunteers, buddy requests and matches belong to a wijk (where the volunteer
or newcomer lives), not to a welkomhuis: those figures have
`per_welkomhuis = False` and show "–" on a welkomhuis's row.

To add a figure, write a class with these attributes and a `compute`, and add
an instance to FIGURES.
"""

import hashlib
import hmac
from statistics import median

from django.conf import settings
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.models import Occurrence, Registration
from locations.models import OpeningException, OpeningHours, Room, RoomBooking
from locations.opening_hours import OpeningSchedule
from volunteers.models import BuddyRequest, ErvaringsdeskundigeProfile, Match, VolunteerProfile
from volunteers.vocabulary import MatchStatus

from .models import RegistrantMark

GROUPS = ("location", "wijk", "city")


def scope_of(group, value=None):
    """The scope string of a group's row: 'location:12', 'wijk:zuid' or 'city'."""
    return "city" if group == "city" else f"{group}:{value}"


def _hours(duration):
    return round(duration.total_seconds() / 3600, 2) if duration else 0


class QuerysetFigure:
    """A figure that is one aggregate over a queryset, grouped in SQL."""

    key = ""
    label = ""
    describes_people = False
    decimals = 0
    per_welkomhuis = True
    location_path = "location"  # from the queryset's model to its LocationPage

    @property
    def location_id_field(self):
        return f"{self.location_path}_id"

    def queryset(self, quarter, now):
        raise NotImplementedError

    def aggregate(self):
        return Count("pk")

    def convert(self, value):
        return value or 0

    def compute(self, quarter, wijk_of, groups, now=None):
        now = now or timezone.now()
        rows = self.queryset(quarter, now).filter(**{f"{self.location_path}__in": list(wijk_of)}).order_by()
        result = {}
        for group in groups:
            if group == "city":
                result["city"] = self.convert(rows.aggregate(value=self.aggregate())["value"])
                continue
            field = self.location_id_field if group == "location" else f"{self.location_path}__wijk"
            for row in rows.values(field).annotate(value=self.aggregate()):
                result[scope_of(group, row[field])] = self.convert(row["value"])
        return result


def per_location_to_groups(per_location, wijk_of, groups, combine):
    """Values (or sets) per welkomhuis, combined into the rows of each group."""
    result = {}
    for group in groups:
        for location_id, value in per_location.items():
            key = None if group == "city" else (location_id if group == "location" else wijk_of[location_id])
            scope = scope_of(group, key)
            result[scope] = combine(result[scope], value) if scope in result else value
    return result


def held_occurrences(quarter, now):
    """Dates that took place: not cancelled, ended, started in the quarter."""
    return Occurrence.objects.filter(
        status=Occurrence.Status.SCHEDULED, start__gte=quarter.start, start__lt=quarter.end, end__lte=now
    )


class ActivitiesHeld(QuerysetFigure):
    key = "activities_held"
    label = _("Activities held")

    def queryset(self, quarter, now):
        return held_occurrences(quarter, now)


class ActivityHours(QuerysetFigure):
    key = "activity_hours"
    label = _("Hours of activities")
    decimals = 1

    def queryset(self, quarter, now):
        return held_occurrences(quarter, now)

    def aggregate(self):
        return Sum(ExpressionWrapper(F("end") - F("start"), output_field=DurationField()))

    def convert(self, value):
        return _hours(value)


def confirmed_registrations(quarter, now):
    """Places taken at dates that took place (the same conditions as held_occurrences, as a join)."""
    return Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        occurrence__status=Occurrence.Status.SCHEDULED,
        occurrence__start__gte=quarter.start,
        occurrence__start__lt=quarter.end,
        occurrence__end__lte=now,
    )


class Registrations(QuerysetFigure):
    key = "registrations"
    label = _("Registrations")
    describes_people = True
    location_path = "occurrence__location"

    def queryset(self, quarter, now):
        return confirmed_registrations(quarter, now)


class Attendance(QuerysetFigure):
    key = "attended"
    label = _("Registrations that came")
    describes_people = True
    location_path = "occurrence__location"

    def queryset(self, quarter, now):
        return confirmed_registrations(quarter, now).filter(attended=True)


def registrant_digest(user_id, email, phone):
    """A keyed hash of who registered (account, else email, else phone); '' when nothing is left."""
    if user_id:
        identity = f"user:{user_id}"
    elif email:
        identity = f"email:{email.strip().lower()}"
    elif phone:
        identity = "phone:" + "".join(c for c in phone if c.isdigit())
    else:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), identity.encode(), hashlib.sha256).hexdigest()


class DistinctRegistrants:
    """People, not registrations: someone who came to five dates counts once per scope.

    Who is who comes from the registrations not yet purged plus the marks they
    left before the purge (models.RegistrantMark); the union is taken in Python.
    """

    key = "distinct_registrants"
    label = _("Different people registered")
    describes_people = True
    decimals = 0
    per_welkomhuis = True

    def compute(self, quarter, wijk_of, groups, now=None):
        now = now or timezone.now()
        people = {}  # location id -> set of digests
        marks = RegistrantMark.objects.filter(
            year=quarter.year, quarter=quarter.number, location_id__in=list(wijk_of)
        ).values_list("location_id", "digest")
        for location_id, digest in marks:
            people.setdefault(location_id, set()).add(digest)
        live = (
            confirmed_registrations(quarter, now)
            .filter(occurrence__location_id__in=list(wijk_of), anonymised_at__isnull=True)
            .values_list("occurrence__location_id", "user_id", "email", "phone")
        )
        for location_id, user_id, email, phone in live:
            digest = registrant_digest(user_id, email, phone)
            if digest:
                people.setdefault(location_id, set()).add(digest)
        grouped = per_location_to_groups(people, wijk_of, groups, lambda a, b: a | b)
        return {scope: len(digests) for scope, digests in grouped.items()}


class RoomHoursBooked(QuerysetFigure):
    key = "room_hours_booked"
    label = _("Room hours booked")
    decimals = 1
    location_path = "room__page"

    def queryset(self, quarter, now):
        return RoomBooking.objects.filter(
            status__in=RoomBooking.ACTIVE, is_block=False, start__gte=quarter.start, start__lt=quarter.end
        )

    def aggregate(self):
        return Sum(ExpressionWrapper(F("end") - F("start"), output_field=DurationField()))

    def convert(self, value):
        return _hours(value)


def hours_open_in(schedule, quarter):
    """Hours a welkomhuis is open in a quarter: the weekly hours, corrected on the days of exceptions."""
    weekly = {
        weekday: sum(_span(opens, closes) for opens, closes in intervals)
        for weekday, intervals in schedule.weekly.items()
    }
    total = 0.0
    for day in quarter.days:
        if schedule.exceptions and schedule.exception_on(day):
            total += sum(_span(opens, closes) for opens, closes in schedule.day(day).intervals)
        else:
            total += weekly.get(day.weekday(), 0.0)
    return round(total, 2)


def _span(opens, closes):
    return (closes.hour * 60 + closes.minute - opens.hour * 60 - opens.minute) / 60


class HoursOpen:
    """Opening hours are rules, not rows: computed in Python from two prefetched queries."""

    key = "hours_open"
    label = _("Hours open")
    describes_people = False
    decimals = 1
    per_room = False
    per_welkomhuis = True

    def compute(self, quarter, wijk_of, groups, now=None):
        per_location = hours_open_per_location(quarter, list(wijk_of))
        if self.per_room:
            rooms = dict(
                Room.objects.filter(page_id__in=list(wijk_of), is_bookable=True)
                .order_by()
                .values("page_id")
                .annotate(n=Count("pk"))
                .values_list("page_id", "n")
            )
            per_location = {pk: hours * rooms.get(pk, 0) for pk, hours in per_location.items()}
        grouped = per_location_to_groups(per_location, wijk_of, groups, lambda a, b: a + b)
        return {scope: round(value, 2) for scope, value in grouped.items()}


def hours_open_per_location(quarter, location_ids):
    """{location id: hours open in the quarter}, from the plain opening-hours rows (two queries)."""
    weekly, exceptions = {pk: [] for pk in location_ids}, {pk: [] for pk in location_ids}
    for hours in OpeningHours.objects.filter(page_id__in=location_ids).order_by():
        weekly[hours.page_id].append(hours)
    days = quarter.first_day, quarter.next.first_day
    covering = OpeningException.objects.filter(page_id__in=location_ids, date__lt=days[1]).filter(
        Q(end_date__gte=days[0]) | Q(end_date__isnull=True, date__gte=days[0])
    )
    for exception in covering.order_by():
        exceptions[exception.page_id].append(exception)
    return {pk: hours_open_in(OpeningSchedule(weekly[pk], exceptions[pk]), quarter) for pk in location_ids}


class RoomHoursOpen(HoursOpen):
    key = "room_hours_open"
    label = _("Room hours available (open hours × bookable rooms)")
    per_room = True


class Ervaringsdeskundigen(QuerysetFigure):
    """Signed up by the end of the quarter; counted at each welkomhuis they chose, once per wijk or city."""

    key = "ervaringsdeskundigen"
    label = _("Ervaringsdeskundigen")
    describes_people = True
    location_path = "locations"
    location_id_field = "locations"  # many-to-many: the join gives the welkomhuis's id under this name

    def queryset(self, quarter, now):
        return ErvaringsdeskundigeProfile.objects.filter(created_at__lt=quarter.end)

    def aggregate(self):
        return Count("pk", distinct=True)


class WijkFigure(QuerysetFigure):
    """About people who live in a wijk: grouped by their wijk, over the wijken of the welkomhuizen shown."""

    per_welkomhuis = False
    wijk_path = "wijk"

    def compute(self, quarter, wijk_of, groups, now=None):
        now = now or timezone.now()
        rows = (
            self.queryset(quarter, now).filter(**{f"{self.wijk_path}__in": set(wijk_of.values())}).order_by()
        )
        result = {}
        if "wijk" in groups:
            for row in rows.values(self.wijk_path).annotate(value=self.aggregate()):
                result[scope_of("wijk", row[self.wijk_path])] = self.convert(row["value"])
        if "city" in groups:
            result["city"] = self.convert(rows.aggregate(value=self.aggregate())["value"])
        return result


class NewVolunteers(WijkFigure):
    key = "new_volunteers"
    label = _("New volunteers")
    describes_people = True

    def queryset(self, quarter, now):
        return VolunteerProfile.objects.filter(consent_at__gte=quarter.start, consent_at__lt=quarter.end)


class ActiveVolunteers(WijkFigure):
    """Signed up before the quarter ended and not withdrawn before it began."""

    key = "active_volunteers"
    label = _("Active volunteers")
    describes_people = True

    def queryset(self, quarter, now):
        return VolunteerProfile.objects.filter(consent_at__lt=quarter.end).filter(
            Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=quarter.start)
        )


class BuddyRequestsFiled(WijkFigure):
    key = "buddy_requests_filed"
    label = _("Buddy requests filed")
    describes_people = True

    def queryset(self, quarter, now):
        return BuddyRequest.objects.filter(created_at__gte=quarter.start, created_at__lt=quarter.end)


def requests_matched(quarter):
    return BuddyRequest.objects.filter(matched_at__gte=quarter.start, matched_at__lt=quarter.end)


class BuddyRequestsMatched(WijkFigure):
    key = "buddy_requests_matched"
    label = _("Buddy requests matched")
    describes_people = True

    def queryset(self, quarter, now):
        return requests_matched(quarter)


class MedianWaitDays(WijkFigure):
    """Days from filing to a match, for the requests matched in the quarter; a median is taken in Python."""

    key = "median_wait_days"
    label = _("Median days waited for a match")
    decimals = 1

    def compute(self, quarter, wijk_of, groups, now=None):
        rows = requests_matched(quarter).filter(wijk__in=set(wijk_of.values())).order_by()
        waits = {}
        for wijk, created_at, matched_at in rows.values_list("wijk", "created_at", "matched_at"):
            waits.setdefault(wijk, []).append((matched_at - created_at).total_seconds() / 86400)
        result = {}
        if "wijk" in groups:
            result.update({scope_of("wijk", wijk): round(median(days), 1) for wijk, days in waits.items()})
        if "city" in groups and waits:
            result["city"] = round(median([d for days in waits.values() for d in days]), 1)
        return result


class ActiveMatches(WijkFigure):
    """Matches that ran during the quarter: accepted before it ended, not ended before it began."""

    key = "active_matches"
    label = _("Active matches")
    describes_people = True
    wijk_path = "request__wijk"

    def queryset(self, quarter, now):
        return Match.objects.filter(accepted_at__lt=quarter.end).filter(
            Q(ended_at__isnull=True) | Q(ended_at__gte=quarter.start)
        )


class EndedMatches(WijkFigure):
    key = "ended_matches"
    label = _("Matches ended")
    describes_people = True
    wijk_path = "request__wijk"

    def queryset(self, quarter, now):
        return Match.objects.filter(
            status=MatchStatus.ENDED, ended_at__gte=quarter.start, ended_at__lt=quarter.end
        )


FIGURES = [
    ActivitiesHeld(),
    ActivityHours(),
    Registrations(),
    Attendance(),
    DistinctRegistrants(),
    Ervaringsdeskundigen(),
    NewVolunteers(),
    ActiveVolunteers(),
    BuddyRequestsFiled(),
    BuddyRequestsMatched(),
    MedianWaitDays(),
    ActiveMatches(),
    EndedMatches(),
    RoomHoursBooked(),
    HoursOpen(),
    RoomHoursOpen(),
]
FIGURES_BY_KEY = {figure.key: figure for figure in FIGURES}
