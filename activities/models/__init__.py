"""Activities: what happens at a welkomhuis, when, for whom, and who signed up.

ActivityPage lives under its LocationPage, so the welkomhuis's staff group can
edit it. Its schedule (schedule.py) is expanded into Occurrence rows
(occurrences.py) when it is published and every night; listings, maps and
feeds read those rows and never expand a rule while a visitor waits.
Residents register for one Occurrence (registrations.py).
"""

from .calendar_import import CalendarImport
from .occurrence import Occurrence
from .pages import (
    ActivityIndexPage,
    ActivityPage,
    ActivityPageQuerySet,
    ActivityType,
    Audience,
    DutchLevel,
    HolidayClosure,
    HowToJoin,
    ScheduleChange,
)
from .registration import Notification, OccurrenceMessage, Registration

__all__ = [
    "ActivityIndexPage",
    "ActivityPage",
    "ActivityPageQuerySet",
    "ActivityType",
    "Audience",
    "CalendarImport",
    "DutchLevel",
    "HolidayClosure",
    "HowToJoin",
    "Notification",
    "Occurrence",
    "OccurrenceMessage",
    "Registration",
    "ScheduleChange",
]
