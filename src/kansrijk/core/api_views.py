from __future__ import annotations

from typing import Any

from rest_framework import generics, serializers
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from kansrijk.core.api import PersonalDataAPIMixin
from kansrijk.core.models import AuditEntry
from kansrijk.core.selectors import AuditFilter, audit_entry_list


class AuditEntrySerializer(serializers.ModelSerializer[AuditEntry]):
    class Meta:
        model = AuditEntry
        fields = (
            "seq",
            "occurred_at",
            "actor_id",
            "actor_label",
            "actor_organisation",
            "actor_role",
            "on_behalf_of",
            "action",
            "object_type",
            "object_id",
            "purpose",
            "request_id",
            "client_ip",
            "hash",
        )


class CanReadAuditLog(BasePermission):
    def has_permission(self, request: Request, view: APIView) -> bool:
        return bool(request.user and request.user.has_perm("core.view_audit_log"))


class AuditEntryListView(PersonalDataAPIMixin, generics.ListAPIView):  # type: ignore[type-arg]
    """Audit entries, newest first; filter with `object_type`, `object_id`, `actor_id`, `action`.

    Only for a beheerder with a verified second factor; the read is itself audited."""

    serializer_class = AuditEntrySerializer
    permission_classes = [CanReadAuditLog]
    audit_purpose = "toezicht op toegang tot persoonsgegevens"
    audit_object_type = "core.auditlog"

    def get_queryset(self) -> Any:
        params = self.request.query_params
        actor = params.get("actor_id", "")
        return audit_entry_list(
            filters=AuditFilter(
                object_type=params.get("object_type", ""),
                object_id=params.get("object_id", ""),
                actor_id=int(actor) if actor.isdigit() else None,
                action=params.get("action", ""),
            )
        )

    def get_audit_targets(self, response: Any) -> list[Any]:
        from kansrijk.core.audit import Target

        params = self.request.query_params
        return [Target("core.auditlog", f"{params.get('object_type', '')}:{params.get('object_id', '')}".strip(":"))]
