"""The generated demo families: one random generator, seeded from generator.yaml, draws every household,
its conversation and its team; the same files and the same number always give the same families.

Everything is loaded through the real services, acting as the demo professionals (staff.py), so audit
entries, triage, tasks and regie are the real thing. Names, streets and notes come from generator.yaml;
phone numbers are visibly fictional (06-00000xxx); postcodes are real Amsterdam PC4 areas with invented
letters (from the geography reference data), never anyone's address.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.text import slugify

from kansrijk.accounts.models import User
from kansrijk.dossier.demo.data import DEMO_SUFFIX, Vocabulary
from kansrijk.dossier.demo.staff import DEMO_DOMAIN, Staff
from kansrijk.families import services as family_services
from kansrijk.families.levels import AmsterdamLevel
from kansrijk.families.models import Caregiver, CaregiverRole, Discipline, Family, Pregnancy
from kansrijk.families.phase import KRAAMTIJD_DAYS, PREMATURE_BEFORE_WEEKS, PhaseKind
from kansrijk.geo.models import PostcodeArea
from kansrijk.pathways.models import CompletesOn
from kansrijk.pathways.services import task_complete
from kansrijk.regie.services import regie_assign, regie_propose
from kansrijk.signalling.models import MeldcodeTrack, Source, Unsafety
from kansrijk.signalling.services import ObservationInput, assessment_record, facts_of, meldcode_step_record
from kansrijk.signalling.triage import evaluate

BASISZORG, STEUNTJE, EXTRA = (
    AmsterdamLevel.BASISZORG.value,
    AmsterdamLevel.STEUNTJE.value,
    AmsterdamLevel.EXTRA_STEUN.value,
)


@dataclass
class Loaded:
    """What the loading notes for the finishing touches."""

    # Open tasks to shift into the past afterwards (demo realism), with the conversation date of each.
    overdue_candidates: list[tuple[Family, date]] = field(default_factory=list)


class Phones:
    """Visibly fictional phone numbers: 06-00000 and three digits, counted up."""

    def __init__(self) -> None:
        self.next = 100

    def __call__(self) -> str:
        self.next = self.next + 1 if self.next < 999 else 100
        return f"06-00000{self.next:03d}"


class Places:
    """Real Amsterdam four-digit postcodes per stadsdeel (geography reference data) with invented letters."""

    def __init__(self, rng: random.Random, vocabulary: Vocabulary) -> None:
        self.rng, self.v = rng, vocabulary
        self.pc4: dict[str, list[str]] = {}
        for area in PostcodeArea.objects.select_related("stadsdeel").order_by("pc4"):
            self.pc4.setdefault(area.stadsdeel.code, []).append(area.pc4)

    def address(self, code: str, *, pc4: str | None = None, street: str | None = None) -> family_services.Address:
        rng = self.rng
        options = self.pc4.get(code) or [p for ps in self.pc4.values() for p in ps]
        chosen = pc4 if pc4 in options else rng.choice(options)
        letters = rng.choice(self.v.postcode_letters) + rng.choice(self.v.postcode_letters)
        number = str(rng.randint(1, 320))
        if rng.random() < 0.35:
            number += f"-{rng.randint(1, 4)}"
        return family_services.Address(
            street=street or rng.choice(self.v.streets.get(code, self.v.streets["A"])),
            house_number=number,
            postcode=f"{chosen} {letters}",
        )


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


def _observations(v: Vocabulary, rng: random.Random, facts: FamilyFacts, level: str) -> list[ObservationInput]:
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
    optional = list(v.general_risks)
    if not facts.single:
        optional += ["relatieproblemen", "verslaving"]
    if facts.phase != PhaseKind.BEFORE_PREGNANCY:
        optional.append("onbedoelde_zwangerschap")
    if facts.phase in (PhaseKind.KRAAMTIJD, PhaseKind.AFTER_BIRTH) and facts.premature_weeks is None:
        optional.append("kindfactoren")
    if facts.background in v.refugee_backgrounds:
        optional.append("vluchtverleden")
    if facts.background in v.undocumented_backgrounds:
        optional.append("ongedocumenteerd")
    protective = list(v.general_protective)
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
    professional = v.trusted_professional.get(facts.phase, "verloskundige")
    observations = [
        ObservationInput(
            code, True, v.strength_notes[code].format(professional=professional), rng.choice(v.strength_sources)
        )
        for code in chosen[:strengths]
    ]
    observations += [
        ObservationInput(code, False, v.gap_notes[code], rng.choice(v.strength_sources)) for code in chosen[strengths:]
    ]
    for code in present:
        notes = v.risk_notes[code]
        if not facts.single:
            notes += v.risk_notes_couple.get(code, ())
        if facts.phase == PhaseKind.PREGNANCY:
            notes += v.risk_notes_pregnancy.get(code, ())
        if not facts.speaks_dutch:
            notes += v.risk_notes_not_dutch.get(code, ())
        note = rng.choice(notes)
        if code == "kindfactoren" and facts.premature_weeks is not None:
            note = f"Te vroeg geboren, bij {facts.premature_weeks} weken."
        observations.append(ObservationInput(code, True, note, rng.choice(v.sources)))
    observations += [ObservationInput(code, False, "", Source.PARENT) for code in absent]
    return observations


def _strengths_note(v: Vocabulary, observations: Sequence[ObservationInput]) -> str:
    """What goes well comes first (strength-first), then what the parents want."""
    protective = set(v.general_protective) | {"partnerrelatie", "veilige_hechting"}
    strong = [o.note for o in observations if o.present and o.factor in protective]
    text = " ".join(strong) if strong else "Het gesprek was open en eerlijk."
    return text + " Samen besproken wat het gezin zelf wil en nodig heeft."


def _proposes(observations: Sequence[ObservationInput], unsafety: str) -> str:
    return evaluate(facts_of(observations, unsafety)).amsterdam


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


def draw_plans(v: Vocabulary, rng: random.Random, n: int) -> list[Plan]:
    stadsdelen = _spread(rng, n, v.stadsdeel_weights)
    phases = _spread(rng, n, {kind.value: weight for kind, weight in v.phase_weights.items()})
    levels = _spread(rng, n, {level.value: weight for level, weight in v.level_weights.items()})
    plans = [Plan(s, PhaseKind(p), lv, lv) for s, p, lv in zip(stadsdelen, phases, levels, strict=True)]
    extra = [p for p in plans if p.level == EXTRA]
    for plan in extra[: max(1, n // 40)]:
        plan.meldcode = True
    for plan in plans:
        if not plan.meldcode and rng.random() < v.override_share:
            plan.proposal = STEUNTJE if plan.level != STEUNTJE else rng.choice((BASISZORG, EXTRA))
    # The demo professional (a youth health nurse in Zuidoost) joins families in her stadsdeel first.
    quota = round(v.demo_professional_families * n / 200)
    eligible = [p for p in plans if p.phase != PhaseKind.BEFORE_PREGNANCY]
    for plan in sorted(eligible, key=lambda p: p.stadsdeel != "T")[:quota]:
        plan.demo_professional = True
    # The demo regiehouder works in Nieuw-West and Zuidoost.
    quota = round(v.demo_regiehouder_families * n / 200)
    for plan in sorted((p for p in extra if not p.meldcode), key=lambda p: p.stadsdeel not in ("F", "T"))[:quota]:
        plan.demo_regiehouder = plan.regie = True
    for plan in extra:
        if not plan.demo_regiehouder:
            plan.regie = rng.random() < v.regie_share
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

    def __init__(
        self,
        *,
        vocabulary: Vocabulary,
        rng: random.Random,
        staff: Staff,
        places: Places,
        phones: Phones,
        today: date,
        taken_names: Sequence[str],
    ) -> None:
        self.v, self.rng, self.staff, self.places = vocabulary, rng, staff, places
        self.phones, self.today = phones, today
        self.used_names: set[str] = set(taken_names)
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
        weights = {**self.v.background_weights, **self.v.background_weights_by_stadsdeel.get(plan.stadsdeel, {})}
        background = self.v.background[rng.choices(list(weights), weights=list(weights.values()))[0]]
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
            births = Births(age_days, weeks, tuple(rng.sample(self.v.child_names, count)), weight)
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
            observations = _observations(self.v, self.rng, facts, proposal)
            if _proposes(observations, unsafety) == proposal:
                return observations
        raise RuntimeError(f"demo: no observations found that propose {proposal} for {facts}")

    # loading (through the services) -------------------------------------------------------------------

    def caregivers(self, family: Family, draft: Draft, by: User) -> Caregiver | None:
        rng = self.rng
        # Whether the parents need an interpreter or a cultuurbemiddelaar is one answer for the household.
        interpreter = "nl" not in draft.languages and "en" not in draft.languages and rng.random() < 0.85
        bridge = draft.facts.background in self.v.culture_bridge_backgrounds and rng.random() < 0.4
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
                given_name=rng.choice(self.v.child_names),
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
        background = self.v.background[draft.facts.background]
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
            strengths_note=_strengths_note(self.v, observations),
            unsafety=Unsafety.STRUCTURAL if plan.meldcode else Unsafety.NONE,
            chosen_amsterdam=plan.level if overridden else "",
            override_reason=self.v.override_reason[(plan.proposal, plan.level)] if overridden else "",
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
