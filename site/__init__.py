"""Project configuration for the Welkomhuis platform (imported as ``welkomhuis``).

The Celery app is loaded here so that ``@shared_task`` functions bind to it
whenever Django starts (the pattern from cookiecutter-django).
"""

from .celery import app as celery_app

__all__ = ["celery_app"]
