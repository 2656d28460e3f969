from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

FIRST_YEAR = 2000
YEARS_AHEAD = 5


def validate_plausible_date(value):
    """Dates from 2000 up to five years ahead: typing errors such as 2062 or 0206 get a message."""
    last = date(timezone.localdate().year + YEARS_AHEAD, 12, 31)
    if value and not date(FIRST_YEAR, 1, 1) <= value <= last:
        raise ValidationError(
            _("Choose a date between 1 January %(first)s and 31 December %(last)s.")
            % {"first": FIRST_YEAR, "last": last.year},
            code="implausible_date",
        )
