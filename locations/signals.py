from django.db.models.signals import post_save
from django.dispatch import Signal, receiver
from wagtail.signals import page_published

from home.translation import is_original

from .models import LocationPage
from .permissions import ensure_staff_group, share_with_translation

# Sent after a booking series changed (booked, cancelled, approved, ...) and the change committed.
# activities/spreekuur.py listens: a public consultation hour follows its bookings.
booking_series_changed = Signal()


@receiver(post_save, sender=LocationPage)
def share_permissions_with_translation(sender, instance, created, raw=False, **kwargs):
    if created and not raw and not is_original(instance):
        share_with_translation(instance)


@receiver(page_published, sender=LocationPage)
def create_staff_group_on_publish(sender, instance, **kwargs):
    if not is_original(instance):
        return  # the Dutch page's staff group also edits its translations
    ensure_staff_group(instance)
