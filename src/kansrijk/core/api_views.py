from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from kansrijk.core.api import PersonalDataAPIMixin
from kansrijk.core.models import AuditAction, AuditEntry
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


class AuditFilterSerializer(serializers.Serializer[Any]):
    """The audit log's filters (query parameters); a wrong value is a 400 with the reason per parameter."""

    object_type = serializers.CharField(
        required=False, allow_blank=True, max_length=100, help_text="Kind of data, e.g. `families.family`."
    )
    object_id = serializers.CharField(required=False, allow_blank=True, max_length=64, help_text="Its id.")
    actor_id = serializers.IntegerField(
        required=False, min_value=1, max_value=2**63 - 1, help_text="The id of the person who acted."
    )
    action = serializers.ChoiceField(choices=AuditAction.choices, required=False, allow_blank=True)
    date_from = serializers.DateField(required=False, help_text="From this date (inclusive).")
    date_to = serializers.DateField(required=False, help_text="Up to and including this date.")

    def to_filter(self) -> AuditFilter:
        data = self.validated_data
        return AuditFilter(
            object_type=data.get("object_type", ""),
            object_id=data.get("object_id", ""),
            actor_id=data.get("actor_id"),
            action=data.get("action", ""),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )


class CanReadAuditLog(BasePermission):
    def has_permission(self, request: Request, view: APIView) -> bool:
        return bool(request.user and request.user.has_perm("core.view_audit_log"))


class AuditEntryListView(PersonalDataAPIMixin, generics.ListAPIView):  # type: ignore[type-arg]
    """Audit entries, newest first; filter with `object_type`, `object_id`, `actor_id`, `action`,
    `date_from` and `date_to`.

    Only for a beheerder with a verified second factor; the read is itself audited."""

    serializer_class = AuditEntrySerializer
    permission_classes = [CanReadAuditLog]
    audit_purpose = "toezicht op toegang tot persoonsgegevens"
    audit_object_type = "core.auditlog"

    @extend_schema(parameters=[AuditFilterSerializer])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        params = AuditFilterSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return audit_entry_list(filters=params.to_filter())

    def get_audit_targets(self, response: Any) -> list[Any]:
        from kansrijk.core.audit import Target

        params = self.request.query_params
        return [Target("core.auditlog", f"{params.get('object_type', '')}:{params.get('object_id', '')}".strip(":"))]
