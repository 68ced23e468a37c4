"""API of the plan."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kansrijk.families.api.views import FamilyAPIMixin
from kansrijk.pathways.models import Task
from kansrijk.plans import selectors as plans
from kansrijk.plans import services as plan_services
from kansrijk.plans.api import serializers as s
from kansrijk.plans.models import Goal

TAGS = ["gezinsdossier"]


@extend_schema(tags=TAGS)
class PlanView(FamilyAPIMixin, APIView):
    """The family's plan: goals in their own words with who does what by when (GET); add a goal, or an
    action to a goal (POST with `goal` set), optionally carrying out a pathway task."""

    permission_required = "plans.change_plan"
    audit_purpose = "plan met het gezin"

    def _body(self) -> dict[str, Any]:
        return s.PlanSerializer({"goals": plans.goals(family=self.family)}).data

    @extend_schema(responses=s.PlanSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(self._body())

    @extend_schema(request=s.PlanInputSerializer, responses={201: s.PlanSerializer})
    def post(self, request: Request, pk: int) -> Response:
        data = s.PlanInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        by = self.person
        if values.get("goal") is None:
            plan_services.goal_add(family=self.family, by=by, domain=values["domain"], text=values["text"])
        else:
            goal = Goal.objects.select_related("family").filter(pk=values["goal"], family=self.family).first()
            if goal is None:
                raise ValidationError({"goal": ["Kies een doel van dit gezin."]})
            task = Task.objects.filter(pk=values["task"]).first() if values.get("task") else None
            plan_services.action_add(
                goal=goal, by=by, what=values["text"], who=values["who"], due_on=values.get("due_on"), task=task
            )
        return Response(self._body(), status=status.HTTP_201_CREATED)
