from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.translation import is_original

from .indexing import update_search_index
from .models import ActivityPage
from .occurrences import materialise
from .registrations import promote_for_activity


@receiver(page_published, sender=ActivityPage)
def activity_published(sender, instance, **kwargs):
    if not is_original(instance):
        return  # a translation only carries words: the Dutch page takes place
    # Publishing a series is also saying it still runs.
    ActivityPage.objects.filter(pk=instance.pk).update(confirmed_at=timezone.now(), hidden_as_stale=False)
    materialise([instance])
    update_search_index([instance])
    if instance.takes_registrations:
        promote_for_activity(instance)  # more places than before go to the waiting list


@receiver(page_unpublished, sender=ActivityPage)
def activity_unpublished(sender, instance, **kwargs):
    if not is_original(instance):
        return
    materialise([instance])
    update_search_index([instance])


@receiver(post_page_move)
def activity_moved(sender, instance, **kwargs):
    # An activity moved to another welkomhuis takes place there from now on.
    if isinstance(instance.specific, ActivityPage):
        materialise([instance])
