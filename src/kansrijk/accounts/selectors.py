"""Read-side queries about people and organisations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.models import ApiToken, Membership, Organisation, User
from kansrijk.accounts.permissions import is_second_factor_verified, requires_second_factor, roles_of
from kansrijk.accounts.roles import WORKING_ROLES, Role
from kansrijk.core import clock
from kansrijk.core.audit import Actor

ACTIVE_ORGANISATION_SESSION_KEY = "kansrijk_active_organisation"


def user_roles(*, user: Any) -> list[Role]:
    """The user's roles in a stable order (the order of `Role`)."""
    held = roles_of(user)
    return [role for role in Role if role.value in held]


def second_factor_verified(*, user: Any) -> bool:
    """True once the user proved the second factor in this session (set by django-otp)."""
    return bool(is_second_factor_verified(user))


def user_requires_second_factor(*, user: Any) -> bool:
    return requires_second_factor(user)


def second_factor_enrolled(*, user: Any) -> bool:
    """Whether the account has a confirmed authenticator app."""
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def api_token_allowed(user: Any) -> bool:
    """Whether an API token of this account may still be used (setting KANSRIJK_API_ACCOUNT_CHECK).

    A token stands in for a verified login, so an account whose roles need a second factor must
    have one; tokens made before such a role was granted are also removed by `role_grant`."""
    return not user_requires_second_factor(user=user) or second_factor_enrolled(user=user)


class ApiTokenState(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    IDLE = "idle"  # unused for longer than KANSRIJK_API_TOKEN_IDLE

    @property
    def label(self) -> str:
        labels = {
            ApiTokenState.ACTIVE: _("werkt"),
            ApiTokenState.EXPIRED: _("verlopen"),
            ApiTokenState.IDLE: _("te lang niet gebruikt"),
        }
        return str(labels[self])


@dataclass(frozen=True)
class ApiTokenInfo:
    """What a person may see of one of their API tokens: never the key, nor anything derived from it."""

    id: int
    name: str
    created: datetime
    last_used: datetime
    expires: datetime | None
    state: ApiTokenState


def api_tokens_of(*, user: User) -> list[ApiTokenInfo]:
    """The person's API tokens, newest first, with whether each still works."""
    now = clock.now()
    idle: timedelta = settings.KANSRIJK_API_TOKEN_IDLE
    infos = []
    for token in ApiToken.objects.filter(user=user).order_by("-created", "-pk"):
        if token.expiry is not None and token.expiry <= now:
            state = ApiTokenState.EXPIRED
        elif token.last_used + idle <= now:
            state = ApiTokenState.IDLE
        else:
            state = ApiTokenState.ACTIVE
        infos.append(ApiTokenInfo(token.pk, token.name, token.created, token.last_used, token.expiry, state))
    return infos


def user_memberships(*, user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation")


def active_organisation(*, user: User, memberships: Sequence[Membership] | None = None) -> Organisation | None:
    """The organisation a user acts for: the one chosen on the account page (set on the user for this
    request by `ActiveOrganisationMiddleware`) while they are still a member of it, else the first.
    Pass the user's `memberships` when they are loaded already."""
    if memberships is None:
        memberships = list(user_memberships(user=user))
    if not memberships:
        return None
    chosen = getattr(user, "_kansrijk_active_organisation_id", None)
    for membership in memberships:
        if membership.organisation_id == chosen:
            return membership.organisation
    return memberships[0].organisation


def audit_actor(user: User) -> Actor:
    """Resolver for the audit trail (setting KANSRIJK_AUDIT_ACTOR_RESOLVER).

    The organisation is the one the user acts for in the current request, if known."""
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


def role_holders(*, role: Role, organisation_id: int) -> QuerySet[User]:
    """Active people of an organisation who hold a role (e.g. the Kaart's editors, for reminders)."""
    return User.objects.filter(
        is_active=True, role_grants__role=role.value, memberships__organisation_id=organisation_id
    ).distinct()


def working_professional_by_email(*, email: str) -> User | None:
    """An active account that works with families (professional, regiehouder, MDO chair) with this email
    address, or None. Other accounts (a Vraagbaak member, a Kaart editor, a beheerder) are never found, so
    a form that looks a colleague up cannot be used to learn who else has an account."""
    email = (email or "").strip()
    if not email:
        return None
    return (
        User.objects.filter(email__iexact=email, is_active=True, role_grants__role__in=WORKING_ROLES).distinct().first()
    )
