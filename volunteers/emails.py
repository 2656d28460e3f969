"""Emails of the volunteers app, each rendered in its reader's language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def absolute(path):
    return settings.PUBLIC_BASE_URL.rstrip("/") + path


def send(template, to, language, context, reply_to=None):
    """Render volunteers/email/<template>{_subject}.txt in `language` and send it (if any address)."""
    to = [address for address in to if address]
    if not to:
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"volunteers/email/{template}_subject.txt", context)
        body = render_to_string(f"volunteers/email/{template}.txt", context)
    EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, to, reply_to=reply_to).send()
