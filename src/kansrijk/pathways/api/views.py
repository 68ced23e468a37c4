"""API of the pathway: my tasks, a task done, the published pathway."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kansrijk.accounts.base_views import ApiView
from kansrijk.core.audit import Target
from kansrijk.pathways import selectors as pathways
from kansrijk.pathways import services as pathway_services
from kansrijk.pathways.api import serializers as s
from kansrijk.pathways.models import Task

TAGS = ["gezinsdossier"]


@extend_schema(tags=TAGS)
class WorklistView(ApiView, generics.ListAPIView):  # type: ignore[type-arg]
    """ "Mijn taken": the person's open tasks, the earliest due first."""

    serializer_class = s.TaskSerializer
    permission_required = "pathways.view_worklist"
    audit_purpose = "mijn taken bekijken"
    audit_object_type = "pathways.task"

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Task.objects.none()
        return pathways.worklist(user=self.request.user).select_related("assigned_to", "version")


@extend_schema(tags=TAGS, request=s.TaskDoneSerializer, responses=s.TaskSerializer)
class TaskDoneView(ApiView, APIView):
    """Mark a task done (a member of the family's care team)."""

    audit_purpose = "taak afronden"
    audit_object_type = "pathways.task"

    def post(self, request: Request, pk: int) -> Response:
        task = Task.objects.visible_to(request.user).select_related("family").filter(pk=pk).first()
        if task is None or not request.user.has_perm("pathways.change_task", task):
            self.permission_denied(request)
            raise PermissionDenied  # permission_denied raises; this line tells the type checker
        data = s.TaskDoneSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        done = pathway_services.task_complete(task=task, by=self.person, note=data.validated_data["note"])
        self._audited_objects = [Target("pathways.task", str(done.pk))]
        return Response(s.TaskSerializer(done).data)
