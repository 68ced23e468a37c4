"""Amsterdam's areas as a public, read-only API (reference data: no personal data, no login)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kansrijk.core.audited import NO_PERSONAL_DATA
from kansrijk.geo.api.serializers import GebiedSerializer, PostcodeLookupSerializer, StadsdeelSerializer
from kansrijk.geo.models import Gebied, Stadsdeel
from kansrijk.geo.selectors import area_for_postcode, gebied_list, stadsdeel_list


@extend_schema(tags=["gebieden"])
class StadsdeelViewSet(viewsets.ReadOnlyModelViewSet[Stadsdeel]):
    """The stadsdelen (Weesp included) with the codes of their gebieden."""

    audit_policy = NO_PERSONAL_DATA
    permission_classes = (AllowAny,)
    serializer_class = StadsdeelSerializer
    lookup_field = "code"
    pagination_class = None

    def get_queryset(self) -> Any:
        return stadsdeel_list()


@extend_schema(
    tags=["gebieden"],
    parameters=[OpenApiParameter("stadsdeel", OpenApiTypes.STR, description="Only this stadsdeel, e.g. T")],
)
class GebiedViewSet(viewsets.ReadOnlyModelViewSet[Gebied]):
    """The 25 gebieden with their wijken (the city's division in force since 24 March 2022)."""

    audit_policy = NO_PERSONAL_DATA
    permission_classes = (AllowAny,)
    serializer_class = GebiedSerializer
    lookup_field = "code"
    pagination_class = None

    def get_queryset(self) -> Any:
        stadsdeel = self.request.query_params.get("stadsdeel") or None
        return gebied_list(stadsdeel_code=stadsdeel)


class PostcodeLookupView(APIView):
    """Where a postcode lies: `1102`, `1102 AB` and `1102ab` all work. 404 outside Amsterdam."""

    audit_policy = NO_PERSONAL_DATA
    permission_classes = (AllowAny,)

    @extend_schema(tags=["gebieden"], responses=PostcodeLookupSerializer)
    def get(self, request: Request, postcode: str) -> Response:
        try:
            area = area_for_postcode(postcode=postcode)
        except ValueError as exc:
            raise exceptions.ValidationError({"postcode": [str(exc)]}) from exc
        if area is None:
            raise exceptions.NotFound()
        return Response(PostcodeLookupSerializer(area).data)
