from django.dispatch import receiver
from wagtail.signals import page_published

from .models import LocationPage
from .permissions import ensure_staff_group


@receiver(page_published, sender=LocationPage)
def create_staff_group_on_publish(sender, instance, **kwargs):
    ensure_staff_group(instance)
