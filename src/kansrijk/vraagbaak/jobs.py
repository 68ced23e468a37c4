"""The Vraagbaak's jobs: asking askers what worked (daily). The digests are the notify app's one
digest job."""

from __future__ import annotations

from kansrijk.core.services import ScheduledJob, register_job
from kansrijk.vraagbaak import notify, services  # noqa: F401  (notify registers the notice kinds)

register_job(ScheduledJob(name="vraagbaak.feedback", func="kansrijk.vraagbaak.jobs.feedback", minutes=24 * 60))


def feedback() -> int:
    return services.feedback_ask_due()
