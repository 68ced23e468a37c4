"""The family itself in the API."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kansrijk.families.models import Caregiver, Child, Discipline, NetworkMember, Pregnancy


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


class FamilyOpenSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=120)
    discipline = serializers.ChoiceField(choices=Discipline.choices)
    street = serializers.CharField(max_length=120, required=False, default="")
    house_number = serializers.CharField(max_length=20, required=False, default="")
    postcode = serializers.CharField(max_length=7, required=False, default="")
