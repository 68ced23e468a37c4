"""Reading a question: `understand` runs the steps in order and assembles the `Understood`; `without`
takes a chip away again."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Final

from django.utils.translation import gettext

from kansrijk.kaart.understanding.ages import find_ages
from kansrijk.kaart.understanding.languages import find_languages
from kansrijk.kaart.understanding.matching import Context, Match
from kansrijk.kaart.understanding.needs import find_controls, find_terms, target_groups
from kansrijk.kaart.understanding.phases import phase_label, resolve_phase
from kansrijk.kaart.understanding.places import areas, find_places, find_postcodes, place_label
from kansrijk.kaart.understanding.result import CHIP_KIND_ORDER, Chip, Understood
from kansrijk.kaart.understanding.tokens import tokenize
from kansrijk.kaart.understanding.vocabulary import Vocabulary
from kansrijk.kaart.understanding.words import STOP_WORDS

MAX_QUERY_CHARS: Final = 500


def understand(query: str, vocabulary: Vocabulary) -> Understood:
    """Read a question in plain words (Dutch or English); never raises on user input."""
    text = (query if isinstance(query, str) else "")[:MAX_QUERY_CHARS].strip()
    context = Context(tokenize(text), vocabulary)
    find_postcodes(context)
    find_ages(context)
    find_controls(context)
    find_places(context)
    find_terms(context)
    find_languages(context)
    return _assemble(text, context)


def without(understood: Understood, kind: str, value: str, vocabulary: Vocabulary) -> Understood:
    """The same understanding with one chip removed (the user removed it); unknown chips change nothing.

    The removed chip's words are not given back to `remaining`: removing a filter broadens the search.
    """
    chips = tuple(chip for chip in understood.chips if not (chip.kind == kind and chip.value == value))
    if len(chips) == len(understood.chips):
        return understood
    result = dataclasses.replace(understood, chips=chips)
    if kind == "place":
        places = (vocabulary.place(chip.value) for chip in chips if chip.kind == "place")
        stadsdelen, gebieden = areas(place for place in places if place is not None)
        return dataclasses.replace(result, stadsdelen=stadsdelen, gebieden=gebieden)
    if kind == "category":
        return dataclasses.replace(result, categories=_drop(understood.categories, value))
    if kind == "free":
        return dataclasses.replace(result, free=None)
    if kind == "language":
        return dataclasses.replace(result, languages=_drop(understood.languages, value))
    if kind == "phase":
        return dataclasses.replace(result, phase=None, child_age_months=None, pregnancy_weeks=None)
    if kind == "target_group":
        return dataclasses.replace(result, target_groups=_drop(understood.target_groups, value))
    return result


def _assemble(query: str, context: Context) -> Understood:
    """Turn the matches into the public `Understood` with its chips."""
    vocabulary = context.vocabulary
    chips: list[tuple[int, int, Chip]] = []

    def add_chip(position: int, chip: Chip) -> None:
        chips.append((position, CHIP_KIND_ORDER.index(chip.kind), chip))

    places = context.of_kind("place")
    for match in places:
        add_chip(match.start, Chip("place", match.code, place_label(vocabulary, match)))
    categories = _first_per_code(context.of_kind("category"))
    for match in categories:
        add_chip(match.start, Chip("category", match.code, match.label))
    free_matches = context.of_kind("free")
    if free_matches:
        add_chip(free_matches[0].start, Chip("free", "true", gettext("Gratis")))
    languages = _first_per_code(context.of_kind("language"))
    for match in languages:
        add_chip(match.start, Chip("language", match.code, match.label))
    phase = resolve_phase(context)
    if phase is not None:
        add_chip(phase.position, Chip("phase", phase.code, phase_label(vocabulary, phase)))
    targets = target_groups(context)
    for position, code in targets:
        term = vocabulary.term("doelgroep", code)
        add_chip(position, Chip("target_group", code, term.label_nl if term else code))

    stadsdelen, gebieden = areas(match.place for match in places if match.place is not None)
    ordered = [chip for _, _, chip in sorted(chips, key=lambda item: (item[0], item[1]))]
    return Understood(
        query=query,
        stadsdelen=stadsdelen,
        gebieden=gebieden,
        categories=tuple(match.code for match in categories),
        free=True if free_matches else None,
        languages=tuple(match.code for match in languages),
        phase=phase.code if phase else None,
        child_age_months=phase.child_age_months if phase else None,
        pregnancy_weeks=phase.pregnancy_weeks if phase else None,
        target_groups=tuple(code for _, code in targets),
        remaining=_remaining(context),
        chips=tuple(_unique_chips(ordered)),
        ranking_text=_ranking_text(context),
    )


def _content_words(context: Context, skip: set[int]) -> list[str]:
    """The query's words outside `skip`, without stop words, numbers and single letters."""
    return [
        token.text
        for index, token in enumerate(context.tokens)
        if index not in skip and token.text not in STOP_WORDS and len(token.text) > 1 and token.text[0].isalpha()
    ]


def _ranking_text(context: Context) -> str:
    """The query's words minus those that only serve as filters (the need's words stay)."""
    return " ".join(_content_words(context, context.tokens_of("place", "free", "language") | context.fixed))


def _remaining(context: Context) -> str:
    """The words no filter used, once each."""
    return " ".join(dict.fromkeys(_content_words(context, context.consumed)))


def _first_per_code(matches: Iterable[Match]) -> list[Match]:
    """The first match of every code, by position in the query."""
    seen: set[str] = set()
    result: list[Match] = []
    for match in sorted(matches, key=lambda item: item.start):
        if match.code not in seen:
            seen.add(match.code)
            result.append(match)
    return result


def _unique_chips(chips: Iterable[Chip]) -> Iterable[Chip]:
    """Each (kind, value) once, in the given order."""
    seen: set[tuple[str, str]] = set()
    for chip in chips:
        if (chip.kind, chip.value) not in seen:
            seen.add((chip.kind, chip.value))
            yield chip


def _drop(codes: tuple[str, ...], value: str) -> tuple[str, ...]:
    """The codes without `value`."""
    return tuple(code for code in codes if code != value)
