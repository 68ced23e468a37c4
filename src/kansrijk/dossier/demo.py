"""Fictional demo families for the family file (`kansrijk dossier demo`, part of `make run`).

The three families of the domain brief (§5) at realistic points of their journey, and a number of
generated families over all stadsdelen, phases and Amsterdam care levels, with their care teams,
assessments, pathway tasks, regiehouders and a few meldcode tracks. Everything goes through the real
services, acting as demo professionals, so audit entries, triage, tasks and regie are the real thing.

All of it is fictional and marked: families carry `is_demo` and end in " (demo)"; generated accounts are
demo accounts (`@demo.kansrijk.test`, "(demo)" in the name, no usable password); phone numbers are
visibly fictional (06-00000xxx); addresses are plausible street names with real Amsterdam postcodes
(from the geography reference data), never anyone's address. Dates are relative to today (Amsterdam), so
the demo always looks current. Loading is idempotent: once demo families exist, nothing is loaded.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from django.db import transaction
from django.utils.text import slugify

from kansrijk.accounts import services as account_services
from kansrijk.accounts.demo import USERS as DEMO_USERS
from kansrijk.accounts.models import Membership, Organisation, OrganisationKind, RoleGrant, User
from kansrijk.accounts.roles import Role
from kansrijk.core import clock
from kansrijk.dossier.referral_demo import GeneratedLoop, referrals_demo_load
from kansrijk.families import services as family_services
from kansrijk.families.levels import AmsterdamLevel
from kansrijk.families.models import Caregiver, CaregiverRole, Discipline, Family, Pregnancy
from kansrijk.families.phase import KRAAMTIJD_DAYS, PREMATURE_BEFORE_WEEKS, PhaseKind, add_months
from kansrijk.families.selectors import family_phase
from kansrijk.geo.models import PostcodeArea, Stadsdeel
from kansrijk.pathways import services as pathway_services
from kansrijk.pathways.models import CompletesOn, Task, TaskStatus
from kansrijk.pathways.services import task_complete
from kansrijk.regie.models import RegieAssignment, RegiehouderProfile
from kansrijk.regie.services import regie_assign, regie_gaps_flag, regie_propose
from kansrijk.signalling.models import Assessment, MeldcodeTrack, Source, Unsafety
from kansrijk.signalling.selectors import latest_levels
from kansrijk.signalling.services import ObservationInput, assessment_record, facts_of, meldcode_step_record
from kansrijk.signalling.triage import evaluate

DEMO_DOMAIN = "demo.kansrijk.test"
DEMO_SUFFIX = " (demo)"
BASISZORG, STEUNTJE, EXTRA = (
    AmsterdamLevel.BASISZORG.value,
    AmsterdamLevel.STEUNTJE.value,
    AmsterdamLevel.EXTRA_STEUN.value,
)
# Stadsdeel codes of the geography fixture: Centrum, West, Nieuw-West, Zuid, Oost, Noord, Zuidoost, Weesp.
STADSDELEN = ("A", "E", "F", "K", "M", "N", "T", "S")
# The focus districts (domain brief §3) get more families.
STADSDEEL_WEIGHTS = {"A": 1.5, "E": 3, "F": 6, "K": 2, "M": 3, "N": 5, "T": 6, "S": 1.5}
PHASE_WEIGHTS = {
    PhaseKind.BEFORE_PREGNANCY.value: 0.10,
    PhaseKind.PREGNANCY.value: 0.35,
    PhaseKind.KRAAMTIJD.value: 0.08,
    PhaseKind.AFTER_BIRTH.value: 0.47,
}
LEVEL_WEIGHTS = {BASISZORG: 0.38, STEUNTJE: 0.34, EXTRA: 0.28}
REGIE_SHARE = 0.8  # of the generated Extra steun families, about this share has a regiehouder
OVERRIDE_SHARE = 0.08  # a professional chose another level than the proposal, with a reason
DEMO_PROFESSIONAL_FAMILIES = 10  # generated families in the demo professional's care team (at 200)
DEMO_REGIEHOUDER_FAMILIES = 10  # generated families for which the demo regiehouder holds regie (at 200)

BRIEF_NAMES = ("Meriam en Micha (demo)", "Tiny en Leo (demo)", "Linda en Davie (demo)")


class DemoAccountsMissingError(Exception):
    """The demo accounts of `kansrijk demo` (accounts.demo) must exist first."""


@dataclass(frozen=True)
class DossierDemoReport:
    """What one run loaded (all zero when the demo families were there already)."""

    skipped: bool = False
    families: int = 0
    generated: int = 0
    caregivers: int = 0
    children: int = 0
    assessments: int = 0
    open_tasks: int = 0
    overdue_tasks: int = 0
    regie_assignments: int = 0
    meldcode_tracks: int = 0
    professionals: int = 0  # generated demo accounts (professionals and regiehouders)
    regiehouders: int = 0  # profiles in the regiehouder pool
    referrals: int = 0
    by_level: dict[str, int] = field(default_factory=dict)
    by_phase: dict[str, int] = field(default_factory=dict)
    by_stadsdeel: dict[str, int] = field(default_factory=dict)


def _acting(user: User) -> User:
    """The demo acts as this professional. Every service asks `user.has_perm`, which requires a verified
    second factor: marking this in-memory object verified stands for the professional's verified session
    (as django-otp does for a request after the code step, and as the tests do). Nothing is stored; the
    account still needs its code to log in."""
    user.is_verified = lambda: True  # type: ignore[attr-defined]
    return user


# --- demo professionals, organisations and the regiehouder pool ---------------------------------------


@dataclass(frozen=True)
class OrgSpec:
    name: str
    kind: OrganisationKind
    stadsdelen: tuple[str, ...] = ()
    whole_city: bool = False


@dataclass(frozen=True)
class StaffSpec:
    full_name: str
    email: str
    job_title: str
    organisation: str


# Per stadsdeel: the midwives' practice, the Ouder- en Kindteam and the buurtteam (names as on the demo Kaart).
LOCAL_ORGANISATIONS: dict[str, tuple[str, str, str]] = {
    "A": ("Verloskundigen West (demo)", "Ouder- en Kindteam Centrum (demo)", "Buurtteam Centrum (demo)"),
    "E": ("Verloskundigen West (demo)", "Ouder- en Kindteam West (demo)", "Buurtteam West (demo)"),
    "F": (
        "Verloskundigen Geuzenveld-Slotermeer (demo)",
        "Ouder- en Kindteam Nieuw-West (demo)",
        "Buurtteam Nieuw-West (demo)",
    ),
    "K": ("Verloskundigenpraktijk Amstel (demo)", "Ouder- en Kindteam Zuid (demo)", "Buurtteam Zuid (demo)"),
    "M": ("Verloskundigen Oost en IJburg (demo)", "Ouder- en Kindteam Oost (demo)", "Buurtteam Oost (demo)"),
    "N": (
        "Verloskundigenpraktijk De Waterkant (demo)",
        "Ouder- en Kindteam Noord (demo)",
        "Buurtteam Noord (demo)",
    ),
    "T": (
        "Verloskundigenpraktijk De Bijlmer (demo)",
        "Ouder- en Kindteam Zuidoost (demo)",
        "Buurtteam Zuidoost (demo)",
    ),
    "S": ("Verloskundigen Weesp (demo)", "Ouder- en Kindteam Weesp (demo)", "Sociaal Team Weesp (demo)"),
}
# Per stadsdeel: a midwife, a youth health nurse (OKT) and a buurtteam worker. All invented.
LOCAL_STAFF: dict[str, tuple[str, str, str]] = {
    "A": ("Lotte Vermeer", "Noor Hendrikse", "Bram Kuiper"),
    "E": ("Sanne Mulder", "Aylin Demir", "Thijs Willems"),
    "F": ("Hafsa Benali", "Ilse Dekker", "Mohamed Amrani"),
    "K": ("Eva Dijkstra", "Merel Bos", "Jeroen Smits"),
    "M": ("Rosa Peters", "Zeynep Kaya", "Pieter van Dam"),
    "N": ("Julia Visscher", "Kim Verhoeven", "Dennis Schouten"),
    "T": ("Grace Owusu", "Naomi Pinas", "Rachid Tahiri"),
    "S": ("Marieke Koopman", "Femke Boersma", "Sven Hoekstra"),
}
KRAAMZORG = ("Kraamzorg Samen Thuis (demo)", ("Petra Scholten", "Esther Tromp"))


@dataclass(frozen=True)
class RegieSpec:
    full_name: str
    email_name: str
    job_title: str
    organisation: str
    discipline: Discipline
    capacity: int
    languages: tuple[str, ...]
    stadsdelen: tuple[str, ...] = ()
    whole_city: bool = False


# The demo regiehouder account (accounts.demo) works in Nieuw-West and Zuidoost.
DEMO_REGIEHOUDER_PROFILE = RegieSpec("", "", "", "", Discipline.BUURTTEAM, 20, ("nl", "ar", "tzm"), ("F", "T"))
REGIEHOUDERS = (
    RegieSpec(
        "Hanna Tesfay",
        "hanna.tesfay",
        "VoorZorg-verpleegkundige",
        "Jeugdgezondheid Amsterdam (demo)",
        Discipline.VOORZORG,
        15,
        ("nl", "ti", "en"),
        whole_city=True,
    ),
    RegieSpec(
        "Kwame Mensah",
        "kwame.mensah",
        "Buurtteammedewerker",
        "Buurtteam Zuidoost (demo)",
        Discipline.BUURTTEAM,
        25,
        ("nl", "tw", "en"),
        ("T", "S"),
    ),
    RegieSpec(
        "Elif Yildiz",
        "elif.yildiz",
        "Jeugdverpleegkundige",
        "Ouder- en Kindteam West (demo)",
        Discipline.JGZ,
        20,
        ("nl", "tr"),
        ("E", "F"),
    ),
    RegieSpec(
        "Shirley Martina",
        "shirley.martina",
        "Buurtteammedewerker",
        "Buurtteam Noord (demo)",
        Discipline.BUURTTEAM,
        30,
        ("nl", "pap", "srn", "en"),
        ("N",),
    ),
    RegieSpec(
        "Fatima Ouali",
        "fatima.ouali",
        "Medisch maatschappelijk werker",
        "Ziekenhuis Amstelzicht (demo)",
        Discipline.MAATSCHAPPELIJK_WERK,
        18,
        ("nl", "ar", "tzm", "fr"),
        ("F", "K"),
    ),
    RegieSpec(
        "Marloes de Boer",
        "marloes.deboer",
        "Buurtteammedewerker",
        "Buurtteam Oost (demo)",
        Discipline.BUURTTEAM,
        22,
        ("nl", "en", "pl"),
        ("A", "M", "K"),
    ),
)
EXTRA_ORGANISATIONS = (
    OrgSpec("Jeugdgezondheid Amsterdam (demo)", OrganisationKind.MEDISCH, whole_city=True),
    OrgSpec("Ziekenhuis Amstelzicht (demo)", OrganisationKind.MEDISCH, whole_city=True),
    OrgSpec(KRAAMZORG[0], OrganisationKind.MEDISCH, whole_city=True),
)


@dataclass
class Staff:
    """The acting demo accounts, each marked as verified (see `_acting`)."""

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


def _organisation_spec(name: str) -> OrgSpec:
    for spec in EXTRA_ORGANISATIONS:
        if spec.name == name:
            return spec
    codes = tuple(code for code, names in LOCAL_ORGANISATIONS.items() if name in names)
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
    return _acting(user)


def _demo_account(role: Role) -> User:
    spec = next(spec for spec in DEMO_USERS if spec.role == role)
    user = User.objects.filter(email=spec.email, is_active=True).first()
    if user is None:
        raise DemoAccountsMissingError(f"Demo account {spec.email} is missing: run `kansrijk demo` first.")
    return _acting(user)


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


def _staff(stadsdelen: dict[str, Stadsdeel]) -> Staff:
    staff = Staff(professional=_demo_account(Role.PROFESSIONAL), regiehouder=_demo_account(Role.REGIEHOUDER))
    organisations: dict[str, Organisation] = {}
    jobs = ("Verloskundige", "Jeugdverpleegkundige", "Buurtteammedewerker")
    for code in STADSDELEN:
        for slot, (name, job, org) in enumerate(zip(LOCAL_STAFF[code], jobs, LOCAL_ORGANISATIONS[code], strict=True)):
            spec = StaffSpec(name + DEMO_SUFFIX, f"{slugify(name).replace('-', '.')}@{DEMO_DOMAIN}", job, org)
            user = _account(spec, Role.PROFESSIONAL, organisations, staff)
            (staff.verloskundige, staff.jgz, staff.buurtteam)[slot][code] = user
    for name in KRAAMZORG[1]:
        spec = StaffSpec(
            name + DEMO_SUFFIX, f"{slugify(name).replace('-', '.')}@{DEMO_DOMAIN}", "Kraamverzorgende", KRAAMZORG[0]
        )
        staff.kraamzorg.append(_account(spec, Role.PROFESSIONAL, organisations, staff))
    _profile(staff.regiehouder, DEMO_REGIEHOUDER_PROFILE, stadsdelen)
    for regie in REGIEHOUDERS:
        spec = StaffSpec(
            regie.full_name + DEMO_SUFFIX, f"{regie.email_name}@{DEMO_DOMAIN}", regie.job_title, regie.organisation
        )
        user = _account(spec, Role.REGIEHOUDER, organisations, staff)
        _profile(user, regie, stadsdelen)
        staff.pool.append(user)
    return staff


# --- names, places and phone numbers (all invented) --------------------------------------------------


@dataclass(frozen=True)
class Background:
    code: str
    languages: tuple[tuple[str, ...], ...]
    women: tuple[str, ...]
    men: tuple[str, ...]
    surnames: tuple[str, ...]


BACKGROUNDS = {
    b.code: b
    for b in (
        Background(
            "nl",
            (("nl",),),
            ("Emma", "Sophie", "Lisa", "Anouk", "Iris", "Sanne", "Laura", "Romy", "Maud", "Jasmijn", "Fleur", "Lieke"),
            ("Daan", "Bas", "Tim", "Joris", "Ruben", "Niels", "Mark", "Koen", "Stijn", "Wouter", "Jesse", "Rick"),
            ("de Vries", "Jansen", "van Dijk", "Smit", "de Jong", "Vos", "van Leeuwen", "Kok", "Dekkers", "Prins"),
        ),
        Background(
            "ma",
            (("nl", "tzm"), ("nl", "ar"), ("ar", "tzm")),
            ("Khadija", "Nadia", "Salma", "Imane", "Siham", "Loubna", "Hanane", "Ikram", "Zineb"),
            ("Youssef", "Hamza", "Bilal", "Anouar", "Karim", "Mustafa", "Said", "Ilias"),
            ("El Idrissi", "Boukhari", "Ait Taleb", "Chaouch", "El Khattabi", "Ouahabi", "Zerouali"),
        ),
        Background(
            "tr",
            (("nl", "tr"), ("tr",)),
            ("Merve", "Esra", "Ayse", "Derya", "Selin", "Gizem"),
            ("Emre", "Murat", "Burak", "Mehmet", "Serkan", "Onur"),
            ("Sahin", "Aydin", "Celik", "Ozturk", "Arslan", "Kilic"),
        ),
        Background(
            "sr",
            (("nl", "srn"), ("nl",)),
            ("Shanti", "Chantal", "Rachelle", "Jolanda", "Priya", "Sharon"),
            ("Dwayne", "Romano", "Ricardo", "Sergio", "Ravi", "Glenn"),
            ("Sabajo", "Doekhie", "Ramdin", "Wijngaarde", "Kartosen", "Tjong"),
        ),
        Background(
            "gh",
            (("tw", "en"), ("tw", "en", "nl")),
            ("Akosua", "Abena", "Efua", "Ama", "Adjoa"),
            ("Kofi", "Kwabena", "Yaw", "Kojo"),
            ("Boateng", "Asante", "Osei", "Appiah", "Darko", "Agyeman"),
        ),
        Background(
            "er",
            (("ti",), ("ti", "en")),
            ("Senait", "Helen", "Yordanos", "Saba", "Luwam"),
            ("Dawit", "Filmon", "Robel", "Yonas"),
            ("Gebremedhin", "Habte", "Kidane", "Tekle"),
        ),
        Background(
            "cw",
            (("nl", "pap"), ("pap", "nl", "en")),
            ("Giselle", "Shakira", "Jeanette", "Naomi"),
            ("Jurick", "Gino", "Ruthsel"),
            ("Cijntje", "Rosaria", "Isenia", "Winklaar"),
        ),
        Background(
            "pl",
            (("pl", "en"), ("pl",)),
            ("Agnieszka", "Kasia", "Magda"),
            ("Piotr", "Tomasz", "Marek"),
            ("Nowak", "Wojcik", "Mazur"),
        ),
        Background(
            "en",
            (("en",), ("en", "es"), ("en", "hi")),
            ("Emily", "Priya", "Hannah", "Lucia"),
            ("James", "Arjun", "Daniel"),
            ("Walker", "Sharma", "O'Connor", "Garcia"),
        ),
        Background(
            "so",
            (("so", "nl"), ("so",)),
            ("Hodan", "Ifrah", "Sahra"),
            ("Abdi", "Mahad", "Liban"),
            ("Farah", "Warsame", "Abdullahi"),
        ),
        Background(
            "ua",
            (("uk", "ru"), ("uk",)),
            ("Olena", "Iryna", "Kateryna"),
            ("Andriy", "Oleksandr"),
            ("Shevchenko", "Kovalenko", "Bondarenko"),
        ),
        Background(
            "sy",
            (("ar",), ("ar", "en")),
            ("Rasha", "Lina", "Rana"),
            ("Ahmad", "Omar", "Tarek"),
            ("Al-Hassan", "Haddad", "Khalil"),
        ),
    )
}
BACKGROUND_WEIGHTS = {
    "nl": 30,
    "ma": 12,
    "tr": 8,
    "sr": 8,
    "gh": 4,
    "er": 3,
    "cw": 4,
    "pl": 3,
    "en": 5,
    "so": 2,
    "ua": 2,
    "sy": 3,
}
BACKGROUND_WEIGHTS_BY_STADSDEEL = {
    "T": {"sr": 20, "gh": 12, "cw": 10, "nl": 15},
    "F": {"ma": 25, "tr": 15, "nl": 20, "sy": 5},
    "N": {"nl": 25, "er": 5, "pl": 5},
    "A": {"nl": 45, "en": 12},
    "K": {"nl": 45, "en": 12},
    "S": {"nl": 55, "en": 6},
}
REFUGEE_BACKGROUNDS = frozenset({"er", "so", "sy", "ua"})
UNDOCUMENTED_BACKGROUNDS = frozenset({"gh", "er", "so"})
CULTURE_BRIDGE_BACKGROUNDS = frozenset({"er", "so", "sy", "gh"})
CHILD_NAMES = (
    "Noah", "Liam", "Sem", "Luca", "Adam", "Yara", "Nora", "Mila", "Sara", "Lina", "Amir", "Zoë", "Ayoub",
    "Imran", "Malik", "Nova", "Jayden", "Kiano", "Amara", "Esmee", "Eren", "Ilyas", "Hiba", "Maya", "Fenna",
    "Julian", "Aaliyah", "Mees", "Roos", "Yusra", "Nadir", "Lena", "Kayla", "Senna", "Milan", "Aziz", "Ivy",
)  # fmt: skip
# Plausible streets per stadsdeel (no house is meant; numbers are drawn at random).
STREETS = {
    "A": ("Lindengracht", "Haarlemmerdijk", "Wittenburgergracht", "Kattenburgerstraat", "Jodenbreestraat"),
    "E": ("Jan Evertsenstraat", "Kinkerstraat", "Bos en Lommerweg", "Admiraal de Ruijterweg", "Hoofdweg"),
    "F": ("Slotermeerlaan", "Burgemeester Röellstraat", "Pieter Calandlaan", "Meer en Vaart", "Jan Tooropstraat"),
    "K": ("Rijnstraat", "Maasstraat", "Scheldestraat", "Hoofddorpweg", "Van Woustraat"),
    "M": ("Dapperstraat", "Javastraat", "Linnaeusstraat", "Kramatweg", "IJburglaan"),
    "N": ("Meeuwenlaan", "Van der Pekstraat", "Kamperfoelieweg", "Waterlandplein", "Purmerplein"),
    "T": ("Bijlmerdreef", "Ganzenhoef", "Kraaiennest", "Karspeldreef", "Hoogoord", "Reigersbos"),
    "S": ("Nieuwstad", "Utrechtseweg", "Aetsveldselaan", "Hogeweyselaan", "Driemondweg"),
}
POSTCODE_LETTERS = "ABCEGHJKLMNPRTVWXZ"


class Phones:
    """Visibly fictional phone numbers: 06-00000 and three digits, counted up."""

    def __init__(self) -> None:
        self.next = 100

    def __call__(self) -> str:
        self.next = self.next + 1 if self.next < 999 else 100
        return f"06-00000{self.next:03d}"


class Places:
    """Real Amsterdam four-digit postcodes per stadsdeel (geography reference data) with invented letters."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.pc4: dict[str, list[str]] = {}
        for area in PostcodeArea.objects.select_related("stadsdeel").order_by("pc4"):
            self.pc4.setdefault(area.stadsdeel.code, []).append(area.pc4)

    def address(self, code: str, *, pc4: str | None = None, street: str | None = None) -> family_services.Address:
        rng = self.rng
        options = self.pc4.get(code) or [p for ps in self.pc4.values() for p in ps]
        chosen = pc4 if pc4 in options else rng.choice(options)
        letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        number = str(rng.randint(1, 320))
        if rng.random() < 0.35:
            number += f"-{rng.randint(1, 4)}"
        return family_services.Address(
            street=street or rng.choice(STREETS.get(code, STREETS["A"])),
            house_number=number,
            postcode=f"{chosen} {letters}",
        )


# --- observations: chosen so that triage proposes the intended level ----------------------------------

RISK_NOTES: dict[str, tuple[str, ...]] = {
    "leefstijl": ("Rookt nog af en toe; wil hulp bij stoppen.", "Eet onregelmatig door lange werkdagen."),
    "psychisch": (
        "Eerder een depressie gehad; nu in behandeling bij de huisarts.",
        "Voelt zich somber sinds de verhuizing en wil er graag over praten.",
    ),
    "kindfactoren": ("De baby huilt veel, vooral 's avonds.", "De baby drinkt moeizaam en groeit langzaam."),
    "lage_ses": (
        "Weinig geld; er zijn schulden.",
        "Wonen krap in een kleine flat.",
        "Onregelmatig inkomen uit flexwerk.",
    ),
    "medisch": ("Chronische rugklachten; tillen is zwaar.", "Astma; goed onder controle met medicijnen."),
    "eenouder": ("Staat er alleen voor met de zorg.",),
    "laaggeletterdheid": ("Brieven lezen is lastig; een buurvrouw helpt.", "Formulieren invullen is moeilijk."),
    "stress": ("Veel stress door geldzorgen.", "Spanning door werk en de verhuizing.", "Slaapt slecht door zorgen."),
    "huiselijk_geweld": ("Vertelt over harde ruzies thuis; de kinderen horen het.",),
    "verslaving": ("Partner gebruikt regelmatig cannabis en wil minderen.",),
    "relatieproblemen": ("Veel ruzie sinds de zwangerschap; ze willen er samen aan werken.",),
    "ongedocumenteerd": ("De verblijfsstatus is nog onzeker; de procedure loopt.",),
    "tienerzwangerschap": ("Jonge moeder; wil haar opleiding graag afmaken.",),
    "onbedoelde_zwangerschap": ("De zwangerschap was niet gepland.",),
    "vluchtverleden": ("Gevlucht uit het land van herkomst; familie woont ver weg.",),
    "seksueel_misbruik": ("Verleden van seksueel misbruik; met toestemming gedeeld.",),
}
STRENGTH_NOTES: dict[str, str] = {
    "veilige_hechting": "Ouder en kind hebben goed contact; het kind is snel getroost.",
    "veerkracht": "Heeft eerder moeilijke tijden goed doorstaan.",
    "partnerrelatie": "De ouders steunen elkaar en delen de zorg.",
    "vertrouwensrelatie": "Heeft een goede band met de {professional}.",
    "hulp_vragen": "Vraagt zelf om hulp als het nodig is.",
    "verbonden_buurt": "Kent veel mensen in de buurt en gaat graag naar het buurthuis.",
    "sociale_competenties": "Maakt makkelijk contact en komt goed voor zichzelf op.",
    "familierelaties": "Goed contact met de eigen familie, die dichtbij woont.",
    "sociaal_netwerk": "Vriendinnen en buren helpen met boodschappen en oppassen.",
}
GAP_NOTES: dict[str, str] = {
    "veilige_hechting": "Het contact met de baby voelt nog onwennig.",
    "veerkracht": "Voelt zich nu vaak overspoeld.",
    "partnerrelatie": "De ouders hebben het moeilijk samen.",
    "vertrouwensrelatie": "Nog geen vaste hulpverlener bij wie het gezin zich veilig voelt.",
    "hulp_vragen": "Vraagt niet snel om hulp; wil het liever zelf oplossen.",
    "verbonden_buurt": "Woont pas kort in de buurt en kent nog weinig mensen.",
    "sociale_competenties": "Vindt contact met instanties lastig.",
    "familierelaties": "Weinig contact met familie; die woont ver weg.",
    "sociaal_netwerk": "Weinig mensen dichtbij die kunnen helpen.",
}
# Notes that fit only some families, added to the notes above when they fit.
RISK_NOTES_COUPLE = {
    "leefstijl": ("Partner rookt en wil graag stoppen.",),
}
RISK_NOTES_PREGNANCY = {
    "medisch": ("Zwangerschapsdiabetes, onder controle in het ziekenhuis.", "Hoge bloeddruk; vaker controle nodig."),
}
RISK_NOTES_NOT_DUTCH = {"laaggeletterdheid": ("Spreekt nog weinig Nederlands; een tolk helpt bij afspraken.",)}
TRUSTED_PROFESSIONAL = {
    PhaseKind.BEFORE_PREGNANCY: "huisarts",
    PhaseKind.PREGNANCY: "verloskundige",
    PhaseKind.KRAAMTIJD: "kraamverzorgende",
    PhaseKind.AFTER_BIRTH: "jeugdverpleegkundige",
}
GENERAL_RISKS = ("leefstijl", "psychisch", "lage_ses", "medisch", "laaggeletterdheid", "stress")
GENERAL_PROTECTIVE = (
    "veerkracht",
    "vertrouwensrelatie",
    "hulp_vragen",
    "verbonden_buurt",
    "sociale_competenties",
    "familierelaties",
    "sociaal_netwerk",
)
SOURCES = (Source.PARENT,) * 7 + (Source.OWN,) * 2 + (Source.COLLEAGUE, Source.RECORD)
STRENGTH_SOURCES = (Source.PARENT, Source.PARENT, Source.OWN)  # what goes well: told or seen in the conversation
OVERRIDE_REASONS: dict[tuple[str, str], str] = {
    (STEUNTJE, EXTRA): "De ouders vertellen meer zorgen dan de lijst laat zien. Ik kies extra steun, zodat er snel "
    "een vast aanspreekpunt is.",
    (EXTRA, STEUNTJE): "Het netwerk vangt veel op en de ouders willen eerst zelf aan de slag. Over vier weken "
    "bespreken we het opnieuw.",
    (BASISZORG, STEUNTJE): "Eerste kind en de ouders voelen zich onzeker. Een steuntje in de rug past beter.",
    (STEUNTJE, BASISZORG): "De risico's spelen al lang en het gezin heeft er goede hulp voor. Basiszorg is genoeg.",
}


@dataclass(frozen=True)
class FamilyFacts:
    """What the observations must fit: who is in the family and where it is in the 1,000 days."""

    phase: PhaseKind
    single: bool
    teen: bool
    premature_weeks: int | None
    has_child: bool
    background: str
    meldcode: bool
    speaks_dutch: bool = True


def _observations(rng: random.Random, facts: FamilyFacts, level: str) -> list[ObservationInput]:
    """Factors discussed in one conversation, chosen so that triage proposes `level`."""
    forced = [
        code
        for code, applies in (
            ("eenouder", facts.single),
            ("tienerzwangerschap", facts.teen),
            ("kindfactoren", facts.premature_weeks is not None),
            ("huiselijk_geweld", facts.meldcode),
        )
        if applies
    ]
    optional = list(GENERAL_RISKS)
    if not facts.single:
        optional += ["relatieproblemen", "verslaving"]
    if facts.phase != PhaseKind.BEFORE_PREGNANCY:
        optional.append("onbedoelde_zwangerschap")
    if facts.phase in (PhaseKind.KRAAMTIJD, PhaseKind.AFTER_BIRTH) and facts.premature_weeks is None:
        optional.append("kindfactoren")
    if facts.background in REFUGEE_BACKGROUNDS:
        optional.append("vluchtverleden")
    if facts.background in UNDOCUMENTED_BACKGROUNDS:
        optional.append("ongedocumenteerd")
    protective = list(GENERAL_PROTECTIVE)
    if not facts.single:
        protective.append("partnerrelatie")
    if facts.has_child:
        protective.append("veilige_hechting")

    low = len(forced)
    if facts.meldcode:
        risks, strengths, gaps = rng.randint(max(2, low), 4), rng.randint(1, 3), rng.randint(1, 3)
    elif level == BASISZORG:
        risks, strengths, gaps = max(low, rng.choice((0, 0, 1))), rng.randint(2, 4), rng.choice((0, 0, 0, 1))
    elif level == STEUNTJE and low <= 1 and rng.random() < 0.12:
        risks, strengths, gaps = rng.randint(low, 1), 1, 3  # few risks, but the protective factors fall short
    elif level == STEUNTJE:
        risks, strengths, gaps = rng.randint(max(2, low), max(3, low)), rng.randint(2, 3), rng.randint(0, 1)
    elif rng.random() < 0.6:
        risks, strengths, gaps = rng.randint(max(4, low), max(5, low)), rng.randint(1, 3), rng.randint(1, 2)
    else:
        risks, strengths, gaps = rng.randint(max(2, low), max(3, low)), rng.randint(1, 2), 3

    present = forced + rng.sample(optional, risks - low)
    rest = [code for code in optional if code not in present]
    absent = rng.sample(rest, min(len(rest), rng.randint(0, 2)))
    chosen = rng.sample(protective, strengths + gaps)
    professional = TRUSTED_PROFESSIONAL.get(facts.phase, "verloskundige")
    observations = [
        ObservationInput(
            code, True, STRENGTH_NOTES[code].format(professional=professional), rng.choice(STRENGTH_SOURCES)
        )
        for code in chosen[:strengths]
    ]
    observations += [
        ObservationInput(code, False, GAP_NOTES[code], rng.choice(STRENGTH_SOURCES)) for code in chosen[strengths:]
    ]
    for code in present:
        notes = RISK_NOTES[code]
        if not facts.single:
            notes += RISK_NOTES_COUPLE.get(code, ())
        if facts.phase == PhaseKind.PREGNANCY:
            notes += RISK_NOTES_PREGNANCY.get(code, ())
        if not facts.speaks_dutch:
            notes += RISK_NOTES_NOT_DUTCH.get(code, ())
        note = rng.choice(notes)
        if code == "kindfactoren" and facts.premature_weeks is not None:
            note = f"Te vroeg geboren, bij {facts.premature_weeks} weken."
        observations.append(ObservationInput(code, True, note, rng.choice(SOURCES)))
    observations += [ObservationInput(code, False, "", Source.PARENT) for code in absent]
    return observations


def _strengths_note(observations: Sequence[ObservationInput]) -> str:
    """What goes well comes first (strength-first), then what the parents want."""
    protective = set(GENERAL_PROTECTIVE) | {"partnerrelatie", "veilige_hechting"}
    strong = [o.note for o in observations if o.present and o.factor in protective]
    text = " ".join(strong) if strong else "Het gesprek was open en eerlijk."
    return text + " Samen besproken wat het gezin zelf wil en nodig heeft."


def _proposes(observations: Sequence[ObservationInput], unsafety: str) -> str:
    return evaluate(facts_of(observations, unsafety)).amsterdam


# --- the three families of the domain brief -----------------------------------------------------------


@dataclass
class Loaded:
    """What the loading notes for the finishing touches."""

    # Open tasks to shift into the past afterwards (demo realism), with the conversation date of each.
    overdue_candidates: list[tuple[Family, date]] = field(default_factory=list)


def _meriam_en_micha(staff: Staff, places: Places, phones: Phones, today: date) -> Family:
    """Second child on the way (30 weeks), Sami is three. Extra steun; the demo regiehouder holds regie."""
    midwife = staff.verloskundige["T"]
    family = family_services.family_open(
        by=midwife,
        name=BRIEF_NAMES[0],
        discipline=Discipline.VERLOSKUNDIGE,
        address=places.address("T", pc4="1103", street="Kraaiennest"),
        is_demo=True,
    )
    meriam = family_services.caregiver_add(
        family=family,
        by=midwife,
        data=family_services.CaregiverData(
            given_name="Meriam",
            family_name="Azzouzi",
            role=CaregiverRole.MOEDER,
            date_of_birth=add_months(today, -(31 * 12 + 5)),
            phone=phones(),
            languages=("nl", "tzm", "ar"),
        ),
    )
    family_services.caregiver_add(
        family=family,
        by=midwife,
        data=family_services.CaregiverData(
            given_name="Micha",
            family_name="Renfurm",
            role=CaregiverRole.VADER,
            date_of_birth=add_months(today, -(34 * 12 + 2)),
            phone=phones(),
            languages=("nl", "srn"),
        ),
    )
    # The older child first: recording a child while a pregnancy is ongoing would record that birth.
    family_services.child_add(
        family=family,
        by=midwife,
        given_name="Sami",
        birth_date=add_months(today, -37),
        weeks_at_birth=39,
        birth_weight_grams=3310,
    )
    family_services.pregnancy_record(
        family=family, by=midwife, expected_due_date=today + timedelta(weeks=10), mother=meriam
    )
    family_services.care_team_add(family=family, user=staff.professional, discipline=Discipline.JGZ, by=midwife)
    family_services.network_member_add(
        family=family,
        by=midwife,
        name="Hatice",
        relation="buurvrouw",
        helps_with="Past soms op Sami als Meriam naar de verloskundige gaat.",
        agreement="Meriam belt haar een dag van tevoren.",
        contact=phones(),
    )
    assessment_record(
        family=family,
        by=midwife,
        conversation_on=today - timedelta(days=14),
        observations=[
            ObservationInput("partnerrelatie", True, "Micha is betrokken en gaat mee naar de controles."),
            ObservationInput(
                "veilige_hechting",
                True,
                "Meriam en Sami hebben een warme band; Sami gaat graag naar de peuterspeelzaal.",
            ),
            ObservationInput(
                "vertrouwensrelatie",
                True,
                "Meriam vertrouwt de verloskundige en vertelt open over haar angst.",
                Source.OWN,
            ),
            ObservationInput("sociaal_netwerk", False, "Familie woont ver weg; alleen een buurvrouw past soms op."),
            ObservationInput(
                "lage_ses", True, "Laag en onregelmatig inkomen; ze wonen met z'n drieën in een kleine flat."
            ),
            ObservationInput("laaggeletterdheid", True, "Brieven en formulieren lezen is lastig voor beide ouders."),
            ObservationInput(
                "psychisch",
                True,
                "Na de geboorte van Sami een postnatale depressie; toen hulp via de huisarts.",
                Source.RECORD,
            ),
            ObservationInput("stress", True, "Angst voor de bevalling, en zorgen over het betalen van babyspullen."),
            ObservationInput("leefstijl", False, ""),
        ],
        strengths_note=(
            "Meriam en Micha steunen elkaar, Sami groeit goed op en Meriam durft haar angst voor de "
            "bevalling te benoemen. Ze willen graag hulp bij geldzaken, babyspullen en de voorbereiding op de "
            "bevalling."
        ),
    )
    regie_assign(family=family, regiehouder=staff.regiehouder, by=midwife)
    return family


def _tiny_en_leo(staff: Staff, places: Places, phones: Phones, today: date) -> Family:
    """Young, unplanned first pregnancy at 12 weeks; Leo smokes and wants to quit. Steuntje in de rug."""
    midwife = staff.verloskundige["T"]
    family = family_services.family_open(
        by=midwife,
        name=BRIEF_NAMES[1],
        discipline=Discipline.VERLOSKUNDIGE,
        address=places.address("T", pc4="1104", street="Reigersbos"),
        is_demo=True,
    )
    tiny = family_services.caregiver_add(
        family=family,
        by=midwife,
        data=family_services.CaregiverData(
            given_name="Tiny",
            family_name="Koster",
            role=CaregiverRole.MOEDER,
            date_of_birth=add_months(today, -(19 * 12 + 4)),
            phone=phones(),
            languages=("nl",),
        ),
    )
    family_services.caregiver_add(
        family=family,
        by=midwife,
        data=family_services.CaregiverData(
            given_name="Leo",
            family_name="Brouwer",
            role=CaregiverRole.VADER,
            date_of_birth=add_months(today, -(20 * 12 + 7)),
            phone=phones(),
            languages=("nl",),
        ),
    )
    family_services.pregnancy_record(
        family=family, by=midwife, expected_due_date=today + timedelta(weeks=28), mother=tiny
    )
    family_services.care_team_add(family=family, user=staff.professional, discipline=Discipline.JGZ, by=midwife)
    assessment_record(
        family=family,
        by=midwife,
        conversation_on=today - timedelta(days=2),
        observations=[
            ObservationInput(
                "partnerrelatie", True, "Tiny en Leo zijn al twee jaar samen en willen er samen voor gaan."
            ),
            ObservationInput("hulp_vragen", True, "Leo wil stoppen met roken en vraagt zelf om hulp daarbij."),
            ObservationInput(
                "sociaal_netwerk",
                False,
                "Weinig leeftijdsgenoten met een kind; hun vrienden zijn vooral aan het uitgaan.",
            ),
            ObservationInput("tienerzwangerschap", True, "Tiny is 19 en Leo is 20; ze worden jong ouder."),
            ObservationInput(
                "onbedoelde_zwangerschap",
                True,
                "De zwangerschap was niet gepland. Ze wennen aan het idee en kijken er ook naar uit.",
            ),
            ObservationInput("leefstijl", True, "Leo rookt en wil stoppen; Tiny rookt niet."),
            ObservationInput("lage_ses", False, "Leo heeft een vaste baan; ze huren samen een kleine woning."),
        ],
        strengths_note=(
            "Tiny en Leo zijn open, komen samen naar de afspraken en Leo wil zelf stoppen met roken. "
            "Ze zoeken contact met andere jonge ouders."
        ),
    )
    return family


def _linda_en_davie(staff: Staff, places: Places, phones: Phones, today: date) -> Family:
    """Davie was born at term 14 days ago. Extra steun from the demo professional's home visit; the
    regiehouder is not chosen yet: that is where a professional picks it up."""
    midwife, nurse = staff.verloskundige["T"], staff.professional
    family = family_services.family_open(
        by=midwife,
        name=BRIEF_NAMES[2],
        discipline=Discipline.VERLOSKUNDIGE,
        address=places.address("T", pc4="1102", street="Ganzenhoef"),
        is_demo=True,
    )
    linda = family_services.caregiver_add(
        family=family,
        by=midwife,
        data=family_services.CaregiverData(
            given_name="Linda",
            family_name="Verbeek",
            role=CaregiverRole.MOEDER,
            date_of_birth=add_months(today, -(27 * 12 + 9)),
            phone=phones(),
            languages=("nl",),
        ),
    )
    born = today - timedelta(days=14)
    pregnancy = family_services.pregnancy_record(family=family, by=midwife, expected_due_date=born, mother=linda)
    family_services.child_add(
        family=family,
        by=midwife,
        given_name="Davie",
        birth_date=born,
        weeks_at_birth=40,
        birth_weight_grams=3480,
        pregnancy=pregnancy,
    )
    # The kraamverzorgende was in the team during the kraamtijd and left when it ended.
    kraam = family_services.care_team_add(
        family=family, user=staff.kraamzorg[0], discipline=Discipline.KRAAMZORG, by=midwife
    )
    pathway_services.care_team_remove(member=kraam, by=midwife)
    # Warm handover from the midwife to the youth health nurse (the demo professional).
    family_services.care_team_add(family=family, user=nurse, discipline=Discipline.JGZ, by=midwife)
    for name, relation, helps_with, agreement in (
        ("Marian", "moeder van Linda", "Boodschappen, koken en de was.", "Komt maandag, woensdag en vrijdag."),
        (
            "Kim",
            "zus van Linda",
            "Past op Davie zodat Linda kan slapen; rijdt mee naar afspraken.",
            "Op zaterdag, en als Linda belt.",
        ),
        ("Joyce", "buurvrouw", "Haalt de post en doet een boodschap als het nodig is.", "Linda stuurt een bericht."),
    ):
        family_services.network_member_add(
            family=family,
            by=nurse,
            name=name,
            relation=relation,
            helps_with=helps_with,
            agreement=agreement,
            contact=phones(),
        )
    assessment_record(
        family=family,
        by=nurse,
        conversation_on=today - timedelta(days=1),
        observations=[
            ObservationInput("familierelaties", True, "Haar moeder en zus helpen elke week praktisch mee."),
            ObservationInput("sociaal_netwerk", True, "Ook een buurvrouw springt bij; praktisch is er veel hulp."),
            ObservationInput(
                "hulp_vragen", False, "Linda ontwijkt vragen over hoe het met haar gaat; ze wil het zelf doen."
            ),
            ObservationInput("vertrouwensrelatie", False, "Er is nog geen hulpverlener bij wie ze zich veilig voelt."),
            ObservationInput(
                "veerkracht", False, "Ze houdt zich groot, maar heeft weinig ruimte om haar verhaal kwijt te kunnen."
            ),
            ObservationInput("eenouder", True, "Linda zorgt alleen voor Davie."),
            ObservationInput(
                "seksueel_misbruik",
                True,
                "Verleden van seksueel misbruik; met toestemming van Linda gedeeld door de verloskundige.",
                Source.COLLEAGUE,
            ),
            ObservationInput(
                "stress", True, "Raakte in paniek tijdens de bevalling en slaapt sindsdien slecht.", Source.COLLEAGUE
            ),
            ObservationInput("lage_ses", False, "Linda heeft werk en een eigen huurwoning."),
        ],
        strengths_note=(
            "Linda zorgt liefdevol voor Davie, die goed drinkt en groeit. Haar moeder, zus en "
            "buurvrouw helpen elke week mee. Ze praat nog niet graag over zichzelf: rustig opbouwen en niet alles in "
            "één gesprek vragen."
        ),
    )
    return family


# --- generated families -------------------------------------------------------------------------------


@dataclass
class Plan:
    stadsdeel: str
    phase: PhaseKind
    level: str  # the level that counts (the professional's choice when overridden)
    proposal: str  # what triage proposes
    meldcode: bool = False
    demo_professional: bool = False  # the demo professional is the youth health nurse in the team
    demo_regiehouder: bool = False  # the demo regiehouder holds regie
    regie: bool = False


def _spread(rng: random.Random, n: int, weights: Mapping[str, float]) -> list[str]:
    """`n` values: every key once (when n allows), the rest drawn by weight, shuffled."""
    keys = list(weights)
    values = keys[:n] + rng.choices(keys, weights=list(weights.values()), k=max(0, n - len(keys)))
    rng.shuffle(values)
    return values


def _plans(rng: random.Random, n: int) -> list[Plan]:
    stadsdelen = _spread(rng, n, STADSDEEL_WEIGHTS)
    phases = _spread(rng, n, PHASE_WEIGHTS)
    levels = _spread(rng, n, LEVEL_WEIGHTS)
    plans = [Plan(s, PhaseKind(p), lv, lv) for s, p, lv in zip(stadsdelen, phases, levels, strict=True)]
    extra = [p for p in plans if p.level == EXTRA]
    for plan in extra[: max(1, n // 40)]:
        plan.meldcode = True
    for plan in plans:
        if not plan.meldcode and rng.random() < OVERRIDE_SHARE:
            plan.proposal = STEUNTJE if plan.level != STEUNTJE else rng.choice((BASISZORG, EXTRA))
    # The demo professional (a youth health nurse in Zuidoost) joins families in her stadsdeel first.
    quota = round(DEMO_PROFESSIONAL_FAMILIES * n / 200)
    eligible = [p for p in plans if p.phase != PhaseKind.BEFORE_PREGNANCY]
    for plan in sorted(eligible, key=lambda p: p.stadsdeel != "T")[:quota]:
        plan.demo_professional = True
    # The demo regiehouder works in Nieuw-West and Zuidoost.
    quota = round(DEMO_REGIEHOUDER_FAMILIES * n / 200)
    for plan in sorted((p for p in extra if not p.meldcode), key=lambda p: p.stadsdeel not in ("F", "T"))[:quota]:
        plan.demo_regiehouder = plan.regie = True
    for plan in extra:
        if not plan.demo_regiehouder:
            plan.regie = rng.random() < REGIE_SHARE
    return plans


@dataclass(frozen=True)
class Person:
    given: str
    surname: str
    role: CaregiverRole
    years: int


@dataclass(frozen=True)
class Births:
    """The youngest child (or children, for twins), born `age_days` ago after `weeks` of pregnancy."""

    age_days: int
    weeks: int
    names: tuple[str, ...]
    weight: int

    @property
    def premature(self) -> bool:
        return self.weeks < PREMATURE_BEFORE_WEEKS


@dataclass(frozen=True)
class Expecting:
    weeks: int  # of pregnancy today
    twins: bool
    told_weeks_ago: int | None  # without an echo yet: registered this many weeks ago with the weeks told


@dataclass(frozen=True)
class Draft:
    """A generated household, drawn before its file is opened."""

    name: str
    people: tuple[Person, ...]
    languages: tuple[str, ...]
    facts: FamilyFacts
    older_child_days: int | None  # an older brother or sister, born this many days before the youngest
    expecting: Expecting | None
    births: Births | None
    as_long_as_needed: bool


class Generator:
    """Drafts and loads generated families, acting as the demo professionals."""

    def __init__(self, *, rng: random.Random, staff: Staff, places: Places, phones: Phones, today: date) -> None:
        self.rng, self.staff, self.places, self.phones, self.today = rng, staff, places, phones, today
        self.used_names: set[str] = set(BRIEF_NAMES)
        self.by_pk = staff.by_pk()

    # drafting (no database) ---------------------------------------------------------------------------

    def _name(self, options: list[str], fallbacks: list[str]) -> str:
        """The family's name as it would call itself (one of `options`); unique among the demo families,
        with a surname or finally a number added where it is taken."""
        self.rng.shuffle(options)
        candidates = [*options, *fallbacks] + [f"{fallbacks[-1]} {number}" for number in range(2, 1000)]
        name = next(c + DEMO_SUFFIX for c in candidates if c + DEMO_SUFFIX not in self.used_names)
        self.used_names.add(name)
        return name

    def draft(self, plan: Plan) -> Draft:
        rng = self.rng
        weights = {**BACKGROUND_WEIGHTS, **BACKGROUND_WEIGHTS_BY_STADSDEEL.get(plan.stadsdeel, {})}
        background = BACKGROUNDS[rng.choices(list(weights), weights=list(weights.values()))[0]]
        surname = rng.choice(background.surnames)
        languages = rng.choice(background.languages)
        single = rng.random() < (0.12 if plan.level == BASISZORG else 0.25)
        single_father = single and plan.phase == PhaseKind.AFTER_BIRTH and rng.random() < 0.1
        # Basiszorg (proposed or chosen) allows at most one risk factor: no teenage parents or early births.
        mild = BASISZORG in (plan.level, plan.proposal)
        teen = not mild and plan.phase != PhaseKind.BEFORE_PREGNANCY and rng.random() < 0.12
        age = rng.randint(17, 19) if teen else rng.randint(23 if mild else 20, 41)
        people = [
            Person(rng.choice(background.men), surname, CaregiverRole.VADER, age + rng.randint(0, 6))
            if single_father
            else Person(rng.choice(background.women), surname, CaregiverRole.MOEDER, age)
        ]
        if not single:
            other_surname = surname if rng.random() < 0.6 else rng.choice(background.surnames)
            if rng.random() < 0.05:
                given = rng.choice([w for w in background.women if w != people[0].given])
                people.append(Person(given, other_surname, CaregiverRole.PARTNER, age + rng.randint(-2, 6)))
            else:
                people.append(
                    Person(rng.choice(background.men), other_surname, CaregiverRole.VADER, age + rng.randint(0, 7))
                )
        expecting: Expecting | None = None
        births: Births | None = None
        older: int | None = None
        as_long_as_needed = False
        if plan.phase == PhaseKind.PREGNANCY:
            older = rng.randint(400, 1800) if rng.random() < 0.25 else None
            weeks = rng.randint(6, 41)
            told = rng.randint(0, 2) if weeks < 12 and rng.random() < 0.5 else None
            expecting = Expecting(weeks=weeks, twins=rng.random() < 0.03, told_weeks_ago=told)
        elif plan.phase in (PhaseKind.KRAAMTIJD, PhaseKind.AFTER_BIRTH):
            if plan.phase == PhaseKind.KRAAMTIJD:
                age_days = rng.randint(0, 9)
            elif rng.random() < 0.03:
                age_days, as_long_as_needed = rng.randint(731, 900), True  # past the second birthday
            else:
                age_days = rng.choice((rng.randint(10, 60), rng.randint(10, 700), rng.randint(60, 700)))
            premature = not mild and rng.random() < 0.15
            weeks = rng.randint(32, 36) if premature else rng.randint(37, 41)
            # Twins only with a recorded pregnancy (the first weeks after birth).
            count = 2 if age_days <= 28 and not single_father and rng.random() < 0.03 else 1
            weight = rng.randint(1700, 2700) if premature else rng.randint(2800, 4200)
            births = Births(age_days, weeks, tuple(rng.sample(CHILD_NAMES, count)), weight)
            older = rng.randint(400, 1800) if rng.random() < 0.2 else None
        facts = FamilyFacts(
            phase=plan.phase,
            single=single,
            teen=teen,
            premature_weeks=births.weeks if births is not None and births.premature else None,
            has_child=births is not None or older is not None,
            background=background.code,
            meldcode=plan.meldcode,
            speaks_dutch="nl" in languages,
        )
        first = people[0].given
        fallbacks = [f"{first} {surname}"]
        if len(people) == 2:
            options = [f"{first} en {people[1].given}", f"Gezin {surname}"]
            fallbacks.append(f"{first} en {people[1].given} {surname}")
        elif births is not None:
            options = [f"{first} en {births.names[0]}", f"Gezin {surname}"]
        else:
            options = [f"{first} {surname}", f"Gezin {surname}"]
        return Draft(
            name=self._name(options, fallbacks),
            people=tuple(people),
            languages=languages,
            facts=facts,
            older_child_days=older,
            expecting=expecting,
            births=births,
            as_long_as_needed=as_long_as_needed,
        )

    def team(self, plan: Plan) -> tuple[User, Discipline, list[tuple[User, Discipline]], User]:
        """Who opens the file (with which discipline), who joins the team, who holds the conversation."""
        rng, staff, code = self.rng, self.staff, plan.stadsdeel
        nurse = staff.professional if plan.demo_professional else staff.jgz[code]
        extra: list[tuple[User, Discipline]] = []
        if plan.phase == PhaseKind.BEFORE_PREGNANCY:
            opener, discipline = (
                (staff.buurtteam[code], Discipline.BUURTTEAM)
                if rng.random() < 0.6
                else (staff.verloskundige[code], Discipline.VERLOSKUNDIGE)
            )
            return opener, discipline, extra, opener
        if plan.phase == PhaseKind.PREGNANCY:
            opener = staff.verloskundige[code]
            if plan.level != BASISZORG or plan.demo_professional:
                extra.append((nurse, Discipline.JGZ))  # the prenatal home visit
            if plan.level == EXTRA and rng.random() < 0.5:
                extra.append((staff.buurtteam[code], Discipline.BUURTTEAM))
            signaleerder = nurse if plan.demo_professional and rng.random() < 0.5 else opener
            return opener, Discipline.VERLOSKUNDIGE, extra, signaleerder
        if plan.phase == PhaseKind.KRAAMTIJD:
            opener, kraam = staff.verloskundige[code], rng.choice(staff.kraamzorg)
            extra += [(kraam, Discipline.KRAAMZORG), (nurse, Discipline.JGZ)]
            return opener, Discipline.VERLOSKUNDIGE, extra, kraam if rng.random() < 0.3 else opener
        if plan.level == EXTRA and rng.random() < 0.5:
            extra.append((staff.buurtteam[code], Discipline.BUURTTEAM))
        return nurse, Discipline.JGZ, extra, nurse

    def observations(self, facts: FamilyFacts, proposal: str) -> list[ObservationInput]:
        unsafety = Unsafety.STRUCTURAL if facts.meldcode else Unsafety.NONE
        for _attempt in range(50):
            observations = _observations(self.rng, facts, proposal)
            if _proposes(observations, unsafety) == proposal:
                return observations
        raise RuntimeError(f"demo: no observations found that propose {proposal} for {facts}")

    # loading (through the services) -------------------------------------------------------------------

    def caregivers(self, family: Family, draft: Draft, by: User) -> Caregiver | None:
        rng = self.rng
        # Whether the parents need an interpreter or a cultuurbemiddelaar is one answer for the household.
        interpreter = "nl" not in draft.languages and "en" not in draft.languages and rng.random() < 0.85
        bridge = draft.facts.background in CULTURE_BRIDGE_BACKGROUNDS and rng.random() < 0.4
        mother = None
        for person in draft.people:
            caregiver = family_services.caregiver_add(
                family=family,
                by=by,
                data=family_services.CaregiverData(
                    given_name=person.given,
                    family_name=person.surname,
                    role=person.role,
                    date_of_birth=self.today - timedelta(days=person.years * 365 + rng.randint(10, 355)),
                    phone=self.phones() if rng.random() < 0.85 else "",
                    email=f"{slugify(person.given)}.{family.pk}@{DEMO_DOMAIN}" if rng.random() < 0.4 else "",
                    languages=draft.languages,
                    needs_interpreter=interpreter,
                    needs_cultuurbemiddelaar=bridge,
                ),
            )
            if person.role == CaregiverRole.MOEDER and mother is None:
                mother = caregiver
        return mother

    def children(self, family: Family, draft: Draft, mother: Caregiver | None, by: User) -> None:
        rng, today = self.rng, self.today
        youngest_born = today - timedelta(days=draft.births.age_days) if draft.births is not None else today
        if draft.older_child_days is not None:
            # First: a child recorded while a pregnancy is ongoing would be recorded as its birth.
            family_services.child_add(
                family=family,
                by=by,
                given_name=rng.choice(CHILD_NAMES),
                birth_date=youngest_born - timedelta(days=draft.older_child_days),
                weeks_at_birth=rng.randint(38, 41),
            )
        expecting, births = draft.expecting, draft.births
        if expecting is not None:
            children = 2 if expecting.twins else 1
            if expecting.told_weeks_ago is not None:
                family_services.pregnancy_record(
                    family=family,
                    by=by,
                    weeks_at_registration=expecting.weeks - expecting.told_weeks_ago,
                    registered_on=today - timedelta(weeks=expecting.told_weeks_ago),
                    mother=mother,
                    expected_children=children,
                )
            else:
                due = today + timedelta(days=(40 - expecting.weeks) * 7 - rng.randint(0, 6))
                family_services.pregnancy_record(
                    family=family, by=by, expected_due_date=due, mother=mother, expected_children=children
                )
        if births is None:
            return
        pregnancy: Pregnancy | None = None
        if births.age_days <= 28 and mother is not None:  # the midwife recorded the pregnancy before the birth
            pregnancy = family_services.pregnancy_record(
                family=family,
                by=by,
                expected_due_date=youngest_born + timedelta(weeks=40 - births.weeks),
                mother=mother,
                expected_children=len(births.names),
            )
        for number, name in enumerate(births.names):
            family_services.child_add(
                family=family,
                by=by,
                given_name=name,
                birth_date=youngest_born,
                weeks_at_birth=births.weeks,
                birth_weight_grams=births.weight - 350 * number,
                pregnancy=pregnancy,
            )

    def network(self, family: Family, draft: Draft, by: User) -> None:
        rng = self.rng
        if rng.random() >= 0.3:
            return
        background = BACKGROUNDS[draft.facts.background]
        # Names not used in the family already, and each once.
        taken = {person.given for person in draft.people}
        pool = dict.fromkeys([*background.women, "Anna", "Maria", "Nina", "Sara"])
        women = rng.sample([w for w in pool if w not in taken], 4)
        men = [m for m in background.men if m not in taken] or ["Sam"]
        options = (
            (women[0], "oma", "Past op en kookt af en toe.", "Eén dag per week oppassen."),
            (women[1], "zus", "Gaat mee naar afspraken.", ""),
            (women[2], "buurvrouw", "Doet een boodschap als het nodig is.", ""),
            (rng.choice(men), "broer", "Helpt met vervoer en klussen in huis.", ""),
            (
                women[3],
                "sleutelpersoon uit de gemeenschap",
                "Legt uit hoe de zorg hier werkt en gaat mee naar afspraken.",
                "Belt één keer per week.",
            ),
            (
                "Anneke",
                "vrijwilliger Home-Start",
                "Komt elke week langs voor koffie en een luisterend oor.",
                "Elke dinsdagochtend.",
            ),
        )
        for name, relation, helps_with, agreement in rng.sample(options, rng.randint(1, 2)):
            family_services.network_member_add(
                family=family,
                by=by,
                name=name,
                relation=relation,
                helps_with=helps_with,
                agreement=agreement,
                contact=self.phones() if rng.random() < 0.7 else "",
            )

    def conversation_on(self, draft: Draft) -> date:
        """A date within the current phase, at most five weeks back."""
        days = 35
        if draft.expecting is not None:
            days = min(days, max(0, (draft.expecting.weeks - 6) * 7))
        elif draft.births is not None:
            age = draft.births.age_days
            days = min(days, age if draft.facts.phase == PhaseKind.KRAAMTIJD else max(0, age - KRAAMTIJD_DAYS))
        return self.today - timedelta(days=self.rng.randint(0, days))

    def regiehouder(self, family: Family, plan: Plan, by: User) -> User | None:
        """The demo regiehouder where planned; else the best proposal of the pool that has room."""
        staff = self.staff
        if plan.demo_regiehouder:
            return staff.regiehouder
        for proposal in regie_propose(family=family, by=by, limit=len(staff.pool) + 1):
            user_id = proposal.profile.user_id
            if user_id != staff.regiehouder.pk and not proposal.full and user_id in self.by_pk:
                return self.by_pk[user_id]
        return None

    def meldcode(self, track: MeldcodeTrack, by: User, conversation_on: date) -> None:
        steps = (
            ("Signalen vastgelegd: spanningen thuis, harde ruzies waar de kinderen bij zijn.", ""),
            (
                "Advies gevraagd; afgesproken eerst met de ouders in gesprek te gaan.",
                self.rng.choice(("Aandachtsfunctionaris van de eigen organisatie", "Veilig Thuis (advies)")),
            ),
            ("Gesprek met de ouders: zorgen benoemd; de ouders staan open voor hulp.", ""),
        )
        for number, (notes, consulted) in enumerate(steps[: self.rng.randint(1, 3)], start=1):
            meldcode_step_record(
                track=track,
                by=by,
                step=number,
                done_on=min(self.today, conversation_on + timedelta(days=2 * (number - 1))),
                notes=notes,
                consulted=consulted,
            )

    def complete_some(self, family: Family, conversation_on: date) -> None:
        """Of conversations longer ago, some tasks are done already (by whom they are assigned to)."""
        if (self.today - conversation_on).days < 10:
            return
        notes = ("Besproken met de ouders.", "Afgesproken en ingepland.", "Gedaan tijdens het huisbezoek.")
        for task in family.tasks.open().exclude(completes_on=CompletesOn.REGIE_ASSIGNED).order_by("pk"):
            if self.rng.random() < 0.4 and task.assigned_to_id in self.by_pk:
                task_complete(task=task, by=self.by_pk[task.assigned_to_id], note=self.rng.choice(notes))

    def family(self, plan: Plan, loaded: Loaded) -> Family:
        draft = self.draft(plan)
        opener, discipline, joining, signaleerder = self.team(plan)
        family = family_services.family_open(
            by=opener,
            name=draft.name,
            discipline=discipline,
            address=self.places.address(plan.stadsdeel),
            support_as_long_as_needed=draft.as_long_as_needed,
            is_demo=True,
        )
        mother = self.caregivers(family, draft, opener)
        self.children(family, draft, mother, opener)
        for user, member_discipline in joining:
            family_services.care_team_add(family=family, user=user, discipline=member_discipline, by=opener)
        self.network(family, draft, opener)
        observations = self.observations(draft.facts, plan.proposal)
        conversation_on = self.conversation_on(draft)
        overridden = plan.level != plan.proposal
        recorded = assessment_record(
            family=family,
            by=signaleerder,
            conversation_on=conversation_on,
            observations=observations,
            strengths_note=_strengths_note(observations),
            unsafety=Unsafety.STRUCTURAL if plan.meldcode else Unsafety.NONE,
            chosen_amsterdam=plan.level if overridden else "",
            override_reason=OVERRIDE_REASONS[(plan.proposal, plan.level)] if overridden else "",
        )
        if recorded.meldcode is not None:
            self.meldcode(recorded.meldcode, signaleerder, conversation_on)
        if plan.regie:
            chosen = self.regiehouder(family, plan, signaleerder)
            if chosen is not None:
                regie_assign(family=family, regiehouder=chosen, by=signaleerder)
        self.complete_some(family, conversation_on)
        if (self.today - conversation_on).days >= 10:
            loaded.overdue_candidates.append((family, conversation_on))
        return family


# --- demo realism after loading -----------------------------------------------------------------------


def _make_some_overdue(rng: random.Random, loaded: Loaded, staff: Staff, today: date, meriam: Family) -> None:
    """Demo realism: the services plan every due date from today, so nothing would be late. A few open
    tasks of conversations longer ago get a due date in the past, written directly on the Task rows (not an
    action of anyone, so not audited), so the worklists show "te laat"."""
    late: dict[int, tuple[Task, date]] = {}
    home_visit = meriam.tasks.open().filter(step_code="prenataal-huisbezoek").first()
    if home_visit is not None:  # the demo professional's visit to Meriam and Micha is two days late
        late[home_visit.pk] = (home_visit, today - timedelta(days=2))
    demo_accounts = (staff.professional.pk, staff.regiehouder.pk)
    for family, conversation_on in loaded.overdue_candidates:
        tasks = list(family.tasks.open().order_by("pk"))
        mine = [t for t in tasks if t.assigned_to_id in demo_accounts]
        if tasks and rng.random() < (0.5 if mine else 0.15):
            task = rng.choice(mine or tasks)
            days_back = rng.randint(1, max(1, min(10, (today - conversation_on).days - 1)))
            late[task.pk] = (task, today - timedelta(days=days_back))
    # Both demo accounts see at least one late task of their own where they have an older one.
    for user_id in demo_accounts:
        if not any(task.assigned_to_id == user_id for task, _due in late.values()):
            older = [
                (t, on)
                for family, on in loaded.overdue_candidates
                for t in family.tasks.open().filter(assigned_to_id=user_id).order_by("pk")
            ]
            if older:
                task, conversation_on = rng.choice(older)
                late[task.pk] = (task, max(conversation_on + timedelta(days=1), today - timedelta(days=3)))
    for task, due_on in late.values():
        task.due_on = due_on
        task.save(update_fields=["due_on"])


def _report(staff: Staff, generated: int, today: date) -> DossierDemoReport:
    families = list(
        Family.objects.filter(is_demo=True).select_related("stadsdeel").prefetch_related("pregnancies", "children")
    )
    latest: dict[int, Assessment] = {}
    for assessment in Assessment.objects.filter(family__in=families).order_by("family_id", "-made_at", "-pk"):
        latest.setdefault(assessment.family_id, assessment)
    tasks = Task.objects.filter(family__in=families, status=TaskStatus.OPEN)
    return DossierDemoReport(
        families=len(families),
        generated=generated,
        caregivers=Caregiver.objects.filter(family__in=families).count(),
        children=sum(len(f.children.all()) for f in families),
        assessments=Assessment.objects.filter(family__in=families).count(),
        open_tasks=tasks.count(),
        overdue_tasks=tasks.filter(due_on__lt=today).count(),
        regie_assignments=RegieAssignment.objects.filter(family__in=families, ended_at__isnull=True).count(),
        meldcode_tracks=MeldcodeTrack.objects.filter(family__in=families).count(),
        professionals=staff.created,
        regiehouders=RegiehouderProfile.objects.filter(user__is_demo=True).count(),
        by_level=dict(Counter(a.amsterdam_level for a in latest.values())),
        by_phase=dict(Counter(str(family_phase(f, today=today).phase.kind) for f in families)),
        by_stadsdeel=dict(Counter(f.stadsdeel.naam if f.stadsdeel else "-" for f in families)),
    )


def _referrals(rng: random.Random, staff: Staff, meriam: Family) -> int:
    """Referrals in every state of the loop for generated families that need support (see referral_demo)."""
    generated = list(
        Family.objects.filter(is_demo=True).exclude(name__in=BRIEF_NAMES).select_related("stadsdeel", "opened_by")
    )
    levels = latest_levels(families=generated)
    chosen = [f for f in generated if levels.get(f.pk) in (STEUNTJE, EXTRA) and f.stadsdeel is not None][:40]
    worker = User.objects.filter(email=f"buurtteam@{DEMO_DOMAIN}").first()
    return referrals_demo_load(
        rng=rng,
        meriam=meriam,
        professional=staff.professional,
        buurtteam_worker=_acting(worker) if worker else None,
        loop=GeneratedLoop(
            families=[(f, _acting(f.opened_by), f.stadsdeel.code) for f in chosen if f.stadsdeel],
            buurtteam=staff.buurtteam,
        ),
    )


@transaction.atomic
def dossier_demo_load(*, generated: int = 200, seed: int = 20261123) -> DossierDemoReport:
    """Load the demo families (idempotent: nothing happens when demo families exist already). Needs the
    demo accounts of `kansrijk demo`; raises DemoAccountsMissingError otherwise. All or nothing."""
    if Family.objects.filter(is_demo=True).exists():
        return DossierDemoReport(skipped=True)
    rng = random.Random(seed)  # noqa: S311  (reproducible demo data, not a secret)
    today = clock.local_date()
    stadsdelen = {s.code: s for s in Stadsdeel.objects.all()}
    staff = _staff(stadsdelen)
    places, phones = Places(rng), Phones()
    loaded = Loaded()
    meriam = _meriam_en_micha(staff, places, phones, today)
    # Her conversation was two weeks ago: some of the tasks since may be late by now.
    loaded.overdue_candidates.append((meriam, meriam.assessments.get().conversation_on))
    _tiny_en_leo(staff, places, phones, today)
    _linda_en_davie(staff, places, phones, today)
    generator = Generator(rng=rng, staff=staff, places=places, phones=phones, today=today)
    for plan in _plans(rng, generated):
        generator.family(plan, loaded)
    _make_some_overdue(rng, loaded, staff, today, meriam)
    referrals = _referrals(rng, staff, meriam)
    # The daily regie job would flag the Extra steun families without a regiehouder tomorrow; flag them now
    # so the demo is consistent from the start.
    regie_gaps_flag()
    return replace(_report(staff, generated, today), referrals=referrals)
