"""Reads of tasks: the worklist ("Mijn taken") and a family's tasks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from kansrijk.core import clock
from kansrijk.families.models import Family
from kansrijk.pathways.models import PathwayVersion, Task, TaskStatus


def worklist(*, user: Any) -> QuerySet[Task]:
    """The open tasks of `user`, in families they may still see, the earliest due first."""
    return (
        Task.objects.filter(assigned_to=user, status=TaskStatus.OPEN, family__in=Family.objects.visible_to(user))
        .select_related("family", "family__stadsdeel")
        .order_by("due_on", "pk")
    )


def family_tasks(*, family: Family) -> QuerySet[Task]:
    return family.tasks.select_related("assigned_to", "closed_by").order_by("status", "due_on", "pk")


def is_overdue(task: Task, today: date | None = None) -> bool:
    return task.status == TaskStatus.OPEN and task.due_on < (today or clock.local_date())


@dataclass(frozen=True)
class WorklistCounts:
    open: int
    overdue: int


def worklist_counts(*, user: Any, today: date | None = None) -> WorklistCounts:
    tasks = worklist(user=user)
    today = today or clock.local_date()
    return WorklistCounts(open=tasks.count(), overdue=tasks.filter(due_on__lt=today).count())


def open_task_counts(*, families: Sequence[Family], today: date) -> dict[int, tuple[int, int]]:
    """Per family: (open tasks, of which overdue), in one query."""
    rows = (
        Task.objects.filter(family__in=families, status=TaskStatus.OPEN)
        .values("family_id")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
    )
    return {row["family_id"]: (row["open"], row["overdue"]) for row in rows}


def versions() -> QuerySet[PathwayVersion]:
    return PathwayVersion.objects.prefetch_related("steps").select_related("published_by").order_by("-number")
