"""The demo families as data: the files under dossier/data/demo/ and their checked specs.

staff.yaml      the demo professionals, their organisations and the regiehouder pool
families.yaml   the three families of the domain brief (caregivers, children, team, conversation, regie)
generator.yaml  the vocabulary and proportions of the generated families (names, streets, notes, weights)
referrals.yaml  the demo referrals' service and questions

Every entry becomes the input type its service takes (families.services.CaregiverData,
signalling.services.ObservationInput) or a spec below, checked as it is read: a mistake stops the load
with a message naming the file and the entry (core.demo_data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from kansrijk.accounts.models import OrganisationKind
from kansrijk.core.demo_data import DemoDataError, build, build_all, read, section
from kansrijk.families.levels import AmsterdamLevel
from kansrijk.families.models import Discipline
from kansrijk.families.phase import PhaseKind
from kansrijk.families.services import CaregiverData
from kansrijk.signalling.catalogue import catalogue
from kansrijk.signalling.models import Source
from kansrijk.signalling.services import ObservationInput

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "demo"
STAFF_FILE = DATA_DIR / "staff.yaml"
FAMILIES_FILE = DATA_DIR / "families.yaml"
GENERATOR_FILE = DATA_DIR / "generator.yaml"
REFERRALS_FILE = DATA_DIR / "referrals.yaml"
DEMO_SUFFIX = " (demo)"


# --- staff.yaml ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrgSpec:
    name: str
    kind: OrganisationKind
    stadsdelen: tuple[str, ...] = ()
    whole_city: bool = False


@dataclass(frozen=True)
class LocalOrganisations:
    verloskundigen: str
    ouder_en_kindteam: str
    buurtteam: str


@dataclass(frozen=True)
class LocalStaff:
    verloskundige: str
    jeugdverpleegkundige: str
    buurtteammedewerker: str


@dataclass(frozen=True)
class Kraamzorg:
    organisation: str
    kraamverzorgenden: tuple[str, ...]


@dataclass(frozen=True)
class RegieSpec:
    discipline: Discipline
    capacity: int
    languages: tuple[str, ...]
    stadsdelen: tuple[str, ...] = ()
    whole_city: bool = False
    full_name: str = ""
    email_name: str = ""
    job_title: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class StaffData:
    local_organisations: dict[str, LocalOrganisations]
    local_staff: dict[str, LocalStaff]
    kraamzorg: Kraamzorg
    extra_organisations: tuple[OrgSpec, ...]
    demo_regiehouder_profile: RegieSpec
    regiehouders: tuple[RegieSpec, ...]


@cache
def staff_data() -> StaffData:
    where = STAFF_FILE.name
    data = StaffData(
        local_organisations=build_dict(LocalOrganisations, STAFF_FILE, "local_organisations"),
        local_staff=build_dict(LocalStaff, STAFF_FILE, "local_staff"),
        kraamzorg=build(Kraamzorg, section(STAFF_FILE, "kraamzorg"), where=f"{where}: kraamzorg"),
        extra_organisations=tuple(
            build_all(OrgSpec, section(STAFF_FILE, "extra_organisations"), where=f"{where}: extra_organisations")
        ),
        demo_regiehouder_profile=build(
            RegieSpec, section(STAFF_FILE, "demo_regiehouder_profile"), where=f"{where}: demo_regiehouder_profile"
        ),
        regiehouders=tuple(
            build_all(RegieSpec, section(STAFF_FILE, "regiehouders"), where=f"{where}: regiehouders", label="full_name")
        ),
    )
    if set(data.local_organisations) != set(data.local_staff):
        raise DemoDataError(f"{where}: local_organisations and local_staff must name the same stadsdelen.")
    for index, regie in enumerate(data.regiehouders):
        if not (regie.full_name and regie.email_name and regie.job_title and regie.organisation):
            raise DemoDataError(
                f"{where}: regiehouders[{index}]: full_name, email_name, job_title and organisation are required."
            )
    return data


def build_dict(cls: type[Any], path: Path, key: str) -> dict[str, Any]:
    raw = section(path, key)
    if not isinstance(raw, dict):
        raise DemoDataError(f"{path.name}: {key}: expected a mapping by stadsdeel code.")
    return {code: build(cls, entry, where=f"{path.name}: {key}.{code}") for code, entry in raw.items()}


# --- families.yaml ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddressSpec:
    stadsdeel: str
    pc4: str
    street: str


@dataclass(frozen=True)
class ChildSpec:
    given_name: str
    birth_date: date
    weeks_at_birth: int | None = None
    birth_weight_grams: int | None = None
    of_the_pregnancy: bool = False  # born of the family's recorded pregnancy (else an older child)


@dataclass(frozen=True)
class PregnancySpec:
    expected_due_date: date
    mother: str  # given name of one of the family's caregivers


@dataclass(frozen=True)
class TeamSpec:
    who: str  # see `people` in families.yaml
    discipline: Discipline
    left: bool = False  # was in the team and left again


@dataclass(frozen=True)
class NetworkSpec:
    name: str
    relation: str
    helps_with: str = ""
    agreement: str = ""


@dataclass(frozen=True)
class AssessmentSpec:
    conversation_on: date
    observations: tuple[ObservationInput, ...]
    strengths_note: str
    by: str | None = None


@dataclass(frozen=True)
class LateTask:
    step_code: str
    days_late: int


@dataclass(frozen=True)
class BriefFamily:
    name: str
    about: str
    opened_by: str
    discipline: Discipline
    address: AddressSpec
    caregivers: tuple[CaregiverData, ...]
    assessment: AssessmentSpec
    children: tuple[ChildSpec, ...] = ()
    pregnancy: PregnancySpec | None = None
    care_team: tuple[TeamSpec, ...] = ()
    network: tuple[NetworkSpec, ...] = ()
    network_by: str | None = None
    regiehouder: str | None = None
    late_task: LateTask | None = None  # demo realism: this open task is late already
    may_run_late: bool = False  # some of the tasks since its conversation may be late (like generated ones)


PEOPLE = ("professional", "regiehouder", "verloskundige:", "jgz:", "buurtteam:", "kraamzorg:")


def brief_families(today: date) -> list[BriefFamily]:
    """The families of families.yaml with their dates relative to `today`, checked."""
    where = FAMILIES_FILE.name
    families = build_all(
        BriefFamily, section(FAMILIES_FILE, "families"), where=f"{where}: families", today=today, label="name"
    )
    known = {f.code for f in (*catalogue().risk, *catalogue().protective)}
    for index, family in enumerate(families):
        here = f"{where}: families[{index}] ({family.name})"
        if not family.name.endswith(DEMO_SUFFIX):
            raise DemoDataError(f"{here}.name: a demo family's name ends in {DEMO_SUFFIX!r}.")
        people = [family.opened_by, *(t.who for t in family.care_team), family.network_by, family.assessment.by]
        for who in (p for p in [*people, family.regiehouder] if p is not None):
            if not who.startswith(PEOPLE) or (who.endswith(":")):
                raise DemoDataError(f"{here}: unknown person {who!r} (see the head of {where}).")
        given = [c.given_name for c in family.caregivers]
        if family.pregnancy is not None and family.pregnancy.mother not in given:
            raise DemoDataError(f"{here}.pregnancy.mother: {family.pregnancy.mother!r} is not one of {given}.")
        for number, observation in enumerate(family.assessment.observations):
            if observation.factor not in known:
                raise DemoDataError(f"{here}.assessment.observations[{number}].factor: unknown {observation.factor!r}.")
            if observation.source not in Source.values:
                raise DemoDataError(
                    f"{here}.assessment.observations[{number}].source: {observation.source!r} is not one of "
                    f"{', '.join(Source.values)}."
                )
    return families


def brief_names() -> tuple[str, ...]:
    return tuple(str(entry["name"]) for entry in section(FAMILIES_FILE, "families"))


# --- generator.yaml -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Background:
    code: str
    languages: tuple[tuple[str, ...], ...]
    women: tuple[str, ...]
    men: tuple[str, ...]
    surnames: tuple[str, ...]


@dataclass(frozen=True)
class OverrideReason:
    proposed: AmsterdamLevel
    chosen: AmsterdamLevel
    reason: str


@dataclass(frozen=True)
class Vocabulary:
    """What the seeded generator draws from. Lists keep their order: the generator draws by position."""

    seed: int
    stadsdeel_weights: dict[str, float]
    phase_weights: dict[PhaseKind, float]
    level_weights: dict[AmsterdamLevel, float]
    regie_share: float
    override_share: float
    demo_professional_families: int
    demo_regiehouder_families: int
    backgrounds: tuple[Background, ...]
    background_weights: dict[str, float]
    background_weights_by_stadsdeel: dict[str, dict[str, float]]
    refugee_backgrounds: tuple[str, ...]
    undocumented_backgrounds: tuple[str, ...]
    culture_bridge_backgrounds: tuple[str, ...]
    child_names: tuple[str, ...]
    streets: dict[str, tuple[str, ...]]
    postcode_letters: str
    risk_notes: dict[str, tuple[str, ...]]
    strength_notes: dict[str, str]
    gap_notes: dict[str, str]
    risk_notes_couple: dict[str, tuple[str, ...]]
    risk_notes_pregnancy: dict[str, tuple[str, ...]]
    risk_notes_not_dutch: dict[str, tuple[str, ...]]
    trusted_professional: dict[PhaseKind, str]
    general_risks: tuple[str, ...]
    general_protective: tuple[str, ...]
    sources: tuple[Source, ...]
    strength_sources: tuple[Source, ...]
    override_reasons: tuple[OverrideReason, ...]

    @property
    def background(self) -> dict[str, Background]:
        return {b.code: b for b in self.backgrounds}

    @property
    def override_reason(self) -> dict[tuple[str, str], str]:
        return {(r.proposed.value, r.chosen.value): r.reason for r in self.override_reasons}


@cache
def vocabulary() -> Vocabulary:
    """generator.yaml, checked: the keys of the file, and every code in it known."""
    where = GENERATOR_FILE.name
    document = dict(read(GENERATOR_FILE))
    document.pop("version", None)
    vocab = build(Vocabulary, document, where=where)
    risk = {f.code for f in catalogue().risk}
    protective = {f.code for f in catalogue().protective}
    backgrounds = set(vocab.background)
    checks: list[tuple[str, set[str], set[str]]] = [
        ("risk_notes", set(vocab.risk_notes), risk),
        ("risk_notes_couple", set(vocab.risk_notes_couple), risk),
        ("risk_notes_pregnancy", set(vocab.risk_notes_pregnancy), risk),
        ("risk_notes_not_dutch", set(vocab.risk_notes_not_dutch), risk),
        ("general_risks", set(vocab.general_risks), risk),
        ("strength_notes", set(vocab.strength_notes), protective),
        ("gap_notes", set(vocab.gap_notes), protective),
        ("general_protective", set(vocab.general_protective), protective),
        ("background_weights", set(vocab.background_weights), backgrounds),
        ("refugee_backgrounds", set(vocab.refugee_backgrounds), backgrounds),
        ("undocumented_backgrounds", set(vocab.undocumented_backgrounds), backgrounds),
        ("culture_bridge_backgrounds", set(vocab.culture_bridge_backgrounds), backgrounds),
        ("streets", set(vocab.streets), set(vocab.stadsdeel_weights)),
    ]
    for code, weights in vocab.background_weights_by_stadsdeel.items():
        checks.append((f"background_weights_by_stadsdeel.{code}", set(weights), backgrounds))
    for key, found, allowed in checks:
        unknown = sorted(found - allowed)
        if unknown:
            raise DemoDataError(f"{where}: {key}: unknown code(s) {', '.join(unknown)}.")
    if set(vocab.strength_notes) != set(vocab.gap_notes):
        raise DemoDataError(f"{where}: strength_notes and gap_notes must name the same protective factors.")
    return vocab


# --- referrals.yaml -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BriefReferral:
    family: str  # the name of one of the families of families.yaml
    by: str  # who refers (see families.yaml)
    organisation: str  # the buurtteam whose money service it goes to
    reason: str


@dataclass(frozen=True)
class ReferralData:
    money_service: str
    brief_referral: BriefReferral
    questions: tuple[str, ...]


@cache
def referral_data() -> ReferralData:
    document = dict(read(REFERRALS_FILE))
    document.pop("version", None)
    return build(ReferralData, document, where=REFERRALS_FILE.name)
