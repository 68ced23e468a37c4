from __future__ import annotations

from typing import Any

from kansrijk.accounts.models import User
from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import UserFactory
from kansrijk.families import services
from kansrijk.families.models import Discipline, Family


def professional(**kwargs: Any) -> User:
    """A professional with a confirmed authenticator app, treated as having passed the second step."""
    user = UserFactory.create(roles=[kwargs.pop("role", Role.PROFESSIONAL)], with_totp=True, **kwargs)
    return verified(user)


def verified(user: User) -> User:
    """Mark the in-memory user as having passed the second factor in this session (as django-otp does
    for a request after the code step)."""
    user.is_verified = lambda: True  # type: ignore[attr-defined]
    return user


def open_family(
    *, by: User | None = None, name: str = "Gezin Test (demo)", postcode: str = "1102 AB", **kwargs: Any
) -> Family:
    """A family file opened through the real service (so its opener joins the care team)."""
    by = by or professional()
    return services.family_open(
        by=by,
        name=name,
        discipline=kwargs.pop("discipline", Discipline.VERLOSKUNDIGE),
        address=services.Address(street="Teststraat", house_number="1", postcode=postcode),
        is_demo=True,
        **kwargs,
    )
