"""The dashboard's figures as CSV and XLSX: the same shown values as the HTML, '<5' included."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from .dashboard import table
from .figures import FIGURES

KIND_LABELS = {"welkomhuis": "welkomhuis", "wijk": "wijk", "city": "stad"}


def rows(figures, scope_rows):
    """Header plus one row per quarter and scope, as strings."""
    yield [_("Quarter"), _("Level"), _("Name"), *[str(figure.label) for figure in FIGURES]]
    for quarter, values in figures.items():
        for kind, name, cells in table(values, scope_rows):
            yield [str(quarter), KIND_LABELS[kind], name, *[c.text for c in cells]]


def as_csv(figures, scope_rows, filename):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows(figures, scope_rows):
        writer.writerow(row)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def as_xlsx(figures, scope_rows, filename):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Figures")[:31]
    for n, row in enumerate(rows(figures, scope_rows)):
        # Numbers as numbers, so a spreadsheet can add them up; '<5' stays text.
        sheet.append([_number(value) if n and i >= 3 else value for i, value in enumerate(row)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def _number(text):
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() else value
