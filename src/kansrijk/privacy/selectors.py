"""Reads for data-subject requests and the retention policy.

"Everything about a family" is found from the model relations rather than a hand-made list: every model
that is deleted with the family (a CASCADE foreign key to it, or to something of it) belongs to the
family. So a new app's family data is in the export, and anonymised, without changing this module.
A model that points at the family directly is listed at the top level only (a consent is under
"consents", not again under the parent who gave it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import Max, Q, QuerySet

from kansrijk.core import clock
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.families.models import Family, PregnancyOutcome
from kansrijk.pathways.models import Task
from kansrijk.plans.models import Action, Goal
from kansrijk.referrals.models import ReferralEvent
from kansrijk.signalling.models import Assessment

MAX_DEPTH = 3
# Never exported: secrets that only make sense to the application (answer-link token hashes).
SECRET_PARTS = ("hash", "token", "password")
ACCESS_LOG_LIMIT = 5000
_Moment = TypeVar("_Moment", date, datetime)


@dataclass(frozen=True)
class Branch:
    """A relation along which family data hangs: `name` is its accessor (e.g. "caregivers")."""

    name: str
    model: type[models.Model]
    field: str  # the foreign key on `model` that points at the parent
    one: bool  # one-to-one (e.g. a referral's handover)
    children: tuple[Branch, ...]


def _points_to_family(model: type[models.Model]) -> bool:
    return any(
        isinstance(field, models.ForeignKey) and field.related_model is Family for field in model._meta.concrete_fields
    )


def _branches(model: type[models.Model], depth: int) -> tuple[Branch, ...]:
    found = []
    for rel in model._meta.related_objects:
        related = rel.related_model
        if not (rel.one_to_many or rel.one_to_one) or rel.on_delete is not models.CASCADE:
            continue
        if not isinstance(related, type) or related is model:
            continue
        if depth > 0 and _points_to_family(related):
            continue
        children = _branches(related, depth + 1) if depth + 1 < MAX_DEPTH else ()
        name = rel.get_accessor_name() or related._meta.model_name or ""
        found.append(Branch(name, related, rel.field.name, bool(rel.one_to_one), children))
    return tuple(sorted(found, key=lambda branch: branch.name))


def family_branches() -> tuple[Branch, ...]:
    """The relations of `Family` that hold its data, with their own (nested) relations."""
    return _branches(Family, 0)


def _walk(branches: tuple[Branch, ...]) -> Iterator[Branch]:
    for branch in branches:
        yield branch
        yield from _walk(branch.children)


def family_models() -> set[type[models.Model]]:
    """Every model that holds data of a family (Family included)."""
    return {Family, *(branch.model for branch in _walk(family_branches()))}


def family_rows(family: Family) -> dict[type[models.Model], list[Any]]:
    """The primary keys of every row that belongs to `family`, per model (Family included)."""
    found: dict[type[models.Model], list[Any]] = {Family: [family.pk]}

    def collect(parent_pks: list[Any], branches: tuple[Branch, ...]) -> None:
        for branch in branches:
            manager = branch.model._default_manager
            pks = list(manager.filter(**{f"{branch.field}__in": parent_pks}).values_list("pk", flat=True))
            if pks:
                found.setdefault(branch.model, []).extend(pks)
                collect(pks, branch.children)

    collect([family.pk], family_branches())
    return found


def _is_secret(name: str) -> bool:
    return any(part in name for part in SECRET_PARTS)


def _row(obj: models.Model, inside: set[type[models.Model]]) -> dict[str, Any]:
    """A row as plain values: foreign keys as ids (with a readable label for people, organisations and
    services outside the family's data), choices with their label."""
    row: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if _is_secret(field.name):
            continue
        if field.is_relation:
            value = getattr(obj, field.attname)
            row[field.name] = value
            if value is not None and field.related_model not in inside:
                row[f"{field.name}_label"] = str(getattr(obj, field.name))
            continue
        value = field.value_from_object(obj)
        row[field.name] = value
        if field.choices and value not in (None, ""):
            row[f"{field.name}_label"] = str(dict(field.flatchoices).get(value, value))
    return row


def _section(parent: models.Model, branch: Branch, inside: set[type[models.Model]]) -> Any:
    rows = branch.model._default_manager.filter(**{branch.field: parent}).order_by("pk")
    result = []
    for obj in rows:
        row = _row(obj, inside)
        for child in branch.children:
            row[child.name] = _section(obj, child, inside)
        result.append(row)
    if branch.one:
        return result[0] if result else None
    return result


def access_log(family: Family) -> QuerySet[AuditEntry]:
    """Audit entries about the family itself, and about its parts that name it (`detail.family`)."""
    return AuditEntry.objects.filter(
        Q(object_type="families.family", object_id=str(family.pk)) | Q(detail__family=family.pk)
    ).order_by("seq")


def family_export(family: Family) -> dict[str, Any]:
    """Everything Kansrijk holds about `family`, as plain data (for a JSON download)."""
    inside = family_models()
    data: dict[str, Any] = {
        "export": {
            "format": "kansrijk-gezin",
            "version": 1,
            "family_id": family.pk,
            "exported_at": clock.now(),
            "note": "Alle gegevens die Kansrijk over dit gezin bewaart, met wie er toegang toe had (auditlog).",
        },
        "family": _row(family, inside),
    }
    for branch in family_branches():
        data[branch.name] = _section(family, branch, inside)
    data["access_log"] = [
        {
            "at": entry.occurred_at,
            "action": entry.action,
            "who": entry.actor_label,
            "organisation": entry.actor_organisation,
            "role": entry.actor_role,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "purpose": entry.purpose,
        }
        for entry in access_log(family)[:ACCESS_LOG_LIMIT]
    ]
    return data


@dataclass(frozen=True)
class SectionCount:
    name: str
    label: str
    count: int


def section_counts(family: Family) -> list[SectionCount]:
    """How many rows of each kind the family has (shown to the privacy officer instead of the content)."""
    counts = []
    for branch in family_branches():
        number = branch.model._default_manager.filter(**{branch.field: family}).count()
        counts.append(SectionCount(branch.name, str(branch.model._meta.verbose_name_plural), number))
    return sorted(counts, key=lambda item: item.label.lower())


# --- retention ---------------------------------------------------------------------------------------


def retention_years() -> int:
    return int(settings.KANSRIJK_RETENTION_YEARS)


def _years_before(moment: _Moment, years: int) -> _Moment:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


def closed_past_retention(*, now: datetime | None = None) -> QuerySet[Family]:
    """Families closed more than the retention period ago, not yet anonymised."""
    cutoff = _years_before(now or clock.now(), retention_years())
    return Family.objects.filter(anonymised_at__isnull=True, closed_at__lt=cutoff).order_by("pk")


def last_activity(family: Family) -> datetime:
    """The last moment anyone worked with the family file: the audit trail's reads and writes of the family
    (refusals do not count), and the dates of conversations, tasks, plan and referral steps."""
    moments: list[datetime | None] = [
        family.opened_at,
        AuditEntry.objects.filter(object_type="families.family", object_id=str(family.pk))
        .exclude(action=AuditAction.DENIED)
        .aggregate(last=Max("occurred_at"))["last"],
        Assessment.objects.filter(family=family).aggregate(last=Max("made_at"))["last"],
        Task.objects.filter(family=family).aggregate(last=Max("created_at"))["last"],
        Task.objects.filter(family=family).aggregate(last=Max("closed_at"))["last"],
        Goal.objects.filter(family=family).aggregate(last=Max("created_at"))["last"],
        Action.objects.filter(goal__family=family).aggregate(last=Max("updated_at"))["last"],
        ReferralEvent.objects.filter(referral__family=family).aggregate(last=Max("at"))["last"],
    ]
    return max(moment for moment in moments if moment is not None)


def finished_without_activity(*, now: datetime | None = None) -> list[Family]:
    """Open families whose first 1,000 days ended more than the retention period ago and that nobody has
    worked with for the retention period: the youngest child turned 2 more than `retention` years ago
    (without children: the file was opened 2 + `retention` years ago), and no ongoing pregnancy."""
    now = now or clock.now()
    years = retention_years()
    today = clock.local_date(now)
    window_ended_before = _years_before(today, 2 + years)
    quiet_since = _years_before(now, years)
    candidates = (
        Family.objects.filter(anonymised_at__isnull=True, closed_at__isnull=True)
        .exclude(pregnancies__outcome=PregnancyOutcome.ONGOING)
        .annotate(youngest=Max("children__birth_date"))
        .filter(Q(youngest__lt=window_ended_before) | Q(youngest__isnull=True, opened_at__date__lt=window_ended_before))
        .order_by("pk")
    )
    return [family for family in candidates if last_activity(family) < quiet_since]
