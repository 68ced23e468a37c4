"""Referral services beyond the state table: consent gating and validation, service levels with a
controlled clock, notices and the digest, aftercare check-ins, the closing summary and "Kwijt?"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from kansrijk.consent.models import ConsentMethod
from kansrijk.consent.services import consent_withdraw
from kansrijk.core import clock
from kansrijk.families import services as family_services
from kansrijk.families.models import Discipline
from kansrijk.families.tests.factories import professional
from kansrijk.notify.models import Frequency, Notice
from kansrijk.notify.services import digests_send, preference_set
from kansrijk.pathways.models import TaskKind, TaskStatus
from kansrijk.referrals import jobs, notify, selectors, services
from kansrijk.referrals.models import (
    FamilyClosing,
    NoticeKind,
    ReferralStatus,
    ServiceLevelAlert,
    Urgency,
)
from kansrijk.referrals.tests.factories import consented, referral_in, setting
from kansrijk.signalling.services import ObservationInput, assessment_record

pytestmark = pytest.mark.django_db
S = ReferralStatus


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    # Monday 23 November 2026, 10:00 in Amsterdam.
    with freeze_time("2026-11-23 09:00:00"):
        yield


def test_a_referral_cannot_be_sent_without_valid_consent() -> None:
    s = setting()
    referral = referral_in(s, S.CONCEPT)
    with pytest.raises(ValidationError, match="toestemming"):
        services.referral_send(referral=referral, by=s.midwife)
    referral = consented(s, referral)
    assert referral.consent is not None
    consent_withdraw(consent=referral.consent, by=s.midwife)
    with pytest.raises(ValidationError, match="toestemming"):
        services.referral_send(referral=referral, by=s.midwife)
    referral.refresh_from_db()
    assert referral.status == S.CONCEPT and referral.sent_at is None


def test_expired_consent_shares_nothing() -> None:
    s = setting()
    referral = referral_in(s, S.SENT)
    assert selectors.shared_with_receiver(referral).allowed
    with freeze_time("2027-11-24 09:00:00"):  # the day after "valid until"
        assert not selectors.shared_with_receiver(referral).allowed


def test_consent_is_checked_at_the_boundary() -> None:
    s = setting()
    referral = referral_in(s, S.CONCEPT)
    with pytest.raises(ValidationError) as error:
        services.referral_consent(
            referral=referral,
            by=s.midwife,
            given_by=s.parent,
            categories=["iets-anders"],
            method="per-duif",
            valid_until=date(2020, 1, 1),
        )
    assert set(error.value.message_dict) == {"categories", "method", "valid_until"}
    with pytest.raises(ValidationError, match="twee jaar"):
        services.referral_consent(
            referral=referral,
            by=s.midwife,
            given_by=s.parent,
            categories=["contact"],
            method=ConsentMethod.WRITTEN,
            valid_until=clock.local_date() + timedelta(days=800),
        )


def test_only_the_care_team_refers_and_only_the_receiving_side_answers() -> None:
    s = setting()
    outsider = professional()
    with pytest.raises(PermissionDenied):
        services.referral_draft(family=s.family, by=outsider, reason="x", service=s.service)
    referral = referral_in(s, S.SENT)
    with pytest.raises(PermissionDenied):
        services.referral_accept(referral=referral, by=s.midwife)  # the referrer cannot accept
    with pytest.raises(PermissionDenied):
        services.referral_accept(referral=referral, by=outsider)
    referral.refresh_from_db()
    assert referral.status == S.SENT


def test_decline_needs_a_reason_and_may_suggest_another_service() -> None:
    s = setting()
    referral = referral_in(s, S.SENT)
    with pytest.raises(ValidationError):
        services.referral_decline(referral=referral, by=s.worker, reason="")
    with pytest.raises(ValidationError, match="reden"):
        services.referral_decline(referral=referral, by=s.worker, reason="anders")
    declined = services.referral_decline(
        referral=referral, by=s.worker, reason="geen_capaciteit", suggested_service=s.service
    )
    again = services.referral_follow_up(declined=declined, by=s.midwife)
    assert again.status == S.CONCEPT and again.follows == declined and again.consent is None


def _regiehouder(s: Any) -> Any:
    holder = professional(full_name="Regiehouder JGZ")
    family_services.care_team_join_as_regiehouder(family=s.family, user=holder, discipline=Discipline.JGZ, by=holder)
    return holder


def _alerts(referral_id: int) -> set[tuple[str, str]]:
    return set(ServiceLevelAlert.objects.filter(referral_id=referral_id).values_list("clock", "stage"))


def test_service_levels_remind_escalate_and_escalate_again(django_capture_on_commit_callbacks: Any) -> None:
    s = setting()
    holder = _regiehouder(s)
    referral = referral_in(s, S.SENT)  # sent Monday: answer due Wednesday (2 working days)
    assert jobs.service_levels() == 0
    with freeze_time("2026-11-25 09:00:00"):  # Wednesday: due today
        with django_capture_on_commit_callbacks(execute=True):
            assert jobs.service_levels() == 1
        assert _alerts(referral.pk) == {("antwoord", "herinnering")}
        assert Notice.objects.filter(kind=notify.kind_key(NoticeKind.REMINDER), user=s.worker).count() == 1
        assert jobs.service_levels() == 0  # once
    with freeze_time("2026-11-26 09:00:00"):  # Thursday: late
        assert jobs.service_levels() == 1
        late = {n.user for n in Notice.objects.filter(kind=notify.kind_key(NoticeKind.LATE))}
        assert late == {holder, s.worker}  # escalated to the regiehouder
        assert selectors.with_clocks([referral], lateness="laat")
        assert not selectors.with_clocks([referral], lateness="zeer_laat")
    with freeze_time("2026-12-02 09:00:00"):  # past 6 working days: very late
        assert jobs.service_levels() == 1
        very = {n.user for n in Notice.objects.filter(kind=notify.kind_key(NoticeKind.VERY_LATE))}
        assert very == {s.midwife, holder, s.worker}
        assert selectors.with_clocks([referral], lateness="zeer_laat")
    assert _alerts(referral.pk) == {("antwoord", "herinnering"), ("antwoord", "laat"), ("antwoord", "zeer_laat")}


def test_the_first_contact_clock_runs_after_acceptance_until_the_handover() -> None:
    s = setting()
    referral = referral_in(s, S.ACCEPTED)
    with freeze_time("2026-12-08 09:00:00"):  # 11 working days after sending: first contact is late
        assert jobs.service_levels() == 1
        assert _alerts(referral.pk) == {("contact", "laat")}
    done = referral_in(s, S.HANDOVER_DONE)
    with freeze_time("2026-12-08 09:00:00"):
        jobs.service_levels()
        assert _alerts(done.pk) == set()


def test_urgent_referrals_have_shorter_norms() -> None:
    s = setting()
    referral = referral_in(s, S.CONCEPT)
    referral.urgency = Urgency.URGENT
    referral.save(update_fields=["urgency"])
    referral = services.referral_send(referral=consented(s, referral), by=s.midwife)
    with freeze_time("2026-11-25 09:00:00"):  # two working days later: late for an urgent one
        from kansrijk.referrals.service_levels import running_clock

        running = running_clock(referral)
        assert running is not None and running.lateness == "laat"


def test_notices_go_out_at_once_or_in_one_daily_digest(django_capture_on_commit_callbacks: Any) -> None:
    s = setting()
    preference_set(s.midwife, kind="referrals", frequency=Frequency.DAILY)
    referral = referral_in(s, S.SENT)
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_accept(referral=referral, by=s.worker)
    assert not [m for m in mail.outbox if m.to == [s.midwife.email]]  # waits for the digest
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_stop(referral=referral, by=s.worker, reason="geen_contact")
    # The digest also sweeps up any notice whose direct email never went out (here: the worker's).
    assert digests_send() == 2
    digest = [m for m in mail.outbox if m.to == [s.midwife.email]]
    assert len(digest) == 1 and digest[0].body.count("\n- ") == 1 and digest[0].body.count("- ") >= 2
    assert s.family.name not in digest[0].body
    assert digests_send() == 0


def test_help_ending_schedules_a_check_in_for_the_regiehouder(django_capture_on_commit_callbacks: Any) -> None:
    s = setting()
    holder = _regiehouder(s)
    referral = referral_in(s, S.HELP_STARTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_complete(referral=referral, by=s.worker)
    task = s.family.tasks.get(kind=TaskKind.AFTERCARE, step_code="nazorg-na-hulp", status=TaskStatus.OPEN)
    assert task.due_on == clock.local_date() + timedelta(days=42)
    assert task.assigned_to == holder
    assert referral.recipient_label in task.description_nl


def test_without_a_regiehouder_the_referrer_keeps_watch(django_capture_on_commit_callbacks: Any) -> None:
    s = setting()
    referral = referral_in(s, S.HELP_STARTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_stop(referral=referral, by=s.worker, reason="ouder_wil_niet")
    task = s.family.tasks.get(kind=TaskKind.AFTERCARE, step_code="nazorg-na-hulp")
    assert task.assigned_to == s.worker or task.assigned_to == s.midwife


def test_a_birth_plans_check_ins_at_six_weeks_six_and_twelve_months() -> None:
    s = setting()
    assessment_record(
        family=s.family,
        by=s.midwife,
        conversation_on=clock.local_date(),
        observations=[ObservationInput("lage_ses", True), ObservationInput("stress", True)],
    )
    family_services.child_add(family=s.family, by=s.midwife, given_name="Noor", birth_date=date(2026, 11, 20))
    from kansrijk.signalling.services import family_replan

    family_replan(family=s.family, by=s.midwife)
    checkins = dict(s.family.tasks.filter(kind=TaskKind.AFTERCARE).values_list("step_code", "due_on"))
    assert checkins == {
        "nazorg-6-weken": date(2027, 1, 1),
        "nazorg-6-maanden": date(2027, 5, 20),
        "nazorg-12-maanden": date(2027, 11, 20),
    }
    # Re-planning after a new conversation leaves the check-ins alone, and does not plan them twice.
    family_replan(family=s.family, by=s.midwife)
    assert s.family.tasks.filter(kind=TaskKind.AFTERCARE, status=TaskStatus.OPEN).count() == 3


def test_a_family_leaving_the_window_gets_a_closing_summary_once() -> None:
    s = setting()
    family_services.child_add(family=s.family, by=s.midwife, given_name="Sami", birth_date=date(2024, 10, 1))
    referral_in(s, S.COMPLETED)
    assert jobs.closings() == 1
    closing = FamilyClosing.objects.get(family=s.family)
    assert closing.summary["referrals"][0]["status"] == S.COMPLETED
    assert s.family.tasks.filter(step_code="afsluiting-1000-dagen", status=TaskStatus.OPEN).exists()
    assert jobs.closings() == 0
    shown = selectors.closing_summary(family=s.family)
    assert shown is not None and shown.help == [f"{closing.summary['referrals'][0]['to']}: Afgerond"]


def test_lost_shows_families_whose_level_needs_help_and_nobody_helps() -> None:
    s = setting()
    assessment_record(
        family=s.family,
        by=s.midwife,
        conversation_on=clock.local_date(),
        observations=[
            ObservationInput("lage_ses", True),
            ObservationInput("stress", True),
            ObservationInput("eenouder", True),
            ObservationInput("psychisch", True),
        ],
    )
    assert s.family in selectors.lost(user=s.midwife).without_help
    referral_in(s, S.ACCEPTED)
    assert s.family not in selectors.lost(user=s.midwife).without_help


def test_the_receiving_side_sees_nothing_before_sending() -> None:
    s = setting()
    referral = referral_in(s, S.WAITING_CONSENT)
    assert not s.worker.has_perm("referrals.view_referral", referral)
    assert selectors.inbox(user=s.worker, status=S.WAITING_CONSENT) == []
    with pytest.raises(PermissionDenied):
        services.referral_stop(referral=referral, by=s.worker, reason="anders", note="x")


def test_a_referral_stopped_before_sending_never_reaches_the_receiving_side() -> None:
    s = setting()
    referral = consented(s, referral_in(s, S.CONCEPT))
    referral = services.referral_stop(referral=referral, by=s.midwife, reason="anders", note="Niet meer nodig")
    assert not s.worker.has_perm("referrals.view_referral", referral)
    assert selectors.inbox(user=s.worker, status=S.STOPPED) == []
    assert not selectors.shared_with_receiver(referral).allowed


def test_an_answer_link_can_do_nothing_after_consent_is_revoked() -> None:
    s = setting()
    referral = referral_in(s, S.SENT)
    link_token = services.answer_link_create(referral=referral, email="partner@example.org")
    link = services.answer_link_use(token=link_token)
    assert link is not None and referral.consent is not None
    consent_withdraw(consent=referral.consent, by=s.midwife)
    with pytest.raises(ValidationError, match="ingetrokken"):
        services.referral_accept(referral=referral, link=link)
    referral.refresh_from_db()
    assert referral.status == S.SENT
