"""Who may see and change a family file. A professional sees a family only as a member of its care
team or as the professional who opened the file; every action also needs the second factor."""

from __future__ import annotations

from typing import Any

import rules

from kansrijk.accounts.permissions import (
    can_administer,
    is_mdo_voorzitter,
    is_professional,
    is_regiehouder,
    is_second_factor_verified,
)
from kansrijk.families.models import BreakGlassAccess, CareTeamMember, Family


def _family_of(obj: Any) -> Family | None:
    if isinstance(obj, Family):
        return obj
    family = getattr(obj, "family", None)
    return family if isinstance(family, Family) else None


@rules.predicate
def is_in_care_team(user: Any, obj: Any) -> bool:
    family = _family_of(obj)
    if family is None or not getattr(user, "is_authenticated", False):
        return False
    return CareTeamMember.objects.filter(family=family, user=user, ended_at__isnull=True).exists()


@rules.predicate
def is_family_regiehouder(user: Any, obj: Any) -> bool:
    family = _family_of(obj)
    if family is None or not getattr(user, "is_authenticated", False):
        return False
    return CareTeamMember.objects.filter(family=family, user=user, ended_at__isnull=True, is_regiehouder=True).exists()


@rules.predicate
def has_break_glass_access(user: Any, obj: Any) -> bool:
    """An active (not expired) break-the-glass grant of `user` for the family: read access only."""
    family = _family_of(obj)
    if family is None or not getattr(user, "is_authenticated", False):
        return False
    return BreakGlassAccess.objects.active().filter(family=family, user=user).exists()


@rules.predicate
def opened_the_file(user: Any, obj: Any) -> bool:
    """The professional who opened the file, while still in its care team."""
    family = _family_of(obj)
    return family is not None and getattr(user, "pk", None) == family.opened_by_id and is_in_care_team(user, family)


works_with_families = (is_professional | is_regiehouder | is_mdo_voorzitter) & is_second_factor_verified

rules.add_perm("families.add_family", works_with_families)
rules.add_perm("families.view_family", works_with_families & (is_in_care_team | has_break_glass_access))
rules.add_perm("families.change_family", works_with_families & is_in_care_team)
rules.add_perm("families.manage_care_team", works_with_families & (is_family_regiehouder | opened_the_file))
rules.add_perm("families.list_families", works_with_families)
# Break-the-glass: a professional or regiehouder outside the care team, with the second factor; the
# privacy officer (beheerder) reviews every use.
rules.add_perm("families.break_glass", (is_professional | is_regiehouder) & is_second_factor_verified)
rules.add_perm("families.review_break_glass", can_administer)
