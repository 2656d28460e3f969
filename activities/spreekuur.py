"""A coach's room booking marked "public consultation hour" becomes a spreekuur activity.

The booking is the source: one ActivityPage per series and welkomhuis, kept
in step whenever the series changes (booking_series_changed), so it is on
/activiteiten/, on the map and in the feeds like any activity. Confirmed
dates are its dates; a date the coach cancelled shows as cancelled; when no
date is left to come (or the series is no longer public) the page is unpublished.
"""

from django.dispatch import receiver
from django.utils import timezone
from django.utils.text import slugify

from locations.booking import series_dates
from locations.models import BookingSeries, RoomBooking
from locations.opening_hours import AMSTERDAM
from locations.signals import booking_series_changed

from .models import ActivityPage, ActivityType, HowToJoin, ScheduleChange
from .schedule import WEEKDAY_CODES, compose_rrule

CANCELLED_REASON = "Het spreekuur gaat deze keer niet door."


@receiver(booking_series_changed)
def series_changed(sender, series_id, **kwargs):
    sync(series_id)


def sync(series_id):
    series = (
        BookingSeries.objects.select_related("coach__organisation", "coach__user", "room__page")
        .prefetch_related("languages")
        .filter(pk=series_id)
        .first()
    )
    pages = {page.get_parent().pk: page for page in ActivityPage.objects.filter(booking_series_id=series_id)}
    if series is not None and series.is_public:
        bookings = list(series.bookings.select_related("room__page").order_by("start"))
        by_location = {}
        for booking in bookings:
            by_location.setdefault(booking.room.page, []).append(booking)
        now = timezone.now()
        for location, rows in by_location.items():
            if not any(b.status == RoomBooking.Status.CONFIRMED and b.end > now for b in rows):
                continue  # nothing left to come here: the page goes offline below
            _publish(series, location, rows, pages.pop(location.pk, None))
    for page in pages.values():
        if page.live:
            page.unpublish(log_action=True)


def _publish(series, location, bookings, page):
    def day_of(booking):
        return booking.start.astimezone(AMSTERDAM).date()

    confirmed = sorted({day_of(b) for b in bookings if b.status == RoomBooking.Status.CONFIRMED})
    cancelled = {day_of(b) for b in bookings if b.status == RoomBooking.Status.CANCELLED} - set(confirmed)
    is_series_home = location.pk == series.room.page_id and series.repeat
    if is_series_home:
        start, rule = series.first_date, _rule(series)
        rule_dates = _rule_dates(series)
        changes = [
            ScheduleChange(date=day, kind="cancelled", reason=CANCELLED_REASON)
            if day in cancelled
            else ScheduleChange(date=day, kind="excluded")
            for day in rule_dates
            if day not in confirmed
        ] + [ScheduleChange(date=day, kind="extra") for day in confirmed if day not in rule_dates]
    else:
        start, rule = confirmed[0], ""
        changes = [ScheduleChange(date=day, kind="extra") for day in confirmed[1:]]
    coach = series.coach
    title = series.public_title or f"Spreekuur {coach.organisation}"  # page content is Dutch
    description = f"<p>{coach.name} ({coach.organisation})</p>" if series.show_coach_name else ""
    fields = {
        "title": title,
        "draft_title": title,
        "summary": series.public_summary or f"Spreekuur van {coach.organisation}. Kom langs met je vragen.",
        "description": description,
        "activity_type": ActivityType.objects.get(slug=ActivityType.CONSULTATION_HOUR),
        "organiser": coach.organisation,
        "how_to_join": HowToJoin.APPOINTMENT if series.how_to_join == "appointment" else HowToJoin.WALK_IN,
        "room": bookings[0].room,
        "start_date": start,
        "start_time": series.start_time,
        "end_time": series.end_time,
        "end_date": None,
        "recurrence": rule,
        "booking_series": series,
    }
    if page is None:
        page = ActivityPage(slug=_slug(series, location), **fields)
        location.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.schedule_changes.set(changes)
    page.languages.set(list(series.languages.all()))
    page.save_revision().publish()
    return page


def _rule(series):
    return compose_rrule(
        "weekly",
        interval=series.repeat,
        weekdays=[WEEKDAY_CODES[series.first_date.weekday()]],
        until=series.until,
    )


def _rule_dates(series):
    return set(series_dates(series.first_date, series.repeat, series.until))


def _slug(series, location):
    base = slugify(series.public_title or "spreekuur")[:40] or "spreekuur"
    return f"{base}-{series.pk}-{location.pk}"
