"""The family file in the API: the same data as the pages, from the same selectors and services."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kansrijk.families import selectors as families
from kansrijk.families.levels import AmsterdamLevel, NationalLevel
from kansrijk.families.models import Caregiver, Child, Discipline, Family, NetworkMember, Pregnancy
from kansrijk.pathways.models import Task
from kansrijk.pathways.selectors import is_overdue
from kansrijk.plans.models import LifeDomain
from kansrijk.signalling import selectors as signalling
from kansrijk.signalling.models import Assessment, MeldcodeDecision, Source, Unsafety


def phase_data(phase: Any) -> dict[str, Any]:
    """The family's phase: kind, B1 label, programme phase, day of the 1,000 (day 1 is conception)."""
    return {
        "kind": str(phase.kind),
        "label": phase.label(),
        "programme_phase": phase.programme_phase,
        "day": phase.day,
        "gestation_weeks": list(phase.gestation_weeks) if phase.gestation_weeks else None,
    }


class CaregiverSerializer(serializers.ModelSerializer[Caregiver]):
    class Meta:
        model = Caregiver
        fields = ["id", "given_name", "family_name", "role", "date_of_birth", "phone", "email", "languages",
                  "needs_interpreter", "needs_cultuurbemiddelaar"]  # fmt: skip


class PregnancySerializer(serializers.ModelSerializer[Pregnancy]):
    class Meta:
        model = Pregnancy
        fields = ["id", "expected_due_date", "weeks_at_registration", "registered_on", "expected_children", "outcome",
                  "ended_on"]  # fmt: skip


class ChildSerializer(serializers.ModelSerializer[Child]):
    class Meta:
        model = Child
        fields = ["id", "given_name", "birth_date", "weeks_at_birth", "birth_weight_grams"]


class NetworkSerializer(serializers.ModelSerializer[NetworkMember]):
    class Meta:
        model = NetworkMember
        fields = ["id", "name", "relation", "helps_with", "agreement", "contact"]


class TaskSerializer(serializers.ModelSerializer[Task]):
    family_name = serializers.CharField(source="family.name")
    title = serializers.CharField()
    assigned_to = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()
    pathway_version = serializers.IntegerField(source="version.number")

    class Meta:
        model = Task
        fields = ["id", "family", "family_name", "step_code", "title", "role", "assigned_to", "due_on", "status",
                  "overdue", "phase", "level", "pathway_version"]  # fmt: skip

    def get_assigned_to(self, task: Task) -> str | None:
        return task.assigned_to.full_name if task.assigned_to else None

    def get_overdue(self, task: Task) -> bool:
        return is_overdue(task)


class AssessmentSerializer(serializers.ModelSerializer[Assessment]):
    made_by = serializers.CharField(source="made_by.full_name")
    amsterdam_level = serializers.CharField()
    national_level = serializers.CharField()
    why = serializers.SerializerMethodField()
    observations = serializers.SerializerMethodField()

    class Meta:
        model = Assessment
        fields = ["id", "conversation_on", "made_by", "strengths_note", "unsafety", "risk_count", "strengths_count",
                  "gaps_count", "protective_level", "proposed_amsterdam", "proposed_national", "chosen_amsterdam",
                  "chosen_national", "override_reason", "amsterdam_level", "national_level", "rule_ids",
                  "rules_version", "catalogue_version", "why", "observations"]  # fmt: skip

    def get_why(self, assessment: Assessment) -> list[str]:
        why = signalling.explanation(assessment)
        return [rule.why for rule in (why.amsterdam, why.national, why.protective) if rule is not None]

    def get_observations(self, assessment: Assessment) -> list[dict[str, Any]]:
        return [
            {"factor": o.factor, "kind": o.kind, "present": o.present, "note": o.note, "origin": o.source}
            for o in assessment.observations.all()
        ]


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


class FamilyOpenSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=120)
    discipline = serializers.ChoiceField(choices=Discipline.choices)
    street = serializers.CharField(max_length=120, required=False, default="")
    house_number = serializers.CharField(max_length=20, required=False, default="")
    postcode = serializers.CharField(max_length=7, required=False, default="")


class ObservationInputSerializer(serializers.Serializer[Any]):
    factor = serializers.CharField(max_length=40)
    present = serializers.BooleanField()
    note = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
    origin = serializers.ChoiceField(
        choices=Source.choices, required=False, default=Source.PARENT, help_text="Where the information comes from."
    )


class AssessmentInputSerializer(serializers.Serializer[Any]):
    conversation_on = serializers.DateField()
    strengths_note = serializers.CharField(required=False, default="", allow_blank=True)
    unsafety = serializers.ChoiceField(choices=Unsafety.choices, required=False, default="")
    observations = ObservationInputSerializer(many=True)
    chosen_amsterdam = serializers.ChoiceField(choices=AmsterdamLevel.choices, required=False, default="")
    chosen_national = serializers.ChoiceField(choices=NationalLevel.choices, required=False, default="")
    override_reason = serializers.CharField(required=False, default="", allow_blank=True)


class ProposalSerializer(serializers.Serializer[Any]):
    def to_representation(self, instance: Any) -> dict[str, Any]:
        return {
            "regiehouder": instance.profile.user_id,
            "name": instance.profile.user.full_name,
            "score": instance.score,
            "caseload": instance.caseload,
            "capacity": instance.profile.capacity,
            "full": instance.full,
            "reasons": list(instance.reasons),
        }


class RegieInputSerializer(serializers.Serializer[Any]):
    regiehouder = serializers.IntegerField()
    handover_reason = serializers.CharField(
        max_length=300, required=False, default="", help_text="Needed to hand regie over from the current one."
    )


class MeldcodeStepInputSerializer(serializers.Serializer[Any]):
    step = serializers.IntegerField(min_value=1, max_value=5)
    done_on = serializers.DateField()
    notes = serializers.CharField()
    consulted = serializers.CharField(max_length=120, required=False, default="", allow_blank=True)
    decision = serializers.ChoiceField(choices=MeldcodeDecision.choices, required=False, default="", allow_blank=True)


class TaskDoneSerializer(serializers.Serializer[Any]):
    note = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)


class PlanInputSerializer(serializers.Serializer[Any]):
    """A goal (no `goal` given: `domain` and `text`), or an action for goal `goal` (`text` is what
    happens, `who` does it, optionally by `due_on` and carrying out pathway task `task`)."""

    goal = serializers.IntegerField(required=False, allow_null=True, default=None)
    domain = serializers.ChoiceField(choices=LifeDomain.choices, required=False, default="")
    text = serializers.CharField(max_length=300)
    who = serializers.CharField(max_length=120, required=False, default="", allow_blank=True)
    due_on = serializers.DateField(required=False, allow_null=True, default=None)
    task = serializers.IntegerField(required=False, allow_null=True, default=None)
