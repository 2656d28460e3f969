from celery import shared_task

from .snapshots import take_snapshots


@shared_task
def store_figure_snapshots():
    """Nightly, before the registration purge: store the quarters' figures (see snapshots.py).

    The purge task also runs this step first, so the order holds even if the
    two are scheduled differently.
    """
    return take_snapshots()
