"""The retention job: families closed longer ago than KANSRIJK_RETENTION_YEARS, and families whose first
1,000 days ended that long ago with nobody working in the file since, are anonymised (counts logged)."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from django.test import override_settings
from freezegun import freeze_time

from kansrijk.core.audit import actor_for, audit_record
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.core.services import registered_jobs
from kansrijk.families import services as family_services
from kansrijk.families.models import Family
from kansrijk.families.tests.factories import open_family, professional
from kansrijk.privacy import jobs, services
from kansrijk.privacy.models import PrivacyRequest, RequestKind

pytestmark = pytest.mark.django_db


def _closed_on(moment: str) -> Family:
    family = open_family(by=professional(), name="Gezin Gesloten (demo)")
    Family.objects.filter(pk=family.pk).update(closed_at=moment)
    return family


def test_the_job_is_scheduled_daily():
    job = next(job for job in registered_jobs() if job.name == "privacy.retention")
    assert job.func == "kansrijk.privacy.jobs.retention" and job.minutes == 24 * 60


def test_families_closed_longer_than_the_retention_period_are_anonymised(caplog):
    with freeze_time("2024-01-01 12:00:00"):
        old = _closed_on("2024-01-01T12:00:00+00:00")
        recent = _closed_on("2024-06-01T12:00:00+00:00")
        still_open = open_family(by=professional(), name="Gezin Open (demo)")
    with freeze_time("2026-03-01 03:00:00"), caplog.at_level(logging.INFO, logger="kansrijk.privacy.jobs"):
        assert jobs.retention() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.name == services.MARKER and old.anonymised_at is not None
    assert recent.name == "Gezin Gesloten (demo)" and recent.anonymised_at is None
    assert Family.objects.get(pk=still_open.pk).anonymised_at is None
    assert "1 closed families and 0 inactive families" in caplog.text and "Gesloten" not in caplog.text
    request = PrivacyRequest.objects.get()
    assert (request.kind, request.family_ref, request.handled_by) == (RequestKind.RETENTION, old.pk, None)
    entry = AuditEntry.objects.filter(action=AuditAction.DELETE).get()
    assert entry.actor_label == "systeem:privacy.retention" and entry.object_id == str(old.pk)
    # The next day nothing more happens: anonymised once.
    with freeze_time("2026-03-02 03:00:00"):
        assert jobs.retention() == 0


@override_settings(KANSRIJK_RETENTION_YEARS=1)
def test_the_retention_period_is_a_setting():
    with freeze_time("2025-01-01 12:00:00"):
        family = _closed_on("2025-01-01T12:00:00+00:00")
    with freeze_time("2026-01-02 12:00:00"):
        assert jobs.retention() == 1
    assert Family.objects.get(pk=family.pk).anonymised_at is not None


def test_finished_families_without_activity_are_anonymised():
    with freeze_time("2020-01-10 10:00:00"):
        midwife = professional()
        quiet = open_family(by=midwife, name="Gezin Stil (demo)")
        family_services.child_add(family=quiet, by=midwife, given_name="Sem", birth_date=date(2020, 1, 5))
        busy = open_family(by=midwife, name="Gezin Bezig (demo)")
        family_services.child_add(family=busy, by=midwife, given_name="Bo", birth_date=date(2020, 1, 5))
        long_support = open_family(by=midwife, name="Gezin Zolang Nodig (demo)", support_as_long_as_needed=True)
        family_services.child_add(family=long_support, by=midwife, given_name="Ali", birth_date=date(2020, 1, 5))
    with freeze_time("2023-05-01 10:00:00"):
        # Someone still worked with this file two years after the 1,000 days.
        audit_record(actor=actor_for(midwife), action=AuditAction.VIEW, targets=[busy], purpose="test")
    with freeze_time("2021-06-01 10:00:00"):
        young = open_family(by=midwife, name="Gezin Jong (demo)")
        family_services.child_add(family=young, by=midwife, given_name="Lot", birth_date=date(2021, 5, 20))
    with freeze_time("2024-06-01 03:00:00"):
        report = services.retention_apply()
    assert (report.closed, report.inactive) == (0, 2)
    anonymised = set(Family.objects.filter(anonymised_at__isnull=False).values_list("pk", flat=True))
    assert anonymised == {quiet.pk, long_support.pk}
    assert Family.objects.get(pk=quiet.pk).children.get().given_name == services.MARKER
    assert Family.objects.get(pk=quiet.pk).children.get().birth_date == date(2020, 1, 5)


def test_a_refused_attempt_is_no_activity():
    with freeze_time("2020-01-10 10:00:00"):
        midwife = professional()
        family = open_family(by=midwife)
        family_services.child_add(family=family, by=midwife, given_name="Sem", birth_date=date(2020, 1, 5))
    with freeze_time("2024-01-01 10:00:00"):
        audit_record(actor=actor_for(professional()), action=AuditAction.DENIED, targets=[family])
    with freeze_time("2024-06-01 03:00:00"):
        assert services.retention_apply().inactive == 1
