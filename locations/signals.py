from django.dispatch import Signal, receiver
from wagtail.signals import page_published

from .models import LocationPage
from .permissions import ensure_staff_group

# Sent after a booking series changed (booked, cancelled, approved, ...) and the change committed.
# activities/spreekuur.py listens: a public consultation hour follows its bookings.
booking_series_changed = Signal()


@receiver(page_published, sender=LocationPage)
def create_staff_group_on_publish(sender, instance, **kwargs):
    ensure_staff_group(instance)
