from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, viewsets

from kansrijk.accounts.api.serializers import MeSerializer, OrganisationSerializer
from kansrijk.accounts.models import Organisation
from kansrijk.accounts.selectors import organisation_list
from kansrijk.core.api import PersonalDataAPIMixin
from kansrijk.core.audited import NO_PERSONAL_DATA


class MeView(PersonalDataAPIMixin, generics.RetrieveAPIView):  # type: ignore[type-arg]
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
