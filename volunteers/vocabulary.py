"""The words volunteers, requests and the matching engine share (plain strings, see matching.py)."""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    TAALMAATJE = "taalmaatje", _("Taalmaatje (language buddy)")
    GEZINSBUDDY = "gezinsbuddy", _("Family buddy")
    FIETSMAATJE = "fietsmaatje", _("Bike buddy (cycling lessons)")
    TAALCOACH = "taalcoach", _("Language coach")
    WELKOMHUIS_HELPER = "welkomhuis-helper", _("Helper at a welkomhuis")
    BUDDY = "buddy", _("Buddy")


# Roles with children or families: a valid VOG is needed before a match is proposed.
ROLES_REQUIRING_VOG = frozenset({Role.GEZINSBUDDY.value})


class LanguageLevel(models.TextChoices):
    NATIVE = "native", _("Native language")
    FLUENT = "fluent", _("Fluent")
    BASIC = "basic", _("A little")


class DayPart(models.TextChoices):
    MORNING = "morning", _("morning")
    AFTERNOON = "afternoon", _("afternoon")
    EVENING = "evening", _("evening")


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


def slot_key(weekday, day_part):
    """How a (weekday, day part) slot is stored in JSON and in form values: "0-morning"."""
    return f"{weekday}-{day_part}"


def parse_slot(key):
    weekday, day_part = key.split("-", 1)
    return int(weekday), day_part


# format_lazy, not an f-string: built at import, an f-string would freeze the labels in Dutch.
SLOT_CHOICES = [
    (slot_key(day, part), format_lazy("{} {}", day_name, part_name))
    for day, day_name in WEEKDAYS
    for part, part_name in DayPart.choices
]


def slot_label(key):
    weekday, day_part = parse_slot(key)
    return f"{dict(WEEKDAYS)[weekday]} {DayPart(day_part).label}"


class Gender(models.TextChoices):
    NOT_GIVEN = "", _("I'd rather not say")
    FEMALE = "female", _("Woman")
    MALE = "male", _("Man")
    OTHER = "other", _("Other")


class GenderPreference(models.TextChoices):
    NONE = "", _("No preference")
    FEMALE = "female", _("A woman")
    MALE = "male", _("A man")


class Interest(models.TextChoices):
    """A small vocabulary of things to do together: gives a match something to talk about."""

    COOKING = "cooking", _("Cooking")
    SPORTS = "sports", _("Sports")
    MUSIC = "music", _("Music")
    NATURE = "nature", _("Nature and walking")
    CULTURE = "culture", _("Museums and culture")
    GAMES = "games", _("Games")
    READING = "reading", _("Reading")
    TECHNOLOGY = "technology", _("Computers and phones")
    CHILDREN = "children", _("Children and parenting")
    WORK = "work", _("Work and study")


class VogStatus(models.TextChoices):
    NONE = "none", _("No VOG")
    REQUESTED = "requested", _("VOG requested")
    VALID = "valid", _("Valid VOG")
    EXPIRED = "expired", _("VOG expired")


class RequestStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting for a match")
    PROPOSED = "proposed", _("A volunteer has been asked")
    MATCHED = "matched", _("Matched")
    CLOSED = "closed", _("Closed")


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn by the coordinator")
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


# A match that holds one of the volunteer's places.
OPEN_MATCH_STATUSES = (MatchStatus.PROPOSED, MatchStatus.ACTIVE)


class EndReason(models.TextChoices):
    COMPLETED = "completed", _("Finished as planned")
    NEWCOMER_STOPPED = "newcomer", _("The newcomer stopped")
    VOLUNTEER_STOPPED = "volunteer", _("The volunteer stopped")
    NO_CLICK = "no-click", _("It did not work out")
    MOVED = "moved", _("Someone moved away")
    OTHER = "other", _("Other reason")


class ErvaringsdeskundigeWish(models.TextChoices):
    WELCOME = "welcome", _("Welcome new arrivals in my own language at a welkomhuis")
    ACTIVITIES = "activities", _("Help at activities")
    STORY = "story", _("Share my story")
    THINK_ALONG = "think-along", _("Think along with the city about improvements")
    BUDDY = "buddy", _("Become a buddy")


# Bump when the privacy statement changes; each consent records the version it was given for.
PRIVACY_STATEMENT_VERSION = "2026-1"
