"""Fictional demo data: organisations of every kind in the chain and one account per role.

The content is data: data/demo/accounts.yaml, checked against the specs below when this module is
imported. Everything made here is marked `is_demo` and carries "(demo)" in its name. Never real people.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts import services
from kansrijk.accounts.models import Membership, Organisation, OrganisationKind, RoleGrant, User
from kansrijk.accounts.roles import PERSONAL_DATA_ROLES, Role
from kansrijk.core import demo_data

DEMO_PASSWORD = "welkom-bij-kansrijk-2026"  # noqa: S105  (printed demo login, DEBUG only)


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    kind: OrganisationKind
    stadsdelen: tuple[str, ...] = ()
    whole_city: bool = False
    email: str = ""


@dataclass(frozen=True)
class DemoUser:
    email: str
    full_name: str
    job_title: str
    role: Role
    organisation: str


DATA = Path(__file__).resolve().parent / "data" / "demo" / "accounts.yaml"


def _organisations() -> tuple[DemoOrganisation, ...]:
    entries = demo_data.build_all(
        DemoOrganisation, demo_data.section(DATA, "organisations"), where=f"{DATA.name}: organisations", label="name"
    )
    return tuple(entries)


def _users(organisations: tuple[DemoOrganisation, ...]) -> tuple[DemoUser, ...]:
    users = demo_data.build_all(DemoUser, demo_data.section(DATA, "users"), where=f"{DATA.name}: users", label="email")
    names = {o.name for o in organisations}
    for index, user in enumerate(users):
        if user.organisation not in names:
            raise demo_data.DemoDataError(
                f"{DATA.name}: users[{index}] ({user.email}).organisation: {user.organisation!r} is not one of the "
                "organisations of the file."
            )
    return tuple(users)


ORGANISATIONS = _organisations()
USERS = _users(ORGANISATIONS)


@dataclass(frozen=True)
class DemoLogin:
    email: str
    full_name: str
    role: Role
    password: str
    totp_secret: str | None


def _ensure_organisation(spec: DemoOrganisation) -> Organisation:
    existing = Organisation.objects.filter(name=spec.name).first()
    if existing is not None:
        return existing
    return services.organisation_create(
        name=spec.name,
        kind=spec.kind,
        by=None,
        stadsdeel_codes=spec.stadsdelen,
        whole_city=spec.whole_city,
        contact_email=spec.email,
        is_demo=True,
    )


def _ensure_totp(user: User) -> str:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=services.TOTP_DEVICE_NAME, confirmed=True)
        services.recovery_codes_regenerate(user=user)
    return base64.b32encode(device.bin_key).decode().rstrip("=")


@transaction.atomic
def demo_load() -> list[DemoLogin]:
    """Create or refresh the demo data (idempotent): the same logins work after every run."""
    organisations = {spec.name: _ensure_organisation(spec) for spec in ORGANISATIONS}
    logins = []
    for spec in USERS:
        user = User.objects.filter(email=spec.email).first()
        if user is None:
            user = services.user_create(
                email=spec.email,
                full_name=spec.full_name,
                password=DEMO_PASSWORD,
                by=None,
                roles=[spec.role],
                organisations=[organisations[spec.organisation]],
                job_title=spec.job_title,
                is_demo=True,
            )
        else:
            user.set_password(DEMO_PASSWORD)
            user.is_active = True
            user.save(update_fields=["password", "is_active"])
            RoleGrant.objects.get_or_create(user=user, role=spec.role.value)
            Membership.objects.get_or_create(user=user, organisation=organisations[spec.organisation])
        # Personal-data roles need the second factor; so does publishing the pathway (programme team).
        needs_app = spec.role.value in PERSONAL_DATA_ROLES or spec.role == Role.PROGRAMMATEAM
        secret = _ensure_totp(user) if needs_app else None
        logins.append(DemoLogin(spec.email, spec.full_name, spec.role, DEMO_PASSWORD, secret))
    return logins
