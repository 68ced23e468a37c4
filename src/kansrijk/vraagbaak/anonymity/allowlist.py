"""Layer 4, allow-lists: Amsterdam places, organisations, organisation heads and phrases from the
caller or the database (`allowed_names`)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Final

from django.db import DatabaseError

from kansrijk.vraagbaak.anonymity.findings import Finding
from kansrijk.vraagbaak.anonymity.lexicon import _lines, _titles, is_word
from kansrijk.vraagbaak.anonymity.normalise import _tokens
from kansrijk.vraagbaak.anonymity.patterns import _INTERFIX, _STREET_END

logger = logging.getLogger(__name__)


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what `\w` matches in a str pattern


class Phrases:
    r"""Allowed phrases, found as the regular expression `(?<!\w)(?:phrase|phrase|...)(?!\w)` would find them
    (case-insensitive, the words of a phrase apart by any white space, the longest phrase first, matches
    not overlapping), but by looking up the first word in a dictionary: no alternation of hundreds or
    thousands of phrases to compile (seconds with the database's organisation names), linear in the text."""

    def __init__(self, phrases: Iterable[str]) -> None:
        cleaned = sorted({p.strip() for p in phrases if p and p.strip()}, key=lambda p: (-len(p), p))
        # first word (lower case) -> [(rank, the other words)], by rank; rank 0 is the longest phrase
        self._by_first: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for rank, phrase in enumerate(cleaned):
            first, *rest = phrase.lower().split()
            self._by_first.setdefault(first, []).append((rank, tuple(rest)))
        self._first_chars = frozenset(first[0] for first in self._by_first)
        self._longest_first = max((len(first) for first in self._by_first), default=0)

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each allowed phrase in `text`, from left to right, not overlapping."""
        if not self._by_first:
            return []
        size = len(text)
        lower = text.lower()
        if len(lower) != size:  # a character whose lower case is longer ("\u0130"): keep the offsets
            lower = "".join(char.lower()[:1] for char in text)
        # A first word ends where the text has white space (more words follow) or a non-word character
        # (`(?!\w)`): only those ends are looked up.
        ends = [i for i, char in enumerate(text) if not _word_char(char)]
        ends.append(size)
        found: list[tuple[int, int]] = []
        free_from = 0  # matches do not overlap
        first_end = 0  # index in `ends` of the first end after `start`
        for start in range(size):
            while ends[first_end] <= start:
                first_end += 1
            if start < free_from or lower[start] not in self._first_chars:
                continue
            if start and _word_char(text[start - 1]):
                continue
            best: tuple[int, int] | None = None  # (rank, end) of the longest phrase that matches
            index = first_end
            while index < len(ends) and ends[index] - start <= self._longest_first:
                for rank, rest in self._by_first.get(lower[start : ends[index]], ()):
                    if best is not None and rank >= best[0]:
                        break
                    end = _rest_matches(text, lower, ends[index], rest)
                    if end is not None:
                        best = (rank, end)
                        break
                index += 1
            if best is not None:
                found.append((start, best[1]))
                free_from = best[1]
        return found


def _rest_matches(text: str, lower: str, position: int, rest: tuple[str, ...]) -> int | None:
    """Where the phrase ends when its other words follow at `position`, each after white space."""
    size = len(text)
    for word in rest:
        gap = position
        while gap < size and text[gap].isspace():
            gap += 1
        if gap == position or lower[gap : gap + len(word)] != word:
            return None
        position = gap + len(word)
    if position < size and _word_char(text[position]):
        return None
    return position


@cache
def _builtin_allowed() -> Phrases:
    return Phrases([*_lines("allowed_places.txt"), *_lines("allowed_organisations.txt")])


@lru_cache(maxsize=64)
def _extra_allowed(phrases: tuple[str, ...]) -> Phrases:
    return Phrases(phrases)


ORGANISATION_HEADS: Final = frozenset(
    [
        "stichting",
        "buurtteam",
        "kraamzorg",
        "praktijk",
        "huisartsenpraktijk",
        "verloskundigenpraktijk",
        "verloskundigen",
        "fysiotherapie",
        "tandarts",
        "apotheek",
        "kinderopvang",
        "kdv",
        "bso",
        "peuterspeelzaal",
        "basisschool",
        "school",
        "ziekenhuis",
        "kliniek",
        "centrum",
        "buurthuis",
        "wijkcentrum",
        "moskee",
        "kerk",
        "vereniging",
        "team",
        "huis",
        "gezondheidscentrum",
        "zorgcentrum",
        "woongroep",
        "opvang",
        "instelling",
        "organisatie",
        "project",
        "programma",
        "cursus",
        "training",
        "groep",
        "jeugdhulpaanbieder",
        "ggz-instelling",
        "zorggroep",
        "academie",
        "hogeschool",
        "universiteit",
        "roc",
        "bibliotheek",
        "consultatiebureau",
        "jgz",
        "okt",
        "ggd",
    ]
)


def _allowed_spans(text: str, extra: tuple[str, ...]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    spans.extend(_builtin_allowed().spans(text))
    if extra:
        spans.extend(_extra_allowed(extra).spans(text))
    return spans


def _organisation_heads(text: str) -> Iterator[tuple[int, int]]:
    """ "Stichting Nidos", "Kraamzorg De Waarden", "Buurtteam Osdorp": the head and its capitalised name."""
    for m in re.finditer(
        r"(?<![\w-])([A-Za-z][\w-]*+)((?:\s+(?:(?:de|het|van|der|voor|en|&)\s+)?[A-Z0-9][\w'\u2019&-]*)+)", text
    ):
        head = m.group(1).lower()
        if head == "groep" and m.group(2)[:2].strip().isdigit():
            continue  # "groep 7 van De Zonnewijzer": a school year, not an organisation called "Groep 7"
        if head in ORGANISATION_HEADS or (len(head) > 6 and head.endswith(COMPOUND_HEADS)):
            yield m.start(), m.end()
    for m in _TRAILING_HEAD.finditer(text):
        yield m.start(), m.end()


# A compound that ends like an organisation is one ("Schakelteam Mensenhandel", "Jongerenloket Noord").
COMPOUND_HEADS: Final = ("team", "centrum", "loket", "groep", "punt", "huis", "praktijk", "dienst", "bureau")


# "Expat Center", "Sociaal Loket", "Jeugd Groep": capitalised words before an organisation noun
_TRAILING_HEAD = re.compile(
    r"(?<![\w'\u2019&-])(?:[A-Z][\w'\u2019&-]*\s+){1,3}(?:Center|Centre|Centrum|Loket|Groep|Team|Punt|Huis|Dienst|Bureau|Fonds|"
    r"Foundation|Network|Netwerk|Collectief|Coalitie|Platform|Academie|Instituut)(?![\w-])"
)


_STREET_NAME = re.compile(rf"{_STREET_END}$")


def _apply_allowed(text: str, finding: Finding, spans: list[tuple[int, int]]) -> Finding | None:
    street = _STREET_NAME.search(finding.text) if finding.kind == "name" else None
    last_word = finding.text.split()[-1] if finding.text.split() else ""
    if street and (not last_word.islower() or len(last_word) >= len(street.group()) + 4):
        return None  # a street without a number ("de Jan Evertsenstraat") is not a person; "mw van dijk" is
    if not spans:
        return finding
    covered = [(s, e) for s, e in spans if s < finding.end and e > finding.start]
    if not covered:
        return finding
    if any(s <= finding.start and finding.end <= e for s, e in covered):
        return None
    if finding.kind != "name":
        return finding
    tokens = [
        (s, e)
        for s, e in _tokens(text, finding.start, finding.end)
        if not any(cs <= s and e <= ce for cs, ce in covered)
    ]
    while tokens and (
        re.fullmatch(_INTERFIX, text[tokens[-1][0] : tokens[-1][1]].lower())
        or is_word(text[tokens[-1][0] : tokens[-1][1]])
    ):
        tokens.pop()
    while tokens and (
        re.fullmatch(_INTERFIX, text[tokens[0][0] : tokens[0][1]].lower())
        or (
            is_word(text[tokens[0][0] : tokens[0][1]])
            and text[tokens[0][0] : tokens[0][1]].lower().rstrip(".") not in _titles()
        )
    ):
        tokens.pop(0)
    if not tokens or all(is_word(text[s:e]) for s, e in tokens):
        return None
    return Finding("name", text[tokens[0][0] : tokens[-1][1]], tokens[0][0], tokens[-1][1])


def allowed_names() -> frozenset[str]:
    """Organisation names known to the site (accounts' organisations and the Kaart's organisations); empty
    when the database is not reachable or not migrated. The only function of the guard that reads the
    database: `check` itself stays pure, the caller passes these as `allowed`."""
    from kansrijk.accounts.models import Organisation
    from kansrijk.kaart.models import KaartOrganization

    names: set[str] = set()
    try:
        names.update(Organisation.objects.values_list("name", flat=True))
    except DatabaseError:
        logger.info("vraagbaak.anonymity: no organisation names from accounts (database not ready)")
    try:
        for name, alternate in KaartOrganization.objects.values_list("name", "alternate_name"):
            names.update((name, alternate))
    except DatabaseError:
        logger.info("vraagbaak.anonymity: no organisation names from the Kaart (database not ready)")
    return frozenset(name.strip() for name in names if name and name.strip())
