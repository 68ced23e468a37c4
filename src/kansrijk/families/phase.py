"""Where a family is in the first 1,000 days, computed from dates only (no stored phase to go stale).

Day 1 of the 1,000 days is conception, about two weeks after the first day of the last period: a
pregnancy lasts 280 days counted from that period, so conception lies 266 days before the due date
(or, after birth, 7 x weeks-at-birth - 14 days before the birth). Day 1,000 falls about at the second
birthday. The phases (seed 001): before pregnancy, pregnancy and birth, after birth; the kraamtijd
(first days after birth) is shown on its own because care changes hands then.

Pure functions of plain values: tested with leap days, premature birth, twins, no due date and a
pregnancy after a previous child.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

PREGNANCY_DAYS = 280  # from the first day of the last period to the due date
CONCEPTION_OFFSET_DAYS = 14  # conception is about two weeks after that first day
TERM_WEEKS = 40
PREMATURE_BEFORE_WEEKS = 37
KRAAMTIJD_DAYS = 10  # the kraamperiode: the first 8 to 10 days after birth
WINDOW_DAYS = 1000
# A pregnancy still open this long after its start most likely ended without being recorded.
UNRECORDED_BIRTH_AFTER_DAYS = 44 * 7


class PhaseKind(models.TextChoices):
    BEFORE_PREGNANCY = "voor_zwangerschap", gettext_lazy("Voor de zwangerschap")
    PREGNANCY = "zwangerschap", gettext_lazy("Zwangerschap")
    KRAAMTIJD = "kraamtijd", gettext_lazy("Kraamtijd")
    AFTER_BIRTH = "na_geboorte", gettext_lazy("Na de geboorte")
    AFTER_WINDOW = "na_1000_dagen", gettext_lazy("Na de eerste 1.000 dagen")


# The three phases of the programme (and of the Kaart's fase taxonomy), by phase kind.
PROGRAMME_PHASE: dict[str, str] = {
    PhaseKind.BEFORE_PREGNANCY: "voor-de-zwangerschap",
    PhaseKind.PREGNANCY: "zwangerschap-en-bevalling",
    PhaseKind.KRAAMTIJD: "na-de-geboorte",
    PhaseKind.AFTER_BIRTH: "na-de-geboorte",
    PhaseKind.AFTER_WINDOW: "na-de-geboorte",
}


@dataclass(frozen=True)
class PregnancyFacts:
    due_date: date | None = None
    weeks_at_registration: int | None = None
    registered_on: date | None = None
    ongoing: bool = True
    expected_children: int = 1


@dataclass(frozen=True)
class ChildFacts:
    name: str
    birth_date: date
    weeks_at_birth: int | None = None

    @property
    def premature(self) -> bool:
        return self.weeks_at_birth is not None and self.weeks_at_birth < PREMATURE_BEFORE_WEEKS


@dataclass(frozen=True)
class Age:
    months: int
    days: int  # days past the last full month
    total_days: int

    def label(self) -> str:
        if self.total_days < 0:
            weeks = -self.total_days // 7
            return ngettext(
                "nog %(n)d week tot de uitgerekende datum", "nog %(n)d weken tot de uitgerekende datum", weeks
            ) % {"n": weeks}
        if self.months == 0:
            weeks = self.total_days // 7
            if weeks == 0:
                return ngettext("%(n)d dag", "%(n)d dagen", self.total_days) % {"n": self.total_days}
            return ngettext("%(n)d week", "%(n)d weken", weeks) % {"n": weeks}
        if self.months < 24:
            return ngettext("%(n)d maand", "%(n)d maanden", self.months) % {"n": self.months}
        years, months = divmod(self.months, 12)
        text = ngettext("%(n)d jaar", "%(n)d jaar", years) % {"n": years}
        if months:
            text += " " + ngettext("en %(n)d maand", "en %(n)d maanden", months) % {"n": months}
        return text


@dataclass(frozen=True)
class ChildAge:
    child: ChildFacts
    age: Age
    corrected: Age | None  # for a child born before 37 weeks: the age counted from the due date


@dataclass(frozen=True)
class Phase:
    kind: PhaseKind
    gestation_days: int | None = None  # in pregnancy: days since the first day of the last period
    birth_unrecorded: bool = False  # the pregnancy has run so long that the birth was probably not recorded
    expected_children: int = 1
    children: tuple[ChildAge, ...] = ()  # the children within the window (youngest first)
    twins: bool = False  # the youngest children were born together
    as_long_as_needed: bool = False
    day: int | None = None  # day of the 1,000 of the current window
    conception: date | None = None

    @property
    def programme_phase(self) -> str:
        return PROGRAMME_PHASE[self.kind]

    @property
    def gestation_weeks(self) -> tuple[int, int] | None:
        return divmod(self.gestation_days, 7) if self.gestation_days is not None else None

    def label(self) -> str:
        """A short B1 description, e.g. "Zwanger, 23 weken en 4 dagen" or "Baby van 3 maanden"."""
        if self.kind == PhaseKind.BEFORE_PREGNANCY:
            return _("Voor de zwangerschap")
        if self.kind == PhaseKind.PREGNANCY:
            if self.gestation_weeks is None:
                text = _("Zwanger (duur nog onbekend)")
            else:
                weeks, days = self.gestation_weeks
                text = _("Zwanger, %(weeks)d weken en %(days)d dagen") % {"weeks": weeks, "days": days}
            if self.expected_children == 2:
                text += _(", tweeling verwacht")
            elif self.expected_children > 2:
                text += _(", meerling verwacht")
            return text
        youngest = self.children[0] if self.children else None
        if self.kind == PhaseKind.KRAAMTIJD and youngest is not None:
            return _("Kraamtijd, dag %(day)d") % {"day": youngest.age.total_days + 1}
        if self.kind == PhaseKind.AFTER_WINDOW:
            return _("Na de eerste 1.000 dagen")
        if youngest is None:
            return str(self.kind.label)
        who = _("Tweeling") if self.twins else _("Baby")
        text = _("%(who)s van %(age)s") % {"who": who, "age": youngest.age.label()}
        if youngest.corrected is not None:
            text += " " + _("(gecorrigeerd %(age)s)") % {"age": youngest.corrected.label()}
        if self.as_long_as_needed and youngest.age.months >= 24:
            text += " · " + _("steun zolang nodig")
        return text


def add_months(start: date, months: int) -> date:
    """`start` plus whole calendar months; the 31st (or 29 February) becomes the month's last day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def age_on(birth: date, today: date) -> Age:
    total = (today - birth).days
    if total < 0:
        return Age(months=0, days=total, total_days=total)
    months = (today.year - birth.year) * 12 + today.month - birth.month
    if add_months(birth, months) > today:
        months -= 1
    return Age(months=months, days=(today - add_months(birth, months)).days, total_days=total)


def conception_of_pregnancy(facts: PregnancyFacts) -> date | None:
    if facts.due_date is not None:
        return facts.due_date - timedelta(days=PREGNANCY_DAYS - CONCEPTION_OFFSET_DAYS)
    if facts.weeks_at_registration is not None and facts.registered_on is not None:
        return facts.registered_on - timedelta(days=facts.weeks_at_registration * 7 - CONCEPTION_OFFSET_DAYS)
    return None


def conception_of_child(child: ChildFacts) -> date:
    weeks = child.weeks_at_birth if child.weeks_at_birth is not None else PREGNANCY_DAYS // 7
    return child.birth_date - timedelta(days=weeks * 7 - CONCEPTION_OFFSET_DAYS)


def second_birthday(birth: date) -> date:
    return add_months(birth, 24)


def child_age(child: ChildFacts, today: date) -> ChildAge:
    corrected = None
    if child.premature and child.weeks_at_birth is not None:
        corrected_birth = child.birth_date + timedelta(weeks=TERM_WEEKS - child.weeks_at_birth)
        corrected = age_on(corrected_birth, today)
    return ChildAge(child=child, age=age_on(child.birth_date, today), corrected=corrected)


def _gestation_days(facts: PregnancyFacts, today: date) -> int | None:
    conception = conception_of_pregnancy(facts)
    if conception is None:
        return None
    return (today - conception).days + CONCEPTION_OFFSET_DAYS


def phase_on(
    today: date,
    *,
    pregnancies: Sequence[PregnancyFacts] = (),
    children: Sequence[ChildFacts] = (),
    as_long_as_needed: bool = False,
) -> Phase:
    """The family's phase on `today`. An ongoing pregnancy comes first (also when there is an older
    child, whose age is still listed); otherwise the youngest child decides."""
    born = sorted((c for c in children if c.birth_date <= today), key=lambda c: c.birth_date, reverse=True)
    in_window = [child_age(c, today) for c in born if as_long_as_needed or today < second_birthday(c.birth_date)]
    youngest_date = born[0].birth_date if born else None
    twins = youngest_date is not None and sum(1 for c in born if c.birth_date == youngest_date) > 1

    ongoing = [p for p in pregnancies if p.ongoing]
    if ongoing:
        current = max(ongoing, key=lambda p: conception_of_pregnancy(p) or date.min)
        gestation = _gestation_days(current, today)
        conception = conception_of_pregnancy(current)
        return Phase(
            kind=PhaseKind.PREGNANCY,
            gestation_days=gestation,
            birth_unrecorded=gestation is not None and gestation > UNRECORDED_BIRTH_AFTER_DAYS,
            expected_children=current.expected_children,
            children=tuple(in_window),
            twins=twins,
            day=(today - conception).days + 1 if conception is not None else None,
            conception=conception,
        )
    if not born:
        return Phase(kind=PhaseKind.BEFORE_PREGNANCY)
    youngest = born[0]
    age_days = (today - youngest.birth_date).days
    conception = conception_of_child(youngest)
    if age_days < KRAAMTIJD_DAYS:
        kind = PhaseKind.KRAAMTIJD
    elif today < second_birthday(youngest.birth_date) or as_long_as_needed:
        kind = PhaseKind.AFTER_BIRTH
    else:
        kind = PhaseKind.AFTER_WINDOW
    return Phase(
        kind=kind,
        children=tuple(in_window) if in_window else (child_age(youngest, today),),
        twins=twins,
        as_long_as_needed=as_long_as_needed,
        day=(today - conception).days + 1,
        conception=conception,
    )


@dataclass(frozen=True)
class Milestone:
    on: date
    label: str
    past: bool


@dataclass(frozen=True)
class Timeline:
    """The current 1,000-day window, for the family overview: where today lies, and the milestones."""

    start: date
    end: date
    today: date
    milestones: tuple[Milestone, ...] = field(default_factory=tuple)

    @property
    def percent(self) -> int:
        span = (self.end - self.start).days or 1
        return max(0, min(100, round(100 * (self.today - self.start).days / span)))


def timeline_on(
    today: date, *, pregnancies: Sequence[PregnancyFacts] = (), children: Sequence[ChildFacts] = (), phase: Phase
) -> Timeline | None:
    """The milestones of the window the family is in now (None before a pregnancy is known)."""
    if phase.conception is None:
        return None
    start = phase.conception
    marks: list[tuple[date, str]] = [(start, _("Begin zwangerschap (ongeveer)"))]
    marks.append(
        (start + timedelta(days=10 * 7 - CONCEPTION_OFFSET_DAYS), _("10 weken: in beeld bij de verloskundige"))
    )
    if phase.kind == PhaseKind.PREGNANCY:
        current = max((p for p in pregnancies if p.ongoing), key=lambda p: conception_of_pregnancy(p) or date.min)
        due = current.due_date or start + timedelta(days=PREGNANCY_DAYS - CONCEPTION_OFFSET_DAYS)
        marks.append((due, _("Uitgerekende datum")))
        birth = due
    else:
        birth = phase.children[0].child.birth_date
        marks.append((birth, _("Geboorte")))
    marks += [
        (birth + timedelta(days=KRAAMTIJD_DAYS), _("Einde kraamtijd")),
        (birth + timedelta(weeks=6), _("6 weken na de geboorte")),
        (add_months(birth, 6), _("6 maanden")),
        (add_months(birth, 12), _("1 jaar")),
        (second_birthday(birth), _("2 jaar: dag 1.000")),
    ]
    end = second_birthday(birth)
    return Timeline(
        start=start,
        end=end,
        today=today,
        milestones=tuple(Milestone(on=on, label=label, past=on <= today) for on, label in marks),
    )
