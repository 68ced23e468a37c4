"""Needs and filters from vocabulary phrases: cost ("gratis") and guard phrases, hulpvraag categories, phase
words and target groups."""

from __future__ import annotations

from typing import Final

from kansrijk.kaart.understanding.matching import Candidate, Context, entry_match, scan
from kansrijk.kaart.understanding.tokens import hyphen_before
from kansrijk.kaart.understanding.vocabulary import GUARD_FLUFF, Entry
from kansrijk.kaart.understanding.words import negated

TARGET_YOUNG_PARENTS: Final = "jonge-ouders"


def find_controls(context: Context) -> None:
    """ "gratis", "kost niks", "for free" (not "niet gratis", not "smoke-free"), and guard phrases."""

    def accept(candidate: Candidate, entry: Entry) -> bool:
        if entry.kind == "guard":
            return True
        if negated(context.tokens, candidate.start):
            return False
        return not (entry.phrase == "free" and hyphen_before(context.tokens, candidate.start))

    for candidate, entries in scan(context, frozenset({"free", "guard"}), context.fixed, accept):
        for entry in entries:
            if entry.kind != "guard":
                context.take(entry_match(candidate, entry))
                continue
            context.guarded.update(range(candidate.start, candidate.end))
            if entry.code == GUARD_FLUFF:
                context.consumed.update(range(candidate.start, candidate.end))


def find_terms(context: Context) -> None:
    """Hulpvraag categories, phase words and target groups; each kind matches on its own."""
    blocked = context.fixed | context.guarded | context.tokens_of("place")
    found = scan(context, frozenset({"category"}), blocked)
    categories = [entry_match(candidate, entry) for candidate, entries in found for entry in entries]
    for match in categories:
        context.take(match)
    for kind in ("phase", "target_group"):
        for candidate, entries in scan(context, frozenset({kind}), blocked):
            for entry in entries:
                match = entry_match(candidate, entry)
                if match.weak and any(match.inside(category) for category in categories):
                    context.consumed.update(range(match.start, match.end))
                    continue  # "spullen voor de baby" says nothing about the phase
                context.take(match)


def target_groups(context: Context) -> list[tuple[int, str]]:
    """Target groups by position: matched words, and young parents from "ik ben 19"."""
    found = [(match.start, match.code) for match in context.of_kind("target_group")]
    if context.vocabulary.term("doelgroep", TARGET_YOUNG_PARENTS) is not None:
        found.extend((age.start, TARGET_YOUNG_PARENTS) for age in context.ages if age.kind == "young")
    seen: set[str] = set()
    result: list[tuple[int, str]] = []
    for position, code in sorted(found):
        if code not in seen:
            seen.add(code)
            result.append((position, code))
    return result
