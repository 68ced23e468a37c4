"""API of signalling: conversations (assessments) and the meldcode."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kansrijk.families.api.views import FamilyAPIMixin
from kansrijk.signalling import selectors as signalling
from kansrijk.signalling import services as signalling_services
from kansrijk.signalling.api import serializers as s

TAGS = ["gezinsdossier"]


@extend_schema(tags=TAGS)
class AssessmentsView(FamilyAPIMixin, APIView):
    """The family's assessments, newest first (GET); record a conversation (POST): triage proposes the
    level, the pathway plans tasks, unsafety starts the meldcode."""

    audit_purpose = "signalering"

    @extend_schema(responses=s.AssessmentSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        return Response(s.AssessmentSerializer(signalling.assessments(family=self.family), many=True).data)

    @extend_schema(request=s.AssessmentInputSerializer, responses={201: s.AssessmentRecordedSerializer})
    def post(self, request: Request, pk: int) -> Response:
        data = s.AssessmentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        recorded = signalling_services.assessment_record(
            family=self.family,
            by=self.person,
            conversation_on=values["conversation_on"],
            observations=[
                signalling_services.ObservationInput(o["factor"], o["present"], o["note"], o["origin"])
                for o in values["observations"]
            ],
            strengths_note=values["strengths_note"],
            unsafety=values["unsafety"],
            chosen_amsterdam=values["chosen_amsterdam"],
            chosen_national=values["chosen_national"],
            override_reason=values["override_reason"],
        )
        body = s.AssessmentRecordedSerializer(recorded.assessment, context={"recorded": recorded}).data
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class MeldcodeView(FamilyAPIMixin, APIView):
    """The open meldcode track with its steps (GET); record the next step, in order (POST)."""

    permission_required = "signalling.record_meldcode"
    audit_purpose = "meldcode bijhouden"

    def _body(self) -> dict[str, Any]:
        return s.MeldcodeSerializer({"open_track": signalling.open_meldcode(family=self.family)}).data

    @extend_schema(responses=s.MeldcodeSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(self._body())

    @extend_schema(request=s.MeldcodeStepInputSerializer, responses={201: s.MeldcodeSerializer})
    def post(self, request: Request, pk: int) -> Response:
        data = s.MeldcodeStepInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        track = signalling.open_meldcode(family=self.family)
        if track is None:
            raise ValidationError({"step": ["Er loopt geen meldcode voor dit gezin."]})
        signalling_services.meldcode_step_record(track=track, by=self.person, **data.validated_data)
        return Response(self._body(), status=status.HTTP_201_CREATED)
