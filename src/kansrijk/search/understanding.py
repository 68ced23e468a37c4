"""Understand a question in plain words: place, need, cost, language, phase, age and target group.

`understand("Ik zoek een organisatie in Nieuw-West voor gratis babyspullen", vocabulary)` finds the
stadsdeel Nieuw-West, the category babyspullen and "gratis", shows them back as removable chips, and
leaves the words it did not use (minus stop words) in `remaining` for text ranking.

How it works, per query:

1. The query is capped, tokenised and normalised (case, accents, hyphens; see `vocabulary.tokenize`).
2. Every n-gram (longest first, up to the longest phrase in the vocabulary) is looked up once in the
   phrase index, glued n-grams too ("zuid oost" -> "zuidoost"), and single words also by their
   Dutch stem. This gives the candidate matches per start position.
3. Postcodes and ages ("baby van 3 maanden", "20 weken zwanger") are read from the tokens.
4. Each kind (cost, places, categories, phases, target groups, languages) picks its own longest,
   left-to-right matches among the candidates, so a word may mean several things ("vader" is both
   the category and the target group "vaders"); earlier kinds block some tokens for later ones
   (a place name is never a need; "kost geen geld" is no money worry).
5. Place names and language names that are also ordinary words need a cue ("in West",
   "in het Nederlands").

Pure Python; after the `Vocabulary` is built, a query takes well under a millisecond.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from django.utils.translation import gettext, ngettext

from kansrijk.search.text import STOP_WORDS as RANKING_STOP_WORDS
from kansrijk.search.vocabulary import GUARD_FLUFF, Entry, EntryKind, Place, Token, Vocabulary, tokenize

MAX_QUERY_CHARS: Final = 500

PHASE_BEFORE: Final = "voor-de-zwangerschap"
PHASE_PREGNANT: Final = "zwangerschap-en-bevalling"
PHASE_AFTER_BIRTH: Final = "na-de-geboorte"
TARGET_YOUNG_PARENTS: Final = "jonge-ouders"

# A category implies a phase when nothing else in the query names one.
CATEGORY_PHASES: Final = {
    "zwanger-worden-en-kinderwens": PHASE_BEFORE,
    "zwangerschap": PHASE_PREGNANT,
    "bevalling": PHASE_PREGNANT,
    "kraamtijd": PHASE_AFTER_BIRTH,
}

# Chips of the same position are shown in this order.
CHIP_KIND_ORDER: Final = ("place", "category", "free", "language", "phase", "target_group")

# --- Word lists ----------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    """A set of words written as one white-space separated string."""
    return frozenset(text.split())


# Words left out of the question's ranking text and `remaining`: the word ranking's stop words, plus request
# fluff, place and age words and negations (a "no" in a question says nothing about which service fits).
STOP_WORDS: Final = RANKING_STOP_WORDS | _words(
    """
    aan al alle alles als alsjeblieft alstublieft andere bent ben beste bij dan dank dat de deze die dit doen
    door een en er ergens even graag had heb hebben heeft het hier hoe hoi hallo hun iemand iets ik in is ja je
    jij jou jouw jullie kan kun kunnen kunt maar me meer met mij mijn moet moeten mag mogen na naar nee niet
    geen nog nu of om omdat ons onze ook op over s t 't te tot u uit uw van voor waar waarbij wat we wel welk
    welke wie wij wil willen wilt word wordt worden zal ze zelf zij zijn zo zoals zoek zoeken zoekt zou zouden
    krijgen vinden vind bedankt graag ergens
    hulp help helpen hulpverlening organisatie organisaties instantie instanties instelling instellingen plek
    adres info informatie iemand
    amsterdam stad stadsdeel stadsgebied gebied wijk buurt regio omgeving dichtbij nabij dicht rond rondom
    richting
    spreekt spreken spreek sprekend sprekende praat praten talig talige
    dag dagen week weken maand maanden mnd jaar jaren oud oude e ste zoon zoontje dochter dochtertje
    a an the i i'm im am are be my me our you your for on at of to with and or looking look find need needs
    want some someone somebody who that which where what how can could would please there any it this near
    around about from by organisation organization service services speaking speaks speak speaker old
    months month weeks years year days day son daughter no not
    """
)

DEFINITE_ARTICLES: Final = frozenset({"de", "het", "t", "'t", "the"})
ARTICLES: Final = DEFINITE_ARTICLES | {"een", "a", "an"}
NEGATIONS: Final = frozenset({"geen", "niet", "nauwelijks", "weinig", "no", "not", "don't", "dont", "doesn't"})

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
_HYPHENS: Final = frozenset({"-", "\u2010", "\u2011", "\u2013"})  # hyphen, non-breaking hyphen, en dash

LANGUAGE_CUES_BEFORE: Final = frozenset(
    {"in", "spreekt", "spreken", "spreek", "sprekend", "sprekende", "praat", "praten", "speaks", "speak", "speaking"}
)
LANGUAGE_CUES_AFTER: Final = frozenset(
    {"spreekt", "spreken", "sprekend", "sprekende", "praat", "praten", "talig", "talige", "speaking", "speaker",
     "speakers", "speaks"}
)  # fmt: skip
_NEGATION_FILLERS: Final = frozenset({"goed", "zo", "veel", "echt", "well", "much", "good", "really"})

# --- Numbers and ages ----------------------------------------------------------------------------

_UNIT_WORDS: Final = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
NUMBER_WORDS: Final[dict[str, float]] = {
    **{word: float(value) for value, word in enumerate(_UNIT_WORDS, start=1)},
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
    "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20, "dertig": 30, "veertig": 40,
    **{f"{unit}en{tens}": float(base + value)
       for tens, base in (("twintig", 20), ("dertig", 30), ("veertig", 40))
       for value, unit in enumerate(_UNIT_WORDS, start=1)},
    "anderhalf": 1.5, "half": 0.5, "tweeenhalf": 2.5, "drieenhalf": 3.5, "vierenhalf": 4.5,
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
}  # fmt: skip
_ARTICLE_NUMBERS: Final = frozenset({"een", "a"})  # numbers only when a unit follows

MONTH_UNITS: Final = _words("maand maanden maandjes mnd mnden mndn mo month months mths")
YEAR_UNITS: Final = frozenset({"jaar", "jaren", "jaartje", "jr", "year", "years", "yr", "yrs"})
WEEK_UNITS: Final = frozenset({"week", "weken", "weekjes", "wk", "wkn", "weeks", "wks"})
DAY_UNITS: Final = frozenset({"dag", "dagen", "dagjes", "day", "days"})
_TIME_UNITS: Final = MONTH_UNITS | YEAR_UNITS | WEEK_UNITS | DAY_UNITS
_AMOUNT_UNITS: Final = frozenset({"euro", "eur", "gram", "kilo", "km", "meter", "uur", "keer"})
ORDINAL_SUFFIXES: Final = frozenset({"e", "ste", "de", "th", "st", "nd", "rd"})
WEEK_WORDS: Final = frozenset({"week", "zwangerschapsweek"})

CHILD_WORDS: Final = frozenset(
    {"baby", "babys", "baby's", "babytje", "kind", "kindje", "kindjes", "zoon", "zoontje", "dochter", "dochtertje",
     "peuter", "peutertje", "dreumes", "zuigeling", "tweeling", "child", "son", "daughter", "kid", "toddler",
     "infant", "newborn"}
)  # fmt: skip
CHILD_WORDS_FOR_BARE_YEARS: Final = CHILD_WORDS - _words("baby babys baby's babytje zuigeling infant newborn")
AGE_WORDS_AFTER: Final = frozenset({"oud", "oude", "old"})
SELF_WORDS: Final = frozenset({"ben", "am", "i'm", "im"})
PREGNANCY_WORDS: Final = frozenset({"pregnant", "pregnancy", "expecting", "uitgerekend"})

_CHILD_WINDOW_BEFORE = 4
_CHILD_WINDOW_AFTER = 3
_WEEKS_PER_MONTH = 4.345
_MAX_PREGNANCY_WEEKS = 45
_MAX_CHILD_MONTHS = 18 * 12
_YOUNG_PARENT_AGES = range(12, 23)
_MAX_BARE_CHILD_YEARS = 12
_MAX_NUMBER = 10_000  # larger numbers are no ages (and "9" * 400 is no float)


# --- Public API ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Chip:
    """One understood thing, shown back to the user as a removable filter."""

    kind: str  # "place" | "category" | "free" | "language" | "phase" | "target_group"
    value: str  # a code, or "true" for free
    label: str  # Dutch label for display


@dataclass(frozen=True)
class Understood:
    """What a query asks for, as filters and the words left for text ranking."""

    query: str
    stadsdelen: tuple[str, ...]
    gebieden: tuple[str, ...]
    categories: tuple[str, ...]
    free: bool | None
    languages: tuple[str, ...]
    phase: str | None
    child_age_months: int | None
    pregnancy_weeks: int | None
    target_groups: tuple[str, ...]
    remaining: str
    chips: tuple[Chip, ...]
    # The question without the words that only filter (places, postcodes, "gratis", languages, ages),
    # but with the words of the need: what the text ranking (lexical and semantic) works on.
    ranking_text: str = ""


def understand(query: str, vocabulary: Vocabulary) -> Understood:
    """Read a question in plain words (Dutch or English); never raises on user input."""
    text = (query if isinstance(query, str) else "")[:MAX_QUERY_CHARS].strip()
    context = _Context(tokenize(text), vocabulary)
    _find_postcodes(context)
    _find_ages(context)
    _find_controls(context)
    _find_places(context)
    _find_terms(context)
    _find_languages(context)
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
        stadsdelen, gebieden = _areas(place for place in places if place is not None)
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


# --- Analysis state ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A phrase of the vocabulary found at tokens[start:end]."""

    start: int
    end: int
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class _Match:
    """One understood thing at tokens[start:end]."""

    kind: EntryKind
    code: str
    start: int
    end: int
    label: str = ""
    place: Place | None = None
    weak: bool = False

    def inside(self, other: _Match) -> bool:
        """True when this match lies strictly within the (longer) other match."""
        return other.start <= self.start and self.end <= other.end and (other.end - other.start) > self.width

    @property
    def width(self) -> int:
        """The number of tokens matched."""
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class _Age:
    """An age read from the query: a child's age in months, pregnancy weeks, or a young parent."""

    kind: str  # "child" | "pregnancy" | "young"
    value: int
    start: int


@dataclass
class _Context:
    """Tokens, candidate matches, and what has been found and which tokens are taken so far."""

    tokens: list[Token]
    vocabulary: Vocabulary
    candidates: list[list[_Candidate]] = field(default_factory=list)
    matches: list[_Match] = field(default_factory=list)
    ages: list[_Age] = field(default_factory=list)
    fixed: set[int] = field(default_factory=set)  # postcode and age tokens: nothing else may use them
    guarded: set[int] = field(default_factory=set)  # guard phrases: no need, phase, group or language
    consumed: set[int] = field(default_factory=set)  # tokens that are not left for text ranking

    def __post_init__(self) -> None:
        self.candidates = _candidates(self.tokens, self.vocabulary)

    def of_kind(self, kind: str) -> list[_Match]:
        """The matches of one kind, in the order they were found."""
        return [match for match in self.matches if match.kind == kind]

    def tokens_of(self, *kinds: str) -> set[int]:
        """The token positions used by matches of these kinds."""
        return {index for match in self.matches if match.kind in kinds for index in range(match.start, match.end)}

    def take(self, match: _Match) -> None:
        """Record a match; its tokens are no longer left for text ranking."""
        self.matches.append(match)
        self.consumed.update(range(match.start, match.end))


def _candidates(tokens: Sequence[Token], vocabulary: Vocabulary) -> list[list[_Candidate]]:
    """All vocabulary phrases per start position, longest first (one dictionary look-up per n-gram)."""
    words = [token.text for token in tokens]
    result: list[list[_Candidate]] = []
    for start in range(len(words)):
        row: list[_Candidate] = []
        for length in range(min(vocabulary.max_phrase_tokens, len(words) - start), 0, -1):
            gram = words[start : start + length]
            entries = vocabulary.lookup(" ".join(gram))
            if length > 1 and not any(word in STOP_WORDS for word in gram):
                entries += vocabulary.lookup("".join(gram))  # "zuid oost" -> "zuidoost"
            if length == 1:
                entries += _new_meanings(vocabulary.lookup_stem(gram[0]), entries)
            if entries:
                row.append(_Candidate(start, start + length, entries))
        result.append(row)
    return result


def _new_meanings(extra: tuple[Entry, ...], known: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """Stem matches only add meanings of a kind the exact word does not already have."""
    known_kinds = {entry.kind for entry in known}
    return tuple(entry for entry in extra if entry.kind not in known_kinds)


def _scan(
    context: _Context,
    kinds: frozenset[str],
    blocked: set[int],
    accept: Callable[[_Candidate, Entry], bool] = lambda candidate, entry: True,
) -> list[tuple[_Candidate, list[Entry]]]:
    """Greedy longest-first, left-to-right matching of one group of kinds, skipping blocked tokens."""
    found: list[tuple[_Candidate, list[Entry]]] = []
    position = 0
    while position < len(context.tokens):
        for candidate in context.candidates[position]:
            if blocked.intersection(range(candidate.start, candidate.end)):
                continue
            chosen = [entry for entry in candidate.entries if entry.kind in kinds and accept(candidate, entry)]
            if chosen:
                found.append((candidate, chosen))
                position = candidate.end
                break
        else:
            position += 1
    return found


def _entry_match(candidate: _Candidate, entry: Entry) -> _Match:
    """The match of one meaning of a candidate phrase."""
    return _Match(
        entry.kind, entry.code, candidate.start, candidate.end, entry.label, place=entry.place, weak=entry.weak
    )


# --- Postcodes -----------------------------------------------------------------------------------


def _find_postcodes(context: _Context) -> None:
    """Amsterdam PC4 codes ("1064", "1064 AB", "1064AB"), but not "2026" or "1064 euro"."""
    tokens = context.tokens
    for index, token in enumerate(tokens):
        place = context.vocabulary.postcodes.get(token.text)
        if place is None or not _looks_like_postcode(tokens, index):
            continue
        end = index + 2 if _has_postcode_letters(tokens, index) else index + 1
        context.take(_Match("place", place.code, index, end, place.name, place=place))
        context.fixed.update(range(index, end))


def _looks_like_postcode(tokens: Sequence[Token], index: int) -> bool:
    """A 4-digit token that is not an amount or a count ("1064 euro", "€ 1064", "1064 weken")."""
    if "€" in tokens[index].gap_before or "$" in tokens[index].gap_before:
        return False
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    return following not in _TIME_UNITS and following not in _AMOUNT_UNITS


def _has_postcode_letters(tokens: Sequence[Token], index: int) -> bool:
    """The two letters after a PC4: glued ("1064AB"), capitals ("1064 AB"), or not a word ("1064 ab")."""
    if index + 1 >= len(tokens):
        return False
    letters = tokens[index + 1]
    if len(letters.text) != 2 or not letters.text.isalpha() or not letters.text.isascii():
        return False
    return letters.gap_before == "" or letters.raw.isupper() or letters.text not in STOP_WORDS


# --- Ages and phases from numbers ----------------------------------------------------------------


def _find_ages(context: _Context) -> None:
    """Child ages ("baby van 3 maanden"), pregnancy weeks ("20 weken zwanger") and young parents."""
    tokens = context.tokens
    index = 0
    while index < len(tokens):
        found = None if index in context.fixed else _week_first(tokens, index) or _number_first(tokens, index)
        if found is None:
            index += 1
            continue
        age, end = found
        if age is not None:
            context.ages.append(age)
            context.fixed.update(range(index, end))
            context.consumed.update(range(index, end))
        index = end


def _week_first(tokens: Sequence[Token], index: int) -> tuple[_Age | None, int] | None:
    """ "week 20" / "zwangerschapsweek 20": pregnancy weeks when the query speaks of pregnancy."""
    if tokens[index].text not in WEEK_WORDS:
        return None
    number = _number_at(tokens, index + 1)
    if number is None:
        return None
    value, end = number
    if not _pregnancy_anywhere(tokens) or not 0 < value <= _MAX_PREGNANCY_WEEKS:
        return None, end
    return _Age("pregnancy", round(value), index), end


def _number_first(tokens: Sequence[Token], index: int) -> tuple[_Age | None, int] | None:
    """A number, then a unit ("3 maanden"), an ordinal week ("20e week"), or nothing ("peuter van 2")."""
    number = _number_at(tokens, index)
    if number is None:
        return None
    value, end = number
    if end < len(tokens) and tokens[end].text in ORDINAL_SUFFIXES and _text_at(tokens, end + 1) in WEEK_WORDS:
        pregnant = _pregnancy_anywhere(tokens) and 0 < value <= _MAX_PREGNANCY_WEEKS
        return (_Age("pregnancy", round(value), index) if pregnant else None), end + 2
    unit = _text_at(tokens, end)
    if unit in _TIME_UNITS:
        return _age_with_unit(tokens, index, end, value, unit), end + 1
    if tokens[index].text in _ARTICLE_NUMBERS:
        return None
    return _age_without_unit(tokens, index, value), end


def _age_with_unit(tokens: Sequence[Token], start: int, end: int, value: float, unit: str) -> _Age | None:
    """Decide what "N <unit>" means from the words around it."""
    child = _child_near(tokens, start, end + 1)
    pregnant_after = _pregnancy_near(tokens, end + 1, end + 3)
    if unit in WEEK_UNITS:
        pregnant = pregnant_after or (not child and (_pregnancy_anywhere(tokens) or _self_before(tokens, start)))
        if pregnant:
            return _pregnancy(value, start)
        return _child(value / _WEEKS_PER_MONTH, start) if child else None
    if unit in MONTH_UNITS:
        if pregnant_after:
            return _pregnancy(value * _WEEKS_PER_MONTH, start)
        return _child(value, start) if child else None
    if unit in YEAR_UNITS:
        if child:
            return _child(value * 12, start)
        return _young_parent(tokens, start, value)
    return _child(0, start) if child else None  # days


def _age_without_unit(tokens: Sequence[Token], start: int, value: float) -> _Age | None:
    """ "peuter van anderhalf", "mijn zoon is 2" (years), or "ik ben 17" (a young parent)."""
    before = _text_at(tokens, start - 1)
    if before in {"van", "is", "of"} and _text_at(tokens, start - 2) in CHILD_WORDS_FOR_BARE_YEARS:
        return _child(value * 12, start) if 0 < value <= _MAX_BARE_CHILD_YEARS else None
    return _young_parent(tokens, start, value)


def _young_parent(tokens: Sequence[Token], start: int, value: float) -> _Age | None:
    """ "ik ben 19 (jaar)": a parent younger than 23."""
    if _self_before(tokens, start) and round(value) in _YOUNG_PARENT_AGES and value == round(value):
        return _Age("young", round(value), start)
    return None


def _pregnancy(weeks: float, start: int) -> _Age | None:
    """Pregnancy weeks, if plausible."""
    return _Age("pregnancy", round(weeks), start) if 0 < weeks <= _MAX_PREGNANCY_WEEKS else None


def _child(months: float, start: int) -> _Age | None:
    """A child's age in months, if plausible."""
    return _Age("child", round(months), start) if 0 <= months <= _MAX_CHILD_MONTHS else None


def _number_at(tokens: Sequence[Token], index: int) -> tuple[float, int] | None:
    """A number at tokens[index] (digits, "1,5", Dutch or English words, "een half", "2 en een half")."""
    text = _text_at(tokens, index)
    if not text:
        return None
    if text[0].isdigit():
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            return None
        if not math.isfinite(value) or value > _MAX_NUMBER:
            return None
    elif text in NUMBER_WORDS:
        value = NUMBER_WORDS[text]
    else:
        return None
    end = index + 1
    if text in _ARTICLE_NUMBERS and _text_at(tokens, end) == "half":
        return 0.5, end + 1
    if (_text_at(tokens, end), _text_at(tokens, end + 1), _text_at(tokens, end + 2)) in {
        ("en", "een", "half"),
        ("and", "a", "half"),
    }:
        return value + 0.5, end + 3
    return value, end


def _text_at(tokens: Sequence[Token], index: int) -> str:
    """The normalised text of tokens[index], or "" outside the query."""
    return tokens[index].text if 0 <= index < len(tokens) else ""


def _child_near(tokens: Sequence[Token], start: int, end: int) -> bool:
    """A child word shortly before the number, or a child word or "oud" shortly after the unit."""
    before = tokens[max(0, start - _CHILD_WINDOW_BEFORE) : start]
    after = tokens[end : end + _CHILD_WINDOW_AFTER]
    return any(token.text in CHILD_WORDS for token in before) or any(
        token.text in CHILD_WORDS or token.text in AGE_WORDS_AFTER for token in after
    )


def _is_pregnancy_word(tokens: Sequence[Token], index: int) -> bool:
    """ "zwanger", "zwangerschap...", "pregnant", "(in) verwachting"."""
    text = tokens[index].text
    if text.startswith("zwanger") or text in PREGNANCY_WORDS:
        return True
    return text == "verwachting" and _text_at(tokens, index - 1) == "in"


def _pregnancy_near(tokens: Sequence[Token], start: int, end: int) -> bool:
    """A pregnancy word among tokens[start:end]."""
    return any(_is_pregnancy_word(tokens, index) for index in range(max(0, start), min(end, len(tokens))))


def _pregnancy_anywhere(tokens: Sequence[Token]) -> bool:
    """A pregnancy word anywhere in the query."""
    return _pregnancy_near(tokens, 0, len(tokens))


def _self_before(tokens: Sequence[Token], start: int) -> bool:
    """ "ik ben 20 weken", "I am 19": the person speaks about herself."""
    return any(_text_at(tokens, index) in SELF_WORDS for index in (start - 1, start - 2))


# --- Cost and guards -----------------------------------------------------------------------------


def _find_controls(context: _Context) -> None:
    """ "gratis", "kost niks", "for free" (not "niet gratis", not "smoke-free"), and guard phrases."""

    def accept(candidate: _Candidate, entry: Entry) -> bool:
        if entry.kind == "guard":
            return True
        if _negated(context.tokens, candidate.start):
            return False
        return not (entry.phrase == "free" and _hyphen_before(context.tokens, candidate.start))

    for candidate, entries in _scan(context, frozenset({"free", "guard"}), context.fixed, accept):
        for entry in entries:
            if entry.kind != "guard":
                context.take(_entry_match(candidate, entry))
                continue
            context.guarded.update(range(candidate.start, candidate.end))
            if entry.code == GUARD_FLUFF:
                context.consumed.update(range(candidate.start, candidate.end))


def _negated(tokens: Sequence[Token], start: int) -> bool:
    """ "niet gratis", "spreekt geen Nederlands", "spreek niet goed Engels"."""
    index = start - 1
    while index >= 0 and tokens[index].text in _NEGATION_FILLERS:
        index -= 1
    return index >= 0 and tokens[index].text in NEGATIONS


def _hyphen_before(tokens: Sequence[Token], index: int) -> bool:
    """tokens[index] is glued to the previous word by a hyphen ("smoke-free")."""
    return index > 0 and tokens[index].gap_before in _HYPHENS


def _hyphen_after(tokens: Sequence[Token], end: int) -> bool:
    """The word after a match is glued to it by a hyphen ("Noord-Holland")."""
    return end < len(tokens) and tokens[end].gap_before in _HYPHENS


# --- Places --------------------------------------------------------------------------------------


def _find_places(context: _Context) -> None:
    """Stadsdelen, gebieden, wijken and popular names, longest first; ambiguous names need a cue."""
    tokens = context.tokens
    shouting = _mostly_capitalised(tokens)
    places: list[_Match] = []

    def accept(candidate: _Candidate, entry: Entry) -> bool:
        if entry.place is None:
            return False
        if entry.place.kind == "stadsdeel" or entry.needs_cue:
            glued_to_other = (
                _hyphen_after(tokens, candidate.end) and _text_at(tokens, candidate.end) != "amsterdam"
            ) or (_hyphen_before(tokens, candidate.start) and _text_at(tokens, candidate.start - 1) != "amsterdam")
            if glued_to_other:  # "Noord-Holland", "Zuid-Afrika", "Oost-Europese"
                return False
        if not entry.needs_cue:
            return True
        last_end = places[-1].end if places else -1
        return _place_cue(tokens, candidate.start, candidate.end, last_end, shouting)

    blocked = context.fixed | context.guarded | context.tokens_of("free")
    for candidate, entries in _scan(context, frozenset({"place"}), blocked, accept):
        match = _entry_match(candidate, entries[0])
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


# --- Categories, phases and target groups --------------------------------------------------------


def _find_terms(context: _Context) -> None:
    """Hulpvraag categories, phase words and target groups; each kind matches on its own."""
    blocked = context.fixed | context.guarded | context.tokens_of("place")
    found = _scan(context, frozenset({"category"}), blocked)
    categories = [_entry_match(candidate, entry) for candidate, entries in found for entry in entries]
    for match in categories:
        context.take(match)
    for kind in ("phase", "target_group"):
        for candidate, entries in _scan(context, frozenset({kind}), blocked):
            for entry in entries:
                match = _entry_match(candidate, entry)
                if match.weak and any(match.inside(category) for category in categories):
                    context.consumed.update(range(match.start, match.end))
                    continue  # "spullen voor de baby" says nothing about the phase
                context.take(match)


# --- Languages -----------------------------------------------------------------------------------


def _find_languages(context: _Context) -> None:
    """Help in a language: "spreekt Arabisch", "in het Turks", "Engelstalig", "Tigrinya"."""
    tokens = context.tokens

    def accept(candidate: _Candidate, entry: Entry) -> bool:
        if _negated(tokens, candidate.start):
            return False
        return not entry.needs_cue or _language_cue(tokens, candidate.start, candidate.end)

    blocked = context.fixed | context.guarded | context.tokens_of("place", "category", "free")
    for candidate, entries in _scan(context, frozenset({"language"}), blocked, accept):
        context.take(_entry_match(candidate, entries[0]))


def _language_cue(tokens: Sequence[Token], start: int, end: int) -> bool:
    """ "in het Nederlands", "spreekt Marokkaans", "iemand die Nederlands spreekt"."""
    previous = start - 1
    while previous >= 0 and tokens[previous].text in DEFINITE_ARTICLES:
        previous -= 1
    before = _text_at(tokens, previous) if previous >= 0 else ""
    return before in LANGUAGE_CUES_BEFORE or _text_at(tokens, end) in LANGUAGE_CUES_AFTER


# --- Putting it together -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Phase:
    """The chosen phase, where its evidence is, and the ages said."""

    code: str
    position: int
    child_age_months: int | None
    pregnancy_weeks: int | None


def _resolve_phase(context: _Context) -> _Phase | None:
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
    return _Phase(code, position, child, weeks)


def _assemble(query: str, context: _Context) -> Understood:
    """Turn the matches into the public `Understood` with its chips."""
    vocabulary = context.vocabulary
    chips: list[tuple[int, int, Chip]] = []

    def add_chip(position: int, chip: Chip) -> None:
        chips.append((position, CHIP_KIND_ORDER.index(chip.kind), chip))

    places = context.of_kind("place")
    for match in places:
        add_chip(match.start, Chip("place", match.code, _place_label(vocabulary, match)))
    categories = _first_per_code(context.of_kind("category"))
    for match in categories:
        add_chip(match.start, Chip("category", match.code, match.label))
    free_matches = context.of_kind("free")
    if free_matches:
        add_chip(free_matches[0].start, Chip("free", "true", gettext("Gratis")))
    languages = _first_per_code(context.of_kind("language"))
    for match in languages:
        add_chip(match.start, Chip("language", match.code, match.label))
    phase = _resolve_phase(context)
    if phase is not None:
        add_chip(phase.position, Chip("phase", phase.code, _phase_label(vocabulary, phase)))
    targets = _target_groups(context)
    for position, code in targets:
        term = vocabulary.term("doelgroep", code)
        add_chip(position, Chip("target_group", code, term.label_nl if term else code))

    stadsdelen, gebieden = _areas(match.place for match in places if match.place is not None)
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


def _place_label(vocabulary: Vocabulary, match: _Match) -> str:
    """The place's name; a postcode also names its gebied: "1064 (Geuzenveld, Slotermeer)"."""
    place = match.place
    if place is None or place.kind != "postcode" or not place.gebied_code:
        return match.label
    gebied = vocabulary.place(place.gebied_code)
    return f"{place.name} ({gebied.name})" if gebied else place.name


def _target_groups(context: _Context) -> list[tuple[int, str]]:
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


def _phase_label(vocabulary: Vocabulary, phase: _Phase) -> str:
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


def _content_words(context: _Context, skip: set[int]) -> list[str]:
    """The query's words outside `skip`, without stop words, numbers and single letters."""
    return [
        token.text
        for index, token in enumerate(context.tokens)
        if index not in skip and token.text not in STOP_WORDS and len(token.text) > 1 and token.text[0].isalpha()
    ]


def _ranking_text(context: _Context) -> str:
    """The query's words minus those that only serve as filters (the need's words stay)."""
    return " ".join(_content_words(context, context.tokens_of("place", "free", "language") | context.fixed))


def _remaining(context: _Context) -> str:
    """The words no filter used, once each."""
    return " ".join(dict.fromkeys(_content_words(context, context.consumed)))


def _areas(places: Iterable[Place]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Stadsdeel codes of all places, and gebied codes of places smaller than a stadsdeel."""
    stadsdelen: list[str] = []
    gebieden: list[str] = []
    for place in places:
        if place.stadsdeel_code not in stadsdelen:
            stadsdelen.append(place.stadsdeel_code)
        if place.kind != "stadsdeel" and place.gebied_code and place.gebied_code not in gebieden:
            gebieden.append(place.gebied_code)
    return tuple(stadsdelen), tuple(gebieden)


def _first_per_code(matches: Iterable[_Match]) -> list[_Match]:
    """The first match of every code, by position in the query."""
    seen: set[str] = set()
    result: list[_Match] = []
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
