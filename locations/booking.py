"""Booking rooms: the checks, and the writes that must never produce a double booking.

Every write runs in one transaction that first reads what is already booked.
On SQLite that transaction takes the write lock at BEGIN (IMMEDIATE, see
settings), so two coaches booking the same hour queue and the second sees the
first's booking. On PostgreSQL reads do not block, so the exclusion constraint
(migration 0006) refuses the second insert; both end in SlotTaken, nothing
half-written. Emails and the public consultation hour follow after commit.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .availability import Period, fits, free_periods, open_periods
from .models import BookingSeries, Coach, OpeningException, OpeningHours, Room, RoomBooking
from .opening_hours import AMSTERDAM, OpeningSchedule
from .signals import booking_series_changed

MAX_DAYS_AHEAD = 366
MAX_ALTERNATIVES = 5


class BookingProblem(Exception):
    """Why a booking cannot be made or changed; the message is for the person booking."""


class SlotTaken(BookingProblem):
    """A date was free when the form was shown, and is not any more."""


# --- Who may do what -----------------------------------------------------------------------


def coach_for(user):
    """The user's Coach record if they may book rooms, else None."""
    if not user.is_authenticated:
        return None
    return Coach.objects.select_related("organisation").filter(user=user, is_active=True).first()


def can_manage(user, location):
    """Staff of a welkomhuis (and admins) manage its rooms' bookings: whoever may edit its page."""
    return user.is_authenticated and location.permissions_for_user(user).can_edit()


# --- What is free -----------------------------------------------------------------------------


class Availability:
    """Opening hours and busy periods for some rooms over some days, read in a fixed number of queries."""

    def __init__(self, rooms, days):
        self.rooms = list(rooms)
        days = sorted(set(days))
        location_ids = {room.page_id for room in self.rooms}
        hours, exceptions = defaultdict(list), defaultdict(list)
        for row in OpeningHours.objects.filter(page_id__in=location_ids):
            hours[row.page_id].append(row)
        if days:
            for row in OpeningException.objects.filter(page_id__in=location_ids, date__lte=days[-1]).filter(
                Q(end_date__gte=days[0]) | Q(end_date__isnull=True, date__gte=days[0])
            ):
                exceptions[row.page_id].append(row)
        self.schedules = {pk: OpeningSchedule(hours[pk], exceptions[pk]) for pk in location_ids}
        self.busy = defaultdict(list)
        if days:
            first = datetime.combine(days[0], time(0), tzinfo=AMSTERDAM) - timedelta(hours=3)
            last = datetime.combine(days[-1] + timedelta(days=1), time(0), tzinfo=AMSTERDAM) + timedelta(
                hours=3
            )
            rows = RoomBooking.objects.filter(
                room__in=[room.pk for room in self.rooms],
                status__in=RoomBooking.ACTIVE,
                start__lt=last,
                occupied_until__gt=first,
            ).values_list("room_id", "start", "occupied_until")
            for room_id, start, until in rows:
                self.busy[room_id].append(Period(start, until))

    def opening(self, room, day):
        return open_periods(self.schedules[room.page_id], day)

    def problem(self, room, wanted, now):
        """Why ``wanted`` (a Period) cannot be booked in ``room``, or None."""
        return problem_for(
            room,
            wanted,
            self.opening(room, wanted.start.astimezone(AMSTERDAM).date()),
            self.busy[room.pk],
            now,
        )


def problem_for(room, wanted, opening, busy, now):
    if not room.is_bookable or not room.page.live:
        return _("This room cannot be booked.")
    if wanted.end <= wanted.start:
        return _("The end time must be later than the start time.")
    if wanted.start <= now:
        return _("This time has already passed.")
    if wanted.start > now + timedelta(days=MAX_DAYS_AHEAD):
        return _("You can book up to a year ahead.")
    if not any(period.contains(wanted) for period in opening):
        if not opening:
            return _("The welkomhuis is closed that day.")
        hours = ", ".join(f"{p.start:%H:%M}–{p.end:%H:%M}" for p in opening)
        return _("That is outside the opening hours (%(hours)s).") % {"hours": hours}
    if not fits(opening, busy, wanted, timedelta(minutes=room.buffer_minutes)):
        return _("The room is already booked then.")
    return None


def local_period(day, start_time, end_time):
    return Period(
        datetime.combine(day, start_time, tzinfo=AMSTERDAM), datetime.combine(day, end_time, tzinfo=AMSTERDAM)
    )


def series_dates(first_date, repeat, until):
    """The dates of a series: once, or every week or two from the first date until ``until``."""
    if repeat == BookingSeries.Repeat.ONCE or until is None:
        return [first_date]
    if until < first_date:
        raise BookingProblem(_("The last date cannot be before the first date."))
    if until > first_date + timedelta(days=MAX_DAYS_AHEAD):
        raise BookingProblem(_("You can book up to a year ahead."))
    step = timedelta(weeks=int(repeat))
    dates, day = [], first_date
    while day <= until:
        dates.append(day)
        day += step
    return dates


@dataclass
class DatePlan:
    """One date of a planned series: its room, and if it does not fit, why and which rooms would."""

    day: date
    period: Period
    room: Room
    problem: str | None = None
    alternatives: list = field(default_factory=list)

    @property
    def label(self):
        return formats.date_format(self.day, "l j F Y")


def plan(room, dates, start_time, end_time, now=None):
    """Check every date of a series in the chosen room; for those that do not fit, offer other rooms.

    Alternatives are bookable rooms at least as large (and private when the
    chosen room is), at the same welkomhuis first, then in the same wijk.
    """
    now = now or timezone.now()
    candidates = list(
        Room.objects.filter(is_bookable=True, page__live=True, capacity__gte=room.capacity)
        .filter(Q(page=room.page_id) | Q(page__wijk=room.page.wijk))
        .exclude(pk=room.pk)
        .select_related("page")
        .order_by("name")
    )
    if room.is_private:
        candidates = [c for c in candidates if c.is_private]
    candidates.sort(key=lambda c: (c.page_id != room.page_id, c.page.title, c.name))
    availability = Availability([room, *candidates], dates)
    plans = []
    for day in dates:
        period = local_period(day, start_time, end_time)
        problem = availability.problem(room, period, now)
        entry = DatePlan(day, period, room, problem)
        if problem:
            entry.alternatives = [c for c in candidates if availability.problem(c, period, now) is None][
                :MAX_ALTERNATIVES
            ]
        plans.append(entry)
    return plans


@dataclass
class FreeRoom:
    room: Room
    periods: list

    @property
    def first_start(self):
        return self.periods[0].start


def search(
    day,
    after,
    before,
    duration,
    *,
    people=1,
    wijken=(),
    private=False,
    screen=False,
    wheelchair=False,
    now=None,
):
    """Rooms with a free stretch of ``duration`` between ``after`` and ``before`` on ``day``.

    Four queries whatever the number of rooms and bookings: rooms, opening
    hours, exceptions and that day's bookings.
    """
    now = now or timezone.now()
    rooms = Room.objects.filter(is_bookable=True, page__live=True, capacity__gte=people).select_related(
        "page"
    )
    if wijken:
        rooms = rooms.filter(page__wijk__in=wijken)
    if private:
        rooms = rooms.filter(is_private=True)
    if screen:
        rooms = rooms.filter(has_screen=True)
    if wheelchair:
        rooms = rooms.filter(wheelchair_accessible=True)
    availability = Availability(rooms.order_by("page__title", "sort_order", "name"), [day])
    window = local_period(day, after, before)
    results = []
    for room in availability.rooms:
        periods = free_periods(
            availability.opening(room, day),
            availability.busy[room.pk],
            buffer=timedelta(minutes=room.buffer_minutes),
            window=window,
            minimum=timedelta(minutes=duration),
            now=now,
        )
        if periods:
            results.append(FreeRoom(room, periods))
    return results


# --- Writing ------------------------------------------------------------------------------------


def book(
    coach,
    room,
    *,
    first_date,
    start_time,
    end_time,
    repeat=0,
    until=None,
    choices=None,
    details=None,
    languages=(),
    now=None,
    language="nl",
):
    """Book a series. ``choices`` maps a date to another Room for that date, or None to skip it.

    All dates are booked, or none: a date taken since the form was shown raises SlotTaken.
    """
    now = now or timezone.now()
    choices = choices or {}
    details = details or {}
    dates = series_dates(first_date, repeat, until)
    if end_time <= start_time:
        raise BookingProblem(_("The end time must be later than the start time."))
    wanted = {day: choices.get(day, room) for day in dates}
    wanted = {day: target for day, target in wanted.items() if target is not None}
    if not wanted:
        raise BookingProblem(_("There is no date left to book."))
    with transaction.atomic():
        rooms = {target.pk: target for target in wanted.values()}
        availability = Availability(rooms.values(), wanted)
        for day, target in wanted.items():
            problem = availability.problem(target, local_period(day, start_time, end_time), now)
            if problem:
                raise SlotTaken(f"{formats.date_format(day, 'l j F')}: {problem}")
        series = BookingSeries.objects.create(
            coach=coach,
            room=room,
            first_date=first_date,
            start_time=start_time,
            end_time=end_time,
            repeat=repeat,
            until=until if repeat else None,
            language=language,
            **details,
        )
        if languages:
            series.languages.set(languages)
        bookings = [
            _insert(
                RoomBooking(
                    room=target,
                    series=series,
                    booked_by=coach.user,
                    status=_initial_status(target),
                    **_times(target, local_period(day, start_time, end_time)),
                ),
                day,
            )
            for day, target in sorted(wanted.items())
        ]
    _after_commit(series.pk, "booked", [b.pk for b in bookings])
    return series, bookings


def block(room, *, start, end, reason, by, now=None):
    """Staff close a room for a while (maintenance, their own event). Existing bookings are not touched."""
    now = now or timezone.now()
    if end <= start:
        raise BookingProblem(_("The end time must be later than the start time."))
    if start <= now:
        raise BookingProblem(_("This time has already passed."))
    wanted = Period(start, end)
    with transaction.atomic():
        busy = Availability([room], [start.astimezone(AMSTERDAM).date()]).busy[room.pk]
        if any(period.overlaps(wanted) for period in busy):
            raise BookingProblem(_("The room is booked during that time: cancel those bookings first."))
        booking = _insert(
            RoomBooking(
                room=room,
                booked_by=by,
                is_block=True,
                block_reason=reason,
                start=start,
                end=end,
                occupied_until=end,
                status=RoomBooking.Status.CONFIRMED,
            ),
            start.date(),
        )
    return booking


def cancel(bookings, *, by, message=""):
    """Cancel bookings (one date, or every coming date of a series). Returns how many were cancelled.

    Cancelled by someone other than the coach (the welkomhuis's staff), the coach is told why.
    """
    bookings = [b for b in bookings if b.is_active]
    by_staff = {b.pk: bool(b.series) and b.series.coach.user_id != by.pk for b in bookings}
    cancelled = []
    with transaction.atomic():
        for booking in bookings:
            if RoomBooking.objects.filter(pk=booking.pk, status__in=RoomBooking.ACTIVE).update(
                status=RoomBooking.Status.CANCELLED,
                cancelled_at=timezone.now(),
                staff_message=message,
                cancelled_by_staff=by_staff[booking.pk],
            ):
                cancelled.append(booking)  # a double submit finds it cancelled already: nothing to tell
    by_series = defaultdict(list)
    for booking in cancelled:
        by_series[booking.series_id].append(booking)
    for series_id, rows in by_series.items():
        if series_id:
            kind = "cancelled_by_staff" if any(by_staff[b.pk] for b in rows) else ""
            _after_commit(series_id, kind, [b.pk for b in rows])
    return len(cancelled)


def cancel_series(series, *, by, message="", now=None):
    now = now or timezone.now()
    coming = list(
        series.bookings.filter(start__gt=now, status__in=RoomBooking.ACTIVE).select_related("series__coach")
    )
    return cancel(coming, by=by, message=message)


def skipped_dates(series, now=None, bookings=None):
    """Coming dates of the series the coach skipped or cancelled, which they may book again.

    Not the dates the welkomhuis cancelled or declined: those stay cancelled.
    """
    now = now or timezone.now()
    bookings = series.bookings.all() if bookings is None else bookings
    taken = {
        b.start.astimezone(AMSTERDAM).date()
        for b in bookings
        if b.status in RoomBooking.ACTIVE or b.cancelled_by_staff
    }
    return [
        day
        for day in series_dates(series.first_date, series.repeat, series.until)
        if day not in taken and local_period(day, series.start_time, series.end_time).start > now
    ]


def add_back(series, day, *, room=None, now=None):
    """Book a skipped or cancelled date of a series again, if its room (or ``room``) is free now."""
    now = now or timezone.now()
    room = room or series.room
    if day not in skipped_dates(series, now):
        raise BookingProblem(_("This date is not part of the series, or is already booked."))
    period = local_period(day, series.start_time, series.end_time)
    with transaction.atomic():
        problem = Availability([room], [day]).problem(room, period, now)
        if problem:
            raise SlotTaken(problem)
        booking = _insert(
            RoomBooking(
                room=room,
                series=series,
                booked_by=series.coach.user,
                status=_initial_status(room),
                **_times(room, period),
            ),
            day,
        )
    _after_commit(series.pk, "booked", [booking.pk])
    return booking


def approve(booking, *, by):
    with transaction.atomic():
        updated = RoomBooking.objects.filter(pk=booking.pk, status=RoomBooking.Status.PENDING).update(
            status=RoomBooking.Status.CONFIRMED
        )
    if updated and booking.series_id:
        _after_commit(booking.series_id, "approved", [booking.pk])
    return bool(updated)


def decline(booking, *, by, message):
    with transaction.atomic():
        updated = RoomBooking.objects.filter(pk=booking.pk, status=RoomBooking.Status.PENDING).update(
            status=RoomBooking.Status.CANCELLED,
            cancelled_at=timezone.now(),
            staff_message=message,
            cancelled_by_staff=True,
        )
    if updated and booking.series_id:
        _after_commit(booking.series_id, "declined", [booking.pk])
    return bool(updated)


def _initial_status(room):
    return RoomBooking.Status.PENDING if room.needs_approval else RoomBooking.Status.CONFIRMED


def _times(room, period):
    return {
        "start": period.start,
        "end": period.end,
        "occupied_until": period.end + timedelta(minutes=room.buffer_minutes),
    }


def _insert(booking, day):
    try:
        with transaction.atomic():  # a savepoint: the constraint error must not poison the outer transaction
            booking.save()
    except IntegrityError:
        # PostgreSQL's exclusion constraint: someone booked this room at this time a moment ago.
        raise SlotTaken(
            _("%(date)s: someone else booked this room at this time a moment ago.")
            % {"date": formats.date_format(day, "l j F")}
        ) from None
    return booking


def _after_commit(series_id, kind, booking_ids):
    """After commit: email (queued first) and the public spreekuur. Neither may undo a booking that
    is saved, so their errors are logged (robust), not shown to the coach as a failure."""
    from .tasks import send_booking_email

    if kind:
        transaction.on_commit(
            lambda: send_booking_email.delay(series_id, kind, list(booking_ids)), robust=True
        )
    transaction.on_commit(
        lambda: booking_series_changed.send(sender=BookingSeries, series_id=series_id), robust=True
    )
