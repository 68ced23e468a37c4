"""Reads of the family file. Lists start from `Family.objects.visible_to(user)`; the views that show
the results record the read in the audit trail (core.audited)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet

from kansrijk.core import clock
from kansrijk.families.models import CareTeamMember, Child, Family, Pregnancy, PregnancyOutcome
from kansrijk.families.phase import ChildFacts, Phase, PregnancyFacts, Timeline, phase_on, timeline_on


def _active_team() -> Prefetch[str]:
    return Prefetch(
        "care_team",
        queryset=CareTeamMember.objects.filter(ended_at__isnull=True).select_related("user"),
        to_attr="active_team",
    )


def family_list(*, user: Any) -> QuerySet[Family]:
    return (
        Family.objects.visible_to(user)
        .filter(closed_at__isnull=True)
        .select_related("stadsdeel", "gebied")
        .prefetch_related("pregnancies", "children", _active_team())
    )


def family_get(*, user: Any, pk: int | str) -> Family | None:
    """The family, if `user` may see it (None otherwise: the caller answers 404 or 403)."""
    return (
        Family.objects.visible_to(user)
        .select_related("stadsdeel", "gebied", "opened_by")
        .prefetch_related(
            "caregivers",
            "pregnancies",
            "children",
            "network",
            _active_team(),
        )
        .filter(pk=pk)
        .first()
    )


def pregnancy_facts(pregnancy: Pregnancy) -> PregnancyFacts:
    return PregnancyFacts(
        due_date=pregnancy.expected_due_date,
        weeks_at_registration=pregnancy.weeks_at_registration,
        registered_on=pregnancy.registered_on,
        ongoing=pregnancy.outcome == PregnancyOutcome.ONGOING,
        expected_children=pregnancy.expected_children,
    )


def child_facts(child: Child) -> ChildFacts:
    return ChildFacts(name=child.given_name, birth_date=child.birth_date, weeks_at_birth=child.weeks_at_birth)


@dataclass(frozen=True)
class FamilyPhase:
    phase: Phase
    timeline: Timeline | None


def family_phase(family: Family, *, today: date | None = None) -> FamilyPhase:
    """The family's phase and 1,000-day timeline on `today` (default: today in Amsterdam). Uses the
    family's prefetched pregnancies and children when present."""
    today = today or clock.local_date()
    pregnancies = [pregnancy_facts(p) for p in family.pregnancies.all()]
    children = [child_facts(c) for c in family.children.all()]
    phase = phase_on(
        today, pregnancies=pregnancies, children=children, as_long_as_needed=family.support_as_long_as_needed
    )
    return FamilyPhase(
        phase=phase, timeline=timeline_on(today, pregnancies=pregnancies, children=children, phase=phase)
    )


def active_team(family: Family) -> list[CareTeamMember]:
    prefetched: list[CareTeamMember] | None = getattr(family, "active_team", None)
    if prefetched is not None:
        return prefetched
    return list(family.care_team.filter(ended_at__isnull=True).select_related("user"))


def regiehouder_of(family: Family) -> CareTeamMember | None:
    return next((member for member in active_team(family) if member.is_regiehouder), None)
