"""The family file as a whole in the API."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from rest_framework import serializers

from kansrijk.families import selectors as families
from kansrijk.families.api.serializers import (
    CaregiverSerializer,
    ChildSerializer,
    NetworkSerializer,
    PregnancySerializer,
    phase_data,
)
from kansrijk.families.models import Family
from kansrijk.pathways.api.serializers import TaskSerializer
from kansrijk.pathways.models import PathwayStep, PathwayVersion
from kansrijk.signalling import selectors as signalling
from kansrijk.signalling.api.serializers import AssessmentSerializer


class FamilySummarySerializer(serializers.ModelSerializer[Family]):
    stadsdeel = serializers.CharField(source="stadsdeel.naam", allow_null=True, default=None)
    phase = serializers.SerializerMethodField()

    class Meta:
        model = Family
        fields = ["id", "name", "stadsdeel", "phase", "opened_at", "is_demo"]

    def get_phase(self, family: Family) -> dict[str, Any]:
        return phase_data(families.family_phase(family).phase)


class FamilySerializer(FamilySummarySerializer):
    gebied = serializers.CharField(source="gebied.naam", allow_null=True, default=None)
    caregivers = CaregiverSerializer(many=True)
    pregnancies = PregnancySerializer(many=True)
    children = ChildSerializer(many=True)
    network = NetworkSerializer(many=True)
    care_team = serializers.SerializerMethodField()
    latest_assessment = serializers.SerializerMethodField()
    open_tasks = serializers.SerializerMethodField()

    class Meta:
        model = Family
        fields = ["id", "name", "street", "house_number", "postcode", "city", "stadsdeel", "gebied",
                  "support_as_long_as_needed", "phase", "caregivers", "pregnancies", "children", "network",
                  "care_team", "latest_assessment", "open_tasks", "opened_at", "is_demo"]  # fmt: skip

    def get_care_team(self, family: Family) -> list[dict[str, Any]]:
        return [
            {"user": m.user.full_name, "discipline": m.discipline, "is_regiehouder": m.is_regiehouder}
            for m in families.active_team(family)
        ]

    def get_latest_assessment(self, family: Family) -> dict[str, Any] | None:
        latest = signalling.latest_assessment(family=family)
        return AssessmentSerializer(latest).data if latest else None

    def get_open_tasks(self, family: Family) -> list[dict[str, Any]]:
        tasks = family.tasks.filter(status="open").select_related("family", "assigned_to", "version")
        return list(TaskSerializer(tasks, many=True).data)


# --- the pathway and the triage rules (no personal data) --------------------------------------------------


class PathwayStepSerializer(serializers.ModelSerializer[PathwayStep]):
    phases = serializers.ListField(child=serializers.CharField(), read_only=True, help_text="Phase kinds.")
    levels = serializers.ListField(child=serializers.CharField(), read_only=True, help_text="Amsterdam care levels.")

    class Meta:
        model = PathwayStep
        fields = ["code", "phases", "levels", "title_nl", "title_en", "role", "due_working_days"]
        read_only_fields = fields


class PathwayVersionSerializer(serializers.ModelSerializer[PathwayVersion]):
    version = serializers.IntegerField(source="number", read_only=True)
    # In UTC ("Z"), as this operation has always answered.
    published_at = serializers.DateTimeField(default_timezone=UTC, read_only=True)
    steps = PathwayStepSerializer(many=True, read_only=True)

    class Meta:
        model = PathwayVersion
        fields = ["version", "name", "published_at", "steps"]
        read_only_fields = fields


class TriageConditionsSerializer(serializers.Serializer[Any]):
    """When a rule applies: all of its conditions hold (no conditions: the table's default). One field per
    condition the rules may use (`kansrijk.signalling.triage.CONDITIONS`); a rule has only the ones it uses
    (so none is read-only: drf-spectacular would call a read-only field required)."""

    unsafety = serializers.BooleanField(required=False)
    risk_min = serializers.IntegerField(required=False)
    risk_max = serializers.IntegerField(required=False)
    protective_in = serializers.ListField(child=serializers.CharField(), required=False)
    gaps_min = serializers.IntegerField(required=False)
    gaps_exceed_strengths = serializers.BooleanField(required=False)
    strengths_max = serializers.IntegerField(required=False)


class TriageRuleSerializer(serializers.Serializer[Any]):
    id = serializers.CharField(read_only=True)
    level = serializers.CharField(read_only=True)
    when = TriageConditionsSerializer(read_only=True)
    why_nl = serializers.CharField(read_only=True)


class TriageTablesSerializer(serializers.Serializer[Any]):
    """The three tables; in each, the first rule whose conditions hold gives the level."""

    protective = TriageRuleSerializer(many=True, read_only=True)
    amsterdam = TriageRuleSerializer(many=True, read_only=True)
    national = TriageRuleSerializer(many=True, read_only=True)


class TriageRulesSerializer(serializers.Serializer[Any]):
    version = serializers.CharField(read_only=True)
    tables = TriageTablesSerializer(source="*", read_only=True)


class PathwayOverviewSerializer(serializers.Serializer[Any]):
    """The current pathway and the triage rules, built from `{"pathway": version, "triage_rules": rule set}`."""

    pathway = PathwayVersionSerializer(read_only=True)
    triage_rules = TriageRulesSerializer(read_only=True)
