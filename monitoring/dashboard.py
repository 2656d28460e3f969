"""The figures a user may see for some quarters: stored snapshots for closed quarters, live otherwise.

Result shape: {quarter: {scope: {figure key: value}}}, scopes as figures.scope_of.
The City sees every welkomhuis, every wijk and the city; staff only their own
welkomhuizen (a wijk's total would include other welkomhuizen).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from home.models import Wijk

from .figures import FIGURES, scope_of
from .models import FigureSnapshot
from .privacy import shown


def groups_for(sees_city):
    return ("location", "wijk", "city") if sees_city else ("location",)


def compute(quarter, wijk_of, groups, now=None):
    """Every figure for one quarter, computed from the current data; wijk_of is {location id: wijk}."""
    values = defaultdict(dict)
    for figure in FIGURES:
        for scope, value in figure.compute(quarter, wijk_of, groups, now).items():
            values[scope][figure.key] = value
    return values


def figures_for(quarters, locations, sees_city, now=None):
    now = now or timezone.now()
    wijk_of = {location.pk: location.wijk for location in locations}
    groups = groups_for(sees_city)
    wanted = {scope for scope, _kind, _name in scopes(locations, sees_city)}
    closed = [q for q in quarters if q.is_closed(now)]
    stored = defaultdict(lambda: defaultdict(dict))
    if closed:
        condition = Q()
        for quarter in closed:
            condition |= Q(year=quarter.year, quarter=quarter.number)
        rows = FigureSnapshot.objects.filter(condition).values_list(
            "year", "quarter", "scope", "key", "value"
        )
        for year, number, scope, key, value in rows:
            if scope in wanted:
                stored[(year, number)][scope][key] = float(value)
    result = {}
    for quarter in quarters:
        snapshot = stored.get((quarter.year, quarter.number))
        result[quarter] = snapshot if snapshot else compute(quarter, wijk_of, groups, now)
    return result


def scopes(locations, sees_city):
    """(scope, kind, name) rows in the order the tables show them."""
    rows = [(scope_of("location", location.pk), "welkomhuis", location.title) for location in locations]
    if sees_city:
        wijken = {location.wijk for location in locations}
        rows += [(scope_of("wijk", value), "wijk", label) for value, label in Wijk.choices if value in wijken]
        rows.append(("city", "city", "Utrecht"))
    return rows


@dataclass
class Cell:
    value: float
    text: str


NOT_APPLICABLE = "–"


def table(values, rows):
    """Rows of (kind, name, [Cell per figure]) with the small-number rule applied."""
    return [
        (kind, name, [scope_cell(figure, values, scope) for figure in FIGURES]) for scope, kind, name in rows
    ]


def scope_cell(figure, values, scope):
    if scope.startswith("location:") and not figure.per_welkomhuis:
        return Cell(None, NOT_APPLICABLE)  # counted per wijk: where people live, not where they go
    return cell(figure, values.get(scope, {}).get(figure.key, 0))


def cell(figure, value):
    return Cell(value, shown(value, figure.describes_people, figure.decimals))
