"""The Kaart's read API in HSDS style (`/api/kaart/...`): public, paged, filterable."""

from __future__ import annotations

from typing import Any, TypeVar

import django_filters
from django.db.models import Model, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kansrijk.core.audited import NO_PERSONAL_DATA
from kansrijk.kaart import selectors
from kansrijk.kaart.api.serializers import (
    KaartSearchSerializer,
    LocationSerializer,
    OrganizationSerializer,
    ServiceSerializer,
    TaxonomySerializer,
    TaxonomyTermSerializer,
)
from kansrijk.kaart.models import KaartOrganization, Location, Service, Taxonomy, TaxonomyTerm
from kansrijk.kaart.search import KaartFilters, kaart_search


class HsdsPagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "per_page"
    max_page_size = 200


class ServiceFilter(django_filters.FilterSet):
    stadsdeel = django_filters.CharFilter(method="filter_stadsdeel", label="stadsdeel code (also city-wide services)")
    hulpvraag = django_filters.CharFilter(field_name="categories__code", label="hulpvraag code")
    fase = django_filters.CharFilter(field_name="phases__code", label="fase code")
    taal = django_filters.CharFilter(field_name="languages__code", label="language code")
    gratis = django_filters.BooleanFilter(field_name="free")
    organization_id = django_filters.UUIDFilter(field_name="organization_id")
    informeel = django_filters.BooleanFilter(field_name="formal", exclude=True)

    class Meta:
        model = Service
        fields = ("stadsdeel", "hulpvraag", "fase", "taal", "gratis", "organization_id", "informeel")

    def filter_stadsdeel(self, queryset: QuerySet[Service], name: str, value: str) -> QuerySet[Service]:
        code = value.upper()
        return queryset.filter(selectors.serving_stadsdeel(code))


_M = TypeVar("_M", bound=Model)


class PublicReadOnlyViewSet(viewsets.ReadOnlyModelViewSet[_M]):
    """Public service information: no login, no personal data, paged."""

    audit_policy = NO_PERSONAL_DATA
    permission_classes = (AllowAny,)
    pagination_class = HsdsPagination


@extend_schema(tags=["kaart"])
class ServiceViewSet(PublicReadOnlyViewSet[Service]):
    """Services on the Kaart (active and temporarily closed), in HSDS 3.0 shape."""

    serializer_class = ServiceSerializer
    filterset_class = ServiceFilter

    def get_queryset(self) -> QuerySet[Service]:
        return selectors.public_services().order_by("name").distinct()


@extend_schema(tags=["kaart"])
class OrganizationViewSet(PublicReadOnlyViewSet[KaartOrganization]):
    serializer_class = OrganizationSerializer

    def get_queryset(self) -> QuerySet[KaartOrganization]:
        return selectors.organizations()


class LocationFilter(django_filters.FilterSet):
    stadsdeel = django_filters.CharFilter(field_name="stadsdeel__code")
    gebied = django_filters.CharFilter(field_name="gebied__code")
    organization_id = django_filters.UUIDFilter(field_name="organization_id")

    class Meta:
        model = Location
        fields = ("stadsdeel", "gebied", "organization_id")


@extend_schema(tags=["kaart"])
class LocationViewSet(PublicReadOnlyViewSet[Location]):
    serializer_class = LocationSerializer
    filterset_class = LocationFilter

    def get_queryset(self) -> QuerySet[Location]:
        return selectors.locations()


@extend_schema(tags=["kaart"])
class TaxonomyViewSet(PublicReadOnlyViewSet[Taxonomy]):
    serializer_class = TaxonomySerializer
    queryset = Taxonomy.objects.order_by("id")


class TermFilter(django_filters.FilterSet):
    taxonomy_id = django_filters.CharFilter(field_name="taxonomy_id")

    class Meta:
        model = TaxonomyTerm
        fields = ("taxonomy_id",)


@extend_schema(tags=["kaart"])
class TaxonomyTermViewSet(PublicReadOnlyViewSet[TaxonomyTerm]):
    serializer_class = TaxonomyTermSerializer
    filterset_class = TermFilter
    queryset = TaxonomyTerm.objects.filter(active=True).order_by("taxonomy", "position")


class SearchView(APIView):
    """The same search as the public page: a question in plain words, understood and ranked."""

    audit_policy = NO_PERSONAL_DATA
    permission_classes = (AllowAny,)

    @extend_schema(
        tags=["kaart"],
        parameters=[
            OpenApiParameter(
                "q", OpenApiTypes.STR, required=True, description="the question, e.g. gratis babyspullen in Nieuw-West"
            ),
            OpenApiParameter("limit", OpenApiTypes.INT, description="1-50, default 10"),
            OpenApiParameter("mode", OpenApiTypes.STR, enum=["hybrid", "lexical"]),
            OpenApiParameter("nu_open", OpenApiTypes.BOOL, description="only services open now"),
        ],
        responses={200: KaartSearchSerializer},
    )
    def get(self, request: Request) -> Response:
        query = str(request.query_params.get("q", "")).strip()
        if not query:
            raise exceptions.ValidationError({"q": ["Vul een vraag in."]})
        try:
            limit = int(request.query_params.get("limit", 10))
        except ValueError as exc:
            raise exceptions.ValidationError({"limit": ["Een getal van 1 tot 50."]}) from exc
        if not 1 <= limit <= 50:
            raise exceptions.ValidationError({"limit": ["Een getal van 1 tot 50."]})
        mode: Any = "lexical" if request.query_params.get("mode") == "lexical" else "hybrid"
        open_now = str(request.query_params.get("nu_open", "")).lower() in ("1", "true", "ja")
        result = kaart_search(query=query, limit=limit, mode=mode, filters=KaartFilters(open_now=open_now))
        return Response(KaartSearchSerializer(result).data)
