"""Admin pages for a welkomhuis's staff: the bookings of their rooms, approvals, blocks, occupancy.

Every view checks that the user may edit the welkomhuis's page (its staff
group, or an admin): staff of one welkomhuis never see another's bookings.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.permission_policies.pages import PagePermissionPolicy

from .availability import Week, occupancy, open_periods
from .booking import BookingProblem, approve, block, can_manage, cancel, decline, local_period
from .forms import BlockForm
from .models import BookingFeed, LocationPage, Room, RoomBooking
from .models.rooms import new_feed_token


def _location_for(request, pk):
    location = get_object_or_404(LocationPage, pk=pk)
    if not can_manage(request.user, location):
        raise PermissionDenied
    return location


def _booking_for(request, pk):
    booking = get_object_or_404(
        RoomBooking.objects.select_related("room__page", "series__coach__user"), pk=pk
    )
    _location_for(request, booking.room.page_id)
    return booking


def index(request):
    """The welkomhuizen whose bookings this user manages."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(request.user, "change")
    locations = list(LocationPage.objects.filter(pk__in=editable.values("pk")).order_by("title"))
    if len(locations) == 1:
        return redirect("locations_room_bookings", pk=locations[0].pk)
    return render(request, "locations/admin/room_bookings_index.html", {"locations": locations})


def location_bookings(request, pk):
    location = _location_for(request, pk)
    week = Week.of(request.GET.get("week"), timezone.localdate())
    rooms = list(location.rooms.all())
    bookings = list(
        RoomBooking.objects.filter(room__in=rooms, start__lt=week.period.end, end__gt=week.period.start)
        .select_related("room", "series__coach__organisation", "series__coach__user")
        .order_by("start")
    )
    # Every room of a welkomhuis is open when the welkomhuis is.
    opening = [period for day in week.days for period in open_periods(location.schedule, day)]
    overview = []
    for room in rooms:
        room_bookings = [b for b in bookings if b.room_id == room.pk]
        booked, open_hours = occupancy(
            opening, [b for b in room_bookings if b.status == RoomBooking.Status.CONFIRMED and not b.is_block]
        )
        overview.append(
            {
                "room": room,
                "bookings": room_bookings,
                "booked": booked,
                "open": open_hours,
                "percent": round(100 * booked / open_hours) if open_hours else None,
            }
        )
    pending = (
        RoomBooking.objects.filter(
            room__in=rooms, status=RoomBooking.Status.PENDING, start__gte=timezone.now()
        )
        .select_related("room", "series__coach__organisation", "series__coach__user")
        .order_by("start")
    )
    feed, _created = BookingFeed.objects.get_or_create(location=location)
    feeds = [
        (room, request.build_absolute_uri(reverse("locations:room_feed", args=[feed.token, room.pk])))
        for room in rooms
    ]
    week_url = reverse("locations_room_bookings", args=[location.pk])
    return render(
        request,
        "locations/admin/room_bookings.html",
        {
            "location": location,
            "overview": overview,
            "pending": pending,
            **week.context(week_url),
            "block_form": BlockForm(initial={"date": timezone.localdate()}),
            "feeds": feeds,
            "rooms": rooms,
        },
    )


def _message_for_coach(request):
    """The optional note staff add when they decline or cancel (the field holds 300 characters)."""
    return " ".join(request.POST.get("message", "").split())[:300]


@require_POST
def approve_booking(request, pk):
    booking = _booking_for(request, pk)
    if approve(booking, by=request.user):
        messages.success(request, _("Booking approved; the coach gets an email."))
    return redirect("locations_room_bookings", pk=booking.room.page_id)


@require_POST
def decline_booking(request, pk):
    booking = _booking_for(request, pk)
    if decline(booking, by=request.user, message=_message_for_coach(request)):
        messages.success(request, _("Booking declined; the coach gets an email."))
    return redirect("locations_room_bookings", pk=booking.room.page_id)


@require_POST
def cancel_booking(request, pk):
    booking = _booking_for(request, pk)
    message = _message_for_coach(request)
    if booking.end <= timezone.now():
        messages.error(request, _("This booking is over; it cannot be cancelled."))
    elif cancel([booking], by=request.user, message=message):
        messages.success(request, _("Booking cancelled."))
    return redirect("locations_room_bookings", pk=booking.room.page_id)


@require_POST
def block_room(request, pk):
    location = _location_for(request, pk)
    form = BlockForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("locations_room_bookings", pk=location.pk)
    data = form.cleaned_data
    room = get_object_or_404(Room, pk=data["room"], page=location)
    period = local_period(data["date"], data["start_time"], data["end_time"])
    try:
        block(
            room,
            start=period.start,
            end=period.end,
            reason=data["reason"],
            by=request.user,
        )
    except BookingProblem as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The room is closed for that time."))
    return redirect(f"{reverse('locations_room_bookings', args=[location.pk])}?week={data['date']}")


@require_POST
def renew_feeds(request, pk):
    location = _location_for(request, pk)
    BookingFeed.objects.update_or_create(location=location, defaults={"token": new_feed_token()})
    messages.success(request, _("New calendar links made; the old ones no longer work."))
    return redirect("locations_room_bookings", pk=location.pk)
