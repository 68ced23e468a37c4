"""The referral jobs: service-level reminders and escalations (hourly) and the closing summary of
families that leave the 1,000-day window (daily). The digest is the notify app's one digest job."""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction

from kansrijk.core import clock
from kansrijk.core.services import ScheduledJob, register_job
from kansrijk.referrals import notify
from kansrijk.referrals.models import AlertStage, NoticeKind, Referral, ReferralStatus, ServiceLevelAlert
from kansrijk.referrals.service_levels import Lateness, running_clock
from kansrijk.referrals.services import family_closings

logger = logging.getLogger(__name__)

register_job(ScheduledJob(name="referrals.service_levels", func="kansrijk.referrals.jobs.service_levels", minutes=60))
register_job(ScheduledJob(name="referrals.closings", func="kansrijk.referrals.jobs.closings", minutes=24 * 60))


def _stage(referral: Referral) -> tuple[str, str] | None:
    running = running_clock(referral)
    if running is None:
        return None
    if running.lateness == Lateness.VERY_LATE:
        return running.kind, AlertStage.VERY_LATE
    if running.lateness == Lateness.LATE:
        return running.kind, AlertStage.LATE
    if running.due_today:
        return running.kind, AlertStage.REMINDER
    return None


def service_levels() -> int:
    """Remind the receiving side on the day an answer or first contact is due; past the norm, escalate
    to the family's regiehouder (or the referrer); past three times the norm, escalate again to both
    and to the receiving side. Each alert is sent once (a unique row per referral, clock and stage)."""
    sent = 0
    open_rows = Referral.objects.filter(
        sent_at__isnull=False,
        status__in=[ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.HANDOVER_PLANNED],
        first_contact_at__isnull=True,
    ).select_related("family", "referrer", "professional", "answered_by")
    for referral in open_rows.iterator(chunk_size=500):
        found = _stage(referral)
        if found is None:
            continue
        kind, stage = found
        try:
            with transaction.atomic():
                ServiceLevelAlert.objects.create(referral=referral, clock=kind, stage=stage, at=clock.now())
                receiving = [referral.answered_by] if referral.answered_by else notify.receivers(referral)
                if stage == AlertStage.REMINDER:
                    notify.alert(referral=referral, kind=NoticeKind.REMINDER, people=receiving)
                elif stage == AlertStage.LATE:
                    notify.alert(
                        referral=referral,
                        kind=NoticeKind.LATE,
                        people=[notify.regiehouder_or_referrer(referral), *receiving],
                    )
                else:
                    notify.alert(
                        referral=referral, kind=NoticeKind.VERY_LATE, people=[*notify.followers(referral), *receiving]
                    )
        except IntegrityError:
            continue  # this alert was already sent
        sent += 1
    logger.info("referrals: %d service-level alerts", sent)
    return sent


def closings() -> int:
    return family_closings()
