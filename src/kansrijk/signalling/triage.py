"""Triage: from the factors discussed to a proposed care level, with the reason why.

The rules are versioned data (`data/triage.json`), evaluated in order, first match wins; the last rule
of each table has no conditions (the default). Three tables: how the protective factors add up
(goed / redelijk / onvoldoende), the Amsterdam level (Basiszorg / Steuntje in de rug / Extra steun)
and the national level (zelfredzaam / potentieel kwetsbaar / kwetsbaar / zeer kwetsbaar).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kansrijk.families.levels import AmsterdamLevel, NationalLevel

DATA = Path(__file__).resolve().parent / "data" / "triage.json"


class ProtectiveLevel(models.TextChoices):
    GOED = "goed", _("goed")
    REDELIJK = "redelijk", _("redelijk")
    ONVOLDOENDE = "onvoldoende", _("onvoldoende")


CONDITIONS = frozenset(
    {"unsafety", "risk_min", "risk_max", "protective_in", "gaps_min", "gaps_exceed_strengths", "strengths_max"}
)


@dataclass(frozen=True)
class Rule:
    id: str
    level: str
    when: Mapping[str, Any]
    why_nl: str
    why_en: str

    @property
    def why(self) -> str:
        return self.why_en if (get_language() or "nl").startswith("en") else self.why_nl


@dataclass(frozen=True)
class RuleSet:
    version: str
    protective: tuple[Rule, ...]
    amsterdam: tuple[Rule, ...]
    national: tuple[Rule, ...]


@dataclass(frozen=True)
class Facts:
    """What an assessment says, counted: risk factors present, strengths and gaps among the protective
    factors, and whether there is (acute or structural) unsafety."""

    risk: int
    strengths: int
    gaps: int
    unsafety: bool = False


@dataclass(frozen=True)
class Outcome:
    protective: str
    amsterdam: str
    national: str
    rules: tuple[str, str, str]  # the ids of the matching protective, Amsterdam and national rules
    version: str


def _matches(when: Mapping[str, Any], facts: Facts, protective: str | None) -> bool:
    checks: dict[str, Callable[[Any], bool]] = {
        "unsafety": lambda v: facts.unsafety is bool(v),
        "risk_min": lambda v: facts.risk >= v,
        "risk_max": lambda v: facts.risk <= v,
        "protective_in": lambda v: protective in v,
        "gaps_min": lambda v: facts.gaps >= v,
        "gaps_exceed_strengths": lambda v: (facts.gaps > facts.strengths) is bool(v),
        "strengths_max": lambda v: facts.strengths <= v,
    }
    return all(checks[name](value) for name, value in when.items())


def _first(rules: Sequence[Rule], facts: Facts, protective: str | None = None) -> Rule:
    return next(rule for rule in rules if _matches(rule.when, facts, protective))


def evaluate(facts: Facts, rules: RuleSet | None = None) -> Outcome:
    rules = rules or rule_set()
    protective = _first(rules.protective, facts)
    amsterdam = _first(rules.amsterdam, facts, protective.level)
    national = _first(rules.national, facts, protective.level)
    return Outcome(
        protective=protective.level,
        amsterdam=amsterdam.level,
        national=national.level,
        rules=(protective.id, amsterdam.id, national.id),
        version=rules.version,
    )


def _table(raw: Mapping[str, Any], name: str, levels: Sequence[str]) -> tuple[Rule, ...]:
    items = raw.get(name)
    if not isinstance(items, list) or not items:
        raise ImproperlyConfigured(f"triage rules: table {name!r} is missing or empty")
    rules = []
    for item in items:
        unknown = set(item.get("when", {})) - CONDITIONS
        if unknown:
            raise ImproperlyConfigured(f"triage rule {item.get('id')}: unknown condition {sorted(unknown)}")
        if item.get("level") not in levels:
            raise ImproperlyConfigured(f"triage rule {item.get('id')}: unknown level {item.get('level')!r}")
        rules.append(Rule(item["id"], item["level"], dict(item.get("when", {})), item["why_nl"], item["why_en"]))
    if rules[-1].when:
        raise ImproperlyConfigured(f"triage rules: the last rule of {name!r} must have no conditions (the default)")
    return tuple(rules)


def parse_rules(raw: Mapping[str, Any]) -> RuleSet:
    """A rule set from its JSON form; raises ImproperlyConfigured naming the first problem."""
    rule_sets = RuleSet(
        version=str(raw.get("version", "")),
        protective=_table(raw, "protective", ProtectiveLevel.values),
        amsterdam=_table(raw, "amsterdam", AmsterdamLevel.values),
        national=_table(raw, "national", NationalLevel.values),
    )
    ids = [r.id for r in (*rule_sets.protective, *rule_sets.amsterdam, *rule_sets.national)]
    if len(ids) != len(set(ids)) or not rule_sets.version:
        raise ImproperlyConfigured("triage rules: a version and unique rule ids are needed")
    return rule_sets


@cache
def rule_set() -> RuleSet:
    return parse_rules(json.loads(DATA.read_text(encoding="utf-8")))


def rule_by_id(rule_id: str) -> Rule | None:
    rules = rule_set()
    return next((r for r in (*rules.protective, *rules.amsterdam, *rules.national) if r.id == rule_id), None)
