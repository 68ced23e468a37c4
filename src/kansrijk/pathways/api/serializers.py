"""Tasks in the API."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kansrijk.pathways.models import Task
from kansrijk.pathways.selectors import is_overdue


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


class TaskDoneSerializer(serializers.Serializer[Any]):
    note = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)
