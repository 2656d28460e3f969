"""What the figures keep after personal records are purged: aggregates, and for one figure a pseudonym.

FigureSnapshot: one value per quarter, scope (a welkomhuis, a wijk or the whole
city) and figure, stored nightly before the retention purge (snapshots.py).

RegistrantMark: "distinct registrants" needs to know who registered twice, which
the purge erases. So before the purge, each registration leaves a keyed hash
(HMAC with SECRET_KEY) of its email, phone or account: no name, no address, not
reversible without the key. Marks are deleted once their quarter's snapshot is final.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FigureSnapshot(models.Model):
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    # "location:<id>", "wijk:<wijk>" or "city" (see scope_of); a plain string so it outlives the page.
    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=40)
    value = models.DecimalField(max_digits=14, decimal_places=2)
    taken_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("figure snapshot")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "quarter", "scope", "key"], name="one_snapshot_per_quarter_scope_figure"
            )
        ]
        indexes = [models.Index(fields=["year", "quarter"])]

    def __str__(self):
        return f"{self.year}-Q{self.quarter} {self.scope} {self.key}={self.value}"


class RegistrantMark(models.Model):
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    location = models.ForeignKey("locations.LocationPage", on_delete=models.CASCADE, related_name="+")
    digest = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["year", "quarter", "location", "digest"], name="one_mark_per_registrant"
            )
        ]

    def __str__(self):
        return f"{self.year}-Q{self.quarter} {self.location_id}"
