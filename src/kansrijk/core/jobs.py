"""Background jobs of the core, run by the django-q2 worker."""

from pathlib import Path

from django.conf import settings

from kansrijk.core import clock
from kansrijk.core.audit_checkpoint import write_checkpoint
from kansrijk.core.models import WorkerHeartbeat


def heartbeat() -> None:
    """Scheduled every minute; /healthz reads its age to tell whether the worker is running."""
    WorkerHeartbeat.objects.update_or_create(pk=1, defaults={"beat_at": clock.now()})


def audit_checkpoint() -> str:
    """Scheduled every 15 minutes: append the audit chain's head to `AUDIT_CHECKPOINT_FILE` (and the log).

    Fails (`CheckpointError`, in the worker's log and its failed tasks) without writing when the
    previous checkpoint in the file no longer matches the chain, or the entries since are broken."""
    path = settings.KANSRIJK_AUDIT_CHECKPOINT_FILE
    return write_checkpoint(Path(path) if path else None)
