"""The one digest job: hourly, so each person's daily or weekly moment is kept; a digest goes only when
it is due."""

from __future__ import annotations

from kansrijk.core.services import ScheduledJob, register_job
from kansrijk.notify import services

register_job(ScheduledJob(name="notify.digest", func="kansrijk.notify.jobs.digest", minutes=60))


def digest() -> int:
    return services.digests_send()
