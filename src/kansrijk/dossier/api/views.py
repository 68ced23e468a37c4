"""API of the family file as a whole: the list of one's families, open a file, and one family's file."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kansrijk.accounts.base_views import ApiView
from kansrijk.core.audited import NO_PERSONAL_DATA
from kansrijk.dossier.api import serializers as s
from kansrijk.families import selectors as families
from kansrijk.families import services as family_services
from kansrijk.families.api.serializers import FamilyOpenSerializer
from kansrijk.families.api.views import FamilyAPIMixin
from kansrijk.families.models import Family
from kansrijk.pathways import services as pathway_services
from kansrijk.signalling.triage import rule_set

TAGS = ["gezinsdossier"]


@extend_schema(tags=TAGS)
class FamilyListView(ApiView, generics.ListCreateAPIView):  # type: ignore[type-arg]
    """The families in whose care team the person is (GET), or open a new family file (POST)."""

    serializer_class = s.FamilySummarySerializer
    audit_purpose = "mijn gezinnen bekijken"
    audit_object_type = "families.family"

    def get_permission_required(self) -> str:
        # Who may open a file is asked before the input is read: a refused role learns nothing of the form.
        return "families.add_family" if self.request.method == "POST" else "families.list_families"

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Family.objects.none()
        return families.family_list(user=self.request.user).order_by("name", "pk")

    @extend_schema(request=FamilyOpenSerializer, responses={201: s.FamilySerializer})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = FamilyOpenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        family = family_services.family_open(
            by=self.person,
            name=values["name"],
            discipline=values["discipline"],
            address=family_services.Address(
                street=values["street"], house_number=values["house_number"], postcode=values["postcode"]
            ),
        )
        shown = families.family_get(user=request.user, pk=family.pk)
        return Response(s.FamilySerializer(shown).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS, responses=s.FamilySerializer)
class FamilyDetailView(FamilyAPIMixin, APIView):
    """A family file: people, phase, care team, the latest assessment with its reasons, open tasks."""

    audit_purpose = "gezinsdossier bekijken"

    def get(self, request: Request, pk: int) -> Response:
        return Response(s.FamilySerializer(self.family).data)


@extend_schema(tags=["route"])
class PathwayView(APIView):
    """The current pathway "Zo werken wij in Amsterdam" and the triage rules (no personal data)."""

    audit_policy = NO_PERSONAL_DATA

    @extend_schema(responses=s.PathwayOverviewSerializer)
    def get(self, request: Request) -> Response:
        overview = {"pathway": pathway_services.current_version(), "triage_rules": rule_set()}
        return Response(s.PathwayOverviewSerializer(overview).data)
