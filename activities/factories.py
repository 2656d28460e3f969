from datetime import time

import factory
import wagtail_factories
from django.utils import timezone

from .models import ActivityPage, ActivityType


class ActivityPageFactory(wagtail_factories.PageFactory):
    """A one-off taalcafé today, 14:00-16:00; pass parent=<LocationPage>, recurrence="FREQ=WEEKLY" etc."""

    class Meta:
        model = ActivityPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Taalcafé {n}")
    summary = "Samen Nederlands praten met koffie en thee."
    activity_type = factory.LazyFunction(lambda: ActivityType.objects.get(slug="taalcafe"))
    start_date = factory.LazyFunction(timezone.localdate)
    start_time = time(14)
    end_time = time(16)

    @classmethod
    def published(cls, **kwargs):
        """Create and publish (publishing materialises the occurrences, as in the admin)."""
        page = cls(**kwargs)
        page.save_revision().publish()
        return page
