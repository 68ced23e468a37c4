"""Who may do what: every rule of the foundation, declared in one place (the `rules` package).

Views, API endpoints and services ask `user.has_perm("<name>", obj)`; nothing checks roles directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import rules

from kansrijk.accounts.roles import PERSONAL_DATA_ROLES, Role
from kansrijk.core.api_auth import request_token

T = TypeVar("T")


_CACHE = "_kansrijk_request_cache"


def cached(user: Any, key: str, load: Callable[[Any], T]) -> T | None:
    """`load(user)`, kept with the user object for the duration of the request (the one place where
    facts about a person are cached: roles, organisations, an app's membership). None for an anonymous
    or inactive user. A service that changes such a fact calls `forget(user, key)`."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    store: dict[str, Any] | None = getattr(user, _CACHE, None)
    if store is None:
        store = {}
        setattr(user, _CACHE, store)
    if key not in store:
        store[key] = load(user)
    return store[key]  # type: ignore[no-any-return]


def forget(user: Any, *keys: str) -> Any:
    """Drop cached facts of `user` (all of them without keys), so the next check reads the database."""
    store: dict[str, Any] | None = getattr(user, _CACHE, None)
    if store is not None:
        for key in keys or tuple(store):
            store.pop(key, None)
    return user


def roles_of(user: Any) -> frozenset[str]:
    """The roles of a user (cached for the request)."""
    found = cached(user, "roles", lambda u: frozenset(u.role_grants.values_list("role", flat=True)))
    return found or frozenset()


def organisation_ids_of(user: Any) -> frozenset[int]:
    """The organisations a person works for, through their memberships (cached for the request)."""
    found = cached(
        user, "organisation_ids", lambda u: frozenset(u.memberships.values_list("organisation_id", flat=True))
    )
    return found or frozenset()


def forget_roles(user: Any) -> Any:
    """Drop the cached roles of `user` (after a role changed), so the next check reads the database."""
    return forget(user, "roles")


def has_role(role: Role) -> Any:
    @rules.predicate(name=f"has_role_{role.value}")
    def predicate(user: Any) -> bool:
        return role.value in roles_of(user)

    return predicate


@rules.predicate
def is_second_factor_verified(user: Any) -> bool:
    """True once the user proved the second factor in this session (django-otp); for a request with an
    API token, whether the token was made in a session that had (`ApiToken.second_factor_verified`),
    so a token made after a password alone never passes."""
    token = request_token(user)
    if token is not None:
        return bool(token.second_factor_verified)
    verified = getattr(user, "is_verified", None)
    return bool(callable(verified) and verified())


def requires_second_factor(user: Any) -> bool:
    """Whether this account must prove a second factor: every role that can see personal data, and
    any account flagged as superuser or staff (those flags grant nothing, but never lower the bar)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    flagged = bool(getattr(user, "is_superuser", False) or getattr(user, "is_staff", False))
    return flagged or bool(roles_of(user) & PERSONAL_DATA_ROLES)


@rules.predicate
def needs_second_factor(user: Any) -> bool:
    return requires_second_factor(user)


@rules.predicate
def is_self(user: Any, other: Any) -> bool:
    if not getattr(user, "is_authenticated", False) or user.pk is None:
        return False
    return other is not None and getattr(other, "pk", None) == user.pk


is_professional = has_role(Role.PROFESSIONAL)
is_regiehouder = has_role(Role.REGIEHOUDER)
is_mdo_voorzitter = has_role(Role.MDO_VOORZITTER)
is_moderator = has_role(Role.MODERATOR)
is_kaart_redacteur = has_role(Role.KAART_REDACTEUR)
is_programmateam = has_role(Role.PROGRAMMATEAM)
is_beheerder = has_role(Role.BEHEERDER)

# Administration of accounts and organisations, and the audit log: beheerder with a second factor.
can_administer = is_beheerder & is_second_factor_verified

rules.add_perm("core.view_audit_log", can_administer)
rules.add_perm("core.use_admin", can_administer)
rules.add_perm("accounts.view_user", can_administer | is_self)
rules.add_perm("accounts.change_user", can_administer)
rules.add_perm("accounts.disable_user", can_administer)
rules.add_perm("accounts.add_user", can_administer)
rules.add_perm("accounts.view_organisation", rules.is_authenticated)
rules.add_perm("accounts.change_organisation", can_administer)
rules.add_perm("accounts.add_organisation", can_administer)
rules.add_perm("accounts.view_membership", can_administer)
rules.add_perm("accounts.change_membership", can_administer)
rules.add_perm("accounts.add_membership", can_administer)
rules.add_perm("accounts.delete_membership", can_administer)
rules.add_perm("accounts.view_rolegrant", can_administer)
rules.add_perm("accounts.add_rolegrant", can_administer)
rules.add_perm("accounts.delete_rolegrant", can_administer)
rules.add_perm("accounts.change_rolegrant", can_administer)
rules.add_perm("accounts.create_api_token", rules.is_active & (is_second_factor_verified | ~needs_second_factor))
rules.add_perm("geo.view_area", rules.always_allow)
