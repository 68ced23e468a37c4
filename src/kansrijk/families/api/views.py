"""API building block of the family file: one family, seen by a member of its care team."""

from __future__ import annotations

from kansrijk.accounts.base_views import ApiView
from kansrijk.families import selectors as families
from kansrijk.families.models import Family


class FamilyAPIMixin(ApiView):
    """One family, seen by a member of its care team (`permission_required` is asked about it)."""

    permission_required = "families.view_family"
    audit_object_type = "families.family"
    family: Family

    def get_permission_object(self) -> Family:
        found = families.family_get(user=self.request.user, pk=self.kwargs["pk"])
        if found is None:
            raise Family.DoesNotExist
        self.family = found
        self._audited_objects = [found]
        return found
