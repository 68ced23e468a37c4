"""Triage rules, one table-driven case per rule: the facts that reach it, and the level it proposes. A
rule added to the data without a case here fails `test_every_rule_has_a_case`."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from kansrijk.signalling.triage import DATA, Facts, evaluate, parse_rules, rule_set

# rule id -> (facts, expected level of that table)
CASES: dict[str, tuple[Facts, str]] = {
    "BF-1": (Facts(risk=0, strengths=5, gaps=3), "onvoldoende"),
    "BF-2": (Facts(risk=0, strengths=1, gaps=2), "onvoldoende"),
    "BF-3": (Facts(risk=0, strengths=3, gaps=1), "redelijk"),
    "BF-4": (Facts(risk=0, strengths=1, gaps=0), "redelijk"),
    "BF-5": (Facts(risk=0, strengths=2, gaps=0), "goed"),
    "AMS-1": (Facts(risk=0, strengths=4, gaps=0, unsafety=True), "extra_steun"),
    "AMS-2": (Facts(risk=4, strengths=3, gaps=1), "extra_steun"),
    "AMS-3": (Facts(risk=2, strengths=0, gaps=3), "extra_steun"),
    "AMS-4": (Facts(risk=3, strengths=3, gaps=0), "steuntje"),
    "AMS-5": (Facts(risk=1, strengths=0, gaps=3), "steuntje"),
    "AMS-6": (Facts(risk=1, strengths=2, gaps=0), "basiszorg"),
    "NAT-1": (Facts(risk=0, strengths=4, gaps=0, unsafety=True), "zeer_kwetsbaar"),
    "NAT-2": (Facts(risk=2, strengths=0, gaps=3), "zeer_kwetsbaar"),
    "NAT-3": (Facts(risk=1, strengths=0, gaps=3), "kwetsbaar"),
    "NAT-3B": (Facts(risk=4, strengths=3, gaps=1), "kwetsbaar"),
    "NAT-4": (Facts(risk=1, strengths=3, gaps=0), "potentieel_kwetsbaar"),
    "NAT-5": (Facts(risk=0, strengths=0, gaps=3), "potentieel_kwetsbaar"),
    "NAT-6": (Facts(risk=0, strengths=2, gaps=0), "zelfredzaam"),
}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule(rule_id: str) -> None:
    facts, level = CASES[rule_id]
    outcome = evaluate(facts)
    table = {"BF": 0, "AMS": 1, "NAT": 2}[rule_id.split("-")[0]]
    assert outcome.rules[table] == rule_id
    assert (outcome.protective, outcome.amsterdam, outcome.national)[table] == level


def test_every_rule_has_a_case() -> None:
    rules = rule_set()
    ids = {r.id for r in (*rules.protective, *rules.amsterdam, *rules.national)}
    assert ids == set(CASES)


@pytest.mark.parametrize(
    ("facts", "amsterdam", "national"),
    [
        # Seed 000: 0-1 risk with good protection, some with reasonable, several with insufficient.
        (Facts(risk=0, strengths=3, gaps=0), "basiszorg", "zelfredzaam"),
        (Facts(risk=2, strengths=2, gaps=1), "steuntje", "potentieel_kwetsbaar"),
        (Facts(risk=5, strengths=0, gaps=4), "extra_steun", "zeer_kwetsbaar"),
        # Linda (domain brief §5): single mother, abuse history, fear at birth, stress; strong practical network.
        (Facts(risk=4, strengths=2, gaps=2), "extra_steun", "kwetsbaar"),
    ],
)
def test_the_tables_of_the_sources(facts: Facts, amsterdam: str, national: str) -> None:
    outcome = evaluate(facts)
    assert (outcome.amsterdam, outcome.national) == (amsterdam, national)


def _raw() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return raw


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raw: raw["amsterdam"][0]["when"].update(risk_over=3), "unknown condition"),
        (lambda raw: raw["national"][0].update(level="heel_kwetsbaar"), "unknown level"),
        (lambda raw: raw["amsterdam"].pop(), "must have no conditions"),
        (lambda raw: raw["national"][1].update(id="NAT-1"), "unique rule ids"),
        (lambda raw: raw.pop("protective"), "missing or empty"),
    ],
)
def test_a_broken_rule_file_is_refused_with_the_reason(change: Any, message: str) -> None:
    raw = _raw()
    change(raw)
    with pytest.raises(ImproperlyConfigured, match=message):
        parse_rules(raw)


def test_every_combination_of_counts_gets_a_level() -> None:
    # Every table ends in a default, so no combination of counts is left without a level.
    rules = rule_set()
    levels = {
        evaluate(Facts(risk=r, strengths=s, gaps=g, unsafety=u), rules).amsterdam
        for r in range(8)
        for s in range(6)
        for g in range(6)
        for u in (False, True)
    }
    assert levels == {"basiszorg", "steuntje", "extra_steun"}
