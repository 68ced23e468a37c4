"""Regie: the ranked proposal (language, area, caseload, continuity), confirming and handing over, the
caseload dashboard, and the daily job for families that need a regiehouder and have none."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from kansrijk.accounts.models import User
from kansrijk.families import services as family_services
from kansrijk.families.models import CaregiverRole, Discipline, Family
from kansrijk.families.selectors import regiehouder_of
from kansrijk.families.tests.factories import open_family, professional
from kansrijk.pathways.models import TaskStatus
from kansrijk.pathways.services import tasks_plan
from kansrijk.regie import jobs, selectors, services
from kansrijk.regie.models import RegieGap, RegiehouderProfile
from kansrijk.regie.tests.factories import regiehouder

pytestmark = pytest.mark.django_db


def _family(by: User, *, languages: list[str]) -> Family:
    family = open_family(by=by, postcode="1102 AB")  # Zuidoost
    family_services.caregiver_add(
        family=family,
        by=by,
        data=family_services.CaregiverData(given_name="Ama", role=CaregiverRole.MOEDER, languages=languages),
    )
    return family


def test_the_proposal_ranks_language_area_room_and_continuity_and_explains_why() -> None:
    midwife = professional()
    family = _family(midwife, languages=["tw", "en"])
    twi_speaker = regiehouder(full_name="Akosua (demo)", languages=("nl", "tw"), stadsdelen=("Zuidoost",))
    local = regiehouder(full_name="Bart (demo)", stadsdelen=("Zuidoost",))
    elsewhere = regiehouder(full_name="Chris (demo)", languages=("nl", "en"), stadsdelen=("Noord",))
    full = regiehouder(full_name="Dina (demo)", capacity=1, languages=("tw",), stadsdelen=("Zuidoost",))
    services.regie_assign(family=open_family(by=midwife), regiehouder=full, by=midwife)
    proposals = services.regie_propose(family=family, by=midwife)
    assert [p.profile.user for p in proposals] == [twi_speaker, elsewhere, local, full]
    assert proposals[0].reasons[:2] == ("Spreekt Twi", "Werkt in Zuidoost")
    assert proposals[-1].full and proposals[-1].caseload == 1
    # Continuity: someone the family already knows (and can talk with) comes first.
    family_services.care_team_add(family=family, user=elsewhere, discipline=Discipline.BUURTTEAM, by=midwife)
    assert services.regie_propose(family=family, by=midwife)[0].profile.user == elsewhere


def test_confirming_a_regiehouder_completes_the_task_and_moves_the_regiehouders_tasks() -> None:
    midwife = professional()
    family = _family(midwife, languages=["nl"])
    with freeze_time("2026-11-23 10:00:00"):
        plan = tasks_plan(family=family, phase="na_geboorte", level="extra_steun", signaleerder=midwife, by=midwife)
    assert {t.step_code for t in plan.created} >= {"regiehouder-kiezen", "plan-bijwerken"}
    chosen = regiehouder()
    services.regie_assign(family=family, regiehouder=chosen, by=midwife)
    member = regiehouder_of(family)
    assert member is not None and member.user == chosen
    assert family.tasks.get(step_code="regiehouder-kiezen").status == TaskStatus.DONE
    assert family.tasks.get(step_code="plan-bijwerken").assigned_to == chosen
    assert chosen.has_perm("families.view_family", family)
    with pytest.raises(ValidationError, match="al een regiehouder"):
        services.regie_assign(family=family, regiehouder=regiehouder(), by=midwife)


def test_a_full_regiehouder_or_someone_outside_the_pool_cannot_be_confirmed() -> None:
    midwife = professional()
    full = regiehouder(capacity=1)
    services.regie_assign(family=open_family(by=midwife), regiehouder=full, by=midwife)
    with pytest.raises(ValidationError, match="geen plek"):
        services.regie_assign(family=open_family(by=midwife), regiehouder=full, by=midwife)
    with pytest.raises(ValidationError, match="pool"):
        services.regie_assign(family=open_family(by=midwife), regiehouder=professional(), by=midwife)


def test_only_the_care_team_can_propose_or_assign() -> None:
    family = open_family()
    with pytest.raises(PermissionDenied):
        services.regie_propose(family=family, by=professional())
    with pytest.raises(PermissionDenied):
        services.regie_assign(family=family, regiehouder=regiehouder(), by=professional())


def test_handing_over_when_someone_leaves_keeps_the_history() -> None:
    midwife = professional()
    family = _family(midwife, languages=["nl"])
    tasks_plan(family=family, phase="na_geboorte", level="extra_steun", signaleerder=midwife, by=midwife)
    first, second = regiehouder(), regiehouder()
    services.regie_assign(family=family, regiehouder=first, by=midwife)
    with pytest.raises(ValidationError):
        services.regie_handover(family=family, to=second, by=first, reason="")
    services.regie_handover(family=family, to=second, by=first, reason="Gaat met verlof")
    history = list(selectors.assignment_history(family=family))
    assert [a.regiehouder for a in history] == [second, first]
    assert history[1].end_reason == "Gaat met verlof" and history[1].ended_at is not None
    member = regiehouder_of(family)
    assert member is not None and member.user == second
    assert family.tasks.get(step_code="plan-bijwerken").assigned_to == second


def test_the_dashboard_lists_the_caseload_with_overdue_and_next_tasks() -> None:
    midwife = professional()
    chosen = regiehouder()
    families = [_family(midwife, languages=["nl"]) for _ in range(2)]
    with freeze_time("2026-11-02 10:00:00"):
        tasks_plan(family=families[0], phase="na_geboorte", level="extra_steun", signaleerder=midwife, by=midwife)
    for family in families:
        services.regie_assign(family=family, regiehouder=chosen, by=midwife)
    board = selectors.dashboard(user=chosen, today=date(2026, 11, 23))
    assert board.caseload == 2
    first = next(row for row in board.rows if row.family == families[0])
    assert first.open_tasks == 2 and first.overdue == 1  # the home visit (10 wd) is late, the plan due today
    assert first.next_due == date(2026, 11, 16) and first.next_tasks[0].step_code == "huisbezoek-jgz"
    assert board.rows[0].family == families[0]  # the most urgent first


def test_the_daily_job_flags_families_without_a_regiehouder_once_and_resolves_them() -> None:
    midwife = professional(email="verloskundige@demo.kansrijk.test")
    needing = _family(midwife, languages=["nl"])
    calm = _family(midwife, languages=["nl"])
    tasks_plan(family=needing, phase="zwangerschap", level="extra_steun", signaleerder=midwife, by=midwife)
    tasks_plan(family=calm, phase="zwangerschap", level="basiszorg", signaleerder=midwife, by=midwife)
    assert jobs.gaps() == 1
    assert [gap.family for gap in RegieGap.objects.filter(resolved_at__isnull=True)] == [needing]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["verloskundige@demo.kansrijk.test"]
    assert "Gezin" not in mail.outbox[0].body and needing.name not in mail.outbox[0].body
    assert jobs.gaps() == 0  # flagged once
    services.regie_assign(family=needing, regiehouder=regiehouder(), by=midwife)
    assert not RegieGap.objects.filter(resolved_at__isnull=True).exists()


def test_a_family_whose_regiehouder_left_is_flagged_again() -> None:
    midwife = professional()
    family = _family(midwife, languages=["nl"])
    tasks_plan(family=family, phase="na_geboorte", level="extra_steun", signaleerder=midwife, by=midwife)
    holder = regiehouder()
    services.regie_assign(family=family, regiehouder=holder, by=midwife)
    assert jobs.gaps() == 0
    holder.is_active = False  # the account is disabled when someone leaves
    holder.save(update_fields=["is_active"])
    assert jobs.gaps() == 1
    services.regie_handover(family=family, to=regiehouder(), by=midwife, reason="Vorige regiehouder is vertrokken")
    assert not RegieGap.objects.filter(resolved_at__isnull=True).exists()


def test_only_regiehouders_join_the_pool_and_only_for_themselves() -> None:
    holder = regiehouder()
    data = services.ProfileData(discipline="jgz", capacity=12, languages=["nl", "ar"], stadsdelen=[], whole_city=True)
    services.regie_profile_save(user=holder, by=holder, data=data)
    assert RegiehouderProfile.objects.get(user=holder).capacity == 12
    with pytest.raises(PermissionDenied):
        services.regie_profile_save(user=holder, by=regiehouder(), data=data)
    midwife = professional()
    with pytest.raises(PermissionDenied):  # not a regiehouder: cannot change anyone's place in the pool
        services.regie_profile_save(user=midwife, by=midwife, data=data)


def test_choosing_assigns_when_there_is_none_and_hands_over_with_a_reason_when_there_is_one() -> None:
    """One entry point for the page and the API: the family's state decides between the two."""
    midwife = professional()
    family = _family(midwife, languages=["nl"])
    first, second = regiehouder(), regiehouder()
    services.regie_choose(family=family, regiehouder=first, by=midwife)
    assert selectors.active_assignment(family=family).regiehouder == first  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="waarom"):
        services.regie_choose(family=family, regiehouder=second, by=midwife)
    assert selectors.active_assignment(family=family).regiehouder == first  # type: ignore[union-attr]
    services.regie_choose(family=family, regiehouder=second, by=midwife, reason="Verhuisd naar Noord")
    current = selectors.active_assignment(family=family)
    assert current is not None and current.regiehouder == second
    with pytest.raises(PermissionDenied):
        services.regie_choose(family=family, regiehouder=first, by=professional(), reason="Zomaar")
