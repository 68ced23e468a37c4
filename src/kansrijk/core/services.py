"""Services of the core: scheduled jobs and health."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django_q.models import Schedule

from kansrijk.core import clock
from kansrijk.core.models import WorkerHeartbeat


@dataclass(frozen=True)
class ScheduledJob:
    name: str
    func: str
    minutes: int


# Every recurring job of the application, declared in one place. Later apps add theirs here
# (reminders, digests) through `register_job`.
_JOBS: dict[str, ScheduledJob] = {}


def register_job(job: ScheduledJob) -> None:
    _JOBS[job.name] = job


register_job(ScheduledJob(name="core.heartbeat", func="kansrijk.core.jobs.heartbeat", minutes=1))
register_job(ScheduledJob(name="core.audit_checkpoint", func="kansrijk.core.jobs.audit_checkpoint", minutes=15))


def registered_jobs() -> list[ScheduledJob]:
    return sorted(_JOBS.values(), key=lambda job: job.name)


@transaction.atomic
def schedules_sync() -> list[str]:
    """Make the worker's schedule match the declared jobs (idempotent). Returns the job names."""
    names = []
    for job in registered_jobs():
        Schedule.objects.update_or_create(
            name=job.name,
            defaults={
                "func": job.func,
                "schedule_type": Schedule.MINUTES,
                "minutes": job.minutes,
                "repeats": -1,
            },
        )
        names.append(job.name)
    Schedule.objects.filter(name__startswith="core.").exclude(name__in=names).delete()
    return names


@dataclass(frozen=True)
class Health:
    database_ok: bool
    worker_ok: bool
    last_heartbeat: datetime | None

    @property
    def status(self) -> str:
        if not self.database_ok:
            return "down"
        return "ok" if self.worker_ok else "degraded"


def health_check() -> Health:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        beat = WorkerHeartbeat.objects.filter(pk=1).values_list("beat_at", flat=True).first()
    except DatabaseError:
        return Health(database_ok=False, worker_ok=False, last_heartbeat=None)
    max_age = settings.KANSRIJK_WORKER_HEARTBEAT_MAX_AGE
    worker_ok = beat is not None and clock.now() - beat <= max_age
    return Health(database_ok=True, worker_ok=worker_ok, last_heartbeat=beat)
