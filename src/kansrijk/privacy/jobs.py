"""The retention job (daily): anonymise the families that may no longer be kept (see
`kansrijk.privacy.selectors`: closed longer ago than KANSRIJK_RETENTION_YEARS, or the first 1,000 days
long over and nobody has worked with the file for that long). It logs counts only."""

from __future__ import annotations

import logging

from kansrijk.core.services import ScheduledJob, register_job
from kansrijk.privacy.services import retention_apply

logger = logging.getLogger(__name__)

register_job(ScheduledJob(name="privacy.retention", func="kansrijk.privacy.jobs.retention", minutes=24 * 60))


def retention() -> int:
    """Returns the number of families anonymised now."""
    report = retention_apply()
    logger.info(
        "privacy retention: %d closed families and %d inactive families anonymised", report.closed, report.inactive
    )
    return report.closed + report.inactive
