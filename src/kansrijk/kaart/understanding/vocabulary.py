"""The words the question understanding knows: places, hulpvraag categories, phases, target groups, languages.

A `Vocabulary` is built once by the caller (the Kaart builds it from the database) and then answers cheap
dictionary look-ups while a query is understood:

* `lookup(key)` maps a normalised phrase (tokens joined by one space) to its meanings (`Entry`).
  Multi-word phrases are also registered with their tokens glued together ("nieuw west" and
  "nieuwwest"), so "Nieuwwest" matches the stadsdeel Nieuw-West.
* `lookup_stem(token)` maps a single word to meanings of single-word synonyms with the same Dutch
  stem ("kinderwagens" -> babyspullen), with guards against the stemmer's over-matching.

Pure Python: no Django models and no database access.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Final, Literal

from kansrijk.kaart.understanding.tokens import phrase_key
from kansrijk.search.text import stem

EntryKind = Literal["place", "category", "phase", "target_group", "language", "free", "guard"]

TERM_KINDS: Final[Mapping[str, EntryKind]] = {
    "hulpvraag": "category",
    "fase": "phase",
    "doelgroep": "target_group",
}

# --- Places --------------------------------------------------------------------------------------

# Place names that are also ordinary words: they only count with a place cue ("in West",
# "Amsterdam-Noord"), at the end of the query, or capitalised in the middle of a sentence.
AMBIGUOUS_PLACE_KEYS: Final = frozenset(
    {"noord", "zuid", "oost", "west", "centrum", "pijp", "punt", "de punt", "gein", "sloten", "waterland",
     "omval", "plantage"}
)  # fmt: skip

# Popular names that are not (a part of) an official name, mapped to an official place code.
POPULAR_PLACE_ALIASES: Final[Mapping[str, str]] = {
    "bijlmer": "T",
    "de bijlmer": "T",
    "bijlmermeer": "T",
    "binnenstad": "A",
    "zeeburg": "M",
    "oosterpark": "MC",
    "banne": "NE",
    "de banne": "NE",
    "nieuwendam": "NN",
    "bos lommer": "GE04",
}

_PLACE_KIND_RANK: Final[Mapping[str, int]] = {"stadsdeel": 0, "gebied": 1, "wijk": 2, "postcode": 3}

# --- Terms ---------------------------------------------------------------------------------------

# Everyday phrases the data files lack, added to a term when that term exists.
EXTRA_SYNONYMS: Final[Mapping[tuple[str, str], tuple[str, ...]]] = {
    ("hulpvraag", "kraamtijd"): ("net bevallen",),
    ("hulpvraag", "babyspullen"): ("babykleren", "kinderkleding", "kleding voor mijn baby", "spullen voor mijn kind"),
    ("hulpvraag", "voeding-en-borstvoeding"): (
        "eet slecht", "eet niet goed", "wil niet eten", "drinkt slecht", "drinkt niet goed", "wil niet drinken",
    ),
    ("hulpvraag", "opvoeden-en-opgroeien"): ("huilt", "huilt veel", "slaapt slecht", "slaapt niet"),
    ("hulpvraag", "contact-met-andere-ouders"): (
        "ik ben alleen", "sta er alleen voor", "er alleen voor staan", "alleen voor staan",
    ),
    ("hulpvraag", "zwanger-worden-en-kinderwens"): ("zwanger raken", "get pregnant", "getting pregnant"),
    ("fase", "voor-de-zwangerschap"): (
        "wil zwanger worden", "zwanger raken", "een kind willen", "kind willen", "get pregnant", "getting pregnant",
        "become pregnant", "wanting a baby", "want a baby",
    ),
    ("fase", "zwangerschap-en-bevalling"): ("ik ben zwanger", "zwangere", "pregnant"),
    ("fase", "na-de-geboorte"): ("net bevallen", "net geboren", "just gave birth", "new baby", "my baby"),
}  # fmt: skip

# Single-word synonyms from the data that are too common as ordinary words to count on their own
# ("alleen" = "only"); phrases in EXTRA_SYNONYMS cover their real meaning.
SUPPRESSED_SINGLE_WORDS: Final = frozenset({"alleen"})

# Phrases that point at a phase but are weak evidence ("spullen voor de baby" is also asked while
# pregnant) and target groups that are the default audience: they do not count inside a longer
# category phrase and lose from stronger phase evidence.
WEAK_PHASE_PHRASES: Final = frozenset({"baby", "mijn kind", "mijn zoon", "mijn dochter", "my baby"})
WEAK_TERMS: Final = frozenset({("doelgroep", "ouders")})

# --- Cost and guards -----------------------------------------------------------------------------

FREE_PHRASES: Final = (
    "gratis", "kosteloos", "kost niks", "kost niets", "kost geen geld", "kost het niks", "kost het niets",
    "voor niks", "voor niets", "zonder kosten", "geen kosten", "geen eigen bijdrage", "zonder eigen bijdrage",
    "mag niks kosten", "mag niets kosten", "mag geen geld kosten", "hoeft niks te kosten", "hoeft niets te kosten",
    "free", "for free", "free of charge", "no cost", "at no cost", "without cost", "costs nothing",
)  # fmt: skip

# Phrases whose words must not be read as a need, phase, target group or language ("ik woon in
# Noord" is no housing question). GUARD_PHRASES are request fluff and are left out of `remaining`;
# the words of TEXT_GUARD_PHRASES ("hulp aan huis") stay in it. Both stay in the ranking text: leaving
# the fluff out of it was measured to rank worse (words-only nDCG@5 0.750 -> 0.746).
GUARD_PHRASES: Final = (
    "ik woon", "wij wonen", "we wonen", "woon in", "woont in", "wonen in", "ik werk", "wij werken", "we werken",
    "werken met", "werkzaam bij", "werk bij", "werk als", "recht op", "gemeente amsterdam",
)  # fmt: skip
TEXT_GUARD_PHRASES: Final = ("aan huis", "jeugd en gezin", "centrum voor jeugd en gezin")
GUARD_FLUFF: Final = "fluff"
GUARD_TEXT: Final = "text"

# --- Languages -----------------------------------------------------------------------------------

# Languages whose names only count with an explicit cue ("in het Nederlands"): everyone in Amsterdam
# gets help in Dutch, and "Nederlands leren" is a need, not a language filter.
CUE_ONLY_LANGUAGES: Final = frozenset({"nl"})
# Names that are ambiguous alone ("Marokkaans" is a nationality) but clear with a cue.
CUE_ONLY_LANGUAGE_ALIASES: Final[Mapping[str, str]] = {"marokkaans": "ar"}
# Endings that make a language name explicit: "Engelstalig", "Arabischsprekende".
LANGUAGE_COMPOUND_SUFFIXES: Final = ("talig", "talige", "sprekend", "sprekende")

# --- Stemming ------------------------------------------------------------------------------------

_STEM_MIN_TOKEN = 4
_STEM_SHARED_PREFIX = 3  # the Dutch stemmer strips "ge-" ("gezin" -> "zin"): demand the same start
_STEMMABLE_KINDS: Final = frozenset({"category", "phase", "target_group"})
# Participles and adjectives ("werkend", "schuldig") are no forms of a need; nor are these words.
_NOT_STEMMED_ENDINGS: Final = ("end", "ende", "ig", "ige")
NEVER_STEMMED: Final = frozenset(
    {
        "gelden",
        "rechts",
        "rechte",
        "rekenen",
        "ouderen",
        "oudere",
        "regelen",
        "geregeld",
        "lezing",
        "lezingen",
        "geboren",
    }
)

# --- Normalisation -------------------------------------------------------------------------------

_PARENTHESES_RE: Final = re.compile(r"\([^)]*\)")

# --- Public data classes -------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A stadsdeel, gebied, wijk or PC4 postcode area of Amsterdam."""

    kind: str  # "stadsdeel" | "gebied" | "wijk" | "postcode"
    code: str
    name: str
    stadsdeel_code: str
    gebied_code: str | None


@dataclass(frozen=True)
class Term:
    """A term of one of the taxonomies, with the everyday words (Dutch and English) that name it."""

    taxonomy: str  # "hulpvraag" | "fase" | "doelgroep"
    code: str
    label_nl: str
    label_en: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class LanguageName:
    """A language help can be given in, with the names people use for it."""

    code: str
    name_nl: str
    name_en: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """One meaning of a phrase in the index."""

    kind: EntryKind
    code: str
    phrase: str  # the normalised phrase it was registered under
    label: str  # the Dutch label to show
    place: Place | None = None
    needs_cue: bool = False  # places and languages that are only understood with a cue
    weak: bool = False  # weak evidence (see WEAK_PHASE_PHRASES, WEAK_TERMS)


class Vocabulary:
    """All phrases the search understands, indexed once for fast look-ups per query."""

    def __init__(
        self,
        *,
        places: Iterable[Place],
        postcodes: Mapping[str, Place],
        terms: Iterable[Term],
        languages: Iterable[LanguageName],
    ) -> None:
        self.places: tuple[Place, ...] = tuple(places)
        self.postcodes: dict[str, Place] = dict(postcodes)
        self.terms: dict[tuple[str, str], Term] = {(term.taxonomy, term.code): term for term in terms}
        self.languages: dict[str, LanguageName] = {language.code: language for language in languages}
        self._places_by_code: dict[str, Place] = {place.code: place for place in self.places}
        self._places_by_code.update(self.postcodes)

        builder = _IndexBuilder()
        builder.add_places(self.places, self._places_by_code)
        builder.add_terms(self.terms.values())
        builder.add_languages(self.languages.values())
        builder.add_controls()
        self._index, self._stem_index = builder.build()
        self.max_phrase_tokens: int = max((key.count(" ") + 1 for key in self._index), default=1)

    def lookup(self, key: str) -> tuple[Entry, ...]:
        """The meanings of a normalised phrase key (tokens joined by one space), if any."""
        return self._index.get(key, ())

    def lookup_stem(self, token: str) -> tuple[Entry, ...]:
        """Meanings of single-word term synonyms that `token` is a plural, diminutive or other form of.

        Tries the token without a plural ending ("kinderwagens" -> "kinderwagen") and the Dutch
        stems of both. Guarded against over-matching: the token must be long enough, start like the
        synonym, and not be a verb form in -t unless the synonym is ("werkt" is not "werk").
        """
        if (
            len(token) < _STEM_MIN_TOKEN
            or not token.replace("'", "").isalpha()
            or token in NEVER_STEMMED
            or token.endswith(_NOT_STEMMED_ENDINGS)
        ):
            return ()
        found: list[Entry] = []
        for variant in _light_variants(token):
            found.extend(entry for entry in self._index.get(variant, ()) if entry.kind in _STEMMABLE_KINDS)
            found.extend(self._stem_index.get(stem(variant), ()))
        return _dedupe(
            entry
            for entry in found
            if entry.phrase[:_STEM_SHARED_PREFIX] == token[:_STEM_SHARED_PREFIX]
            and (not token.endswith("t") or entry.phrase.endswith("t"))
        )

    def place(self, code: str) -> Place | None:
        """The place (stadsdeel, gebied, wijk or postcode) with this code."""
        return self._places_by_code.get(code)

    def term(self, taxonomy: str, code: str) -> Term | None:
        """The term of a taxonomy ("hulpvraag", "fase", "doelgroep") with this code."""
        return self.terms.get((taxonomy, code))

    def language(self, code: str) -> LanguageName | None:
        """The language with this code."""
        return self.languages.get(code)


# --- Building the index --------------------------------------------------------------------------


class _IndexBuilder:
    """Collects (key, entry) pairs and resolves them into the look-up dictionaries."""

    def __init__(self) -> None:
        self._entries: dict[str, list[Entry]] = defaultdict(list)
        self._place_candidates: dict[str, list[tuple[int, int, Place]]] = defaultdict(list)

    def add(self, phrase: str, entry_for_key: Entry) -> None:
        """Register an entry under a phrase key (already normalised)."""
        if phrase:
            self._entries[phrase].append(entry_for_key)

    def add_places(self, places: Iterable[Place], by_code: Mapping[str, Place]) -> None:
        """Official names, their parts and article-less forms, and popular names."""
        for place in places:
            for alias, priority in _place_aliases(place.name):
                self._place_candidates[alias].append((priority, _PLACE_KIND_RANK.get(place.kind, 9), place))
        for alias, code in POPULAR_PLACE_ALIASES.items():
            target = by_code.get(code)
            if target is not None:
                self._place_candidates[phrase_key(alias)].append((-1, 0, target))

    def add_terms(self, terms: Iterable[Term]) -> None:
        """Labels and synonyms of hulpvraag, fase and doelgroep terms (plus EXTRA_SYNONYMS)."""
        for term in terms:
            kind = TERM_KINDS.get(term.taxonomy)
            if kind is None:
                continue
            phrases = (
                _strip_parentheses(term.label_nl),
                _strip_parentheses(term.label_en),
                *term.synonyms,
                *EXTRA_SYNONYMS.get((term.taxonomy, term.code), ()),
            )
            weak_term = (term.taxonomy, term.code) in WEAK_TERMS
            for phrase in phrases:
                key = phrase_key(phrase)
                if kind == "category" and key in SUPPRESSED_SINGLE_WORDS:
                    continue
                weak = weak_term or (kind == "phase" and key in WEAK_PHASE_PHRASES)
                self.add(key, Entry(kind=kind, code=term.code, phrase=key, label=term.label_nl, weak=weak))

    def add_languages(self, languages: Iterable[LanguageName]) -> None:
        """Language names and synonyms, compounds such as "Engelstalig", and cue-only names."""
        by_code = {language.code: language for language in languages}
        for language in by_code.values():
            needs_cue = language.code in CUE_ONLY_LANGUAGES
            for name in (language.name_nl, language.name_en, *language.synonyms):
                key = phrase_key(_strip_parentheses(name))
                self.add(key, Entry("language", language.code, key, language.name_nl, needs_cue=needs_cue))
                if " " not in key:
                    for suffix in LANGUAGE_COMPOUND_SUFFIXES:
                        compound = key + suffix
                        self.add(compound, Entry("language", language.code, compound, language.name_nl))
        for alias, code in CUE_ONLY_LANGUAGE_ALIASES.items():
            if code in by_code:
                self.add(alias, Entry("language", code, alias, by_code[code].name_nl, needs_cue=True))

    def add_controls(self) -> None:
        """Cost phrases ("gratis") and guard phrases; multi-word cost phrases also guard their words."""
        for phrase in FREE_PHRASES:
            key = phrase_key(phrase)
            self.add(key, Entry("free", "true", key, ""))
            if " " in key:
                self.add(key, Entry("guard", GUARD_FLUFF, key, ""))
        for phrases, code in ((GUARD_PHRASES, GUARD_FLUFF), (TEXT_GUARD_PHRASES, GUARD_TEXT)):
            for phrase in phrases:
                key = phrase_key(phrase)
                self.add(key, Entry("guard", code, key, ""))

    def build(self) -> tuple[dict[str, tuple[Entry, ...]], dict[str, tuple[Entry, ...]]]:
        """Resolve places, deduplicate, add glued forms of multi-word phrases, and build the stem index."""
        self._resolve_places()
        index = {key: _dedupe(entries) for key, entries in self._entries.items()}
        for key, entries in list(index.items()):
            if " " in key:
                glued = key.replace(" ", "")
                movable = tuple(entry for entry in entries if entry.kind not in ("free", "guard"))
                if movable and glued not in index:
                    index[glued] = movable
        return index, self._stem_index(index)

    def _resolve_places(self) -> None:
        """Each place key gets the single best place: explicit aliases, full names, then broader areas."""
        for key, candidates in self._place_candidates.items():
            _, _, place = min(candidates, key=lambda item: (item[0], item[1], item[2].code))
            self.add(
                key,
                Entry("place", place.code, key, place.name, place=place, needs_cue=key in AMBIGUOUS_PLACE_KEYS),
            )

    def _stem_index(self, index: Mapping[str, tuple[Entry, ...]]) -> dict[str, tuple[Entry, ...]]:
        """Map the Dutch stem of every single-word term synonym to its entries."""
        stems: dict[str, list[Entry]] = defaultdict(list)
        for key, entries in index.items():
            if " " in key or not key.isalpha() or len(key) < _STEM_SHARED_PREFIX:
                continue
            for entry in entries:
                if entry.kind in _STEMMABLE_KINDS and entry.phrase == key:
                    stems[stem(key)].append(entry)
        return {key: _dedupe(entries) for key, entries in stems.items()}


def _light_variants(token: str) -> list[str]:
    """The token and the token without a plural ending: "baby's" -> "baby", "boxen" -> "box"."""
    variants = [token]
    for ending in ("'s", "s", "en"):
        if token.endswith(ending) and len(token) - len(ending) >= _STEM_SHARED_PREFIX:
            variants.append(token[: -len(ending)])
            break
    if len(variants) > 1 and variants[-1][-1:] == variants[-1][-2:-1]:
        variants.append(variants[-1][:-1])  # "boxxen" is no word, but "bedden" -> "bedd" -> "bed"
    return variants


def _dedupe(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    """Keep the first entry per (kind, code); a weak and a strong one of the same meaning keep the strong."""
    chosen: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        known = chosen.get((entry.kind, entry.code))
        if known is None or (known.weak and not entry.weak):
            chosen[(entry.kind, entry.code)] = entry
    return tuple(chosen.values())


def _strip_parentheses(text: str) -> str:
    """ "Jonge ouders (tot 23 jaar)" -> "Jonge ouders "."""
    return _PARENTHESES_RE.sub(" ", text)


def _place_aliases(name: str) -> Iterator[tuple[str, int]]:
    """Look-up keys for an official place name with a priority (0 = the name itself).

    "Geuzenveld, Slotermeer" also yields its parts, "Nieuwmarkt/Lastage" its halves,
    "Hoofdweg e.o." the name without "e.o.", and "De Kolenkit" also "kolenkit".
    """
    base = re.sub(r"\s+e\.o\.?$", "", name.strip())
    names = [(base, 0)]
    parts = [part.strip() for part in re.split(r"[,/]", base) if part.strip()]
    if len(parts) > 1:
        names.extend((part, 1) for part in parts)
    for text, priority in names:
        key = phrase_key(text)
        yield key, priority
        if key.startswith("de "):
            yield key[3:], 1
