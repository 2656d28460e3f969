"""The city's dashboard in the Wagtail admin: aggregates only, never a link to a person."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone

from . import export
from .access import visible_locations
from .dashboard import figures_for, scope_cell, scopes, table
from .figures import FIGURES
from .privacy import SMALL_LABEL
from .quarters import Quarter

TREND_QUARTERS = 4


def dashboard(request):
    """?quarter=2026-3 (default: the last closed quarter), ?location=<id> for one welkomhuis's trend,
    ?format=csv|xlsx for the year up to that quarter."""
    locations, sees_city = visible_locations(request.user)
    now = timezone.now()
    quarter = Quarter.parse(request.GET.get("quarter", "")) or Quarter.current(now).previous
    if quarter > Quarter.current(now):
        quarter = Quarter.current(now)
    focus = None
    if request.GET.get("location"):
        # Only a welkomhuis this user may see: anything else is refused, not silently widened.
        focus = next((loc for loc in locations if str(loc.pk) == request.GET["location"]), None)
        if focus is None:
            raise PermissionDenied
    shown_locations = [focus] if focus else locations
    quarters = [quarter.back(n) for n in reversed(range(TREND_QUARTERS))]
    figures = figures_for(quarters, shown_locations, sees_city and focus is None, now)
    scope_rows = scopes(shown_locations, sees_city and focus is None)
    filename = f"welkomhuis-cijfers-{quarters[0].slug}-{quarter.slug}"
    if request.GET.get("format") == "csv":
        return export.as_csv(figures, scope_rows, filename)
    if request.GET.get("format") == "xlsx":
        return export.as_xlsx(figures, scope_rows, filename)
    trend_scope = scope_rows[-1][0] if (sees_city and focus is None) or len(shown_locations) == 1 else None
    context = {
        "quarter": quarter,
        "is_closed": quarter.is_closed(now),
        "previous": quarter.previous,
        "next": quarter.next if quarter.next <= Quarter.current(now) else None,
        "figures": FIGURES,
        "rows": table(figures[quarter], scope_rows),
        "trends": trends(figures, trend_scope) if trend_scope else [],
        "quarters": quarters,
        "locations": locations,
        "focus": focus,
        "sees_city": sees_city,
    }
    return render(request, "monitoring/dashboard.html", context)


def trends(figures, scope):
    """Per figure, its value in each quarter with a bar length in percent of the largest."""
    result = []
    for figure in FIGURES:
        cells = [(q, scope_cell(figure, figures[q], scope)) for q in figures]
        if any(c.value is None for _q, c in cells):
            continue  # not counted for this scope
        largest = max(c.value for _q, c in cells) or 1
        bars = [
            # A suppressed small number gets no bar that would give its size away.
            {
                "quarter": q,
                "text": c.text,
                "percent": 0 if c.text == SMALL_LABEL else round(100 * c.value / largest),
            }
            for q, c in cells
        ]
        result.append({"figure": figure, "bars": bars})
    return result
