"""Coaches book rooms: find a free room, book once or every week, see and cancel their bookings.

Pick a time first, then see which rooms are free: that is the way in
(room_search). Every page works without JavaScript. Only coaches book; a
welkomhuis's staff see its week overview with details (and manage bookings
in the admin, staff_views.py); coaches see other people's bookings as "booked".
"""

from datetime import date, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from activities import ical as activity_ical

from . import ical
from .availability import Week, free_periods
from .booking import (
    Availability,
    BookingProblem,
    add_back,
    book,
    can_manage,
    cancel,
    cancel_series,
    coach_for,
    plan,
    search,
    series_dates,
    skipped_dates,
)
from .forms import BookingForm, RoomSearchForm
from .models import BookingFeed, BookingSeries, Coach, LocationPage, Room, RoomBooking
from .models.rooms import new_feed_token
from .opening_hours import AMSTERDAM

RESULTS_PER_PAGE = 20


def _coach_or_403(request):
    coach = coach_for(request.user)
    if coach is None:
        raise PermissionDenied(_("Only coaches can book rooms. Ask the site administrators for access."))
    return coach


def _next_weekday(today):
    day = today + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


@login_required
def room_search(request):
    coach = _coach_or_403(request)
    today = timezone.localdate()
    defaults = {
        "date": _next_weekday(today),
        "after": time(9),
        "before": time(17),
        "duration": 60,
        "people": 1,
    }
    form = RoomSearchForm(request.GET if "date" in request.GET else None, initial=defaults)
    results, page_obj = None, None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        results = search(
            data["date"],
            data["after"],
            data["before"],
            data["duration"],
            people=data["people"],
            wijken=data["wijk"],
            private=data["private"],
            screen=data["screen"],
            wheelchair=data["wheelchair"],
        )
        page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        for result in page_obj:
            end = result.first_start + timedelta(minutes=data["duration"])
            result.book_url = _book_url(result.room, data["date"], result.first_start.time(), end.time())
    return render(
        request,
        "locations/booking/search.html",
        {"form": form, "results": results, "page_obj": page_obj, "coach": coach},
    )


def _book_url(room, day, start, end):
    query = urlencode(
        {"room": room.pk, "date": day.isoformat(), "start": f"{start:%H:%M}", "end": f"{end:%H:%M}"}
    )
    return f"{reverse('locations:book')}?{query}"


@login_required
def book_room(request):
    coach = _coach_or_403(request)
    if request.method == "POST":
        form = BookingForm(request.POST)
    else:
        form = BookingForm(
            initial={
                "room": request.GET.get("room"),
                "date": request.GET.get("date"),
                "start_time": request.GET.get("start"),
                "end_time": request.GET.get("end"),
                "repeat": 0,
                "how_to_join": "walk-in",
            }
        )
    room_id = form.data.get("room") if form.is_bound else form.initial.get("room")
    room = (
        Room.objects.select_related("page")
        .filter(pk=_int(room_id), is_bookable=True, page__live=True)
        .first()
    )
    if room is None:
        messages.error(request, _("This room cannot be booked. Choose a room first."))
        return redirect("locations:room_search")
    plans, problem = None, None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            dates = series_dates(data["date"], data["repeat"], data["until"])
            plans = plan(room, dates, data["start_time"], data["end_time"])
            choices, unresolved = _choices(request.POST, plans)
            if not unresolved:
                book(
                    coach,
                    room,
                    first_date=data["date"],
                    start_time=data["start_time"],
                    end_time=data["end_time"],
                    repeat=data["repeat"],
                    until=data["until"],
                    choices=choices,
                    details=_details(data),
                    languages=data["languages"],
                    language=get_language(),
                )
                messages.success(request, _("Booked. You get a confirmation by email."))
                return redirect("locations:my_bookings")
        except BookingProblem as error:
            problem = str(error)
            if plans is not None:  # taken in the meantime: show the dates as they are now
                plans = plan(room, [p.day for p in plans], data["start_time"], data["end_time"])
    conflicts = [p for p in plans or [] if p.problem]
    return render(
        request,
        "locations/booking/book.html",
        {
            "form": form,
            "room": room,
            "location": room.page,
            "plans": plans,
            "conflicts": conflicts,
            "problem": problem,
            "free_count": len(plans or []) - len(conflicts),
        },
    )


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _choices(post, plans):
    """The coach's answer per date: another room, or skip. Returns (choices, unresolved).

    An answer counts even if its date has become free since the form was shown:
    the coach confirmed it. A date that does not fit and has no answer is unresolved.
    """
    posted = {entry.day: post.get(f"date-{entry.day:%Y%m%d}", "") for entry in plans}
    rooms = {
        str(room.pk): room
        for room in Room.objects.filter(
            pk__in=[value for value in posted.values() if value.isdigit()], is_bookable=True
        ).select_related("page")
    }
    choices, unresolved = {}, []
    for entry in plans:
        answer = posted[entry.day]
        if answer == "skip":
            choices[entry.day] = None
        elif answer in rooms:
            choices[entry.day] = rooms[answer]
        elif entry.problem:
            unresolved.append(entry)
    return choices, unresolved


def _details(data):
    return {
        "purpose": data["purpose"],
        "is_public": data["is_public"],
        "public_title": data["public_title"],
        "public_summary": data["public_summary"],
        "how_to_join": data["how_to_join"],
        "show_coach_name": data["show_coach_name"],
    }


@login_required
def my_bookings(request):
    coach = _coach_or_403(request)
    now = timezone.now()
    coming = RoomBooking.objects.filter(end__gte=now).select_related("room__page").order_by("start")
    series_list = list(
        BookingSeries.objects.filter(coach=coach, bookings__end__gte=now)
        .distinct()
        .select_related("room__page", "coach__organisation")
        .prefetch_related(
            Prefetch("bookings", queryset=coming, to_attr="coming"),
            Prefetch("bookings", queryset=RoomBooking.objects.all(), to_attr="all_bookings"),
        )
        .order_by("first_date", "start_time")
    )
    for series in series_list:
        series.skipped = skipped_dates(series, now, series.all_bookings) if series.repeat else []
    feed_url = request.build_absolute_uri(reverse("locations:coach_feed", args=[coach.feed_token]))
    return render(
        request,
        "locations/booking/my_bookings.html",
        {
            "coach": coach,
            "series_list": series_list,
            "feed_url": feed_url,
            "webcal_url": "webcal://" + feed_url.split("://", 1)[1],
        },
    )


def _own_booking(request, pk):
    coach = _coach_or_403(request)
    booking = get_object_or_404(RoomBooking.objects.select_related("series__coach"), pk=pk)
    if booking.series is None or booking.series.coach_id != coach.pk:
        raise Http404  # someone else's booking: as if it did not exist
    return booking


@login_required
@require_POST
def cancel_booking(request, pk):
    booking = _own_booking(request, pk)
    if booking.start <= timezone.now():
        messages.error(request, _("This booking has already started; it cannot be cancelled any more."))
    elif cancel([booking], by=request.user):
        day = booking.start.astimezone(AMSTERDAM).date()
        messages.success(request, _("The booking for %(date)s is cancelled.") % {"date": _day(day)})
    return redirect("locations:my_bookings")


@login_required
@require_POST
def cancel_whole_series(request, pk):
    coach = _coach_or_403(request)
    series = get_object_or_404(BookingSeries, pk=pk, coach=coach)
    count = cancel_series(series, by=request.user)
    messages.success(request, _("%(count)s coming dates are cancelled.") % {"count": count})
    return redirect("locations:my_bookings")


@login_required
@require_POST
def add_back_date(request, pk):
    coach = _coach_or_403(request)
    series = get_object_or_404(
        BookingSeries.objects.select_related("room__page", "coach__user"), pk=pk, coach=coach
    )
    try:
        day = date.fromisoformat(request.POST.get("date", ""))
        add_back(series, day)
    except ValueError:
        messages.error(request, _("That is not a date of this series."))
    except BookingProblem as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(date)s is booked again.") % {"date": _day(day)})
    return redirect("locations:my_bookings")


@login_required
@require_POST
def renew_feed(request):
    coach = _coach_or_403(request)
    Coach.objects.filter(pk=coach.pk).update(feed_token=new_feed_token())
    messages.success(request, _("Your calendar link is renewed: the old link no longer works."))
    return redirect("locations:my_bookings")


def _day(day):
    return formats.date_format(day, "l j F")


# --- Week views -------------------------------------------------------------------------------


@login_required
def location_week(request, pk):
    location = get_object_or_404(LocationPage.objects.live(), pk=pk)
    return _week(request, location, list(location.rooms.filter(is_bookable=True)))


@login_required
def room_week(request, pk):
    room = get_object_or_404(Room.objects.select_related("page"), pk=pk, page__live=True)
    return _week(request, room.page, [room], single=room)


def _week(request, location, rooms, single=None):
    """A week of a welkomhuis's rooms: per day, when it is open, booked and free. Who booked: staff only."""
    coach = coach_for(request.user)
    is_staff = can_manage(request.user, location)
    if coach is None and not is_staff:
        raise PermissionDenied
    week = Week.of(request.GET.get("week"), timezone.localdate())
    days = week.days
    availability = Availability(rooms, days)
    bookings = {}
    for booking in (
        RoomBooking.objects.filter(
            room__in=rooms,
            status__in=RoomBooking.ACTIVE,
            start__lt=week.period.end,
            end__gt=week.period.start,
        )
        .select_related("series__coach__organisation", "series__coach__user")
        .order_by("start")
    ):
        booking.is_mine = coach is not None and booking.series and booking.series.coach_id == coach.pk
        bookings.setdefault((booking.room_id, booking.start.astimezone(AMSTERDAM).date()), []).append(booking)
    now = timezone.now()
    table = []
    for room in rooms:
        room_days = []
        for day in days:
            opening = availability.opening(room, day)
            free = [
                {
                    "period": period,
                    "book_url": _book_url(room, day, period.start.time(), period.end.time()) if coach else "",
                }
                for period in free_periods(
                    opening, availability.busy[room.pk], timedelta(minutes=room.buffer_minutes), now=now
                )
            ]
            room_days.append(
                {"day": day, "opening": opening, "bookings": bookings.get((room.pk, day), []), "free": free}
            )
        table.append({"room": room, "days": room_days})
    week_url = (
        reverse("locations:room_week", args=[single.pk])
        if single
        else reverse("locations:location_week", args=[location.pk])
    )
    return render(
        request,
        "locations/booking/week.html",
        {
            "location": location,
            "single": single,
            "table": table,
            **week.context(week_url),
            "show_details": is_staff,
            "coach": coach,
        },
    )


# --- Feeds ------------------------------------------------------------------------------------


def coach_feed(request, token):
    coach = Coach.objects.select_related("user").filter(feed_token=token, is_active=True).first()
    if coach is None:
        raise Http404
    bookings = ical.feed_bookings(RoomBooking.objects.filter(series__coach=coach))
    return _private_feed(ical.calendar(_("My room bookings"), bookings), "ruimtes.ics")


def room_feed(request, token, room_id):
    feed = BookingFeed.objects.filter(token=token).first()
    if feed is None:
        raise Http404
    room = get_object_or_404(Room, pk=room_id, page_id=feed.location_id)
    bookings = ical.feed_bookings(RoomBooking.objects.filter(room=room))
    return _private_feed(
        ical.calendar(f"{room.name} – {feed.location.title}", bookings, for_staff=True),
        f"ruimte-{room.pk}.ics",
    )


def _private_feed(calendar, filename):
    """A feed behind a secret link: calendar apps may cache it, shared caches may not."""
    result = activity_ical.response(calendar, filename)
    result["Cache-Control"] = "private, max-age=900"
    return result
