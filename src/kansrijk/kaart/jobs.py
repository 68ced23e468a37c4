"""Background jobs of the Kaart: remind editors of services nobody checked for six months, and keep
the worker's search index (and the stored embeddings) current."""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kansrijk.accounts.roles import Role
from kansrijk.accounts.selectors import role_holders
from kansrijk.core import clock
from kansrijk.core.services import ScheduledJob, register_job
from kansrijk.kaart.models import Service
from kansrijk.kaart.selectors import stale_services

logger = logging.getLogger(__name__)

REMIND_AGAIN_AFTER = timedelta(days=30)

register_job(ScheduledJob(name="kaart.stale_reminders", func="kansrijk.kaart.jobs.stale_reminders", minutes=24 * 60))
register_job(ScheduledJob(name="kaart.index_warm", func="kansrijk.kaart.jobs.index_warm", minutes=5))


def stale_reminders() -> int:
    """Email each organisation's editors the services not checked for six months (at most once a month
    per service). Returns the number of emails sent."""
    now = clock.now()
    due = (
        stale_services()
        .filter(organization__managed_by__isnull=False)
        .exclude(stale_reminder_sent_at__gte=now - REMIND_AGAIN_AFTER)
        .select_related("organization")
        .order_by("name")
    )
    per_organisation: dict[int, list[Service]] = defaultdict(list)
    for service in due:
        managed_by = service.organization.managed_by_id
        if managed_by is not None:
            per_organisation[managed_by].append(service)
    sent = 0
    for organisation_id, services in per_organisation.items():
        editors = list(role_holders(role=Role.KAART_REDACTEUR, organisation_id=organisation_id))
        if not editors:
            continue
        with translation.override("nl"):
            body = render_to_string(
                "kaart/email/stale_reminder.txt",
                {
                    "services": services,
                    "editor_url": settings.KANSRIJK_SITE_URL + reverse("kaart:editor"),
                },
            )
        send_mail(
            subject=f"Kansrijk: {len(services)} hulpaanbod controleren op de Kaart",
            message=body,
            from_email=None,
            recipient_list=[editor.email for editor in editors],
        )
        with transaction.atomic():
            Service.objects.filter(pk__in=[s.pk for s in services]).update(stale_reminder_sent_at=now)
        sent += 1
    logger.info("kaart: %d reminder emails about services to check", sent)
    return sent


def index_warm() -> int:
    """Build the worker's index if the map changed; this stores the embeddings of new or changed
    services, so web processes find them ready. Returns how many were embedded."""
    from kansrijk.kaart.search import current_bundle

    return current_bundle(in_request=False).embedded
