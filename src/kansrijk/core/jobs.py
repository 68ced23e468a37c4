"""Background jobs of the core, run by the django-q2 worker."""

from kansrijk.core import clock
from kansrijk.core.models import WorkerHeartbeat


def heartbeat() -> None:
    """Scheduled every minute; /healthz reads its age to tell whether the worker is running."""
    WorkerHeartbeat.objects.update_or_create(pk=1, defaults={"beat_at": clock.now()})
