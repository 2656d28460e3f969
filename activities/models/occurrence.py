from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import ActivityPage


class Occurrence(models.Model):
    """One date of an activity, materialised from its schedule (occurrences.py)."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("takes place")
        CANCELLED = "cancelled", _("cancelled")
        HOLIDAY = "holiday", _("no activity (holiday)")

    activity = models.ForeignKey(ActivityPage, on_delete=models.CASCADE, related_name="occurrences")
    location = models.ForeignKey(
        "locations.LocationPage", on_delete=models.CASCADE, related_name="occurrences"
    )
    key = models.DateField(help_text="The date in the series: stable identity, RECURRENCE-ID in feeds.")
    start = models.DateTimeField()
    end = models.DateTimeField()
    all_day = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    note = models.CharField(max_length=200, blank=True)
    moved_from = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["start", "activity_id"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "key"], name="one_occurrence_per_series_date")
        ]
        indexes = [
            models.Index(fields=["start"]),
            models.Index(fields=["location", "start"]),
            models.Index(fields=["activity", "start"]),
        ]

    def __str__(self):
        return f"{self.activity_id} {self.start:%Y-%m-%d %H:%M}"

    @property
    def is_cancelled(self):
        return self.status != self.Status.SCHEDULED
