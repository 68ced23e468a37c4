"""The regie job: every day, flag the families whose pathway needs a regiehouder and has none, and tell
the professionals holding their "choose a regiehouder" task (the email names no family: they log in)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kansrijk.core.services import ScheduledJob, register_job
from kansrijk.families.models import CareTeamMember
from kansrijk.pathways.models import CompletesOn, Task, TaskStatus
from kansrijk.regie.services import regie_gaps_flag

logger = logging.getLogger(__name__)

register_job(ScheduledJob(name="regie.gaps", func="kansrijk.regie.jobs.gaps", minutes=24 * 60))


def gaps() -> int:
    """Returns the number of families flagged now."""
    report = regie_gaps_flag()
    holders = set(
        Task.objects.filter(
            family_id__in=report.flagged,
            status=TaskStatus.OPEN,
            completes_on=CompletesOn.REGIE_ASSIGNED,
            assigned_to__is_active=True,
        ).values_list("family_id", "assigned_to__email")
    )
    # A family without such a task (its regiehouder left): its active care team hears it instead.
    without_holder = set(report.flagged) - {family_id for family_id, _email in holders}
    team = CareTeamMember.objects.filter(family_id__in=without_holder, ended_at__isnull=True, user__is_active=True)
    recipients = sorted({email for _family, email in holders} | set(team.values_list("user__email", flat=True)))
    url = settings.KANSRIJK_SITE_URL + reverse("pathways:worklist")
    for email in recipients:
        with translation.override("nl"):
            send_mail(
                subject=_("Kansrijk: een gezin wacht op een regiehouder"),
                message=_(
                    "Een gezin in je werklijst heeft volgens de route een regiehouder nodig, en heeft er nog geen.\n"
                    "Kies samen met het gezin een regiehouder: %(url)s\n"
                )
                % {"url": url},
                from_email=None,
                recipient_list=[email],
            )
    logger.info(
        "regie: %d families flagged, %d resolved, %d without a regiehouder",
        len(report.flagged),
        report.resolved,
        report.open,
    )
    return len(report.flagged)
