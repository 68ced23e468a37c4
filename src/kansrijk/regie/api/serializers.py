"""Regie in the API."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kansrijk.regie.selectors import CaseloadRow


class ProposalSerializer(serializers.Serializer[Any]):
    """A proposed regiehouder (`regie.services.Proposal`), best first."""

    regiehouder = serializers.IntegerField(source="profile.user_id", read_only=True, help_text="The user's id.")
    name = serializers.CharField(source="profile.user.full_name", read_only=True)
    score = serializers.FloatField(read_only=True)
    caseload = serializers.IntegerField(read_only=True, help_text="Families the regiehouder has now.")
    capacity = serializers.IntegerField(source="profile.capacity", read_only=True)
    full = serializers.BooleanField(read_only=True)
    reasons = serializers.ListField(child=serializers.CharField(), read_only=True)


class RegiehouderSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="pk", read_only=True)
    name = serializers.CharField(source="full_name", read_only=True)


class RegieSerializer(serializers.Serializer[Any]):
    """The family's regiehouder (`null` when there is none) and the ranked proposal."""

    regiehouder = RegiehouderSerializer(allow_null=True, read_only=True)
    proposals = ProposalSerializer(many=True, read_only=True)


class RegieChosenSerializer(serializers.Serializer[Any]):
    """The regiehouder just chosen."""

    regiehouder = RegiehouderSerializer(read_only=True)


class CaseloadRowSerializer(serializers.Serializer[Any]):
    """A family in the caseload (`regie.selectors.CaseloadRow`)."""

    id = serializers.IntegerField(source="family.pk", read_only=True)
    name = serializers.CharField(source="family.name", read_only=True)
    since = serializers.DateField(read_only=True)
    open_tasks = serializers.IntegerField(read_only=True)
    overdue = serializers.IntegerField(read_only=True)
    next_due = serializers.DateField(allow_null=True, read_only=True)
    next_tasks = serializers.SerializerMethodField(help_text="Titles of the next open tasks.")

    def get_next_tasks(self, row: CaseloadRow) -> list[str]:
        return [task.title for task in row.next_tasks]


class DashboardSerializer(serializers.Serializer[Any]):
    """The regiehouder's caseload (`regie.selectors.Dashboard`)."""

    capacity = serializers.IntegerField(
        source="profile.capacity", allow_null=True, read_only=True, help_text="`null` without a regie profile."
    )
    caseload = serializers.IntegerField(read_only=True)
    families = CaseloadRowSerializer(source="rows", many=True, read_only=True)


class RegieInputSerializer(serializers.Serializer[Any]):
    regiehouder = serializers.IntegerField()
    handover_reason = serializers.CharField(
        max_length=300, required=False, default="", help_text="Needed to hand regie over from the current one."
    )
