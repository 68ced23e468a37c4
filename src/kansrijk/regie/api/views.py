"""API of regie: propose, assign or hand over a regiehouder; the caseload."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kansrijk.accounts.base_views import ApiView
from kansrijk.accounts.models import User
from kansrijk.families.api.views import FamilyAPIMixin
from kansrijk.regie import selectors as regie
from kansrijk.regie import services as regie_services
from kansrijk.regie.api import serializers as s

TAGS = ["gezinsdossier"]


@extend_schema(tags=TAGS)
class RegieView(FamilyAPIMixin, APIView):
    """The family's regiehouder and a ranked proposal (GET); confirm one, or hand regie over with a reason
    when there is one already (POST)."""

    permission_required = "regie.assign"
    audit_purpose = "regiehouder kiezen"

    @extend_schema(responses=s.RegieSerializer)
    def get(self, request: Request, pk: int) -> Response:
        current = regie.active_assignment(family=self.family)
        proposals = regie_services.regie_propose(family=self.family, by=self.person, limit=8)
        body = {"regiehouder": current.regiehouder if current else None, "proposals": proposals}
        return Response(s.RegieSerializer(body).data)

    @extend_schema(request=s.RegieInputSerializer, responses={201: s.RegieChosenSerializer})
    def post(self, request: Request, pk: int) -> Response:
        data = s.RegieInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        chosen = User.objects.filter(pk=data.validated_data["regiehouder"]).first()
        if chosen is None:
            raise ValidationError({"regiehouder": ["Onbekende regiehouder."]})
        regie_services.regie_choose(
            family=self.family, regiehouder=chosen, by=self.person, reason=data.validated_data["handover_reason"]
        )
        return Response(s.RegieChosenSerializer({"regiehouder": chosen}).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class DashboardView(ApiView, APIView):
    """The regiehouder's caseload: families, open and overdue tasks, the next contact."""

    permission_required = "regie.view_dashboard"
    audit_purpose = "caseload regiehouder bekijken"
    audit_object_type = "families.family"

    @extend_schema(responses=s.DashboardSerializer)
    def get(self, request: Request) -> Response:
        board = regie.dashboard(user=self.person)
        self._audited_objects = [row.family for row in board.rows]
        return Response(s.DashboardSerializer(board).data)
