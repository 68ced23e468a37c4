"""Reading and checking a pathway definition (the JSON form of `data/zo_werken_wij.json`).

Used by the data migration that loads version 1, by `kansrijk pathways load FILE`, and by the programme
team's editor, so every version passes the same checks.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kansrijk.families.levels import AmsterdamLevel
from kansrijk.families.models import Discipline
from kansrijk.families.phase import PhaseKind

DATA = Path(__file__).resolve().parent / "data" / "zo_werken_wij.json"
SIGNALEERDER = "signaleerder"
REGIEHOUDER = "regiehouder"
ROLES = (SIGNALEERDER, REGIEHOUDER, *Discipline.values)
COMPLETES_ON = ("", "regie_assigned")
PHASES = tuple(kind for kind in PhaseKind.values if kind != PhaseKind.AFTER_WINDOW)
MAX_DUE_WORKING_DAYS = 130  # half a year


@dataclass(frozen=True)
class StepData:
    code: str
    phases: tuple[str, ...]
    levels: tuple[str, ...]
    title_nl: str
    title_en: str
    role: str
    due_working_days: int
    description_nl: str = ""
    completes_on: str = ""
    repeats: bool = False  # proposed again after each conversation, also when done before


def check_steps(steps: Sequence[StepData]) -> list[str]:
    """Every problem of a list of steps, in words (an empty list: the steps are fine)."""
    problems: list[str] = []
    seen: set[str] = set()
    if not steps:
        problems.append(_("Een route heeft ten minste één stap."))
    for number, step in enumerate(steps, start=1):
        where = _("Stap %(n)d (%(code)s)") % {"n": number, "code": step.code or "?"}
        if not step.code or slugify(step.code) != step.code:
            problems.append(
                _("%(where)s: de code mag alleen kleine letters, cijfers en streepjes bevatten.") % {"where": where}
            )
        if step.code in seen:
            problems.append(_("%(where)s: deze code komt twee keer voor.") % {"where": where})
        seen.add(step.code)
        if not step.phases or set(step.phases) - set(PHASES):
            problems.append(
                _("%(where)s: kies een of meer fases uit %(list)s.") % {"where": where, "list": ", ".join(PHASES)}
            )
        if not step.levels or set(step.levels) - set(AmsterdamLevel.values):
            problems.append(
                _("%(where)s: kies een of meer zorgniveaus uit %(list)s.")
                % {"where": where, "list": ", ".join(AmsterdamLevel.values)}
            )
        if not step.title_nl.strip() or not step.title_en.strip():
            problems.append(_("%(where)s: geef de taak een naam in het Nederlands en het Engels.") % {"where": where})
        if step.role not in ROLES:
            problems.append(_("%(where)s: onbekende rol '%(role)s'.") % {"where": where, "role": step.role})
        if not 0 <= step.due_working_days <= MAX_DUE_WORKING_DAYS:
            problems.append(
                _("%(where)s: de termijn is 0 tot en met %(max)d werkdagen.")
                % {"where": where, "max": MAX_DUE_WORKING_DAYS}
            )
        if step.completes_on not in COMPLETES_ON:
            problems.append(_("%(where)s: onbekende manier van afronden.") % {"where": where})
    return problems


def step_from_mapping(item: Mapping[str, Any]) -> StepData:
    """One step from its JSON form, or from the editor's cleaned form data (the same keys)."""
    return StepData(
        code=str(item["code"]),
        phases=tuple(item["phases"]),
        levels=tuple(item["levels"]),
        title_nl=str(item["title_nl"]),
        title_en=str(item["title_en"]),
        role=str(item["role"]),
        due_working_days=int(item["due_working_days"]),
        description_nl=str(item.get("description_nl", "")),
        completes_on=str(item.get("completes_on", "")),
        repeats=bool(item.get("repeats", False)),
    )


def steps_from_json(raw: Mapping[str, Any]) -> list[StepData]:
    items = raw.get("steps")
    if not isinstance(items, list):
        raise ValidationError(_("Het bestand heeft geen lijst 'steps'."))
    try:
        steps = [step_from_mapping(item) for item in items]
    except (KeyError, TypeError, ValueError) as error:
        raise ValidationError(
            _("Een stap mist een veld of heeft een verkeerde waarde: %(error)s") % {"error": error}
        ) from error
    problems = check_steps(steps)
    if problems:
        raise ValidationError(problems)
    return steps


def packaged_definition() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return data


def create_version(
    version_model: Any,
    step_model: Any,
    *,
    number: int,
    name: str,
    steps: Sequence[StepData],
    note: str,
    at: Any,
    by: Any,
) -> Any:
    """Write a version and its steps (model classes passed in, so a data migration can use its own)."""
    version = version_model.objects.create(number=number, name=name, note=note, published_at=at, published_by=by)
    # A migration before `repeats` existed writes the steps without it (the next migration fills it in).
    has_repeats = any(field.name == "repeats" for field in step_model._meta.get_fields())
    step_model.objects.bulk_create(
        step_model(
            version=version,
            code=step.code,
            position=position,
            phases=list(step.phases),
            levels=list(step.levels),
            title_nl=step.title_nl,
            title_en=step.title_en,
            description_nl=step.description_nl,
            role=step.role,
            due_working_days=step.due_working_days,
            completes_on=step.completes_on,
            **({"repeats": step.repeats} if has_repeats else {}),
        )
        for position, step in enumerate(steps)
    )
    return version
