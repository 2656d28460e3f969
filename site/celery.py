"""The Celery application.

Without configuration tasks run inline (``task_always_eager``); set
``CELERY_BROKER_URL`` (or ``REDIS_URL``) to hand them to a worker.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welkomhuis.settings.dev")

app = Celery("welkomhuis")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
