"""Recording a conversation: triage with reasons, the professional's own choice, what was already
discussed, the pathway tasks that follow, and the meldcode's steps in order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from kansrijk.accounts.models import User
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.families import services as family_services
from kansrijk.families.models import CaregiverRole, Discipline, Family
from kansrijk.families.tests.factories import open_family, professional
from kansrijk.pathways.models import TaskStatus
from kansrijk.pathways.services import tasks_plan
from kansrijk.signalling import selectors
from kansrijk.signalling.models import MeldcodeDecision, Unsafety
from kansrijk.signalling.services import ObservationInput, assessment_record, meldcode_step_record

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]

TODAY = date(2026, 11, 23)  # a Monday

LINDA = [
    ObservationInput("eenouder", True, "Alleenstaand met Davie"),
    ObservationInput("seksueel_misbruik", True, "Wil het zelf vertellen; niet uitvragen", source="ouder"),
    ObservationInput("stress", True, "Paniek bij de bevalling"),
    ObservationInput("psychisch", True, "Vermijdt vragen; somber?", source="eigen"),
    ObservationInput("familierelaties", True, "Moeder en zus helpen praktisch"),
    ObservationInput("sociaal_netwerk", True, "Buren doen boodschappen"),
    ObservationInput("partnerrelatie", False, "Geen partner"),
    ObservationInput("hulp_vragen", False, "Vraagt moeilijk om emotionele steun"),
]


@pytest.fixture
def frozen() -> Iterator[None]:
    with freeze_time("2026-11-23 10:00:00"):
        yield


def _linda(midwife: User) -> Family:
    family = open_family(by=midwife, name="Linda en Davie (demo)")
    family_services.caregiver_add(
        family=family, by=midwife, data=family_services.CaregiverData(given_name="Linda", role=CaregiverRole.MOEDER)
    )
    family_services.child_add(
        family=family, by=midwife, given_name="Davie", birth_date=date(2026, 11, 9), weeks_at_birth=39
    )
    return family


def test_a_conversation_gives_a_proposed_level_with_reasons_and_tasks_follow() -> None:
    midwife = professional(full_name="Mirjam (demo)", job_title="Verloskundige")
    family = _linda(midwife)
    recorded = assessment_record(
        family=family,
        by=midwife,
        conversation_on=TODAY,
        observations=LINDA,
        strengths_note="Zorgt liefdevol voor Davie",
    )
    assessment = recorded.assessment
    assert (assessment.risk_count, assessment.strengths_count, assessment.gaps_count) == (4, 2, 2)
    assert assessment.proposed_amsterdam == "extra_steun" and assessment.amsterdam_level == "extra_steun"
    assert assessment.rule_ids == ["BF-3", "AMS-2", "NAT-3B"]
    assert assessment.proposed_national == "kwetsbaar"
    why = selectors.explanation(assessment)
    assert why.amsterdam is not None and "risicofactoren" in why.amsterdam.why_nl
    assert {f.code for f in why.gaps} == {"partnerrelatie", "hulp_vragen"}
    # Davie is two weeks old: after birth, Extra steun -> the pathway's tasks for that phase and level.
    assert recorded.plan is not None
    codes = {t.step_code for t in recorded.plan.created}
    assert codes == {"regiehouder-kiezen", "huisbezoek-jgz", "plan-bijwerken"}
    choose = next(t for t in recorded.plan.created if t.step_code == "regiehouder-kiezen")
    assert choose.assigned_to == midwife and choose.due_on == date(2026, 11, 30)  # 5 working days
    # No JGZ professional in the team yet and no regiehouder: the signaleerder arranges it.
    assert all(t.assigned_to == midwife for t in recorded.plan.created)
    assert AuditEntry.objects.filter(object_type="signalling.assessment", action=AuditAction.CREATE).count() == 1


def test_a_task_goes_to_the_team_member_of_its_discipline() -> None:
    midwife = professional()
    family = _linda(midwife)
    nurse = professional()
    family_services.care_team_add(family=family, user=nurse, discipline=Discipline.JGZ, by=midwife)
    recorded = assessment_record(family=family, by=midwife, conversation_on=TODAY, observations=LINDA)
    assert recorded.plan is not None
    visit = next(t for t in recorded.plan.created if t.step_code == "huisbezoek-jgz")
    assert visit.assigned_to == nurse


def test_choosing_another_level_needs_a_reason_and_both_are_kept() -> None:
    midwife = professional()
    family = _linda(midwife)
    with pytest.raises(ValidationError) as error:
        assessment_record(
            family=family, by=midwife, conversation_on=TODAY, observations=LINDA, chosen_amsterdam="steuntje"
        )
    assert "override_reason" in error.value.message_dict
    recorded = assessment_record(
        family=family,
        by=midwife,
        conversation_on=TODAY,
        observations=LINDA,
        chosen_amsterdam="steuntje",
        override_reason="Sterk netwerk, Linda wil eerst zelf verder met haar moeder",
    )
    assessment = recorded.assessment
    assert assessment.proposed_amsterdam == "extra_steun" and assessment.chosen_amsterdam == "steuntje"
    assert assessment.amsterdam_level == "steuntje" and assessment.overridden
    assert recorded.plan is not None and {t.step_code for t in recorded.plan.created} == {
        "kaart-bespreken",
        "huisbezoek-jgz",
        "opnieuw-bespreken",
    }


def test_a_new_assessment_replans_tasks_and_keeps_history() -> None:
    midwife = professional()
    family = _linda(midwife)
    first = assessment_record(family=family, by=midwife, conversation_on=TODAY, observations=LINDA)
    assert first.plan is not None
    visit = next(t for t in first.plan.created if t.step_code == "huisbezoek-jgz")
    visit.status = TaskStatus.DONE
    visit.save()
    calmer = [
        ObservationInput("eenouder", True),
        ObservationInput("familierelaties", True),
        ObservationInput("sociaal_netwerk", True),
    ]
    second = assessment_record(family=family, by=midwife, conversation_on=TODAY, observations=calmer)
    assert second.assessment.amsterdam_level == "basiszorg"
    assert second.plan is not None
    assert {t.step_code for t in second.plan.not_needed} == {"regiehouder-kiezen", "plan-bijwerken"}
    assert {t.step_code for t in second.plan.created} == {"kaart-bespreken"}
    assert family.tasks.get(step_code="huisbezoek-jgz").status == TaskStatus.DONE  # done stays done
    assert selectors.assessments(family=family).count() == 2  # a snapshot each time
    discussed = {d.factor.code: d for d in selectors.discussed_topics(family=family)}
    assert discussed["eenouder"].times == 2 and discussed["eenouder"].on == TODAY
    assert discussed["seksueel_misbruik"].times == 1  # already discussed: the next professional need not ask again
    assert "stress" in discussed and "verslaving" not in discussed


def test_unknown_factors_and_future_dates_are_refused_and_nothing_is_written() -> None:
    midwife = professional()
    family = _linda(midwife)
    with pytest.raises(ValidationError) as error:
        assessment_record(
            family=family,
            by=midwife,
            conversation_on=date(2026, 12, 1),
            observations=[
                ObservationInput("hekserij", True),
                ObservationInput("stress", True),
                ObservationInput("stress", False),
            ],
        )
    assert set(error.value.message_dict) == {"observations", "conversation_on"}
    assert not family.assessments.exists() and not family.tasks.exists()


def test_outside_the_care_team_nobody_records_and_the_refusal_is_audited() -> None:
    family = _linda(professional())
    outsider = professional()
    with pytest.raises(PermissionDenied):
        assessment_record(family=family, by=outsider, conversation_on=TODAY, observations=LINDA)
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, actor_id=outsider.pk, object_id=str(family.pk)).exists()


def test_marking_unsafety_starts_the_meldcode_and_its_steps_go_in_order() -> None:
    midwife = professional()
    family = _linda(midwife)
    recorded = assessment_record(
        family=family, by=midwife, conversation_on=TODAY, observations=LINDA, unsafety=Unsafety.STRUCTURAL
    )
    track = recorded.meldcode
    assert track is not None and recorded.assessment.amsterdam_level == "extra_steun"
    assert recorded.assessment.rule_ids[1] == "AMS-1"
    with pytest.raises(ValidationError, match="eerst stap 1"):
        meldcode_step_record(track=track, by=midwife, step=2, done_on=TODAY, notes="Overlegd", consulted="Collega")
    meldcode_step_record(track=track, by=midwife, step=1, done_on=TODAY, notes="Signalen op een rij gezet")
    with pytest.raises(ValidationError) as error:
        meldcode_step_record(track=track, by=midwife, step=2, done_on=TODAY, notes="Overlegd")
    assert "consulted" in error.value.message_dict
    meldcode_step_record(track=track, by=midwife, step=2, done_on=TODAY, notes="Overlegd", consulted="Veilig Thuis")
    meldcode_step_record(track=track, by=midwife, step=3, done_on=TODAY, notes="Gesprek met Linda")
    meldcode_step_record(track=track, by=midwife, step=4, done_on=TODAY, notes="Geen acute onveiligheid")
    with pytest.raises(ValidationError):
        meldcode_step_record(track=track, by=midwife, step=5, done_on=TODAY, notes="Besluit")
    meldcode_step_record(
        track=track, by=midwife, step=5, done_on=TODAY, notes="Hulp via buurtteam", decision=MeldcodeDecision.HELP
    )
    track.refresh_from_db()
    assert track.closed_at is not None and track.decision == "hulp"
    assert list(track.steps.values_list("step", flat=True)) == [1, 2, 3, 4, 5]
    assert AuditEntry.objects.filter(object_type="signalling.meldcodestep").count() == 5
    # A second concern can start a new track once the first is closed.
    again = assessment_record(
        family=family, by=midwife, conversation_on=TODAY, observations=LINDA, unsafety=Unsafety.ACUTE
    )
    assert again.meldcode is not None and again.meldcode.pk != track.pk


def test_meldcode_steps_cannot_be_dated_before_the_concern_or_the_previous_step() -> None:
    midwife = professional()
    family = _linda(midwife)
    track = assessment_record(
        family=family, by=midwife, conversation_on=TODAY, observations=LINDA, unsafety=Unsafety.STRUCTURAL
    ).meldcode
    assert track is not None
    with pytest.raises(ValidationError, match="niet eerder"):
        meldcode_step_record(track=track, by=midwife, step=1, done_on=date(2025, 12, 1), notes="Te vroeg")


def test_a_step_done_in_an_earlier_pregnancy_or_a_repeating_step_comes_back() -> None:
    midwife = professional()
    family = open_family(by=midwife)
    first = tasks_plan(family=family, phase="zwangerschap", level="steuntje", signaleerder=midwife, by=midwife)
    for task in first.created:
        task.status = TaskStatus.DONE
        task.save()
    again = tasks_plan(family=family, phase="zwangerschap", level="steuntje", signaleerder=midwife, by=midwife)
    assert {t.step_code for t in again.created} == {"opnieuw-bespreken"}  # repeats after each conversation
    later = tasks_plan(
        family=family,
        phase="zwangerschap",
        level="steuntje",
        signaleerder=midwife,
        by=midwife,
        window_start=date(2027, 6, 1),  # a next pregnancy: its own window
    )
    assert "prenataal-huisbezoek" in {t.step_code for t in later.created}


def test_a_birth_recorded_through_one_service_replans_the_pathway_in_the_same_transaction() -> None:
    from kansrijk.families.models import Child
    from kansrijk.signalling.services import birth_record, pregnancy_end_record

    midwife = professional()
    family = open_family(by=midwife)
    family_services.pregnancy_record(family=family, by=midwife, expected_due_date=date(2026, 12, 1))
    assessment_record(family=family, by=midwife, conversation_on=TODAY, observations=LINDA)
    assert family.tasks.filter(step_code="kraamzorg-geboorteplan", status=TaskStatus.OPEN).exists()
    # Refused input leaves neither a child nor new tasks behind.
    before = family.tasks.count()
    with pytest.raises(ValidationError):
        birth_record(family=family, by=midwife, given_name=" ", birth_date=TODAY)
    assert not Child.objects.filter(family=family).exists() and family.tasks.count() == before
    child, plan = birth_record(family=family, by=midwife, given_name="Davie", birth_date=date(2026, 11, 22))
    assert child.pregnancy is not None and plan is not None and plan.created
    assert family.tasks.filter(step_code="warme-overdracht-jgz", status=TaskStatus.OPEN).exists()
    with pytest.raises(ValidationError, match="geen lopende zwangerschap"):
        pregnancy_end_record(family=family, by=midwife, outcome="miskraam", ended_on=TODAY)
    with pytest.raises(PermissionDenied):
        birth_record(family=family, by=professional(), given_name="Tweede", birth_date=TODAY)
