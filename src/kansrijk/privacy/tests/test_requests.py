"""Data-subject requests: export everything (JSON) and a summary for the parents (PDF), erase, anonymise.
Only the privacy officer may; everything is audited; erase and anonymise need a reason and a typed
confirmation and are all or nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from kansrijk.consent.models import Consent
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.families.models import BreakGlassAccess, Caregiver, CareTeamMember, Child, Family, NetworkMember
from kansrijk.pathways.models import Task, TaskStatus
from kansrijk.plans.models import Action, Goal
from kansrijk.privacy import selectors, services
from kansrijk.privacy.models import PrivacyRequest, RequestKind
from kansrijk.privacy.tests.factories import PHONE, beheerder, full_family
from kansrijk.referrals.models import Handover, Referral, ReferralEvent, ReferralStatus
from kansrijk.signalling.models import Assessment, Observation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


@pytest.fixture
def frozen() -> Iterator[None]:
    with freeze_time("2026-11-23 10:00:00", tick=True):
        yield


def _counts(family_pk: int) -> dict[str, int]:
    return {
        "caregivers": Caregiver.objects.filter(family_id=family_pk).count(),
        "children": Child.objects.filter(family_id=family_pk).count(),
        "network": NetworkMember.objects.filter(family_id=family_pk).count(),
        "team": CareTeamMember.objects.filter(family_id=family_pk).count(),
        "assessments": Assessment.objects.filter(family_id=family_pk).count(),
        "observations": Observation.objects.filter(assessment__family_id=family_pk).count(),
        "tasks": Task.objects.filter(family_id=family_pk).count(),
        "goals": Goal.objects.filter(family_id=family_pk).count(),
        "actions": Action.objects.filter(goal__family_id=family_pk).count(),
        "consents": Consent.objects.filter(family_id=family_pk).count(),
        "referrals": Referral.objects.filter(family_id=family_pk).count(),
        "events": ReferralEvent.objects.filter(referral__family_id=family_pk).count(),
        "handovers": Handover.objects.filter(referral__family_id=family_pk).count(),
        "break_glass": BreakGlassAccess.objects.filter(family_id=family_pk).count(),
    }


def test_the_json_export_holds_everything_including_consents_and_referrals():
    family, s = full_family()
    officer = beheerder()
    data = json.loads(services.family_export_json(family=family, by=officer))
    assert data["export"]["family_id"] == family.pk
    assert data["family"]["name"] == family.name
    assert data["caregivers"][0]["given_name"] == "Meriam" and data["caregivers"][0]["phone"] == PHONE
    assert data["children"][0]["given_name"] == "Noor"
    assert data["network"][0]["name"] == "Fatima"
    assert s.midwife.full_name in {member["user_label"] for member in data["care_team"]}
    assert data["assessments"][0]["observations"][0]["factor"] == "stress"
    assert data["tasks"] and data["goals"][0]["actions"][0]["what"] == "Samen een overzicht maken"
    assert len(data["consents"]) == 1 and data["consents"][0]["categories"]
    referral = data["referrals"][0]
    assert referral["status"] == ReferralStatus.HANDOVER_PLANNED
    assert referral["consent"] == data["consents"][0]["id"]
    assert [event["to_status"] for event in referral["events"]][-1] == ReferralStatus.HANDOVER_PLANNED
    assert referral["handover"]["summary"].startswith("Zorgen over rekeningen")
    assert data["break_glass_grants"][0]["reason"].startswith("Kind mogelijk")
    assert data["access_log"]
    assert "token_hash" not in json.dumps(data)
    entry = AuditEntry.objects.filter(action=AuditAction.EXPORT).latest("seq")
    assert (entry.actor_id, entry.object_id, entry.detail) == (officer.pk, str(family.pk), {"format": "json"})


def test_every_model_that_belongs_to_a_family_is_found():
    labels = {model._meta.label_lower for model in selectors.family_models()}
    assert {
        "families.family",
        "families.caregiver",
        "families.child",
        "families.breakglassaccess",
        "signalling.observation",
        "signalling.meldcodestep",
        "plans.action",
        "consent.consent",
        "referrals.referral",
        "referrals.referralevent",
        "referrals.handover",
        "regie.regieassignment",
        "notify.notice",
    } <= labels
    assert "accounts.user" not in labels and "kaart.service" not in labels


def test_the_pdf_summary_is_a_pdf_and_is_audited():
    family, _s = full_family()
    officer = beheerder()
    document = services.family_export_pdf(family=family, by=officer)
    assert document.startswith(b"%PDF") and len(document) > 1500
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, detail={"format": "pdf"}, actor_id=officer.pk).exists()


def test_only_the_privacy_officer_may_export_erase_or_anonymise():
    family, s = full_family()
    for person in (s.midwife, s.worker):
        with pytest.raises(PermissionDenied):
            services.family_export_json(family=family, by=person)
        with pytest.raises(PermissionDenied):
            services.family_export_pdf(family=family, by=person)
        with pytest.raises(PermissionDenied):
            services.family_erase(family=family, by=person, reason="Verzoek van de ouders", confirmation="")
        with pytest.raises(PermissionDenied):
            services.family_anonymise(family=family, by=person, reason="Verzoek van de ouders", confirmation="")
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, object_id=str(family.pk)).count() == 8
    assert not AuditEntry.objects.filter(action__in=(AuditAction.EXPORT, AuditAction.DELETE)).exists()
    assert Family.objects.filter(pk=family.pk, anonymised_at__isnull=True).exists()


def test_erasing_needs_a_reason_and_the_typed_confirmation():
    family, _s = full_family()
    officer = beheerder()
    with pytest.raises(ValidationError) as error:
        services.family_erase(family=family, by=officer, reason="kort", confirmation=f"verwijderen {family.pk + 1}")
    assert set(error.value.message_dict) == {"reason", "confirmation"}
    assert Family.objects.filter(pk=family.pk).exists()
    assert not PrivacyRequest.objects.exists()


def test_erasing_removes_everything_but_keeps_the_audit_trail():
    family, _s = full_family()
    officer = beheerder()
    pk = family.pk
    assert all(_counts(pk).values())
    entries_before = AuditEntry.objects.count()
    request = services.family_erase(
        family=family, by=officer, reason="Verzoek van de ouders per brief", confirmation=f"  Verwijderen {pk} "
    )
    assert not Family.objects.filter(pk=pk).exists()
    assert set(_counts(pk).values()) == {0}
    assert request.kind == RequestKind.ERASE and request.family_ref == pk and request.counts["referrals.referral"] == 1
    assert AuditEntry.objects.count() == entries_before + 1  # nothing removed, one added
    entry = AuditEntry.objects.latest("seq")
    assert (entry.action, entry.object_type, entry.object_id) == (AuditAction.DELETE, "families.family", str(pk))
    assert entry.detail["mode"] == "erase" and "Meriam" not in json.dumps(entry.detail)


def test_anonymising_removes_names_and_keeps_the_counts():
    family, s = full_family()
    officer = beheerder()
    before = _counts(family.pk)
    statuses = list(Referral.objects.filter(family=family).values_list("status", flat=True))
    services.family_anonymise(
        family=family, by=officer, reason="Verzoek van de ouders per brief", confirmation=f"anonimiseren {family.pk}"
    )
    assert _counts(family.pk) == before
    family.refresh_from_db()
    assert family.name == services.MARKER and family.street == family.postcode == ""
    assert family.anonymised_at is not None and family.closed_at is not None
    caregiver = Caregiver.objects.get(family=family)
    assert (caregiver.given_name, caregiver.phone) == (services.MARKER, "")
    assert Child.objects.get(family=family).birth_date.isoformat() == "2026-11-09"  # dates stay
    assert list(Referral.objects.filter(family=family).values_list("status", flat=True)) == statuses
    assert Assessment.objects.get(family=family).proposed_amsterdam  # levels stay
    # Nothing of the family's words is left anywhere in its data.
    text = json.dumps(selectors.family_export(family), default=str)
    for word in ("Meriam", "Noor", "Fatima", PHONE, "rekeningen", "Teststraat", "Kind mogelijk"):
        assert word not in text, word
    # The file is finished: nobody is in its team, and no task is open.
    assert not CareTeamMember.objects.filter(family=family, ended_at__isnull=True).exists()
    assert not Task.objects.filter(family=family, status=TaskStatus.OPEN).exists()
    assert not s.midwife.has_perm("families.view_family", family)
    entry = AuditEntry.objects.latest("seq")
    assert entry.action == AuditAction.DELETE and entry.detail["mode"] == "anonymise"
    with pytest.raises(ValidationError, match="al geanonimiseerd"):
        services.family_anonymise(
            family=family, by=officer, reason="Nog een keer graag", confirmation=f"anonimiseren {family.pk}"
        )


def test_a_failing_erase_changes_nothing(monkeypatch):
    family, _s = full_family()
    before = _counts(family.pk)

    def broken(*args, **kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(services, "audit_record", broken)
    with pytest.raises(RuntimeError):
        services.family_erase(
            family=family, by=beheerder(), reason="Verzoek van de ouders", confirmation=f"verwijderen {family.pk}"
        )
    assert _counts(family.pk) == before
    assert not PrivacyRequest.objects.exists()


def test_section_counts_show_numbers_only():
    family, _s = full_family()
    counts = {item.name: item.count for item in selectors.section_counts(family)}
    assert counts["caregivers"] == 1 and counts["referrals"] == 1 and counts["consents"] == 1
