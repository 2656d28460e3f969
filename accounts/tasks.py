from datetime import timedelta

from allauth.account.models import EmailAddress
from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone


@shared_task(autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def send_email(*, subject, body, to, from_email=None, html=None):
    message = EmailMultiAlternatives(subject, body, from_email or settings.DEFAULT_FROM_EMAIL, to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


@shared_task
def purge_unverified_accounts():
    """Delete sign-ups that never verified their address (AVG: keep no more than needed).

    Staff accounts (flagged, superuser or in any group) and coaches are never touched.
    """
    cutoff = timezone.now() - timedelta(days=settings.UNVERIFIED_ACCOUNT_RETENTION_DAYS)
    verified = EmailAddress.objects.filter(verified=True).values("user_id")
    stale = (
        get_user_model()
        .objects.filter(
            date_joined__lt=cutoff,
            last_login__isnull=True,
            is_staff=False,
            is_superuser=False,
            groups__isnull=True,  # staff invited into a welkomhuis group
            coach__isnull=True,  # coaches are added by an administrator
        )
        .exclude(pk__in=verified)
    )
    ids = list(stale.values_list("pk", flat=True))
    get_user_model().objects.filter(pk__in=ids).delete()
    return len(ids)
