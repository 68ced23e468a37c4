"""Writes of the pathway: publishing a version, planning a family's tasks after an assessment, closing
and reassigning tasks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from kansrijk.accounts.models import User
from kansrijk.core import clock
from kansrijk.core.audit import Actor, actor_for, audit_record
from kansrijk.core.models import AuditAction
from kansrijk.core.permissions import require_perm
from kansrijk.core.workdays import add_working_days
from kansrijk.families.models import CareTeamMember, Family
from kansrijk.families.selectors import active_team
from kansrijk.families.services import care_team_leave
from kansrijk.pathways.aftercare import ANCHORS, checkins, holder_of
from kansrijk.pathways.definition import (
    REGIEHOUDER,
    SIGNALEERDER,
    StepData,
    check_steps,
    create_version,
    packaged_definition,
    steps_from_json,
)
from kansrijk.pathways.models import CompletesOn, PathwayStep, PathwayVersion, Task, TaskKind, TaskStatus

PURPOSE = "zorgroute"


def current_version() -> PathwayVersion:
    version = PathwayVersion.objects.order_by("-number").first()
    if version is None:
        raise ValidationError(_("Er is nog geen route gepubliceerd."))
    return version


@transaction.atomic
def _publish(*, name: str, steps: Sequence[StepData], note: str, by: User | None) -> PathwayVersion:
    problems = check_steps(steps)
    if problems:
        raise ValidationError(problems)
    number = (PathwayVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    version: PathwayVersion = create_version(
        PathwayVersion, PathwayStep, number=number, name=name, steps=steps, note=note, at=clock.now(), by=by
    )
    audit_record(
        actor=actor_for(by) if by is not None else Actor.system("pathways"),
        action=AuditAction.CREATE,
        targets=[version],
        purpose=PURPOSE,
        detail={"steps": len(steps)},
    )
    return version


def pathway_load_packaged() -> PathwayVersion | None:
    """Load version 1 from the packaged definition when no version exists yet (idempotent); what the data
    migration does, for a database that was emptied (the browser tests' transactional tests)."""
    if PathwayVersion.objects.exists():
        return None
    raw = packaged_definition()
    return _publish(name=raw["name"], steps=steps_from_json(raw), note="Eerste versie.", by=None)


def pathway_publish(*, by: User | None, name: str, steps: Sequence[StepData], note: str) -> PathwayVersion:
    """Publish a new version (the programme team; `by=None` for an operator's command). Earlier versions
    and the tasks made from them stay as they are."""
    if by is not None:
        require_perm(user=by, perm="pathways.publish_pathway", attempted="pathway.publish")
    if not note.strip():
        raise ValidationError(_("Schrijf kort op wat er verandert."))
    return _publish(name=name, steps=steps, note=note, by=by)


def step_data(step: PathwayStep) -> StepData:
    return StepData(
        code=step.code,
        phases=tuple(step.phases),
        levels=tuple(step.levels),
        title_nl=step.title_nl,
        title_en=step.title_en,
        role=step.role,
        due_working_days=step.due_working_days,
        description_nl=step.description_nl,
        completes_on=step.completes_on,
        repeats=step.repeats,
    )


def _responsible(role: str, team: Sequence[CareTeamMember], signaleerder: User) -> User:
    """Who gets a task: the signaleerder; the regiehouder; or the team member of that discipline. A role
    nobody in the team has goes to the regiehouder, and without one to the signaleerder, who arranges it."""
    if role == SIGNALEERDER:
        return signaleerder
    regiehouder = next((m.user for m in team if m.is_regiehouder), None)
    if role == REGIEHOUDER:
        return regiehouder or signaleerder
    specialist = next((m.user for m in team if m.discipline == role), None)
    return specialist or regiehouder or signaleerder


@dataclass(frozen=True)
class PlanResult:
    created: list[Task]
    not_needed: list[Task]


def tasks_plan(
    *,
    family: Family,
    phase: str,
    level: str,
    signaleerder: User,
    by: User,
    start: date | None = None,
    window_start: date | None = None,
) -> PlanResult:
    """Propose the pathway's tasks for the family's phase and care level (after an assessment), in the
    caller's transaction and after the caller's permission check. Open tasks of steps that no longer apply
    are closed as not needed; done tasks stay done and are not proposed again; a step that completes when
    there is a regiehouder is not proposed when there already is one. Due dates count in working days from
    `start` (the day of the conversation; default today). A task done in an earlier 1,000-day window (a
    previous pregnancy: `window_start` is this window's first day) or of a step that repeats after each
    conversation is proposed again."""
    version = current_version()
    steps = [s for s in version.steps.all() if phase in s.phases and level in s.levels]
    wanted = {s.code for s in steps}
    now = clock.now()
    start = start or clock.local_date()
    team = active_team(family)
    has_regiehouder = any(m.is_regiehouder for m in team)
    existing = list(family.tasks.filter(kind=TaskKind.ROUTE, status__in=[TaskStatus.OPEN, TaskStatus.DONE]))
    not_needed = [t for t in existing if t.status == TaskStatus.OPEN and t.step_code not in wanted]
    for task in not_needed:
        task.status, task.closed_at, task.closed_by = TaskStatus.NOT_NEEDED, now, by
        task.closed_note = _("Niet meer nodig na een nieuwe inschatting.")
        task.save(update_fields=["status", "closed_at", "closed_by", "closed_note"])
    repeating = {s.code for s in steps if s.repeats}

    def still_counts(task: Task) -> bool:
        if task.status == TaskStatus.OPEN:
            return task not in not_needed
        in_window = window_start is None or clock.local_date(task.created_at) >= window_start
        return in_window and task.step_code not in repeating

    known = {t.step_code for t in existing if still_counts(t)}
    created = [
        Task.objects.create(
            family=family,
            version=version,
            step_code=step.code,
            title_nl=step.title_nl,
            title_en=step.title_en,
            description_nl=step.description_nl,
            role=step.role,
            completes_on=step.completes_on,
            phase=phase,
            level=level,
            assigned_to=_responsible(step.role, team, signaleerder),
            due_on=add_working_days(start, step.due_working_days),
            created_at=now,
            created_by=by,
        )
        for step in steps
        if step.code not in known and not (step.completes_on == CompletesOn.REGIE_ASSIGNED and has_regiehouder)
    ]
    if created or not_needed:
        audit_record(
            actor=actor_for(by),
            action=AuditAction.UPDATE,
            targets=[family],
            purpose=PURPOSE,
            detail={"tasks_created": [t.pk for t in created], "tasks_not_needed": [t.pk for t in not_needed]},
        )
    return PlanResult(created=created, not_needed=not_needed)


def task_complete(*, task: Task, by: User, note: str = "") -> Task:
    require_perm(user=by, perm="pathways.change_task", obj=task, attempted="task.complete", target=task)
    with transaction.atomic():
        task = Task.objects.select_for_update().get(pk=task.pk)
        if task.status != TaskStatus.OPEN:
            raise ValidationError(_("Deze taak is al afgerond."))
        task.status, task.closed_at, task.closed_by, task.closed_note = (
            TaskStatus.DONE,
            clock.now(),
            by,
            note.strip()[:300],
        )
        task.save(update_fields=["status", "closed_at", "closed_by", "closed_note"])
        audit_record(
            actor=actor_for(by), action=AuditAction.UPDATE, targets=[task], purpose=PURPOSE, detail={"status": "klaar"}
        )
    return task


def task_reassign(*, task: Task, to: User, by: User) -> Task:
    require_perm(user=by, perm="pathways.change_task", obj=task, attempted="task.reassign", target=task)
    with transaction.atomic():
        if not CareTeamMember.objects.filter(family=task.family, user=to, ended_at__isnull=True).exists():
            raise ValidationError(_("Geef de taak aan iemand uit het zorgteam van dit gezin."))
        if task.status != TaskStatus.OPEN:
            raise ValidationError(_("Deze taak is al afgerond."))
        task.assigned_to = to
        task.save(update_fields=["assigned_to"])
        audit_record(
            actor=actor_for(by),
            action=AuditAction.UPDATE,
            targets=[task],
            purpose=PURPOSE,
            detail={"assigned_to": to.pk},
        )
    return task


def tasks_regie_changed(*, family: Family, regiehouder: User, previous: User | None, by: User) -> list[Task]:
    """For the regie app, in its transaction: a new regiehouder completes the "choose a regiehouder"
    tasks and takes over the open tasks of the regiehouder role (and all those of a previous one who left)."""
    now = clock.now()
    open_tasks = family.tasks.open()
    completed = list(open_tasks.filter(completes_on=CompletesOn.REGIE_ASSIGNED))
    for task in completed:
        task.status, task.closed_at, task.closed_by = TaskStatus.DONE, now, by
        task.closed_note = _("Er is een regiehouder.")
        task.save(update_fields=["status", "closed_at", "closed_by", "closed_note"])
    holders = [regiehouder.pk] + ([previous.pk] if previous is not None else [])
    moved = list(open_tasks.filter(role=REGIEHOUDER).exclude(assigned_to=regiehouder))
    if previous is not None and not previous.is_active:
        # The previous regiehouder left: nothing of theirs may stay on a worklist nobody reads. One who
        # stays in the team (say as youth nurse) keeps the tasks of their own discipline.
        moved += list(open_tasks.filter(assigned_to=previous).exclude(role=REGIEHOUDER))
    for task in moved:
        task.assigned_to = regiehouder
        task.save(update_fields=["assigned_to"])
    if completed or moved:
        audit_record(
            actor=actor_for(by),
            action=AuditAction.UPDATE,
            targets=[family],
            purpose=PURPOSE,
            detail={"tasks_done": [t.pk for t in completed], "tasks_moved": [t.pk for t in moved], "holders": holders},
        )
    return moved


def tasks_handover_from(*, family: Family, user: User, by: User) -> list[Task]:
    """For a professional leaving the care team, in the caller's transaction: their open tasks go to the
    regiehouder, or else to the longest-serving remaining team member (who arranges them)."""
    team = [m for m in active_team(family) if m.user_id != user.pk]
    heir = next((m.user for m in team if m.is_regiehouder), None) or (team[0].user if team else None)
    moved = list(family.tasks.open().filter(assigned_to=user))
    if heir is None or not moved:
        return []
    for task in moved:
        task.assigned_to = heir
        task.save(update_fields=["assigned_to"])
    audit_record(
        actor=actor_for(by),
        action=AuditAction.UPDATE,
        targets=[family],
        purpose=PURPOSE,
        detail={"tasks_moved": [t.pk for t in moved], "to": heir.pk},
    )
    return moved


def care_team_remove(*, member: CareTeamMember, by: User) -> list[Task]:
    """Take a professional out of the care team: their access ends and their open tasks move on (to the
    regiehouder or a remaining member), in one transaction."""
    require_perm(
        user=by,
        perm="families.manage_care_team",
        obj=member.family,
        attempted="care_team.leave",
        message=_("Alleen de regiehouder of wie het dossier opende kan het zorgteam aanpassen."),
    )
    with transaction.atomic():
        care_team_leave(member=member, by=by)
        return tasks_handover_from(family=member.family, user=member.user, by=by)


def aftercare_schedule(
    *, family: Family, anchor: str, anchor_on: date, by: User, level: str = "", about: str = ""
) -> list[Task]:
    """Schedule the check-ins that follow `anchor` ("birth": 6 weeks, 6 and 12 months after `anchor_on`;
    "help_ended": 6 weeks later), for the family's regiehouder, else its JGZ nurse, else `by`. A check-in
    already planned for this family (open or done after the anchor) is not planned twice; check-ins
    whose day has passed are skipped. `level` limits birth check-ins to the levels they are meant for."""
    if anchor not in ANCHORS:
        raise ValueError(anchor)
    today = clock.local_date()
    wanted = [c for c in checkins() if c.anchor == anchor and (not c.levels or not level or level in c.levels)]
    version = current_version()
    holder = holder_of(family, by)
    known = set(
        family.tasks.filter(kind=TaskKind.AFTERCARE, step_code__in=[c.code for c in wanted])
        .filter(Q(status=TaskStatus.OPEN) | Q(due_on__gte=anchor_on))
        .values_list("step_code", flat=True)
    )
    created: list[Task] = []
    with transaction.atomic():
        for checkin in wanted:
            due = checkin.due(anchor_on)
            if checkin.code in known or due < today:
                continue
            description = checkin.description_nl + (f" ({about})" if about else "")
            try:
                with transaction.atomic():
                    created.append(
                        Task.objects.create(
                            family=family,
                            version=version,
                            step_code=checkin.code,
                            kind=TaskKind.AFTERCARE,
                            title_nl=checkin.title_nl,
                            title_en=checkin.title_en,
                            description_nl=description[:400],
                            role=checkin.role,
                            phase="",
                            level=level,
                            assigned_to=holder,
                            due_on=due,
                            created_at=clock.now(),
                            created_by=by,
                        )
                    )
            except IntegrityError:  # planned at the same moment by someone else
                continue
        if created:
            audit_record(
                actor=actor_for(by),
                action=AuditAction.UPDATE,
                targets=[family],
                purpose=PURPOSE,
                detail={"aftercare_created": [t.pk for t in created], "anchor": anchor},
            )
    return created
