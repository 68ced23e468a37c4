"""The plan in the API."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kansrijk.plans.models import Action, Goal, LifeDomain


class PlanInputSerializer(serializers.Serializer[Any]):
    """A goal (no `goal` given: `domain` and `text`), or an action for goal `goal` (`text` is what
    happens, `who` does it, optionally by `due_on` and carrying out pathway task `task`)."""

    goal = serializers.IntegerField(required=False, allow_null=True, default=None)
    domain = serializers.ChoiceField(choices=LifeDomain.choices, required=False, default="")
    text = serializers.CharField(max_length=300)
    who = serializers.CharField(max_length=120, required=False, default="", allow_blank=True)
    due_on = serializers.DateField(required=False, allow_null=True, default=None)
    task = serializers.IntegerField(required=False, allow_null=True, default=None)


class PlanActionSerializer(serializers.ModelSerializer[Action]):
    """An action towards a goal: what happens, who does it, by when, and the pathway task it carries out."""

    task = serializers.IntegerField(source="task_id", allow_null=True, help_text="The pathway task it carries out.")

    class Meta:
        model = Action
        fields = ["id", "what", "who", "due_on", "status", "task"]
        read_only_fields = fields


class PlanGoalSerializer(serializers.ModelSerializer[Goal]):
    """A goal in the family's own words, with its actions."""

    actions = PlanActionSerializer(many=True, read_only=True)

    class Meta:
        model = Goal
        fields = ["id", "domain", "text", "status", "actions"]
        read_only_fields = fields


class PlanSerializer(serializers.Serializer[Any]):
    """The family's plan: `{"goals": [...]}`, built from the family's goals."""

    goals = PlanGoalSerializer(many=True, read_only=True)
