"""Read-side queries of the core."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from kansrijk.core.models import AuditAction, AuditEntry


@dataclass(frozen=True)
class AuditFilter:
    object_type: str = ""
    object_id: str = ""
    actor_id: int | None = None
    action: str = ""
    date_from: date | None = None
    date_to: date | None = None

    @property
    def is_empty(self) -> bool:
        return not any((self.object_type, self.object_id, self.actor_id, self.action, self.date_from, self.date_to))


def audit_entry_list(*, filters: AuditFilter) -> QuerySet[AuditEntry]:
    """Audit entries matching the filters, newest first. Callers must hold `core.view_audit_log`
    and record the read (the audit log holds personal data itself)."""
    qs = AuditEntry.objects.all()
    if filters.object_type:
        qs = qs.filter(object_type=filters.object_type)
    if filters.object_id:
        qs = qs.filter(object_id=filters.object_id)
    if filters.actor_id is not None:
        qs = qs.filter(actor_id=filters.actor_id)
    if filters.action and filters.action in AuditAction.values:
        qs = qs.filter(action=filters.action)
    if filters.date_from:
        qs = qs.filter(occurred_at__date__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(occurred_at__date__lte=filters.date_to)
    return qs.order_by("-seq")


def audit_object_types() -> list[str]:
    return list(AuditEntry.objects.order_by().values_list("object_type", flat=True).distinct())
