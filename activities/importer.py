"""Import a partner's calendar (.ics) as the activities of one welkomhuis.

All or nothing: the whole feed is read and checked before anything is
written, so a broken export never empties a welkomhuis's agenda. Events are
matched on UID; an event whose content did not change is not written again,
a changed one is updated, one that disappeared from the feed is unpublished.

Supported: RRULE, EXDATE, RDATE, RECURRENCE-ID overrides (moved or cancelled
dates), all-day events, TZID (Olson and Windows names) and floating times,
as written by Google Calendar, Outlook/Exchange, Apple Calendar and Thunderbird.
"""

import hashlib
import ipaddress
import json
import logging
import re
import socket
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from html import unescape
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from .bulk import InvalidPage, add_children
from .indexing import update_search_index
from .models import ActivityPage, ActivityType, CalendarImport, ScheduleChange
from .occurrences import materialise
from .schedule import AMSTERDAM, Change, ScheduleError, parse_rule

logger = logging.getLogger(__name__)
OTHER_TYPE = "anders"
_CONTENT_LINE = re.compile(r"^[A-Za-z0-9-]+(;[^:]*)?:")
_UNTIL_VALUE = re.compile(r"UNTIL=([0-9TZ]+)", re.IGNORECASE)
_HTML_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|li)>", re.IGNORECASE)


class CalendarImportError(Exception):
    """The feed cannot be imported; nothing was changed. The message is meant for staff."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.message, self.line = message, line

    def __str__(self):
        if self.line:
            return _("%(message)s (line %(line)s)") % {"message": self.message, "line": self.line}
        return self.message


@dataclass
class ImportedEvent:
    uid: str
    title: str
    description: str
    start_date: date
    start_time: time | None
    end_time: time | None
    end_date: date | None
    recurrence: str = ""
    changes: list = field(default_factory=list)
    categories: list = field(default_factory=list)

    @property
    def hash(self):
        data = asdict(self)
        data["changes"] = [asdict(change) for change in self.changes]
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0

    def __str__(self):
        return _(
            "%(created)s new, %(updated)s updated, %(unchanged)s unchanged, %(withdrawn)s withdrawn."
        ) % asdict(self)


# --- Reading a feed -------------------------------------------------------------


MAX_REDIRECTS = 5
MAX_UID_LENGTH = 200  # our own suffix for orphaned overrides must still fit in source_uid


def fetch(url):
    """The feed's bytes, or CalendarImportError when it cannot be fetched.

    Staff choose the URL, so the server must not become their way into the
    internal network: every address on the way (redirects included) must be a
    public one, unless CALENDAR_IMPORT_ALLOW_PRIVATE_ADDRESSES is set.
    """
    if url.startswith("webcal://"):
        url = "https://" + url[len("webcal://") :]
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            _check_public(url)
            with requests.get(
                url, timeout=settings.CALENDAR_IMPORT_TIMEOUT, stream=True, allow_redirects=False
            ) as response:
                if response.is_redirect:
                    url = urljoin(url, response.headers["Location"])
                    continue
                response.raise_for_status()
                return _read_limited(response)
        raise CalendarImportError(_("The calendar address redirects too often."))
    except requests.RequestException as error:
        raise CalendarImportError(
            _("The calendar could not be fetched: %(error)s") % {"error": error}
        ) from error


def _check_public(url):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CalendarImportError(_("This is not a web address: %(url)s") % {"url": url})
    if settings.CALENDAR_IMPORT_ALLOW_PRIVATE_ADDRESSES:
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443)}
    except OSError as error:
        raise CalendarImportError(
            _("The calendar could not be fetched: %(error)s") % {"error": error}
        ) from error
    if not all(ipaddress.ip_address(address.split("%")[0]).is_global for address in addresses):
        raise CalendarImportError(_("Calendars can only be fetched from public internet addresses."))


def _read_limited(response):
    data = b""
    for chunk in response.iter_content(64 * 1024):
        data += chunk
        if len(data) > settings.CALENDAR_IMPORT_MAX_BYTES:
            raise CalendarImportError(
                _("The calendar is larger than %(size)s MB.")
                % {"size": settings.CALENDAR_IMPORT_MAX_BYTES // (1024 * 1024)}
            )
    return data


def parse(data):
    """Every event of the feed, checked; raises CalendarImportError at the first problem."""
    text = _decode(data)
    lines = _unfolded_lines(text)
    for number, line in lines:
        if line and not _CONTENT_LINE.match(line):
            raise CalendarImportError(
                _("This line is not valid iCalendar: %(line)s") % {"line": line[:80]}, number
            )
    try:
        calendar = Calendar.from_ical(text)
    except ValueError as error:
        raise CalendarImportError(
            _("This is not a readable calendar (.ics): %(error)s") % {"error": str(error)[:200]}
        ) from error
    if calendar.name != "VCALENDAR":
        raise CalendarImportError(_("This is not a calendar (.ics) file."), 1)
    masters, overrides = {}, {}
    for component in calendar.walk("VEVENT"):
        uid = str(component.get("UID", "")).strip()
        if not uid:
            raise CalendarImportError(_("An event has no UID."), _locate(lines, component))
        if len(uid) > MAX_UID_LENGTH:
            raise CalendarImportError(
                _("An event's UID is longer than %(max)s characters.") % {"max": MAX_UID_LENGTH},
                _locate(lines, component, "UID"),
            )
        for prop, message in component.errors:
            raise CalendarImportError(
                _("Event %(uid)s: %(property)s is wrong: %(error)s")
                % {"uid": uid, "property": prop or "?", "error": message},
                _locate(lines, component, prop),
            )
        if "DTSTART" not in component:
            raise CalendarImportError(
                _("Event %(uid)s has no start (DTSTART).") % {"uid": uid}, _locate(lines, component)
            )
        if "RECURRENCE-ID" in component:
            overrides.setdefault(uid, []).append(component)
        else:
            masters[uid] = component
    events = []
    for uid, master in masters.items():
        if str(master.get("STATUS", "")).upper() == "CANCELLED":
            continue  # a withdrawn event: leaving it out withdraws it here too
        events.append(_event(uid, master, overrides.pop(uid, []), lines))
    for uid, orphans in overrides.items():
        # Overrides of a series the feed does not contain: each is an event of its own.
        for component in orphans:
            if str(component.get("STATUS", "")).upper() == "CANCELLED":
                continue
            key = _local_date(component.decoded("RECURRENCE-ID"))
            events.append(_event(f"{uid}#{key:%Y%m%d}", component, [], lines, ignore_rules=True))
    return events


def _decode(data):
    if isinstance(data, str):
        return data
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CalendarImportError(_("The calendar's text encoding cannot be read."))


def _unfolded_lines(text):
    """(line number, content line) pairs after RFC 5545 unfolding, numbered as in the file."""
    result = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw[:1] in (" ", "\t") and result:
            result[-1] = (result[-1][0], result[-1][1] + raw[1:])
        else:
            result.append((number, raw.strip()))
    return result


def _locate(lines, component, prop=None):
    """The line of a property (or of BEGIN) of the event with this UID, when it can be found."""
    uid = str(component.get("UID", ""))
    begin, inside = None, False
    for number, line in lines:
        upper = line.upper()
        if upper == "BEGIN:VEVENT":
            begin, inside, found_uid, prop_line = number, True, False, None
            continue
        if not inside:
            continue
        if upper.startswith("UID:") and line[4:] == uid:
            found_uid = True
        if prop and prop_line is None and re.match(rf"^{re.escape(prop)}[;:]", line, re.IGNORECASE):
            prop_line = number
        if upper == "END:VEVENT":
            inside = False
            if found_uid or not uid:
                return prop_line or begin
    return None


def _event(uid, component, overrides, lines, ignore_rules=False):
    start = component.decoded("DTSTART")
    _check_zone(component, "DTSTART", start, uid, lines)
    all_day = not isinstance(start, datetime)
    start_local = start if all_day else _to_local(start)
    end = _end(component, start)
    event = ImportedEvent(
        uid=uid,
        title=str(component.get("SUMMARY", "")).strip()[:255] or _("(no title)"),
        description=str(component.get("DESCRIPTION", "")).strip(),
        start_date=start_local if all_day else start_local.date(),
        start_time=None if all_day else start_local.time().replace(tzinfo=None),
        end_time=None,
        end_date=None,
        categories=_categories(component),
    )
    if all_day:
        last_day = (end - timedelta(days=1)) if end and end > start else start
        event.end_date = last_day if last_day != start else None
    elif end:
        end_local = _to_local(end)
        if end_local.date() == event.start_date:
            # Compare wall-clock times: a floating start may come with a zoned end.
            later = end_local.replace(tzinfo=None) > start_local.replace(tzinfo=None)
            event.end_time = end_local.time().replace(tzinfo=None) if later else None
        elif end_local.date() < event.start_date:
            raise CalendarImportError(
                _("Event %(uid)s ends before it starts.") % {"uid": uid},
                _locate(lines, component, "DTEND" if "DTEND" in component else "DURATION"),
            )
        else:
            event.end_date, event.end_time = end_local.date(), end_local.time().replace(tzinfo=None)
    if not ignore_rules:
        event.recurrence = _rrule(component, event, uid, lines)
        event.changes = _changes(component, overrides, event, uid, lines)
    return event


def _end(component, start):
    if "DTEND" in component:
        return component.decoded("DTEND")
    if "DURATION" in component:
        return start + component.decoded("DURATION")
    return None


def _check_zone(component, prop, value, uid, lines):
    tzid = component[prop].params.get("TZID") if prop in component else None
    if tzid and isinstance(value, datetime) and value.tzinfo is None:
        raise CalendarImportError(
            _("Event %(uid)s uses an unknown time zone: %(tzid)s") % {"uid": uid, "tzid": tzid},
            _locate(lines, component, prop),
        )


def _to_local(moment):
    """Aware times to Amsterdam wall-clock time; floating (naive) times are already local."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(AMSTERDAM)


def _local_date(value):
    return value if not isinstance(value, datetime) else _to_local(value).date()


def _rrule(component, event, uid, lines):
    rules = component.get("RRULE")
    if not rules:
        return ""
    if isinstance(rules, list):
        if len(rules) > 1:
            raise CalendarImportError(
                _("Event %(uid)s has more than one RRULE; split it into separate events.") % {"uid": uid},
                _locate(lines, component, "RRULE"),
            )
        rules = rules[0]
    text = rules.to_ical().decode()
    # Keep UNTIL as a local date (our convention); the rule text stays otherwise as written.
    match = _UNTIL_VALUE.search(text)
    if match:
        until = component["RRULE"] if not isinstance(component["RRULE"], list) else component["RRULE"][0]
        until_value = until.get("UNTIL")[0]
        text = _UNTIL_VALUE.sub(f"UNTIL={_local_date(until_value):%Y%m%d}", text)
    try:
        parse_rule(text, event.start_date)
    except ScheduleError as error:
        raise CalendarImportError(
            _("Event %(uid)s: the repeat rule cannot be read: %(rule)s") % {"uid": uid, "rule": text},
            _locate(lines, component, "RRULE"),
        ) from error
    return text


def _dates(component, prop):
    values = component.get(prop)
    if values is None:
        return []
    result = []
    for value in values if isinstance(values, list) else [values]:
        result.extend(item.dt for item in value.dts)
    return result


def _changes(component, overrides, event, uid, lines):
    changes = []
    for value in _dates(component, "EXDATE"):
        changes.append(Change(date=_local_date(value), kind="excluded"))
    for value in _dates(component, "RDATE"):
        local = value if not isinstance(value, datetime) else _to_local(value)
        start_time = None if not isinstance(local, datetime) else local.time().replace(tzinfo=None)
        changes.append(
            Change(
                date=_local_date(value),
                kind="extra",
                new_start_time=start_time if start_time != event.start_time else None,
            )
        )
    for override in overrides:
        key = _local_date(override.decoded("RECURRENCE-ID"))
        if str(override.get("STATUS", "")).upper() == "CANCELLED":
            changes.append(Change(date=key, kind="cancelled", reason=str(override.get("SUMMARY", ""))[:200]))
            continue
        start = override.decoded("DTSTART")
        _check_zone(override, "DTSTART", start, uid, lines)
        if not isinstance(start, datetime):
            new_date, new_start, new_end = start, None, None
        else:
            local = _to_local(start)
            end = _end(override, start)
            new_date = local.date()
            new_start = local.time().replace(tzinfo=None)
            new_end = _to_local(end).time().replace(tzinfo=None) if end else None
        changes.append(
            Change(
                date=key,
                kind="moved",
                new_date=new_date if new_date != key else None,
                new_start_time=new_start if new_start != event.start_time else None,
                new_end_time=new_end if new_end != event.end_time else None,
            )
        )
    return sorted(changes, key=lambda c: (c.date, c.kind))


def _categories(component):
    values = component.get("CATEGORIES")
    if values is None:
        return []
    result = []
    for value in values if isinstance(values, list) else [values]:
        result.extend(str(category).strip() for category in value.cats)
    return result


# --- Writing ---------------------------------------------------------------------------------


def import_calendar(location, data):
    """Import a feed (bytes or text) into a welkomhuis; returns ImportResult. Nothing changes on error."""
    events = parse(data)
    types = _types()
    existing = {
        page.source_uid: page for page in ActivityPage.objects.child_of(location).exclude(source_uid="")
    }
    result = ImportResult()
    touched, new_pages = [], []
    # References (type, room, organiser) and the search index are updated once, after all pages are written.
    with transaction.atomic(), disable_reference_index_auto_update():
        try:
            for event in events:
                page = existing.get(event.uid)
                if page is None:
                    new_pages.append(_new_page(event, types))
                elif page.source_hash != event.hash or not page.live:
                    touched.append(_update(page, event, types, result))
                else:
                    result.unchanged += 1
            add_children(location, new_pages)
        except InvalidPage as invalid:
            # Checks of the page model the feed's own checks did not cover: reject the feed.
            raise CalendarImportError(
                _("Event %(uid)s cannot be saved: %(error)s")
                % {"uid": invalid.page.source_uid, "error": "; ".join(invalid.error.messages)}
            ) from invalid
        result.created = len(new_pages)
        seen = {event.uid for event in events}
        for uid, page in existing.items():
            if uid not in seen and page.live:
                page.unpublish(log_action=True)
                touched.append(page)
                result.withdrawn += 1
        for page in touched:  # new pages got theirs in add_children
            ReferenceIndex.create_or_update_for_object(page)
        touched.extend(new_pages)
        if touched:
            materialise(touched)
            update_search_index(touched)
    return result


def _new_page(event, types):
    page = ActivityPage(slug=_slug(event), source_uid=event.uid, live=True, **_fields(event, types))
    page.schedule_changes.set(_changes_of(event))  # saved with the page: one write
    return page


def _update(page, event, types, result):
    for name, value in _fields(event, types).items():
        setattr(page, name, value)
    page.live = True
    page.schedule_changes.set(_changes_of(event))
    try:
        if page.latest_revision_id:
            # Someone edited it in the admin: publish a revision, so the editor shows what is live.
            page.save_revision().publish()
        else:
            page.save()
    except ValidationError as error:
        raise InvalidPage(page, error) from error
    result.updated += 1
    return page


def _changes_of(event):
    return [ScheduleChange(**asdict(change)) for change in event.changes]


def import_location(location, data=None):
    """Fetch (unless data is given) and import a welkomhuis's feed; record the outcome for its staff."""
    status, _created = CalendarImport.objects.get_or_create(location=location)
    status.checked_at = timezone.now()
    try:
        result = import_calendar(location, fetch(location.calendar_url) if data is None else data)
    except CalendarImportError as error:
        status.error = str(error)
        status.save()
        raise
    except Exception as error:
        # A case the checks above do not foresee: the transaction was rolled back, so nothing
        # changed; staff still hear about it, and the error is logged in full for developers.
        logger.exception("Import of the calendar of %s failed", location)
        status.error = _(
            "The import failed unexpectedly; nothing was changed. Please tell the site administrators."
        )
        status.save()
        raise CalendarImportError(status.error) from error
    status.error = ""
    status.succeeded_at = status.checked_at
    status.summary = str(result)
    status.save()
    return result


def _types():
    return {t.slug: t for t in ActivityType.objects.all()}


def _fields(event, types):
    # Google puts HTML in DESCRIPTION, others plain text: keep the text only.
    text = unescape(strip_tags(_HTML_BREAK.sub("\n", event.description)))
    summary = " ".join(text.split())[:300] or event.title
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return {
        "title": event.title,
        "draft_title": event.title,
        "summary": summary,
        "description": "".join(f"<p>{escape(p)}</p>" for p in paragraphs),
        "activity_type": _type_for(event.categories, types),
        "start_date": event.start_date,
        "start_time": event.start_time,
        "end_time": event.end_time,
        "end_date": event.end_date,
        "recurrence": event.recurrence,
        "source_hash": event.hash,
        "has_unpublished_changes": False,
    }


def _type_for(categories, types):
    """The activity type named in CATEGORIES (by code or name, in any of our languages), else 'other'."""
    wanted = {slugify(category) for category in categories}
    for activity_type in types.values():
        if wanted & {activity_type.slug, slugify(activity_type.name), slugify(activity_type.label)}:
            return activity_type
    return types[OTHER_TYPE]


def _slug(event):
    digest = hashlib.sha1(event.uid.encode()).hexdigest()[:8]
    return f"{slugify(event.title)[:40] or 'activiteit'}-{digest}"
