"""Writes of the plan. An action linked to a pathway task completes that task when it is done, so
nobody records the same work twice."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kansrijk.accounts.models import User
from kansrijk.core import clock
from kansrijk.core.audit import actor_for, audit_record
from kansrijk.core.models import AuditAction
from kansrijk.core.permissions import require_perm
from kansrijk.families.models import CareTeamMember, Family
from kansrijk.pathways.models import Task, TaskStatus
from kansrijk.pathways.services import task_complete
from kansrijk.plans.models import Action, ActionStatus, Goal, GoalStatus, LifeDomain

PURPOSE = "plan met het gezin"


def _require(by: User, family: Family, attempted: str) -> None:
    require_perm(
        user=by,
        perm="plans.change_plan",
        obj=family,
        attempted=attempted,
        target=family,
        message=_("Je hoort niet bij het zorgteam van dit gezin."),
    )


def goal_add(*, family: Family, by: User, domain: str, text: str) -> Goal:
    _require(by, family, "plan.goal_add")
    errors = {}
    if domain not in LifeDomain.values:
        errors["domain"] = _("Kies een onderwerp.")
    if not text.strip():
        errors["text"] = _("Schrijf het doel op zoals het gezin het zegt.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        goal = Goal.objects.create(
            family=family, domain=domain, text=text.strip()[:300], created_by=by, created_at=clock.now()
        )
        audit_record(
            actor=actor_for(by),
            action=AuditAction.CREATE,
            targets=[goal],
            purpose=PURPOSE,
            detail={"family": family.pk},
        )
    return goal


def goal_set_status(*, goal: Goal, by: User, status: str) -> Goal:
    _require(by, goal.family, "plan.goal_status")
    if status not in GoalStatus.values:
        raise ValidationError({"status": _("Kies een status uit de lijst.")})
    with transaction.atomic():
        goal.status = status
        goal.closed_at = None if status == GoalStatus.OPEN else clock.now()
        goal.save(update_fields=["status", "closed_at"])
        audit_record(
            actor=actor_for(by), action=AuditAction.UPDATE, targets=[goal], purpose=PURPOSE, detail={"status": status}
        )
    return goal


def action_add(
    *,
    goal: Goal,
    by: User,
    what: str,
    who: str,
    due_on: date | None = None,
    professional: User | None = None,
    task: Task | None = None,
) -> Action:
    family = goal.family
    _require(by, family, "plan.action_add")
    errors = {}
    if not what.strip():
        errors["what"] = _("Schrijf op wat er gebeurt.")
    if not who.strip() and professional is None:
        errors["who"] = _("Schrijf op wie het doet.")
    if due_on is not None and due_on < clock.local_date():
        errors["due_on"] = _("Deze datum ligt in het verleden.")
    if task is not None and task.family_id != family.pk:
        errors["task"] = _("Kies een taak van dit gezin.")
    if (
        professional is not None
        and not CareTeamMember.objects.filter(family=family, user=professional, ended_at__isnull=True).exists()
    ):
        errors["professional"] = _("Kies iemand uit het zorgteam van dit gezin.")
    if errors:
        raise ValidationError(errors)
    now = clock.now()
    with transaction.atomic():
        action = Action.objects.create(
            goal=goal,
            what=what.strip()[:300],
            who=(who.strip() or (professional.full_name if professional else ""))[:120],
            professional=professional,
            due_on=due_on,
            task=task,
            created_by=by,
            created_at=now,
            updated_at=now,
        )
        audit_record(
            actor=actor_for(by), action=AuditAction.CREATE, targets=[action], purpose=PURPOSE, detail={"goal": goal.pk}
        )
    return action


def action_set_status(*, action: Action, by: User, status: str) -> Action:
    family = action.goal.family
    _require(by, family, "plan.action_status")
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Kies een status uit de lijst.")})
    with transaction.atomic():
        action.status, action.updated_at = status, clock.now()
        action.save(update_fields=["status", "updated_at"])
        audit_record(
            actor=actor_for(by), action=AuditAction.UPDATE, targets=[action], purpose=PURPOSE, detail={"status": status}
        )
        if status == ActionStatus.DONE and action.task is not None and action.task.status == TaskStatus.OPEN:
            task_complete(task=action.task, by=by, note=_("Gedaan via het plan: %(what)s") % {"what": action.what})
    return action
