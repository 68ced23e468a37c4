"""Recording a conversation (assessment): the factors discussed, the proposed care level and why, the
professional's own choice, the pathway's tasks that follow, and the meldcode when there is unsafety."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.accounts.models import User
from kansrijk.core import clock
from kansrijk.core.audit import actor_for, audit_record
from kansrijk.core.models import AuditAction
from kansrijk.core.permissions import require_perm
from kansrijk.families.levels import AmsterdamLevel, NationalLevel
from kansrijk.families.models import Child, Family, Pregnancy, PregnancyOutcome
from kansrijk.families.phase import PhaseKind
from kansrijk.families.selectors import family_phase
from kansrijk.families.services import child_add, pregnancy_end
from kansrijk.pathways.services import PlanResult, aftercare_schedule, tasks_plan
from kansrijk.signalling.catalogue import catalogue
from kansrijk.signalling.models import (
    Assessment,
    MeldcodeDecision,
    MeldcodeStep,
    MeldcodeStepKind,
    MeldcodeTrack,
    Observation,
    Source,
    Unsafety,
)
from kansrijk.signalling.triage import Facts, evaluate, rule_by_id

PURPOSE = "signalering"
# How long ago a conversation may have been to be recorded now.
MAX_DAYS_BACK = 366


@dataclass(frozen=True)
class ObservationInput:
    factor: str
    present: bool
    note: str = ""
    source: str = Source.PARENT


@dataclass(frozen=True)
class Recorded:
    assessment: Assessment
    plan: PlanResult | None
    meldcode: MeldcodeTrack | None


def _check(
    observations: Sequence[ObservationInput],
    conversation_on: date,
    unsafety: str,
    chosen_amsterdam: str,
    chosen_national: str,
    override_reason: str,
    proposed: tuple[str, str],
) -> None:
    errors: dict[str, list[str]] = {}
    known = catalogue()
    codes = [o.factor for o in observations]
    unknown = [code for code in codes if known.get(code) is None]
    if unknown:
        errors.setdefault("observations", []).append(
            ngettext("Onbekende factor: %(codes)s", "Onbekende factoren: %(codes)s", len(unknown))
            % {"codes": ", ".join(unknown)}
        )
    if len(codes) != len(set(codes)):
        errors.setdefault("observations", []).append(_("Elke factor kan één keer per gesprek worden vastgelegd."))
    if any(o.source not in Source.values for o in observations):
        errors.setdefault("observations", []).append(_("Kies een bron uit de lijst."))
    today = clock.local_date()
    if conversation_on > today or (today - conversation_on).days > MAX_DAYS_BACK:
        errors["conversation_on"] = [_("De datum van het gesprek ligt in de toekomst of meer dan een jaar terug.")]
    if unsafety not in Unsafety.values:
        errors["unsafety"] = [_("Kies of er zorg is over de veiligheid.")]
    if chosen_amsterdam and chosen_amsterdam not in AmsterdamLevel.values:
        errors["chosen_amsterdam"] = [_("Kies een niveau uit de lijst.")]
    if chosen_national and chosen_national not in NationalLevel.values:
        errors["chosen_national"] = [_("Kies een niveau uit de lijst.")]
    differs = (chosen_amsterdam and chosen_amsterdam != proposed[0]) or (
        chosen_national and chosen_national != proposed[1]
    )
    if differs and not override_reason.strip():
        errors["override_reason"] = [_("Schrijf op waarom je een ander niveau kiest dan het voorstel.")]
    if errors:
        raise ValidationError(errors)


def facts_of(observations: Sequence[ObservationInput], unsafety: str) -> Facts:
    """What triage counts: risk factors that play, protective factors that are strong, and those lacking
    (factors not in the catalogue count for nothing; the services refuse them anyway)."""
    known = catalogue()
    kinds = [(f.kind, o.present) for o in observations if (f := known.get(o.factor)) is not None]
    return Facts(
        risk=kinds.count(("risk", True)),
        strengths=kinds.count(("protective", True)),
        gaps=kinds.count(("protective", False)),
        unsafety=bool(unsafety),
    )


@dataclass(frozen=True)
class Preview:
    amsterdam: str
    national: str
    reasons: tuple[str, ...]  # the matching rules in words: Amsterdam, national, protective


def triage_preview(*, observations: Sequence[ObservationInput], unsafety: str) -> Preview:
    """What the rules would propose for these observations; nothing is written (the conversation page shows
    it before the professional records)."""
    outcome = evaluate(facts_of(observations, unsafety))
    rules = (rule_by_id(rule_id) for rule_id in (outcome.rules[1], outcome.rules[2], outcome.rules[0]))
    return Preview(outcome.amsterdam, outcome.national, tuple(rule.why for rule in rules if rule is not None))


def assessment_record(
    *,
    family: Family,
    by: User,
    conversation_on: date,
    observations: Sequence[ObservationInput],
    strengths_note: str = "",
    unsafety: str = Unsafety.NONE,
    chosen_amsterdam: str = "",
    chosen_national: str = "",
    override_reason: str = "",
) -> Recorded:
    """Record what was discussed. Triage proposes the care level (with the matching rules); the
    professional may choose another level with a reason (both are kept). The pathway's tasks for the
    family's phase and the level that counts follow in the same transaction, and marking unsafety starts
    the meldcode."""
    require_perm(
        user=by,
        perm="signalling.add_assessment",
        obj=family,
        attempted="assessment.record",
        message=_("Je hoort niet bij het zorgteam van dit gezin."),
    )
    facts = facts_of(observations, unsafety)
    outcome = evaluate(facts)
    _check(
        observations,
        conversation_on,
        unsafety,
        chosen_amsterdam,
        chosen_national,
        override_reason,
        (outcome.amsterdam, outcome.national),
    )
    # A choice equal to the proposal is no choice: only a different level is kept as the professional's.
    chosen_amsterdam = "" if chosen_amsterdam == outcome.amsterdam else chosen_amsterdam
    chosen_national = "" if chosen_national == outcome.national else chosen_national
    known = catalogue()
    with transaction.atomic():
        assessment = Assessment.objects.create(
            family=family,
            made_by=by,
            made_at=clock.now(),
            conversation_on=conversation_on,
            strengths_note=strengths_note.strip(),
            unsafety=unsafety,
            catalogue_version=known.version,
            rules_version=outcome.version,
            risk_count=facts.risk,
            strengths_count=facts.strengths,
            gaps_count=facts.gaps,
            protective_level=outcome.protective,
            proposed_amsterdam=outcome.amsterdam,
            proposed_national=outcome.national,
            rule_ids=list(outcome.rules),
            rule_reasons=[
                {"id": r.id, "level": r.level, "why_nl": r.why_nl, "why_en": r.why_en}
                for r in (rule_by_id(rule_id) for rule_id in outcome.rules)
                if r is not None
            ],
            chosen_amsterdam=chosen_amsterdam,
            chosen_national=chosen_national,
            override_reason=override_reason.strip() if (chosen_amsterdam or chosen_national) else "",
        )
        kinds = {f.code: f.kind for f in (*known.risk, *known.protective)}
        Observation.objects.bulk_create(
            Observation(
                assessment=assessment,
                factor=o.factor,
                kind=kinds[o.factor],  # every factor was checked above
                present=o.present,
                note=o.note.strip()[:500],
                source=o.source,
            )
            for o in observations
        )
        audit_record(
            actor=actor_for(by),
            action=AuditAction.CREATE,
            targets=[assessment],
            purpose=PURPOSE,
            detail={"family": family.pk, "level": assessment.amsterdam_level, "rules": list(outcome.rules)},
        )
        meldcode = _meldcode_start(family=family, assessment=assessment, by=by) if unsafety else None
        phase = family_phase(family).phase
        plan = None
        if phase.kind != PhaseKind.AFTER_WINDOW:
            plan = tasks_plan(
                family=family,
                phase=phase.kind,
                level=assessment.amsterdam_level,
                signaleerder=by,
                by=by,
                start=conversation_on,
                window_start=phase.conception,
            )
    return Recorded(assessment=assessment, plan=plan, meldcode=meldcode)


def _meldcode_start(*, family: Family, assessment: Assessment, by: User) -> MeldcodeTrack:
    track = MeldcodeTrack.objects.filter(family=family, closed_at__isnull=True).first()
    if track is not None:
        return track
    track = MeldcodeTrack.objects.create(
        family=family, assessment=assessment, unsafety=assessment.unsafety, started_by=by, started_at=clock.now()
    )
    audit_record(
        actor=actor_for(by), action=AuditAction.CREATE, targets=[track], purpose=PURPOSE, detail={"family": family.pk}
    )
    return track


def meldcode_step_record(
    *,
    track: MeldcodeTrack,
    by: User,
    step: int,
    done_on: date,
    notes: str,
    consulted: str = "",
    decision: str = "",
) -> MeldcodeStep:
    """Record one of the five steps, in order. Step 2 names who was consulted; step 5 records the
    decision and closes the track."""
    require_perm(user=by, perm="signalling.record_meldcode", obj=track.family, attempted="meldcode.step", target=track)
    with transaction.atomic():
        track = MeldcodeTrack.objects.select_for_update(of=("self",)).select_related("assessment").get(pk=track.pk)
        done = set(track.steps.values_list("step", flat=True))
        expected = len(done) + 1
        errors: dict[str, str] = {}
        if track.closed_at is not None:
            errors["step"] = _("Dit meldcode-traject is afgesloten.")
        elif step not in MeldcodeStepKind.values:
            errors["step"] = _("Kies een stap van 1 tot en met 5.")
        elif step != expected:
            errors["step"] = _("Doe de stappen op volgorde: eerst stap %(n)d (%(name)s).") % {
                "n": expected,
                "name": MeldcodeStepKind(expected).label,
            }
        if not notes.strip():
            errors["notes"] = _("Schrijf kort op wat je hebt gedaan en gezien.")
        # Not before the concern was raised (the conversation), nor before the step before it.
        began = track.assessment.conversation_on if track.assessment else clock.local_date(track.started_at)
        earliest = max([began, *track.steps.values_list("done_on", flat=True)])
        if done_on > clock.local_date():
            errors["done_on"] = _("Deze datum ligt in de toekomst.")
        elif done_on < earliest:
            errors["done_on"] = _("Deze stap kan niet eerder zijn dan %(date)s (de start of de vorige stap).") % {
                "date": earliest.strftime("%d-%m-%Y")
            }
        if step == MeldcodeStepKind.CONSULT and not consulted.strip():
            errors["consulted"] = _("Noem wie je hebt geraadpleegd (een collega en/of Veilig Thuis).")
        if step == MeldcodeStepKind.DECIDE and decision not in MeldcodeDecision.values:
            errors["decision"] = _("Kies het besluit: hulp organiseren en/of melden.")
        if errors:
            raise ValidationError(errors)
        recorded = MeldcodeStep.objects.create(
            track=track,
            step=step,
            done_on=done_on,
            done_by=by,
            recorded_at=clock.now(),
            notes=notes.strip(),
            consulted=consulted.strip() if step == MeldcodeStepKind.CONSULT else "",
            decision=decision if step == MeldcodeStepKind.DECIDE else "",
        )
        if step == MeldcodeStepKind.DECIDE:
            track.closed_at, track.decision = clock.now(), decision
            track.save(update_fields=["closed_at", "decision"])
        audit_record(
            actor=actor_for(by),
            action=AuditAction.CREATE,
            targets=[recorded],
            purpose=PURPOSE,
            detail={"track": track.pk, "step": step},
        )
    return recorded


def family_replan(*, family: Family, by: User) -> PlanResult | None:
    """After a birth or the end of a pregnancy: the pathway's tasks for the family's new phase at the level
    of the latest conversation (nobody re-enters anything). Nothing without a conversation yet."""
    require_perm(user=by, perm="signalling.add_assessment", obj=family, attempted="family.replan", target=family)
    return _replan(family=family, by=by)


def _replan(*, family: Family, by: User) -> PlanResult | None:
    latest = Assessment.objects.filter(family=family).select_related("made_by").order_by("-made_at", "-pk").first()
    if latest is None:
        return None
    phase = family_phase(Family.objects.prefetch_related("pregnancies", "children").get(pk=family.pk)).phase
    if phase.kind == PhaseKind.AFTER_WINDOW:
        return None
    with transaction.atomic():
        planned = tasks_plan(
            family=family,
            phase=phase.kind,
            level=latest.amsterdam_level,
            signaleerder=latest.made_by if latest.made_by.is_active else by,
            by=by,
            window_start=phase.conception,
        )
        if phase.kind in (PhaseKind.KRAAMTIJD, PhaseKind.AFTER_BIRTH) and phase.children:
            # After a birth the pathway keeps a finger on the pulse: 6 weeks, 6 and 12 months.
            aftercare_schedule(
                family=family,
                anchor="birth",
                anchor_on=phase.children[0].child.birth_date,
                by=by,
                level=latest.amsterdam_level,
            )
        return planned


def birth_record(
    *,
    family: Family,
    by: User,
    given_name: str,
    birth_date: date,
    weeks_at_birth: int | None = None,
    birth_weight_grams: int | None = None,
) -> tuple[Child, PlanResult | None]:
    """Record a birth (who may change the family file), and the pathway follows the family's new phase at
    the level of the latest conversation, in the same transaction: nobody re-enters anything."""
    with transaction.atomic():
        child = child_add(
            family=family,
            by=by,
            given_name=given_name,
            birth_date=birth_date,
            weeks_at_birth=weeks_at_birth,
            birth_weight_grams=birth_weight_grams,
        )
        return child, _replan(family=family, by=by)


def pregnancy_end_record(
    *, family: Family, by: User, outcome: str, ended_on: date
) -> tuple[Pregnancy, PlanResult | None]:
    """End the family's ongoing pregnancy (who may change the family file), and the pathway follows the
    family's new phase, in the same transaction."""
    with transaction.atomic():
        ongoing = family.pregnancies.filter(outcome=PregnancyOutcome.ONGOING).first()
        if ongoing is None:
            raise ValidationError(_("Er is geen lopende zwangerschap."))
        ended = pregnancy_end(pregnancy=ongoing, by=by, outcome=outcome, ended_on=ended_on)
        return ended, _replan(family=family, by=by)
