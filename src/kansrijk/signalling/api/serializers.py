"""Signalling in the API."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from rest_framework import serializers

from kansrijk.families.levels import AmsterdamLevel, NationalLevel
from kansrijk.signalling import selectors as signalling
from kansrijk.signalling.models import (
    Assessment,
    MeldcodeDecision,
    MeldcodeStep,
    MeldcodeTrack,
    Source,
    Unsafety,
)
from kansrijk.signalling.services import Recorded


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


class AssessmentRecordedSerializer(AssessmentSerializer):
    """A conversation just recorded: the assessment, the pathway tasks it planned and the meldcode track it
    started. Needs the `recorded` result (`signalling.services.Recorded`) in its context."""

    tasks_created = serializers.SerializerMethodField(help_text="Ids of the pathway tasks it planned.")
    meldcode_track = serializers.SerializerMethodField(help_text="Id of the meldcode track it started, or `null`.")

    class Meta(AssessmentSerializer.Meta):
        fields = [*AssessmentSerializer.Meta.fields, "tasks_created", "meldcode_track"]

    def get_tasks_created(self, assessment: Assessment) -> list[int]:
        recorded: Recorded = self.context["recorded"]
        return [task.pk for task in recorded.plan.created] if recorded.plan else []

    def get_meldcode_track(self, assessment: Assessment) -> int | None:
        recorded: Recorded = self.context["recorded"]
        return recorded.meldcode.pk if recorded.meldcode else None


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


class MeldcodeStepInputSerializer(serializers.Serializer[Any]):
    step = serializers.IntegerField(min_value=1, max_value=5)
    done_on = serializers.DateField()
    notes = serializers.CharField()
    consulted = serializers.CharField(max_length=120, required=False, default="", allow_blank=True)
    decision = serializers.ChoiceField(choices=MeldcodeDecision.choices, required=False, default="", allow_blank=True)


class MeldcodeStepSerializer(serializers.ModelSerializer[MeldcodeStep]):
    done_by = serializers.CharField(source="done_by.full_name", read_only=True)

    class Meta:
        model = MeldcodeStep
        fields = ["step", "done_on", "done_by", "notes", "consulted", "decision"]
        read_only_fields = fields


class MeldcodeTrackSerializer(serializers.ModelSerializer[MeldcodeTrack]):
    # In UTC ("Z"), as this operation has always answered.
    started_at = serializers.DateTimeField(default_timezone=UTC, read_only=True)
    steps = MeldcodeStepSerializer(many=True, read_only=True)

    class Meta:
        model = MeldcodeTrack
        fields = ["id", "unsafety", "started_at", "steps"]
        read_only_fields = fields


class MeldcodeSerializer(serializers.Serializer[Any]):
    """The family's open meldcode track with the steps done so far, or `null` when none is open."""

    open_track = MeldcodeTrackSerializer(allow_null=True, read_only=True)
