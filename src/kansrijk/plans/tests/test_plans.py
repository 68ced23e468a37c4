"""One family, one plan: goals in the family's words, actions that carry out pathway tasks, the care team
only, and the printable version for the family without care levels or risk factors."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from kansrijk.accounts.roles import Role
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.families.tests.factories import open_family, professional
from kansrijk.pathways.models import TaskStatus
from kansrijk.pathways.services import tasks_plan
from kansrijk.plans import selectors, services
from kansrijk.plans.models import ActionStatus, GoalStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


@pytest.fixture
def frozen() -> Iterator[None]:
    with freeze_time("2026-11-23 10:00:00"):
        yield


def test_an_action_done_in_the_plan_completes_its_pathway_task() -> None:
    midwife = professional()
    family = open_family(by=midwife)
    task = next(
        t
        for t in tasks_plan(
            family=family, phase="zwangerschap", level="extra_steun", signaleerder=midwife, by=midwife
        ).created
        if t.step_code == "kraamzorg-geboorteplan"
    )
    goal = services.goal_add(
        family=family, by=midwife, domain="zwangerschap_en_baby", text="Ik wil me veilig voelen bij de bevalling"
    )
    action = services.action_add(
        goal=goal,
        by=midwife,
        what="Geboorteplan maken met de verloskundige",
        who="Linda en Mirjam",
        due_on=date(2026, 12, 4),
        task=task,
    )
    services.action_set_status(action=action, by=midwife, status=ActionStatus.DONE)
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE and "Gedaan via het plan" in task.closed_note
    services.goal_set_status(goal=goal, by=midwife, status=GoalStatus.REACHED)
    assert not selectors.open_goals(family=family).exists()
    assert AuditEntry.objects.filter(object_type="plans.action", action=AuditAction.UPDATE).exists()


def test_the_plan_is_checked_and_kept_to_the_care_team() -> None:
    midwife = professional()
    family = open_family(by=midwife)
    with pytest.raises(ValidationError) as error:
        services.goal_add(family=family, by=midwife, domain="astrologie", text=" ")
    assert set(error.value.message_dict) == {"domain", "text"}
    goal = services.goal_add(family=family, by=midwife, domain="geld", text="Rondkomen zonder schulden")
    other_task = tasks_plan(
        family=open_family(by=midwife), phase="zwangerschap", level="steuntje", signaleerder=midwife, by=midwife
    ).created[0]
    with pytest.raises(ValidationError) as error:
        services.action_add(goal=goal, by=midwife, what="Bellen", who="", due_on=date(2026, 1, 1), task=other_task)
    assert set(error.value.message_dict) == {"who", "due_on", "task"}
    with pytest.raises(PermissionDenied):
        services.goal_add(family=family, by=professional(), domain="geld", text="x")
    outsider_editor = professional(role=Role.KAART_REDACTEUR)
    assert not outsider_editor.has_perm("plans.view_plan", family)
