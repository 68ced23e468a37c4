"""Reads of signalling: the latest assessment with its reasons, the history, and which topics were
already discussed, when and by whom (so the next professional does not ask again)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from kansrijk.families.models import Family
from kansrijk.signalling.catalogue import Factor, catalogue
from kansrijk.signalling.models import Assessment, MeldcodeTrack, Observation
from kansrijk.signalling.triage import Rule, rule_by_id


def assessments(*, family: Family) -> QuerySet[Assessment]:
    return family.assessments.select_related("made_by").prefetch_related("observations").order_by("-made_at", "-pk")


def latest_assessment(*, family: Family) -> Assessment | None:
    return assessments(family=family).first()


@dataclass(frozen=True)
class Discussed:
    factor: Factor
    on: date
    by: str
    present: bool
    note: str
    times: int  # in how many conversations it came up


def discussed_topics(*, family: Family) -> list[Discussed]:
    """Each factor ever discussed with the family: the latest conversation about it, and how often."""
    known = catalogue()
    latest: dict[str, Observation] = {}
    times: dict[str, int] = {}
    rows = (
        Observation.objects.filter(assessment__family=family)
        .select_related("assessment__made_by")
        .order_by("assessment__conversation_on", "assessment__made_at", "pk")
    )
    for row in rows:
        latest[row.factor] = row
        times[row.factor] = times.get(row.factor, 0) + 1
    found = []
    for code, row in latest.items():
        factor = known.get(code)
        if factor is None:
            continue
        made_by = row.assessment.made_by
        who = f"{made_by.full_name}, {made_by.job_title}" if made_by.job_title else made_by.full_name
        found.append(Discussed(factor, row.assessment.conversation_on, who, row.present, row.note, times[code]))
    order = {f.code: i for i, f in enumerate((*known.protective, *known.risk))}  # strengths first
    return sorted(found, key=lambda d: order.get(d.factor.code, 999))


@dataclass(frozen=True)
class Explanation:
    protective: Rule | None
    amsterdam: Rule | None
    national: Rule | None
    risks: list[Factor]
    strengths: list[Factor]
    gaps: list[Factor]


def explanation(assessment: Assessment) -> Explanation:
    """Why this level: the matching rules (as recorded) and the factors behind the counts."""
    known = catalogue()
    kept = {r["id"]: Rule(r["id"], r["level"], {}, r["why_nl"], r["why_en"]) for r in assessment.rule_reasons}
    rules = [kept.get(rule_id) or rule_by_id(rule_id) for rule_id in assessment.rule_ids] + [None, None, None]
    observations = list(assessment.observations.all())

    def factors(kind: str, present: bool) -> list[Factor]:
        return [f for o in observations if o.kind == kind and o.present is present and (f := known.get(o.factor))]

    return Explanation(
        protective=rules[0],
        amsterdam=rules[1],
        national=rules[2],
        risks=factors("risk", True),
        strengths=factors("protective", True),
        gaps=factors("protective", False),
    )


def open_meldcode(*, family: Family) -> MeldcodeTrack | None:
    return family.meldcode_tracks.filter(closed_at__isnull=True).prefetch_related("steps__done_by").first()


def meldcode_tracks(*, family: Family) -> QuerySet[MeldcodeTrack]:
    return family.meldcode_tracks.prefetch_related("steps__done_by").select_related("started_by")


def latest_levels(*, families: Sequence[Family]) -> dict[int, str]:
    """Per family: the Amsterdam level of its latest conversation (families without one are left out)."""
    levels: dict[int, str] = {}
    rows = (
        Assessment.objects.filter(family__in=families)
        .order_by("family_id", "-made_at", "-pk")
        .values_list("family_id", "chosen_amsterdam", "proposed_amsterdam")
    )
    for family_id, chosen, proposed in rows:
        levels.setdefault(family_id, chosen or proposed)
    return levels
