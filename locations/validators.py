"""Checks on what staff type into a welkomhuis page."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The Netherlands' extreme points: Vaals (south, east), Rottumeroog (north),
# Cadzand (west). A box is enough to catch a missed click or swapped numbers.
NL_LATITUDE = (50.75, 53.56)
NL_LONGITUDE = (3.35, 7.23)

POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")
# Letter pairs PostNL never hands out.
UNUSED_POSTCODE_LETTERS = {"SA", "SD", "SS"}


def normalise_postcode(value):
    """'3511ab' -> '3511 AB'; raises ValidationError for anything that is not a Dutch postcode."""
    match = POSTCODE_RE.match(value or "")
    if not match or match.group(2).upper() in UNUSED_POSTCODE_LETTERS:
        raise ValidationError(
            _("%(value)s is not a Dutch postcode. Write four digits and two letters, like 3511 AB."),
            code="invalid_postcode",
            params={"value": value},
        )
    return f"{match.group(1)} {match.group(2).upper()}"


def validate_postcode(value):
    normalise_postcode(value)


def validate_latitude(value):
    _within_netherlands(
        value,
        NL_LATITUDE,
        _(
            "Latitude %(value)s lies outside the Netherlands (it should be between 50.75 and "
            "53.56; Utrecht is about 52.09). Pick the point on the map, or check that latitude "
            "and longitude are not swapped."
        ),
    )


def validate_longitude(value):
    _within_netherlands(
        value,
        NL_LONGITUDE,
        _(
            "Longitude %(value)s lies outside the Netherlands (it should be between 3.35 and "
            "7.23; Utrecht is about 5.12). Pick the point on the map, or check that latitude "
            "and longitude are not swapped."
        ),
    )


def _within_netherlands(value, bounds, message):
    if value is not None and not bounds[0] <= float(value) <= bounds[1]:
        raise ValidationError(message, code="outside_netherlands", params={"value": value})
