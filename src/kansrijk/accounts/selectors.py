"""Read-side queries about people and organisations."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from kansrijk.accounts.models import Membership, Organisation, User
from kansrijk.accounts.permissions import roles_of
from kansrijk.accounts.roles import PERSONAL_DATA_ROLES, Role
from kansrijk.core.audit import Actor

ACTIVE_ORGANISATION_SESSION_KEY = "kansrijk_active_organisation"


def user_roles(*, user: Any) -> list[Role]:
    """The user's roles in a stable order (the order of `Role`)."""
    held = roles_of(user)
    return [role for role in Role if role.value in held]


def second_factor_verified(*, user: Any) -> bool:
    """True once the user proved the second factor in this session (set by django-otp)."""
    verified = getattr(user, "is_verified", None)
    return bool(callable(verified) and verified())


def user_requires_second_factor(*, user: Any) -> bool:
    return bool(roles_of(user) & PERSONAL_DATA_ROLES)


def user_memberships(*, user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation")


def active_organisation(*, user: User, session: Any = None) -> Organisation | None:
    """The organisation a user acts for: the one chosen in this session, else the first one."""
    memberships = list(user_memberships(user=user))
    if not memberships:
        return None
    chosen = session.get(ACTIVE_ORGANISATION_SESSION_KEY) if session is not None else None
    for membership in memberships:
        if membership.organisation_id == chosen:
            return membership.organisation
    return memberships[0].organisation


def audit_actor(user: User) -> Actor:
    """Resolver for the audit trail (setting KANSRIJK_AUDIT_ACTOR_RESOLVER).

    The organisation is the one the user acts for in the current request, if known."""
    organisation = getattr(user, "_kansrijk_active_organisation", None)
    if organisation is None:
        organisation = active_organisation(user=user)
    roles = user_roles(user=user)
    return Actor(
        id=user.pk,
        label=user.email,
        organisation=organisation.name if organisation else "",
        role=",".join(role.value for role in roles),
    )


def organisation_list() -> QuerySet[Organisation]:
    return Organisation.objects.prefetch_related("stadsdelen").order_by("name")


def user_list() -> QuerySet[User]:
    return User.objects.prefetch_related("role_grants", "memberships__organisation").order_by("full_name")
