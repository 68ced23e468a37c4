"""Reads of regie: the family's regiehouder and history, and the regiehouder's caseload dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, F, Min, Prefetch, Q, QuerySet

from kansrijk.core import clock
from kansrijk.families.models import Family
from kansrijk.pathways.models import Task, TaskStatus
from kansrijk.regie.models import RegieAssignment, RegieGap, RegiehouderProfile


def active_assignment(*, family: Family) -> RegieAssignment | None:
    return RegieAssignment.objects.filter(family=family, ended_at__isnull=True).select_related("regiehouder").first()


def assignment_history(*, family: Family) -> QuerySet[RegieAssignment]:
    return (
        RegieAssignment.objects.filter(family=family)
        .select_related("regiehouder", "started_by", "ended_by")
        .order_by("-started_at")
    )


def open_gap(*, family: Family) -> RegieGap | None:
    return RegieGap.objects.filter(family=family, resolved_at__isnull=True).first()


def profile_of(user: Any) -> RegiehouderProfile | None:
    return RegiehouderProfile.objects.filter(user=user).prefetch_related("stadsdelen").first()


@dataclass(frozen=True)
class CaseloadRow:
    family: Family
    since: date
    open_tasks: int
    overdue: int
    next_due: date | None
    next_tasks: list[Task]


@dataclass(frozen=True)
class Dashboard:
    profile: RegiehouderProfile | None
    rows: list[CaseloadRow]

    @property
    def caseload(self) -> int:
        return len(self.rows)

    @property
    def overdue(self) -> int:
        return sum(row.overdue for row in self.rows)


def dashboard(*, user: Any, today: date | None = None) -> Dashboard:
    """The regiehouder's families with their open and overdue tasks (of the whole care team) and the next
    contact: three queries whatever the caseload (the benchmark measures it at 100,000 families)."""
    today = today or clock.local_date()
    assignments = (
        RegieAssignment.objects.filter(
            regiehouder=user, ended_at__isnull=True, family__in=Family.objects.visible_to(user)
        )
        .select_related("family", "family__stadsdeel")
        .annotate(
            open_tasks=Count("family__tasks", filter=Q(family__tasks__status=TaskStatus.OPEN)),
            overdue=Count(
                "family__tasks", filter=Q(family__tasks__status=TaskStatus.OPEN, family__tasks__due_on__lt=today)
            ),
            next_due=Min("family__tasks__due_on", filter=Q(family__tasks__status=TaskStatus.OPEN)),
        )
        .prefetch_related(
            Prefetch(
                "family__tasks",
                queryset=Task.objects.filter(status=TaskStatus.OPEN)
                .select_related("assigned_to")
                .order_by("due_on", "pk"),
                to_attr="open_task_list",
            )
        )
        .order_by(F("next_due").asc(nulls_last=True), "family__name")
    )
    rows = [
        CaseloadRow(
            family=a.family,
            since=clock.local_date(a.started_at),
            open_tasks=a.open_tasks,
            overdue=a.overdue,
            next_due=a.next_due,
            next_tasks=a.family.open_task_list[:3],  # type: ignore[attr-defined]
        )
        for a in assignments
    ]
    return Dashboard(profile=profile_of(user), rows=rows)
