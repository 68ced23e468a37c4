"""The phase a question is about (before, during or after pregnancy), from ages, phase words and categories."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from django.utils.translation import gettext, ngettext

from kansrijk.kaart.understanding.matching import Context
from kansrijk.kaart.understanding.vocabulary import Vocabulary

PHASE_BEFORE: Final = "voor-de-zwangerschap"
PHASE_PREGNANT: Final = "zwangerschap-en-bevalling"
PHASE_AFTER_BIRTH: Final = "na-de-geboorte"

# A category implies a phase when nothing else in the query names one.
CATEGORY_PHASES: Final = {
    "zwanger-worden-en-kinderwens": PHASE_BEFORE,
    "zwangerschap": PHASE_PREGNANT,
    "bevalling": PHASE_PREGNANT,
    "kraamtijd": PHASE_AFTER_BIRTH,
}


@dataclass(frozen=True, slots=True)
class Phase:
    """The chosen phase, where its evidence is, and the ages said."""

    code: str
    position: int
    child_age_months: int | None
    pregnancy_weeks: int | None


def resolve_phase(context: Context) -> Phase | None:
    """The strongest phase evidence wins (ages, then phase words, weak words, implied by a category)."""
    evidence: list[tuple[int, int, str]] = []
    for age in context.ages:
        if age.kind == "child":
            evidence.append((3, age.start, PHASE_AFTER_BIRTH))
        elif age.kind == "pregnancy":
            evidence.append((3, age.start, PHASE_PREGNANT))
    for match in context.of_kind("phase"):
        evidence.append((1 if match.weak else 2, match.start, match.code))
    for match in context.of_kind("category"):
        if match.code in CATEGORY_PHASES:
            evidence.append((0, match.start, CATEGORY_PHASES[match.code]))
    if not evidence:
        return None
    _, position, code = min(evidence, key=lambda item: (-item[0], item[1]))
    child = next((age.value for age in context.ages if age.kind == "child"), None)
    weeks = next((age.value for age in context.ages if age.kind == "pregnancy"), None)
    return Phase(code, position, child, weeks)


def phase_label(vocabulary: Vocabulary, phase: Phase) -> str:
    """ "Na de geboorte (baby van 3 maanden)", "Zwangerschap en bevalling (20 weken zwanger)"."""
    term = vocabulary.term("fase", phase.code)
    label = term.label_nl if term else phase.code
    detail = None
    if phase.code == PHASE_PREGNANT and phase.pregnancy_weeks is not None:
        weeks = phase.pregnancy_weeks
        detail = ngettext("%(weeks)d week zwanger", "%(weeks)d weken zwanger", weeks) % {"weeks": weeks}
    elif phase.code == PHASE_AFTER_BIRTH and phase.child_age_months is not None:
        detail = _child_age_label(phase.child_age_months)
    return f"{label} ({detail})" if detail else label


def _child_age_label(months: int) -> str:
    """ "pasgeboren baby", "baby van 3 maanden", "kind van 1 jaar", "kind van anderhalf jaar"."""
    if months == 0:
        return gettext("pasgeboren baby")
    if months < 12:
        return ngettext("baby van %(months)d maand", "baby van %(months)d maanden", months) % {"months": months}
    if months == 18:
        return gettext("kind van anderhalf jaar")
    if months % 12 and months < 36:
        return ngettext("kind van %(months)d maand", "kind van %(months)d maanden", months) % {"months": months}
    years = months // 12
    return ngettext("kind van %(years)d jaar", "kind van %(years)d jaar", years) % {"years": years}
