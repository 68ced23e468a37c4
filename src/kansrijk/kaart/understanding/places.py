"""Places: PC4 postcodes, stadsdelen, gebieden, wijken and popular names; ambiguous names need a cue."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from kansrijk.kaart.understanding.ages import TIME_UNITS
from kansrijk.kaart.understanding.matching import Candidate, Context, Match, entry_match, scan
from kansrijk.kaart.understanding.tokens import Token, hyphen_after, hyphen_before, text_at
from kansrijk.kaart.understanding.vocabulary import Entry, Place, Vocabulary
from kansrijk.kaart.understanding.words import ARTICLES, DEFINITE_ARTICLES, STOP_WORDS

PLACE_CUES: Final = frozenset(
    {"in", "amsterdam", "stadsdeel", "stadsgebied", "regio", "omgeving", "rond", "rondom", "bij", "nabij", "naar",
     "uit", "richting", "dichtbij", "near", "around"}
)  # fmt: skip
PLACE_LIST_WORDS: Final = frozenset({"of", "en", "and", "or"})
NOT_AMSTERDAM_AFTER: Final = frozenset(
    {"holland", "hollandse", "afrika", "afrikaanse", "amerika", "amerikaanse", "europa", "europese", "azie",
     "aziatische", "brabant", "brabantse", "limburg", "korea", "soedan", "frankrijk", "duitsland", "engeland",
     "nederland", "pool", "zee", "kust", "kant", "zijde", "wind", "africa", "america", "europe", "asia"}
)  # fmt: skip
_SENTENCE_PUNCTUATION: Final = re.compile(r"[.!?]")
_SEPARATING_PUNCTUATION: Final = re.compile(r"[,.;:!?()\[\]/|]")
_AMOUNT_UNITS: Final = frozenset({"euro", "eur", "gram", "kilo", "km", "meter", "uur", "keer"})


def find_postcodes(context: Context) -> None:
    """Amsterdam PC4 codes ("1064", "1064 AB", "1064AB"), but not "2026" or "1064 euro"."""
    tokens = context.tokens
    for index, token in enumerate(tokens):
        place = context.vocabulary.postcodes.get(token.text)
        if place is None or not _looks_like_postcode(tokens, index):
            continue
        end = index + 2 if _has_postcode_letters(tokens, index) else index + 1
        context.take(Match("place", place.code, index, end, place.name, place=place))
        context.fixed.update(range(index, end))


def _looks_like_postcode(tokens: Sequence[Token], index: int) -> bool:
    """A 4-digit token that is not an amount or a count ("1064 euro", "€ 1064", "1064 weken")."""
    if "€" in tokens[index].gap_before or "$" in tokens[index].gap_before:
        return False
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    return following not in TIME_UNITS and following not in _AMOUNT_UNITS


def _has_postcode_letters(tokens: Sequence[Token], index: int) -> bool:
    """The two letters after a PC4: glued ("1064AB"), capitals ("1064 AB"), or not a word ("1064 ab")."""
    if index + 1 >= len(tokens):
        return False
    letters = tokens[index + 1]
    if len(letters.text) != 2 or not letters.text.isalpha() or not letters.text.isascii():
        return False
    return letters.gap_before == "" or letters.raw.isupper() or letters.text not in STOP_WORDS


def find_places(context: Context) -> None:
    """Stadsdelen, gebieden, wijken and popular names, longest first; ambiguous names need a cue."""
    tokens = context.tokens
    shouting = _mostly_capitalised(tokens)
    places: list[Match] = []

    def accept(candidate: Candidate, entry: Entry) -> bool:
        if entry.place is None:
            return False
        if entry.place.kind == "stadsdeel" or entry.needs_cue:
            glued_to_other = (
                hyphen_after(tokens, candidate.end) and text_at(tokens, candidate.end) != "amsterdam"
            ) or (hyphen_before(tokens, candidate.start) and text_at(tokens, candidate.start - 1) != "amsterdam")
            if glued_to_other:  # "Noord-Holland", "Zuid-Afrika", "Oost-Europese"
                return False
        if not entry.needs_cue:
            return True
        last_end = places[-1].end if places else -1
        return _place_cue(tokens, candidate.start, candidate.end, last_end, shouting)

    blocked = context.fixed | context.guarded | context.tokens_of("free")
    for candidate, entries in scan(context, frozenset({"place"}), blocked, accept):
        match = entry_match(candidate, entries[0])
        places.append(match)
        context.take(match)


def _place_cue(tokens: Sequence[Token], start: int, end: int, last_place_end: int, shouting: bool) -> bool:
    """Whether an ambiguous place name ("West", "Centrum") is meant as a place here."""
    after = tokens[end] if end < len(tokens) else None
    if after is not None and after.text in NOT_AMSTERDAM_AFTER:
        return False
    previous = start - 1
    while previous >= 0 and tokens[previous].text in DEFINITE_ARTICLES:
        previous -= 1  # "in het centrum", "in de Punt"
    if previous >= 0 and tokens[previous].text in PLACE_CUES:
        return True
    listed = previous >= 0 and tokens[previous].text in PLACE_LIST_WORDS and previous == last_place_end
    if listed or (last_place_end == start and "," in tokens[start].gap_before):
        return True  # "in Noord of Oost", "Noord, Oost"
    if start > 0 and tokens[start - 1].text in ARTICLES:
        return False  # "een centrum", "het centrum voor jeugd en gezin"
    standalone = after is None or bool(_SEPARATING_PUNCTUATION.search(after.gap_before)) or after.text == "amsterdam"
    return standalone or (not shouting and _capitalised_mid_sentence(tokens, start))


def _capitalised_mid_sentence(tokens: Sequence[Token], index: int) -> bool:
    """ "gratis luiers Noord": a capital inside a sentence marks a name."""
    token = tokens[index]
    if index == 0 or _SENTENCE_PUNCTUATION.search(token.gap_before):
        return False
    return token.raw[:1].isupper() and token.raw[1:].islower()


def _mostly_capitalised(tokens: Sequence[Token]) -> bool:
    """Title Case or CAPITALS everywhere: capitals say nothing about place names then."""
    words = [token.raw for token in tokens[1:] if token.raw.isalpha()]
    return bool(words) and sum(word[:1].isupper() for word in words) * 2 > len(words)


def place_label(vocabulary: Vocabulary, match: Match) -> str:
    """The place's name; a postcode also names its gebied: "1064 (Geuzenveld, Slotermeer)"."""
    place = match.place
    if place is None or place.kind != "postcode" or not place.gebied_code:
        return match.label
    gebied = vocabulary.place(place.gebied_code)
    return f"{place.name} ({gebied.name})" if gebied else place.name


def areas(places: Iterable[Place]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Stadsdeel codes of all places, and gebied codes of places smaller than a stadsdeel."""
    stadsdelen: list[str] = []
    gebieden: list[str] = []
    for place in places:
        if place.stadsdeel_code not in stadsdelen:
            stadsdelen.append(place.stadsdeel_code)
        if place.kind != "stadsdeel" and place.gebied_code and place.gebied_code not in gebieden:
            gebieden.append(place.gebied_code)
    return tuple(stadsdelen), tuple(gebieden)
