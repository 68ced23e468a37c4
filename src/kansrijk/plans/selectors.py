"""Reads of the plan."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from kansrijk.families.models import Family
from kansrijk.plans.models import Action, Goal, GoalStatus


def goals(*, family: Family) -> QuerySet[Goal]:
    """The family's goals, the ones being worked on first, each with its actions."""
    return (
        Goal.objects.filter(family=family)
        .prefetch_related(
            Prefetch("actions", queryset=Action.objects.select_related("task", "professional").order_by("due_on", "pk"))
        )
        .order_by("status", "created_at", "pk")
    )


def open_goals(*, family: Family) -> QuerySet[Goal]:
    return goals(family=family).filter(status=GoalStatus.OPEN)
