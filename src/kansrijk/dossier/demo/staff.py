"""The demo professionals, their organisations and the regiehouder pool (from staff.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.text import slugify

from kansrijk.accounts import services as account_services
from kansrijk.accounts.demo import USERS as DEMO_USERS
from kansrijk.accounts.models import Membership, Organisation, OrganisationKind, RoleGrant, User
from kansrijk.accounts.roles import Role
from kansrijk.core.demo_data import DemoDataError
from kansrijk.dossier.demo.data import DEMO_SUFFIX, STAFF_FILE, OrgSpec, RegieSpec, staff_data
from kansrijk.geo.models import Stadsdeel
from kansrijk.regie.models import RegiehouderProfile

DEMO_DOMAIN = "demo.kansrijk.test"


class DemoAccountsMissingError(Exception):
    """The demo accounts of `kansrijk demo` (accounts.demo) must exist first."""


def acting(user: User) -> User:
    """The demo acts as this professional. Every service asks `user.has_perm`, which requires a verified
    second factor: marking this in-memory object verified stands for the professional's verified session
    (as django-otp does for a request after the code step, and as the tests do). Nothing is stored; the
    account still needs its code to log in."""
    user.is_verified = lambda: True  # type: ignore[attr-defined]
    return user


@dataclass(frozen=True)
class StaffSpec:
    full_name: str
    email: str
    job_title: str
    organisation: str


@dataclass
class Staff:
    """The acting demo accounts, each marked as verified (see `acting`)."""

    professional: User  # the demo professional of accounts.demo (jeugdverpleegkundige, OKT Zuidoost)
    regiehouder: User  # the demo regiehouder of accounts.demo
    verloskundige: dict[str, User] = field(default_factory=dict)  # per stadsdeel code
    jgz: dict[str, User] = field(default_factory=dict)
    buurtteam: dict[str, User] = field(default_factory=dict)
    kraamzorg: list[User] = field(default_factory=list)
    pool: list[User] = field(default_factory=list)  # generated regiehouders
    created: int = 0

    def by_pk(self) -> dict[int, User]:
        people = [self.professional, self.regiehouder, *self.kraamzorg, *self.pool]
        people += [*self.verloskundige.values(), *self.jgz.values(), *self.buurtteam.values()]
        return {user.pk: user for user in people}

    def person(self, who: str, *, where: str) -> User:
        """`professional`, `regiehouder`, `verloskundige:T`, `jgz:T`, `buurtteam:T` or `kraamzorg:1`."""
        kind, _sep, code = who.partition(":")
        found: User | None = None
        if kind == "professional":
            found = self.professional
        elif kind == "regiehouder":
            found = self.regiehouder
        elif kind in ("verloskundige", "jgz", "buurtteam"):
            found = getattr(self, kind).get(code)
        elif kind == "kraamzorg" and code.isdigit() and 1 <= int(code) <= len(self.kraamzorg):
            found = self.kraamzorg[int(code) - 1]
        if found is None:
            raise DemoDataError(f"{where}: nobody in the demo staff ({STAFF_FILE.name}) is {who!r}.")
        return found


def _email(name: str) -> str:
    return f"{slugify(name).replace('-', '.')}@{DEMO_DOMAIN}"


def _organisation_spec(name: str) -> OrgSpec:
    data = staff_data()
    for spec in data.extra_organisations:
        if spec.name == name:
            return spec
    codes = tuple(
        code
        for code, local in data.local_organisations.items()
        if name in (local.verloskundigen, local.ouder_en_kindteam, local.buurtteam)
    )
    if codes:
        kind = OrganisationKind.SOCIAAL if name.startswith(("Buurtteam", "Sociaal")) else OrganisationKind.MEDISCH
        return OrgSpec(name, kind, codes)
    return OrgSpec(name, OrganisationKind.SOCIAAL)


def _organisation(name: str, cache: dict[str, Organisation]) -> Organisation:
    if name in cache:
        return cache[name]
    existing = Organisation.objects.filter(name=name).first()
    if existing is None:
        spec = _organisation_spec(name)
        existing = account_services.organisation_create(
            name=spec.name,
            kind=spec.kind,
            by=None,
            stadsdeel_codes=spec.stadsdelen,
            whole_city=spec.whole_city,
            contact_email=f"{slugify(spec.name)}@{DEMO_DOMAIN}",
            is_demo=True,
        )
    cache[name] = existing
    return existing


def _account(spec: StaffSpec, role: Role, organisations: dict[str, Organisation], staff: Staff) -> User:
    """A generated demo account (no usable password: it only acts in the demo data)."""
    organisation = _organisation(spec.organisation, organisations)
    user = User.objects.filter(email=spec.email).first()
    if user is None:
        user = account_services.user_create(
            email=spec.email,
            full_name=spec.full_name,
            password=None,
            by=None,
            roles=[role],
            organisations=[organisation],
            job_title=spec.job_title,
            is_demo=True,
        )
        staff.created += 1
    else:
        RoleGrant.objects.get_or_create(user=user, role=role.value)
        Membership.objects.get_or_create(user=user, organisation=organisation)
    return acting(user)


def _demo_account(role: Role) -> User:
    spec = next(spec for spec in DEMO_USERS if spec.role == role)
    user = User.objects.filter(email=spec.email, is_active=True).first()
    if user is None:
        raise DemoAccountsMissingError(f"Demo account {spec.email} is missing: run `kansrijk demo` first.")
    return acting(user)


def _profile(user: User, spec: RegieSpec, stadsdelen: dict[str, Stadsdeel]) -> None:
    profile, created = RegiehouderProfile.objects.get_or_create(
        user=user,
        defaults={
            "discipline": spec.discipline,
            "capacity": spec.capacity,
            "languages": list(spec.languages),
            "whole_city": spec.whole_city,
        },
    )
    if created:
        profile.stadsdelen.set([stadsdelen[code] for code in spec.stadsdelen])


def load_staff(stadsdelen: dict[str, Stadsdeel], codes: tuple[str, ...]) -> Staff:
    """The demo logins as acting staff, and the generated professionals of staff.yaml (made when missing)."""
    data = staff_data()
    staff = Staff(professional=_demo_account(Role.PROFESSIONAL), regiehouder=_demo_account(Role.REGIEHOUDER))
    organisations: dict[str, Organisation] = {}
    jobs = ("Verloskundige", "Jeugdverpleegkundige", "Buurtteammedewerker")
    for code in codes:
        local, people = data.local_organisations[code], data.local_staff[code]
        names = (people.verloskundige, people.jeugdverpleegkundige, people.buurtteammedewerker)
        orgs = (local.verloskundigen, local.ouder_en_kindteam, local.buurtteam)
        for slot, (name, job, org) in enumerate(zip(names, jobs, orgs, strict=True)):
            spec = StaffSpec(name + DEMO_SUFFIX, _email(name), job, org)
            user = _account(spec, Role.PROFESSIONAL, organisations, staff)
            (staff.verloskundige, staff.jgz, staff.buurtteam)[slot][code] = user
    for name in data.kraamzorg.kraamverzorgenden:
        spec = StaffSpec(name + DEMO_SUFFIX, _email(name), "Kraamverzorgende", data.kraamzorg.organisation)
        staff.kraamzorg.append(_account(spec, Role.PROFESSIONAL, organisations, staff))
    _profile(staff.regiehouder, data.demo_regiehouder_profile, stadsdelen)
    for regie in data.regiehouders:
        spec = StaffSpec(
            regie.full_name + DEMO_SUFFIX, f"{regie.email_name}@{DEMO_DOMAIN}", regie.job_title, regie.organisation
        )
        user = _account(spec, Role.REGIEHOUDER, organisations, staff)
        _profile(user, regie, stadsdelen)
        staff.pool.append(user)
    return staff
