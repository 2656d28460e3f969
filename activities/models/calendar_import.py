from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarImport(models.Model):
    """How the last import of a welkomhuis's partner calendar went (shown to its staff)."""

    location = models.OneToOneField(
        "locations.LocationPage", on_delete=models.CASCADE, related_name="calendar_import"
    )
    checked_at = models.DateTimeField(null=True, blank=True)
    succeeded_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    summary = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("calendar import")

    def __str__(self):
        return f"{self.location}: {self.error or self.summary}"
