"""Utrecht's four-digit postcode areas → wijk and an approximate centroid (data/postcodes.csv)."""

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATA_FILE = Path(__file__).parent / "data" / "postcodes.csv"


@dataclass(frozen=True)
class PostcodeArea:
    postcode: str
    wijk: str
    lat: float
    lon: float


@cache
def areas():
    with DATA_FILE.open(encoding="utf-8") as file:
        rows = csv.DictReader(line for line in file if not line.startswith("#"))
        return {
            row["postcode"]: PostcodeArea(row["postcode"], row["wijk"], float(row["lat"]), float(row["lon"]))
            for row in rows
        }


def area_for(value):
    """The area of a postcode ("3512", "3512 AB", "3512ab"), or ValidationError with a clear message."""
    match = re.match(r"^\s*(\d{4})\s*([a-zA-Z]{2})?\s*$", value or "")
    if not match:
        raise ValidationError(_("Fill in a postcode: four digits, for example 3512."), code="postcode")
    area = areas().get(match.group(1))
    if area is None:
        raise ValidationError(
            _("This postcode is not in the city of Utrecht. We only match people in Utrecht."),
            code="outside",
        )
    return area
