"""The Vraagbaak's jobs: asking askers what worked (daily) and the digests (hourly, so each member's
daily or weekly moment is kept; a digest goes only when it is due)."""

from __future__ import annotations

from kansrijk.core.services import ScheduledJob, register_job
from kansrijk.vraagbaak import notify, services

register_job(ScheduledJob(name="vraagbaak.feedback", func="kansrijk.vraagbaak.jobs.feedback", minutes=24 * 60))
register_job(ScheduledJob(name="vraagbaak.digest", func="kansrijk.vraagbaak.jobs.digest", minutes=60))


def feedback() -> int:
    return services.feedback_ask_due()


def digest() -> int:
    return notify.send_digests()
