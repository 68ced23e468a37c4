from __future__ import annotations

from typing import Any

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kansrijk.accounts import services
from kansrijk.accounts.api.serializers import (
    ApiTokensEndedSerializer,
    ApiTokenSerializer,
    MeSerializer,
    OrganisationSerializer,
)
from kansrijk.accounts.base_views import ApiView
from kansrijk.accounts.models import ApiToken, Organisation, User
from kansrijk.accounts.selectors import api_tokens_of, organisation_list
from kansrijk.core.audited import NO_PERSONAL_DATA


class MeView(ApiView, generics.RetrieveAPIView):  # type: ignore[type-arg]
    """The signed-in person: name, email, roles and organisations."""

    serializer_class = MeSerializer
    audit_purpose = "eigen accountgegevens bekijken"
    audit_object_type = "accounts.user"

    def get_object(self) -> Any:
        self._audited_objects = [self.request.user]
        return self.request.user


@extend_schema(tags=["organisaties"])
class OrganisationViewSet(viewsets.ReadOnlyModelViewSet[Organisation]):
    """Organisations in the chain of care (their public contact details; no personal data)."""

    audit_policy = NO_PERSONAL_DATA
    serializer_class = OrganisationSerializer

    def get_queryset(self) -> Any:
        return organisation_list()


def _person(request: Request) -> User:
    user = request.user
    if not isinstance(user, User):  # IsAuthenticated has run: never anonymous here
        raise Http404
    return user


@extend_schema(tags=["api-tokens"])
class ApiTokenListView(APIView):
    """The signed-in person's API tokens (never the keys). DELETE ends all of them. Tokens are made on
    the account page, after the second step."""

    audit_policy = NO_PERSONAL_DATA

    @extend_schema(operation_id="api_tokens_list", responses=ApiTokenSerializer(many=True))
    def get(self, request: Request) -> Response:
        tokens = api_tokens_of(user=_person(request))
        return Response(ApiTokenSerializer(tokens, many=True).data)

    @extend_schema(operation_id="api_tokens_revoke_all", responses={200: ApiTokensEndedSerializer})  # not 204: a body
    def delete(self, request: Request) -> Response:
        user = _person(request)
        ended = services.tokens_revoke_all(user=user, reason=services.TokenEndReason.REVOKED_BY_OWNER, by=user)
        return Response(ApiTokensEndedSerializer({"ended": ended}).data)


@extend_schema(tags=["api-tokens"])
class ApiTokenDetailView(APIView):
    """End one of the signed-in person's API tokens (also the one this request uses)."""

    audit_policy = NO_PERSONAL_DATA

    @extend_schema(operation_id="api_token_revoke", responses={204: None})
    def delete(self, request: Request, token_id: int) -> Response:
        try:
            services.api_token_revoke(user=_person(request), token_id=token_id)
        except ApiToken.DoesNotExist as missing:
            raise Http404 from missing
        return Response(status=status.HTTP_204_NO_CONTENT)
