"""The Vraagbaak's anonymity guard: finds personal data in a Dutch case question before it is published.

A question is about a situation, never about a person that others could recognise. `check(text)` returns
the spans that could identify someone, each with a kind code, so the page can mark them and say how to
rewrite them. It is pure: no database, no settings at import time; deduce is loaded once per process
(lazily and thread-safe, or ahead of time with `warm()`).

The layers, in order:

1. **deduce** (the Dutch de-identification library, offline) proposes spans: names, dates, streets,
   postcodes, BSN, phone numbers, email addresses, URLs and other identifiers. Its tags are mapped to
   our kind codes; ages, hospitals and care institutions are not findings (institutions are kept as
   "organisation spans" so that no name is flagged inside them).
2. **Our filters** on deduce's proposals: a name made only of ordinary words (a capitalised word at
   the start of a sentence, a language, a role word such as "Kindje") is dropped; a place without a
   house number ("Amsterdam", "Polen") is dropped; a date without a year counts only near a birth word
   ("geboren", "geb.", "bevallen"); an address is widened to its addition ("12-2", "125 hs", "7 3hoog").
3. **Our own rules** for what deduce misses: IBAN, licence plates (kenteken), postcode with house
   number, street + number by Dutch street endings, phone and BSN formats, case/dossier/client numbers,
   social-media links and handles, names after a title or role word ("moeder Fatima", "mevrouw Osei"),
   names followed by an age ("Hatice (23)"), runs of unknown capitalised words ("Tesfay Gebremedhin"),
   lower-case names typed sloppily ("fatima el amrani") and rare identifying details from the curated
   list in `data/rare_details.txt` (triplets, very large families, rare syndromes, public roles).
4. **Allow-lists**: Amsterdam's stadsdelen, gebieden and wijken (`data/allowed_places.txt`),
   organisations and programmes (`data/allowed_organisations.txt`, anything after an organisation head
   such as "Stichting" or "Buurtteam", and extra phrases passed by the caller, e.g. organisation names
   from the database). A finding wholly inside an allowed phrase is dropped; a name loses the words
   that are part of one.
5. **Merge**: overlapping findings become one, with the most specific kind (an IBAN beats the phone
   number deduce sees inside it, an address beats the first name in "Pieter Calandlaan 240").

Kind codes (stable, English): name, bsn, date, address, postcode, phone, email, iban, licence_plate,
url, case_number, rare_detail. Offsets are Python str indices into the original text, end exclusive.
"""

from __future__ import annotations

import bisect
import gc
import logging
import re
import threading
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Final

from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

DATA: Final = Path(__file__).with_name("data")

# Most specific first: when findings overlap, the merged one takes the kind that comes first here.
KINDS: Final[tuple[str, ...]] = (
    "email",
    "iban",
    "url",
    "bsn",
    "phone",
    "licence_plate",
    "postcode",
    "address",
    "date",
    "case_number",
    "rare_detail",
    "name",
)
_PRIORITY: Final = {kind: rank for rank, kind in enumerate(KINDS)}


def gettext_noop(message: str) -> str:
    """Marks a message for makemessages without touching settings (Django's own one reads USE_I18N)."""
    return message


_LABELS: Final = {
    "name": (
        gettext_noop("Naam"),
        gettext_noop("Schrijf 'de moeder', 'de vader' of 'het kind' in plaats van een naam."),
    ),
    "bsn": (
        gettext_noop("BSN"),
        gettext_noop("Laat het BSN weg. Niemand heeft het nodig om je vraag te beantwoorden."),
    ),
    "date": (
        gettext_noop("Datum"),
        gettext_noop("Schrijf een leeftijd of een periode, zoals 'een moeder van 28' of 'een baby van 3 maanden'."),
    ),
    "address": (
        gettext_noop("Adres"),
        gettext_noop("Noem alleen het stadsdeel of de wijk, zoals 'in Nieuw-West', zonder straat en huisnummer."),
    ),
    "postcode": (gettext_noop("Postcode"), gettext_noop("Noem alleen het stadsdeel of de wijk, zonder postcode.")),
    "phone": (gettext_noop("Telefoonnummer"), gettext_noop("Laat het telefoonnummer weg.")),
    "email": (gettext_noop("E-mailadres"), gettext_noop("Laat het e-mailadres weg.")),
    "iban": (gettext_noop("Rekeningnummer"), gettext_noop("Laat het rekeningnummer weg.")),
    "licence_plate": (gettext_noop("Kenteken"), gettext_noop("Laat het kenteken weg. Schrijf 'de auto van vader'.")),
    "url": (
        gettext_noop("Link of account"),
        gettext_noop("Laat de link of de accountnaam weg. Beschrijf wat je zag, zonder te zeggen waar."),
    ),
    "case_number": (gettext_noop("Dossiernummer"), gettext_noop("Laat het dossier-, cliënt- of patiëntnummer weg.")),
    "rare_detail": (
        gettext_noop("Herkenbaar detail"),
        gettext_noop(
            "Dit detail is zo zeldzaam dat mensen het gezin kunnen herkennen. Schrijf het algemener, "
            "zoals 'een groot gezin' of 'een zeldzame aandoening'."
        ),
    ),
}


@dataclass(frozen=True)
class Finding:
    """One span of the text that could identify someone."""

    kind: str
    text: str
    start: int
    end: int

    @property
    def label(self) -> str:
        return label(self.kind)

    @property
    def hint(self) -> str:
        return hint(self.kind)


def label(kind: str) -> str:
    """A short Dutch (B1) name for a kind of finding, translated."""
    pair = _LABELS.get(kind)
    return _(pair[0]) if pair else _("Persoonsgegeven")


def hint(kind: str) -> str:
    """A short Dutch (B1) tip on how to rewrite a finding of this kind, translated."""
    pair = _LABELS.get(kind)
    return _(pair[1]) if pair else _("Schrijf dit algemener, zodat niemand de persoon kan herkennen.")


# --- deduce, loaded once -------------------------------------------------------------------------------

_lock = threading.Lock()
_model: Any = None
load_seconds: float | None = None


def _deduce() -> Any:
    global _model, load_seconds
    if _model is None:
        with _lock:
            if _model is None:
                from deduce import Deduce

                started = time.perf_counter()
                with _no_gc():
                    model = Deduce()
                _bound_name_context(model)
                _model = model
                load_seconds = time.perf_counter() - started
    return _model


# deduce's name-context annotator grows every name annotation by a token on either side ("Jan" ->
# "Jan de Vries") and repeats until nothing changes. On a run of n capitalised words ("Jan Jan Jan ...")
# every word seeds an annotation that keeps growing for n rounds: cubic (2,000 characters took 34 s).
# Real names settle within 2 rounds (3 at most on every corpus and test text). So: the first EXACT_ROUNDS
# rounds are deduce's own; after that, overlapping annotations that still grow are joined into one (only
# its two ends can grow further), and after NAME_CONTEXT_ROUNDS it stops. Our own rules flag long runs.
EXACT_ROUNDS: Final = 1
NAME_CONTEXT_ROUNDS: Final = 12


def _bound_name_context(model: Any) -> None:
    """Replace deduce's iterative name-context annotator by the bounded one (same rules, same order)."""
    from deduce.annotator import ContextAnnotator

    names = model.processors["names"]
    for position, name in enumerate(names.get_names(recursive=False)):
        old = names[name]
        if type(old) is ContextAnnotator and old.iterative:
            bounded = _bounded_context_class()(old)
            names.remove_processor(name)
            names.add_processor(name, bounded, position=position)


@cache
def _bounded_context_class() -> type:
    from deduce.annotator import ContextAnnotator
    from docdeid.annotation import Annotation, AnnotationSet

    def joined(text: str, annotations: Any) -> Any:
        """Overlapping annotations as one: the left end (token, first tag part) of the leftmost, the right
        end (token, last tag part) of the rightmost, so that it grows as they would at its ends."""
        result = AnnotationSet()
        ordered = sorted(annotations, key=lambda a: (a.start_char, -a.end_char))
        index = 0
        while index < len(ordered):
            left = right = ordered[index]
            priority = left.priority
            index += 1
            while index < len(ordered) and ordered[index].start_char < right.end_char:
                if ordered[index].end_char > right.end_char:
                    right = ordered[index]
                priority = max(priority, ordered[index].priority)
                index += 1
            if right is left:
                result.add(left)
                continue
            result.add(
                Annotation(
                    text=text[left.start_char : right.end_char],
                    start_char=left.start_char,
                    end_char=right.end_char,
                    start_token=left.start_token,
                    end_token=right.end_token,
                    tag=f"{left.tag}+{right.tag}",
                    priority=priority,
                )
            )
        return result

    class BoundedContextAnnotator(ContextAnnotator):  # type: ignore[misc]  # deduce ships no types
        """deduce's ContextAnnotator with a bounded number of rounds (and a loop instead of recursion)."""

        def __init__(self, original: ContextAnnotator) -> None:
            self.__dict__.update(original.__dict__)

        def _annotate(self, text: str, annotations: Any) -> Any:
            done = AnnotationSet()
            todo = annotations
            for round_ in range(NAME_CONTEXT_ROUNDS):
                before = todo.copy()
                for context_pattern in self.pattern:
                    todo = self._apply_context_pattern(text, todo, context_pattern)
                changed = AnnotationSet(todo.difference(before))
                done.update(todo.intersection(before))
                if not changed:
                    return done
                todo = joined(text, changed) if round_ + 1 >= EXACT_ROUNDS else changed
            done.update(todo)
            return done

    return BoundedContextAnnotator


@contextmanager
def _no_gc() -> Iterator[None]:
    """Without the cyclic garbage collector while loading millions of small objects (deduce's pickled
    lookup tries, the word lists): the collector would walk them again and again; loading takes half.
    Afterwards they are frozen (`gc.freeze`): they live as long as the process, and a full collection
    that walked them would stop a request for seconds (seen: one check of 0.2 s taking 5.6 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def warm() -> None:
    """Load deduce now (about 6 s), so that the first check is fast."""
    _deduce()
    _vocabulary()
    _frequencies()
    _english()


# --- word lists ----------------------------------------------------------------------------------------


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def _own_words() -> frozenset[str]:
    return frozenset(word.lower() for word in _lines("common_words.txt"))


@cache
def _name_words() -> frozenset[str]:
    """Ordinary words that deduce's name lists also hold ("roos", "schimmel"): see data/name_words.txt."""
    return frozenset(word.lower() for word in _lines("name_words.txt"))


def _is_name_word(token: str) -> bool:
    lower = token.lower()
    words = _name_words()
    return lower in words or any(lower.endswith(s) and lower[: -len(s)] in words for s in ("s", "en", "e"))


# How often a word occurs in pyspellchecker's Dutch frequency list (subtitles) before it counts as an
# ordinary word at the start of a sentence ("Verwijs via ...", "Schimmel in ..."). Nearly all first names
# sit at the list's floor (50) or a little above; of deduce's 14,882 first names only 224 reach 400, and
# those are words too ("Roos", "Storm", "Winter").
FREQUENT_WORD = 400


@cache
def _word_counts(language: str) -> Mapping[str, int]:
    """pyspellchecker's word list for `language` ("nl" or "en"): how often each word occurs (offline)."""
    from spellchecker import SpellChecker

    with _no_gc():
        return dict(SpellChecker(language=language, distance=1).word_frequency.dictionary)


def _frequencies() -> Mapping[str, int]:
    return _word_counts("nl")


def _frequent_word(token: str) -> bool:
    return _frequencies().get(token.lower(), 0) >= FREQUENT_WORD


def _dictionary_word(token: str) -> bool:
    """In the Dutch word list at all, a compound of two words in it ("Taalmaatje", "Vroegsignalering"),
    or hyphenated with a word part ("BSO-plek", "Wmo-consulent"). Names missing from deduce's lists
    ("Yonas", "Abena", "Senait") are mostly absent from the word list too."""
    lower = token.lower().strip("'\u2019.")
    frequencies = _frequencies()
    if frequencies.get(lower, 0) > 0 or is_word(lower) or _english_word(lower):
        return True
    if "-" in lower:
        return any(len(part) >= 4 and _dictionary_word(part) for part in lower.split("-"))
    return any(
        frequencies.get(lower[:cut], 0) >= COMPOUND_PART and _compound_tail(lower[cut:])
        for cut in range(4, len(lower) - 3)
    )


COMPOUND_PART = 100  # both halves of a compound must be common words (names rarely split that way)


def _compound_tail(tail: str) -> bool:
    frequencies = _frequencies()
    if frequencies.get(tail, 0) >= COMPOUND_PART:
        return True
    return any(tail.endswith(s) and frequencies.get(tail[: -len(s)], 0) >= COMPOUND_PART for s in ("s", "en", "e", "n"))


# An English word this frequent is ordinary text, not a name ("can", "Does", "Cultural"); English-speaking
# professionals and parents mix it into Dutch. Counts from pyspellchecker's English list.
ENGLISH_WORD = 10000  # "refer" 14,764, "zero" 27,008; "mo" 5,872 and "kenneth" 318 stay possible names
ENGLISH_COMMON = 300000  # so common that even a listed name is the word at a sentence start ("Does", "Will")


def _english() -> Mapping[str, int]:
    return _word_counts("en")


def _english_word(token: str) -> bool:
    return _english().get(token.lower(), 0) >= ENGLISH_WORD


def _english_text(finding: Finding) -> bool:
    """A lower-case run of common English words ("can refer", "has zero network here") is English text."""
    parts = finding.text.split()
    return finding.text.islower() and all(_english_word(part) for part in parts)


def _lowercase_word(finding: Finding) -> bool:
    """A single lower-case word that is a common Dutch word and no listed name ("terecht", "graag")."""
    word = finding.text
    return word.isalpha() and word.islower() and not _listed_name(word) and _frequencies().get(word, 0) >= FREQUENT_WORD


def _role_word(finding: Finding) -> bool:
    """ "JGZ-verpleegkundige Oost", "Wijkverpleegkundige": a job title signs off, not a name."""
    first = finding.text.split()[0]
    return "-" in first and _dictionary_word(first.rsplit("-", 1)[-1]) and not _listed_name(first.rsplit("-", 1)[-1])


def _listed_name(token: str) -> bool:
    return _is_first_name(token) or _is_surname(token)


@cache
def _vocabulary() -> frozenset[str]:
    """Lower-case Dutch words that are not names on their own: deduce's lists plus ours."""
    words = set(_own_words())
    structs = _deduce().lookup_structs
    for key in ("common_word", "whitelist", "stop_word", "medical_term"):
        words.update(item.lower() for item in structs[key].items())
    return frozenset(words)


@cache
def _titles() -> frozenset[str]:
    return frozenset(item.lower().rstrip(".") for item in _deduce().lookup_structs["prefix"].items())


@cache
def _rare_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line) for line in _lines("rare_details.txt"))


@cache
def _allowed_domains() -> frozenset[str]:
    return frozenset(line.lower() for line in _lines("allowed_domains.txt"))


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    cleaned = sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    body = "|".join(r"\s+".join(re.escape(part) for part in phrase.split()) for phrase in cleaned)
    # a cheap look at the first character before trying hundreds of phrases at every position
    first = "".join(sorted({c for phrase in cleaned for c in (phrase[0].lower(), phrase[0].upper())}))
    return re.compile(rf"(?<!\w)(?=[{re.escape(first)}])(?:{body})(?!\w)", re.IGNORECASE)


@cache
def _builtin_allowed() -> re.Pattern[str] | None:
    return _phrase_pattern([*_lines("allowed_places.txt"), *_lines("allowed_organisations.txt")])


@lru_cache(maxsize=64)
def _extra_allowed(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    return _phrase_pattern(phrases)


def is_word(token: str) -> bool:
    """True when `token` is an ordinary Dutch word (or a derived plural/inflection of one)."""
    lower = token.lower().strip("'\u2019.-")
    if not lower:
        return True
    vocabulary = _vocabulary()
    if lower in vocabulary:
        return True
    for suffix in ("'s", "s", "en", "e", "je", "tje", "jes", "tjes", "ste", "de", "ische", "isch"):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3 and lower[: -len(suffix)] in vocabulary:
            return True
    return "-" in lower and all(is_word(part) for part in lower.split("-") if part)


def _is_first_name(token: str) -> bool:
    trie = _deduce().lookup_structs["first_name"]
    return bool(trie.longest_matching_prefix([token[:1].upper() + token[1:].lower()]))


def _is_surname(token: str) -> bool:
    trie = _deduce().lookup_structs["surname"]
    return bool(trie.longest_matching_prefix([token[:1].upper() + token[1:].lower()]))


# --- patterns ------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_][\w'\u2019]*(?:-[^\W\d_][\w'\u2019]*)*\.?")
_CAP = r"(?:[A-ZÀ-ÖØ-Þ][\w'\u2019]*(?:-[A-ZÀ-ÖØ-Þa-z][\w'\u2019]*)*)"
_INTERFIX = (
    r"(?:van\s+der|van\s+den|van\s+de|van|de|den|der|el|al|ben|bin|ter|ten|te|da|dos|du|le|la|'t|in\s+'t|op\s+de)"
)
_MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)"
)
# what follows a house number: "-2", "-III", "-hs", " hs", "1hg", " 2hoog", " 3-boven", " bis", "A", "-1"
_HOUSE_ADDITION = (
    r"(?:hs|huis|h|hg|bg|bv|bel|sous|souterrain|boven|beneden|bis|I{1,3}|IV|V"
    r"|[1-4](?:e|ste|de)?\s?-?(?:hoog|hg|h|verd|verdieping|et|etage|boven)|hoog)"
)
_HOUSE_SUFFIX = (
    rf"(?:\s?[-\u2013/]\s?(?:\d{{1,4}}(?:\s?(?:hoog|hg))?|{_HOUSE_ADDITION}|[A-Da-d])(?!\w)|[A-Za-z](?!\w)"
    rf"|\s(?:{_HOUSE_ADDITION}|[a-d])(?!\w))*"
)
# an ordinal before a street name: "2e Jan Steenstraat", "Eerste Oosterparkstraat", "1ste Helmersstraat"
_ORDINAL = r"(?:[1-9](?:e|ste|de)|[Ee]erste|[Tt]weede|[Dd]erde|[Vv]ierde|[Vv]ijfde)"
_STREET_END = (
    r"(?:straat|laan|weg|plein|dreef|gracht|kade|singel|dijk|plantsoen|park|hof|pad|steeg|markt|baan|boulevard"
    r"|burgwal|poort|brug|erf|haven|wal|hoek|gaarde|veld|berg|hoeve|horst|kamp|zijde|dam|oord|rijk|land)"
)

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# an address written out against harvesters: "j.jansen (at) voorbeeld (dot) nl", "naam[at]domein[punt]com",
# "naam at domein (dot) nl" (a bare " at " only with a bracketed dot, so English "at" stays text)
_AT = r"(?:\s?[(\[{]\s?(?:at|apenstaart)\s?[)\]}]\s?)"
_DOT = r"(?:\s?[(\[{]\s?(?:dot|punt)\s?[)\]}]\s?)"
_EMAIL_WRITTEN = re.compile(
    rf"(?i)(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*(?:{_AT}[\w-]+(?:(?:{_DOT}|\.)[\w-]+)*(?:{_DOT}|\.)[a-z]{{2,}}"
    rf"|\s+at\s+[\w-]+(?:(?:{_DOT}|\.)[\w-]+)*{_DOT}[a-z]{{2,}})(?!\w)"
)
_URL = re.compile(
    r"(?i)(?<![\w@/.-])(?:https?://\S+|www\.\S+|(?:[a-z0-9-]+\.)+(?:com|nl|org|net|be|eu|io|me|info|tv|app|ly|gg)(?:/\S*)?)"
)
_HANDLE = re.compile(r"(?<![\w@./])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29})")
SOCIAL_DOMAINS: Final = frozenset(
    {
        "facebook.com",
        "fb.com",
        "fb.me",
        "instagram.com",
        "tiktok.com",
        "twitter.com",
        "x.com",
        "linkedin.com",
        "youtube.com",
        "youtu.be",
        "snapchat.com",
        "wa.me",
        "t.me",
        "telegram.me",
        "threads.net",
        "pinterest.com",
        "gofundme.com",
        "doneeractie.nl",
        "whydonate.com",
        "whydonate.nl",
        "marktplaats.nl",
        "vinted.nl",
        "onlyfans.com",
        "bit.ly",
        "tinyurl.com",
    }
)
_IBAN = re.compile(r"(?i)(?<![\w])[A-Z]{2}\d{2}(?:[ .-]?[A-Z0-9]{4}){2,7}(?:[ .-]?[A-Z0-9]{1,3})?(?!\w)")
_IBAN_NL = re.compile(r"(?i)(?<![\w])NL\s?\d{2}\s?[A-Z]{4}(?:\s?\d){10}(?!\w)")
# between the digit groups of a phone number: a space, a dot or a dash (with spaces round it: "020 - 555 1234")
_PHONE_SEP = r"(?:\s?[.\u2013-]\s?|\s)?"
_PHONE = re.compile(
    rf"(?<![\w+])(?:(?:\+|00)\s?31{_PHONE_SEP}(?:\(0\){_PHONE_SEP})?[1-9](?:{_PHONE_SEP}\d){{8}}"
    rf"|\(?0[1-9](?:\)?{_PHONE_SEP}\d){{8}})(?![\w-])"
)
_BSN = re.compile(r"(?<![\w.,/-])(?:\d{3}[.\s]?\d{3}[.\s]?\d{3}|\d{4}[.\s]?\d{2}[.\s]?\d{3}|\d{8})(?![\w/]|[.,-]\d)")
# a BSN in any grouping of its 9 digits with spaces, dots or dashes ("215.73.6813", "12 345 67 82")
_GROUPED_BSN = re.compile(r"(?<![\w.,/+-])\d{2,4}(?:[ .-]\d{1,4}){1,4}(?![\w/]|[.,-]\d)")
_BSN_CUE = re.compile(r"(?i)\b(?:bsn|burgerservicenummer|sofi-?nummer|burger\s*service\s*nummer)\b")
_LONG_NUMBER = re.compile(r"(?<![\w.,€$/-])\d{7,}(?![\w,/]|[.-]\d)")
_CASE_CUE = re.compile(
    r"(?i)\b(?:(?:dossier|cli[eë]nt|cli[eë]nte|pati[eë]nt|zaak|registratie|referentie|kenmerk|casus|aanmeld|melding|"
    r"klant|polis|relatie|verzekerden|onderzoeks|ZIS|HIX|BIG|volg|ticket|inschrijf|V-?nummer)[\s-]?"
    r"(?:nummer|nr|no|id|code)?\.?|(?:pt|cl|pat|cli)\.?\s?(?:nr|nummer)\.?"
    r"|\w*(?:kenmerk|referentie|dossier)(?:nummer|nr)?|ref\.|V-nummer)\s*[:#]?\s*"
    # the value: digit groups with spaces ("4402 1187 3321 0098") or one token ("VT-2024-118832")
    r"(?P<v>\d{2,}(?:\s\d{2,}){1,6}(?!\w)|(?=[A-Za-z0-9./-]{0,60}\d)[A-Za-z0-9][A-Za-z0-9./-]{2,}[A-Za-z0-9])"
)
# a long number in digit groups, such as a payment reference or a card number: 12 digits or more
_GROUPED_NUMBER = re.compile(r"(?<![\w.,€$/+-])\d{3,4}(?:[ .]\d{3,4}){2,}(?![\w]|[.,-]\d)")
_CODE = re.compile(r"(?<![\w-])(?:[A-Z]{2,6}[-/ ]?|[A-Z]-)(?:\d[\d-]{2,}\d)(?![\w-])")
_PLATE = re.compile(r"(?<![\w-])([A-Z0-9]{1,3})-([A-Z0-9]{1,3})-([A-Z0-9]{1,3})(?![\w-])")
_PLATE_CUE = re.compile(r"(?i)\bkenteken(?:nummer)?\s*[:]?\s*(?P<v>[A-Z0-9]{1,3}-?[A-Z0-9]{1,3}-?[A-Z0-9]{1,3})\b")
_POSTCODE = re.compile(
    r"(?<![\w-])[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\w-])"
    r"(?:\s*,?\s*(?:(?:huis)?n(?:umme)?r\.?|huisnummer)?\s*\d{1,5}(?:\s?[-\u2013]\s?\d{1,4}|[A-Za-z](?!\w))?(?![\d\w]))?"
    r"|(?<![\w-])[1-9]\d{3}(?!sa|sd|ss|km|kg|cm|mm|ml|pm|am|uur)[a-z]{2}(?![\w-])"
    # lower case with a space, only with a house number after it: "1055 kp 14-2"
    r"|(?<![\w-])[1-9]\d{3}\s(?!(?:sa|sd|ss|km|kg|cm|mm|ml|pm|am|al|in|op|om|en|er|is|ik|je|we|ze|te|na|of|de|ex|nu|zo|la)\b)[a-z]{2}\s+\d{1,5}(?:\s?[-\u2013]\s?\d{1,4}|[A-Za-z](?!\w))?(?![\d\w])"
)
# lower case with a space and nothing after it ("verhuisd naar 1104 kd."): only when the two letters are no
# word or unit in Dutch or English ("1104 de", "2000 en", "1500 mg" stay text)
_POSTCODE_LOWER = re.compile(r"(?<![\w-])[1-9]\d{3}\s(?P<l>[a-z]{2})(?![\w-]|\.\w)")
_NOT_POSTCODE_LETTERS: Final = frozenset(
    [
        "sa",
        "sd",
        "ss",
        "km",
        "kg",
        "cm",
        "mm",
        "ml",
        "mg",
        "gr",
        "pm",
        "am",
        "kb",
        "mb",
        "gb",
        "tb",
        "hz",
        "pk",
        "kw",
        "tv",
        "cd",
        "dj",
        "vs",
        "bv",
        "nv",
        "uk",
        "ca",
        "nr",
        "no",
        "st",
        "jr",
        "ct",
        "ex",
    ]
)
_POSTCODE_ONLY = re.compile(r"[1-9]\d{3}\s?[A-Za-z]{2}")
_STREET = re.compile(
    rf"(?<![\w'\u2019-])(?:{_ORDINAL}\s+)?(?:(?:{_CAP}|van|de|der|den|het|'t|ten|ter|la|le)\s+){{0,4}}[A-Z][\w'\u2019-]*{_STREET_END}\s+\d{{1,5}}(?!\d|[-/]\d{{2,}}[-/])"
    + _HOUSE_SUFFIX
)
_LIVES_AT = re.compile(
    rf"\b(?:woont|wonen|woonde|woonden|verhuisd|verhuist|adres|huisadres|woonadres|verblijft|ingeschreven)\b"
    rf"[^.\n]{{0,25}}?\b(?:op|aan|naar|in|:)\s+(?:de\s+|het\s+)?(?P<v>(?:{_ORDINAL}\s+)?(?:{_CAP}\s+){{0,3}}{_CAP}\s+\d{{1,5}}(?!\d)"
    + _HOUSE_SUFFIX
    + ")"
)
_NUMERIC_DATE = re.compile(
    r"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])\s?[-/.]\s?(?:0?[1-9]|1[0-2])\s?[-/.]\s?(?:19|20)?\d{2}(?![\w/-]|\.\d)"
    r"|(?<![\w/.-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w/-])"
)
_TEXT_DATE = re.compile(
    rf"(?i)(?<![\w])(?:0?[1-9]|[12]\d|3[01])(?:e|ste|de)?\s+{_MONTHS}\.?(?:\s+(?:(?:19|20)\d{{2}}|'\d{{2}})(?!\d))?(?!\w)"
)
_MONTH_YEAR = re.compile(rf"(?i)(?<![\w]){_MONTHS}\.?\s+(?:19|20)\d{{2}}(?!\d)")
_HAS_YEAR = re.compile(r"(?:19|20)\d{2}|'\d{2}|[-/.]\s?\d{2}$")
_BIRTH = re.compile(
    r"(?i)\b(?:geboren|geb\.?|geboortedatum|geboortedag|geboorte|d\.?o\.?b\.?|verjaardag|jarig|bevallen|bevalling|"
    r"uitgerekend|uitgerekende\s+datum|a\.?\s?d\.?|\u00e0\s+terme)\b"
)

_CUE_WORDS: Final = frozenset(
    [
        "moeder",
        "mama",
        "mam",
        "vader",
        "papa",
        "pap",
        "oma",
        "opa",
        "baby",
        "babytje",
        "zoon",
        "zoontje",
        "dochter",
        "dochtertje",
        "kind",
        "kindje",
        "meisje",
        "jongetje",
        "jongen",
        "peuter",
        "dreumes",
        "kleuter",
        "zus",
        "zusje",
        "broer",
        "broertje",
        "tante",
        "oom",
        "neef",
        "nicht",
        "partner",
        "vriend",
        "vriendin",
        "man",
        "vrouw",
        "echtgenoot",
        "echtgenote",
        "cliënt",
        "cliënte",
        "client",
        "cliente",
        "patiënt",
        "patiënte",
        "patient",
        "buurvrouw",
        "buurman",
        "stiefvader",
        "stiefmoeder",
        "schoonmoeder",
        "schoonvader",
        "gezin",
        "familie",
        "fam",
        "statushouder",
        "kraamvrouw",
        "zwangere",
        "aanstaande",
        "genaamd",
        "heet",
        "heette",
        "naam",
        "ken",
        "kent",
        "kende",
        "mevrouw",
        "meneer",
        "mevr",
        "mw",
        "mej",
        "dhr",
        "heer",
        "mijnheer",
        "juffrouw",
    ]
)
_PARTICIPLES: Final = frozenset(
    [
        "gesproken",
        "gezien",
        "gebeld",
        "ontmoet",
        "geholpen",
        "verwezen",
        "doorverwezen",
        "aangemeld",
        "gemaild",
        "gesproken",
        "bezocht",
        "begeleid",
        "ingeschreven",
        "overgedragen",
        "uitgenodigd",
    ]
)
_SENTENCE_VERBS: Final = frozenset(
    [
        "is",
        "was",
        "heeft",
        "had",
        "belt",
        "belde",
        "woont",
        "woonde",
        "wil",
        "wilde",
        "zegt",
        "zei",
        "komt",
        "kwam",
        "vraagt",
        "vroeg",
        "krijgt",
        "kreeg",
        "zoekt",
        "spreekt",
        "sprak",
        "werkt",
        "gaat",
        "ging",
        "kan",
        "mag",
        "moet",
        "zit",
        "zat",
        "slaapt",
        "huilt",
        "lacht",
        "loopt",
        "ligt",
        "staat",
        "voelt",
    ]
)
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


# --- the check -----------------------------------------------------------------------------------------


def check(text: str, *, allowed: Iterable[str] = ()) -> list[Finding]:
    """The spans of `text` that could identify someone, sorted by start, overlaps merged.

    `allowed` are extra phrases (case-insensitive, whole phrase) that are never findings, such as the
    names of organisations known to the site. If deduce fails, our own rules still run; if they fail too,
    the error is raised: the guard fails closed, it never passes a text it could not check.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    plain, origin = _visible(text)
    phrases = tuple(sorted({a for a in allowed if isinstance(a, str)}))
    try:
        found = _check(plain, phrases)
    except Exception:  # deduce failed: fall back to the rules alone (which raise if they fail too)
        logger.exception("vraagbaak.anonymity: check failed, retrying without deduce")
        found = _check(plain, (), use_deduce=False)
    if plain == text:
        return found
    mapped = []
    for f in found:  # offsets back into the text as written
        start, end = origin[f.start], origin[f.end - 1] + 1
        mapped.append(Finding(f.kind, text[start:end], start, end))
    return mapped


def _visible(text: str) -> tuple[str, list[int]]:
    """The text as a reader sees it: invisible format characters (zero-width spaces and joiners, soft
    hyphens) removed and compatibility forms folded (full-width digits), so "1234\u200b56782" is checked
    as the BSN it shows. Also returns, per character, its position in the original."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if unicodedata.category(char) == "Cf":
            continue
        folded = unicodedata.normalize("NFKC", char) if ord(char) > 127 else char
        for part in folded:
            chars.append(part)
            origin.append(index)
    return "".join(chars), origin


def _check(text: str, allowed: tuple[str, ...], *, use_deduce: bool = True) -> list[Finding]:
    found: list[Finding] = []
    organisations: list[tuple[int, int]] = []
    if use_deduce:
        found.extend(_from_deduce(text, organisations))
    found.extend(_own_rules(text))
    allowed_spans = _allowed_spans(text, allowed) + organisations + list(_organisation_heads(text))
    kept = [f for f in (_apply_allowed(text, f, allowed_spans) for f in found) if f is not None]
    kept = [_whole_token(text, f) if f.kind == "case_number" else f for f in kept]
    sentence_starts = _sentence_starts(text)
    kept = [f for f in kept if not (f.kind == "name" and _sentence_word(text, f, sentence_starts))]
    kept = [f for f in kept if not (f.kind == "name" and (_word_after_article(text, f) or _english_text(f)))]
    kept = [f for f in kept if not (f.kind == "name" and (_lowercase_word(f) or _role_word(f)))]
    return _merge(text, kept)


_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:de|het|een|the|a|an)\s+$", re.IGNORECASE)


def _word_after_article(text: str, finding: Finding) -> bool:
    """ "de Nota Kansrijke Start", "aan de Amstel": one capitalised ordinary word after an article is a
    thing or a place, not a person (a surname after "de" is written with its title: "mevrouw de Vries")."""
    if " " in finding.text or not _ARTICLE_BEFORE.search(text[max(0, finding.start - 8) : finding.start]):
        return False
    return not _listed_name(finding.text) and _dictionary_word(finding.text)


_ID_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*")


def _whole_token(text: str, finding: Finding) -> Finding:
    """A case number covers its whole token: "P-0098812", not only the digits deduce saw."""
    start, end = finding.start, finding.end
    for m in _ID_TOKEN.finditer(text, max(0, start - 20), min(len(text), end + 20)):
        if m.start() <= start < m.end() or m.start() < end <= m.end():
            start, end = min(start, m.start()), max(end, m.end())
    if (start, end) == (finding.start, finding.end):
        return finding
    return Finding(finding.kind, text[start:end], start, end)


_AFTER_NAME = re.compile(r"\s*(?:\(\s*\d|,\s*\d{1,2}\s*(?:jaar|jr|j)\b)")


def _sentence_word(text: str, finding: Finding, sentence_starts: set[int]) -> bool:
    """A single capitalised word at the start of a sentence that is an ordinary word ("Roos en lavendel",
    "Schimmel in de slaapkamer"), with no other name signal: no verb such as "belt" after it, no age."""
    if finding.start not in sentence_starts or not re.fullmatch(r"[^\W\d_][\w'\u2019-]*", finding.text):
        return False
    before = _word_before(text, finding.start)
    if before and (before.lower() in _titles() or before.lower() in _CUE_WORDS):
        return False  # "mw. Wang": the full stop ends a title, not a sentence
    if _english().get(finding.text.lower(), 0) >= ENGLISH_COMMON:
        return True  # "Does the Gemeente ...", "Will you ...": an English sentence
    if not _listed_name(finding.text) and (len(finding.text) <= 2 or _dictionary_word(finding.text)):
        return True  # an ordinary word or abbreviation that no name list holds ("Logopedie is ...", "Hb was ...")
    if not (_is_name_word(finding.text) or is_word(finding.text) or _frequent_word(finding.text)):
        return False
    following = _NEXT_WORD.match(text, finding.end)
    if following and following.group(1).lower() in _SENTENCE_VERBS | _PARTICIPLES:
        return False
    return not _AFTER_NAME.match(text, finding.end)


_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
_LETTER = re.compile(r"[^\W\d_]")
_LONGEST_CUE = 40  # longer than any title or cue word


def _word_before(text: str, position: int) -> str | None:
    """The word just before `position`, skipping white space and one full stop ("mw. |Wang" -> "mw").
    Reads backwards a bounded stretch, so that checking every finding stays linear in the text."""
    end = position
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end > 0 and text[end - 1] == ".":
        end -= 1
    start = end
    while start > 0 and end - start <= _LONGEST_CUE and _LETTER.match(text, start - 1):
        start -= 1
    if start == end or end - start > _LONGEST_CUE:
        return None  # no word, or one too long to be a title or cue word
    return text[start:end]


# --- layer 1 and 2: deduce and its filters -------------------------------------------------------------


def _from_deduce(text: str, organisations: list[tuple[int, int]]) -> Iterator[Finding]:
    document = _deduce().deidentify(text, disabled={"age", "redactor"})
    for annotation in document.annotations:
        start, end, tag = int(annotation.start_char), int(annotation.end_char), str(annotation.tag)
        if not 0 <= start < end <= len(text):
            continue
        if tag in {"ziekenhuis", "zorginstelling", "instelling"}:
            organisations.append((start, end))
            continue
        finding = _map_deduce(text, tag, start, end)
        if finding is not None:
            yield finding


def _map_deduce(text: str, tag: str, start: int, end: int) -> Finding | None:
    span = text[start:end]
    if tag in {"persoon", "patient"} or "naam" in tag or tag in {"voornaam", "achternaam", "initiaal"}:
        return _name_finding(text, start, end)
    if tag in {"locatie", "straat"}:
        return _location_finding(text, start, end)
    if tag == "datum":
        return _date_finding(text, start, end)
    if tag == "bsn" or tag == "id":
        return _number_finding(text, start, end)
    if tag == "telefoonnummer":
        return Finding("phone", span, start, end)
    if tag == "emailadres":
        return Finding("email", span, start, end)
    if tag == "url":
        return _url_finding(text, start, end)
    return None


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def _name_finding(text: str, start: int, end: int) -> Finding | None:
    """Trim role words and ordinary words off a proposed name; None when nothing name-like is left."""
    tokens = _tokens(text, start, end)
    titles = _titles()
    kept: list[tuple[int, int]] = []
    has_title = False
    core = 0
    for t_start, t_end in tokens:
        word = text[t_start:t_end].rstrip(".")
        lower = word.lower()
        if lower in titles:
            has_title = True
            kept.append((t_start, t_end))
            continue
        if lower in _CUE_WORDS and not kept:
            continue  # "Kindje Amir" -> "Amir"
        if re.fullmatch(_INTERFIX, lower) or (len(word) == 1 and word.isalpha()):
            kept.append((t_start, t_end))
            continue
        if is_word(word) and not (has_title or (word[:1].isupper() and _looks_like_name(word))):
            if kept and core:
                kept.append((t_start, t_end))  # "Sanne Bos": a surname that is also a word
            continue
        kept.append((t_start, t_end))
        core += 1
    if not core:
        return None
    first, last = kept[0][0], kept[-1][1]
    return Finding("name", text[first:last], first, last)


def _looks_like_name(word: str) -> bool:
    """A capitalised word that is both an ordinary word and a listed first name and not a common one."""
    return _is_first_name(word) and word.lower() not in _own_words() and word.lower() not in _common_dutch()


@cache
def _common_dutch() -> frozenset[str]:
    structs = _deduce().lookup_structs
    return frozenset(item.lower() for key in ("common_word", "stop_word") for item in structs[key].items())


def _location_finding(text: str, start: int, end: int) -> Finding | None:
    span = text[start:end]
    match = _POSTCODE_ONLY.search(span)
    if match and match.start() == 0:
        return Finding("postcode", match.group(), start, start + match.end())
    if not any(ch.isdigit() for ch in span):
        return None  # a place or street name without a number
    suffix = _HOUSE_SUFFIX_RE.match(text, end)
    if suffix:
        end += len(suffix.group().rstrip())
    return Finding("address", text[start:end], start, end)


_HOUSE_SUFFIX_RE = re.compile(_HOUSE_SUFFIX)


def _date_finding(text: str, start: int, end: int) -> Finding | None:
    span = text[start:end]
    if _HAS_YEAR.search(span) or _near_birth(text, start, end):
        return Finding("date", span, start, end)
    return None


def _near_birth(text: str, start: int, end: int) -> bool:
    return bool(_BIRTH.search(text[max(0, start - 45) : start]) or _BIRTH.search(text[end : end + 25]))


def _elfproef(digits: str) -> bool:
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0 and total != 0


def _number_finding(text: str, start: int, end: int) -> Finding | None:
    span = text[start:end]
    digits = re.sub(r"\D", "", span)
    if len(digits) == 10 and digits.startswith("0") and not digits.startswith("00"):
        return Finding("phone", span, start, end)
    if len(digits) in {8, 9} and (_elfproef(digits) or _BSN_CUE.search(text[max(0, start - 40) : start])):
        return Finding("bsn", span, start, end)
    if len(digits) >= 5:
        return Finding("case_number", span, start, end)
    return None


def _url_finding(text: str, start: int, end: int) -> Finding | None:
    span = text[start:end].rstrip(".,;:!?)]'\"")
    if not span:
        return None
    host = re.sub(r"(?i)^(?:https?://)?(?:www\.|m\.)?", "", span)
    domain, _sep, path = host.partition("/")
    domain = domain.lower()
    if any(domain == d or domain.endswith("." + d) for d in SOCIAL_DOMAINS):
        return Finding("url", span, start, start + len(span))
    if any(domain == d or domain.endswith("." + d) for d in _allowed_domains()):
        return None
    if not path.strip("/"):
        return None  # a bare domain is an organisation's site
    return Finding("url", span, start, start + len(span))


# --- layer 3: our own rules ----------------------------------------------------------------------------


def _own_rules(text: str) -> Iterator[Finding]:
    yield from _simple(text)
    yield from _numbers(text)
    yield from _addresses(text)
    yield from _mixed_ids(text)
    yield from _dates(text)
    yield from _rare_details(text)
    yield from _names(text)


def _simple(text: str) -> Iterator[Finding]:
    for m in _EMAIL.finditer(text):
        yield Finding("email", m.group(), m.start(), m.end())
    for m in _EMAIL_WRITTEN.finditer(text):
        yield Finding("email", m.group(), m.start(), m.end())
    for m in _URL.finditer(text):
        if "@" not in text[max(0, m.start() - 1) : m.start() + 1]:
            url = _url_finding(text, m.start(), m.end())
            if url is not None:
                yield url
    for m in _HANDLE.finditer(text):
        handle = m.group().rstrip(".")
        yield Finding("url", handle, m.start(), m.start() + len(handle))
    for m in _IBAN_NL.finditer(text):
        yield Finding("iban", m.group(), m.start(), m.end())
    for m in _IBAN.finditer(text):
        if _iban_valid(m.group()):
            yield Finding("iban", m.group(), m.start(), m.end())
    for m in _PLATE.finditer(text):
        if _is_plate(m.groups()):
            yield Finding("licence_plate", m.group(), m.start(), m.end())
    for m in _PLATE_CUE.finditer(text):
        value = m.group("v")
        if any(c.isdigit() for c in value) and any(c.isalpha() for c in value):
            yield Finding("licence_plate", value, m.start("v"), m.end("v"))


def _iban_valid(value: str) -> bool:
    compact = re.sub(r"[\s.-]", "", value).upper()
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    try:
        return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1
    except ValueError:
        return False


def _is_plate(groups: Sequence[str]) -> bool:
    if sum(len(g) for g in groups) != 6:
        return False
    if not all(g.isdigit() or g.isalpha() for g in groups):
        return False
    joined = "".join(groups)
    if not (any(c.isdigit() for c in joined) and any(c.isalpha() for c in joined)):
        return False
    return all(groups[i].isdigit() != groups[i + 1].isdigit() for i in range(2)) or (
        len(groups[1]) == 2 and groups[0].isalpha() == groups[2].isalpha()
    )


def _numbers(text: str) -> Iterator[Finding]:
    for m in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group().replace("(0)", ""))  # "+31 (0)6 ..." dials without the 0
        digits = digits.removeprefix("00")
        if (digits.startswith("31") and len(digits) == 11) or (digits.startswith("0") and len(digits) == 10):
            yield Finding("phone", m.group(), m.start(), m.end())
    for m in _BSN.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        cue = bool(_BSN_CUE.search(text[max(0, m.start() - 40) : m.start()]))
        if digits.startswith("0") and len(digits) == 10:
            continue
        if _elfproef(digits) or cue:
            yield Finding("bsn", m.group(), m.start(), m.end())
        elif len(digits) == 9 and not digits.startswith("0"):
            yield Finding("case_number", m.group(), m.start(), m.end())
    for m in _GROUPED_BSN.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if len(digits) == 9 and (_elfproef(digits) or _BSN_CUE.search(text[max(0, m.start() - 40) : m.start()])):
            yield Finding("bsn", m.group(), m.start(), m.end())
    for m in _LONG_NUMBER.finditer(text):
        if not m.group().startswith("0") or len(m.group()) != 10:
            yield Finding("case_number", m.group(), m.start(), m.end())
    for m in _CASE_CUE.finditer(text):
        value = m.group("v")
        if re.search(r"\s", value) and sum(c.isdigit() for c in value) < 8:
            value = value.split()[0]  # "dossier 2023 12 ..." is no grouped number: keep the first group
        if sum(c.isdigit() for c in value) >= 3 and not re.fullmatch(r"(?:19|20)\d{2}", value):
            yield Finding("case_number", value, m.start("v"), m.start("v") + len(value))
    for m in _GROUPED_NUMBER.finditer(text):
        if sum(c.isdigit() for c in m.group()) >= 12:
            yield Finding("case_number", m.group(), m.start(), m.end())
    for m in _CODE.finditer(text):
        count = sum(c.isdigit() for c in m.group())
        # "JGZ-20391", "P-0098812", and "CL-2291" (4 digits after a dash, but not a year: "COVID-2019")
        if count >= 5 or (count == 4 and "-" in m.group() and not re.search(r"(?:19|20)\d{2}$", m.group())):
            yield Finding("case_number", m.group(), m.start(), m.end())


# "2023-WMO-448120", "AMS-2291-77431": digit and letter groups joined by dashes, with 5 digits or more
_MIXED_ID = re.compile(r"(?<![\w-])(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+){2,4}(?![\w-])")


def _mixed_ids(text: str) -> Iterator[Finding]:
    for m in _MIXED_ID.finditer(text):
        value = m.group()
        if sum(c.isdigit() for c in value) >= 5 and any(c.isdigit() for c in value.split("-")[-1]):
            yield Finding("case_number", value, m.start(), m.end())


def _addresses(text: str) -> Iterator[Finding]:
    for m in _POSTCODE.finditer(text):
        yield Finding("postcode", m.group(), m.start(), m.end())
    for m in _POSTCODE_LOWER.finditer(text):
        letters = m.group("l")
        if letters not in _NOT_POSTCODE_LETTERS and not _two_letter_word(letters):
            yield Finding("postcode", m.group(), m.start(), m.end())
    for m in _STREET.finditer(text):
        start = _skip_leading_words(text, m.start(), m.end())
        if start is not None:
            yield Finding("address", text[start : m.end()].rstrip(), start, start + len(text[start : m.end()].rstrip()))
    for m in _LIVES_AT.finditer(text):
        value = m.group("v").rstrip()
        first_word = value.split()[0]
        if not is_word(first_word) or len(value.split()) > 2:
            yield Finding("address", value, m.start("v"), m.start("v") + len(value))


def _two_letter_word(letters: str) -> bool:
    """ "de", "en", "ok", "ad": two letters that are a word (Dutch count >= 100 or English >= 1,000)."""
    return (
        _frequencies().get(letters, 0) >= COMPOUND_PART
        or _english().get(letters, 0) >= 1000
        or is_word(letters)
        or letters in _CUE_WORDS
    )


def _skip_leading_words(text: str, start: int, end: int) -> int | None:
    """Drop the sentence words the street pattern swallowed: "de Kinkerstraat 12" -> "Kinkerstraat 12",
    "Op Javaplein 7" -> "Javaplein 7"; keep "De Clercqstraat 10", "Eerste Oosterparkstraat 88" and "2e Jan
    Steenstraat 45"."""
    if re.match(r"[1-9](?:e|ste|de)\s", text[start:end]):
        return start
    stop_words = _stop_words()
    for t_start, t_end in _tokens(text, start, end):
        word = text[t_start:t_end]
        if word.islower() or (
            word.lower() in stop_words and word.lower() not in {"de", "van", "den", "der", "ter", "ten"}
        ):
            continue
        return t_start
    return None


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(item.lower() for item in _deduce().lookup_structs["stop_word"].items())


def _dates(text: str) -> Iterator[Finding]:
    for m in _NUMERIC_DATE.finditer(text):
        yield Finding("date", m.group(), m.start(), m.end())
    for m in _TEXT_DATE.finditer(text):
        if _HAS_YEAR.search(m.group()) or _near_birth(text, m.start(), m.end()):
            yield Finding("date", m.group(), m.start(), m.end())
    for m in _MONTH_YEAR.finditer(text):
        if _near_birth(text, m.start(), m.end()):
            yield Finding("date", m.group(), m.start(), m.end())
    for m in _DAY_MONTH.finditer(text):  # "geb. 28-10": a birthday without its year still narrows it down
        if _near_birth(text, m.start(), m.end()):
            yield Finding("date", m.group(), m.start(), m.end())


_DAY_MONTH = re.compile(r"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])(?![\w/.-]|[-/.]\d)")


# what a rare detail names in brackets right after it belongs to it: "<condition> (<eponym or abbreviation>)"
_BRACKETED = re.compile(r"\s?\([^()\n]{2,40}\)")


def _rare_details(text: str) -> Iterator[Finding]:
    for pattern in _rare_patterns():
        for m in pattern.finditer(text):
            if "d" in pattern.groupindex and m.group("d"):
                start, end = m.start("d"), m.end("d")
            elif m.group():
                start, end = m.start(), m.end()
            else:
                continue
            bracketed = _BRACKETED.match(text, end)
            if bracketed:
                end = bracketed.end()
            yield Finding("rare_detail", text[start:end], start, end)


# names ----------------------------------------------------------------------------------------------


_NAME_TOKEN = re.compile(r"[^\W\d_][\w'\u2019]*(?:-[^\W\d_][\w'\u2019]*)*|[.(),;:!?/]|\d+")


def _names(text: str) -> Iterator[Finding]:
    tokens = [(m.start(), m.end()) for m in _NAME_TOKEN.finditer(text)]
    sentence_starts = _sentence_starts(text)
    runs: dict[int, int] = {}
    yield from _names_after_cue(text, tokens, runs)
    yield from _names_before_age(text, tokens, sentence_starts)
    yield from _capitalised_runs(text, tokens, sentence_starts, runs)
    yield from _lowercase_names(text, tokens)
    yield from _lowercase_first_names(text, tokens)
    yield from _capital_names(text)
    yield from _named(text)


# A run of words in capitals ("JAN DE VRIES, 19 jaar"): a name when one word is a listed first name that is no
# ordinary word and the run has another name part; headings and acronyms ("ZEER DRINGEND", "OKT NOORD") are not.
_CAPITALS_RUN = re.compile(r"(?<![\w'\u2019-])[A-ZÀ-ÖØ-Þ]{2,}(?:[ -][A-ZÀ-ÖØ-Þ'\u2019]{2,}){1,5}(?![\w'\u2019-])")


def _capital_names(text: str) -> Iterator[Finding]:
    for m in _CAPITALS_RUN.finditer(text):
        words = [w.capitalize() for w in re.split(r"[ -]", m.group())]
        parts = [w for w in words if not re.fullmatch(_INTERFIX, w.lower())]
        first = [w for w in parts if _is_first_name(w) and not is_word(w) and not _english_word(w)]
        others = [w for w in parts if w not in first and (_listed_name(w) or not is_word(w))]
        if first and (others or len(first) >= 2):
            yield Finding("name", m.group(), m.start(), m.end())


# "His name is Yonas", "ze heet Senait", "a boy called Kidane": a capitalised word after a naming phrase
_NAMED = re.compile(
    r"\b(?:[Nn]ame\s+is|[Nn]aam\s+is|named|called|heet|heette|genaamd|roepnaam|bijnaam)\s*:?\s+"
    r"(?P<n>[A-ZÀ-ÖØ-Þ][\w'\u2019-]+)"
)


def _named(text: str) -> Iterator[Finding]:
    for m in _NAMED.finditer(text):
        word = m.group("n")
        if not _dictionary_word(word) or (_is_first_name(word) and not _english_word(word) and not is_word(word)):
            yield Finding("name", word, m.start("n"), m.end("n"))


# A listed first name typed in lower case is a name when it is hardly a Dutch word: below this count in
# the word list ("fatima", "kenneth", "merel" sit at 50-60; "roos", "storm", "winter" far above).
RARE_AS_WORD = 100


def _lowercase_first_names(text: str, tokens: list[tuple[int, int]]) -> Iterator[Finding]:
    """ "moeder (fatima, 24 jr)", "bij kenneth en zijn vriendin", "mo (vader, 28)": a lower-case listed
    first name that is no ordinary word (3 letters or more, or 2 before a bracket)."""
    frequencies = _frequencies()
    for start, end in tokens:
        word = text[start:end]
        if not word.isalpha() or not word.islower():
            continue
        if len(word) < 3 and not _BRACKET_NEXT.match(text, end):
            continue
        if len(word) < 2 or word in _CUE_WORDS or is_word(word) or _is_name_word(word) or _english_word(word):
            continue
        if frequencies.get(word, 0) < RARE_AS_WORD and _is_first_name(word):
            yield Finding("name", word, start, end)
    for m in _TITLE_LOWER_SURNAME.finditer(text):
        surname = m.group("surname")
        if not is_word(surname) and frequencies.get(surname, 0) < RARE_AS_WORD:
            yield Finding("name", text[m.start("name") : m.end()], m.start("name"), m.end())


_BRACKET_NEXT = re.compile(r"\s*\(")
# "mevr. el amrani", "dhr van der hoek": a title, particles, and a lower-case surname that is no word
_TITLE_LOWER_SURNAME = re.compile(
    r"(?<!\w)(?:mevr|mevrouw|mw|mvr|dhr|meneer|mr|fam|familie)\.?\s+"
    r"(?P<name>(?:(?:el|al|van|de|der|den|ter|ten|bin|ben|abu|ould|da|dos|du|le|la|op|in|'t)\s+){0,3}"
    r"(?P<surname>[a-z][a-z'\u2019-]{2,}))(?![\w])"
)


def _sentence_starts(text: str) -> set[int]:
    starts = {0}
    for m in re.finditer(r"(?:[.!?:;]|\n)[\"')\]]*\s+|^\s*[-*•]\s*", text, re.MULTILINE):
        starts.add(m.end())
    for m in re.finditer(r"\S", text):
        starts.add(m.start())
        break
    return starts


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper() and not word.isupper()


def _unknown_cap(word: str) -> bool:
    """A capitalised word that is no ordinary word: a candidate name part."""
    bare = word.rstrip(".")
    return _is_cap(bare) and len(bare) >= 2 and (not is_word(bare) or _looks_like_name(bare))


def _name_run(text: str, tokens: list[tuple[int, int]], index: int, memo: dict[int, int] | None = None) -> int:
    """Index after a run of name parts starting at `index` ("Sanne de Vries", "A. Tahiri").

    `memo` (shared by the calls on one text) remembers where a run that reached a token ends, so that
    runs starting inside a long run ("Jan Jan Jan ...") do not walk it again: linear, not quadratic."""
    end = index
    visited: list[int] = []
    while end < len(tokens):
        if end > index:  # from here on the walk does not depend on where it started
            if memo is not None and end in memo:
                end = memo[end]
                break
            visited.append(end)
        word = text[tokens[end][0] : tokens[end][1]]
        if _is_initial(text, tokens, end):
            end += 2
            continue
        if _unknown_cap(word):
            end += 1
            continue
        if end > index and re.fullmatch(_INTERFIX, word.lower()) and end + 1 < len(tokens):
            following = text[tokens[end + 1][0] : tokens[end + 1][1]]
            if _is_cap(following) or re.fullmatch(_INTERFIX, following.lower()):
                end += 1
                continue
        break
    if memo is not None:
        memo.update(dict.fromkeys(visited, end))
    return end


def _is_initial(text: str, tokens: list[tuple[int, int]], index: int) -> bool:
    """An initial: one capital letter followed by a full stop and then a capitalised word ("A. Tahiri")."""
    if index + 2 >= len(tokens):
        return False
    word = text[tokens[index][0] : tokens[index][1]]
    dot = text[tokens[index + 1][0] : tokens[index + 1][1]]
    following = text[tokens[index + 2][0] : tokens[index + 2][1]]
    return len(word) == 1 and word.isupper() and dot == "." and (_is_cap(following) or len(following) == 1)


def _names_after_cue(text: str, tokens: list[tuple[int, int]], runs: dict[int, int]) -> Iterator[Finding]:
    """ "moeder Fatima", "mevrouw Van den Berg", "mw. De Graaf", "Cliënt A. Tahiri"."""
    titles = _titles()
    for index, (start, end) in enumerate(tokens[:-1]):
        word = text[start:end].lower()
        if word not in _CUE_WORDS and word not in titles:
            continue
        first = index + 1
        if text[tokens[first][0] : tokens[first][1]] in {".", ":", ","}:
            first += 1  # "mw. Bos", "Naam: Selam Tesfay", "statushouder, Yonas, ..."
        if first >= len(tokens):
            continue
        name_start = first
        if word in titles:
            # an interfix right after a title starts the surname
            while first < len(tokens) and re.fullmatch(_INTERFIX, text[tokens[first][0] : tokens[first][1]].lower()):
                first += 1
        if first >= len(tokens):
            continue
        stop = _name_run(text, tokens, first, runs)
        if stop == first and word in titles and _is_cap(text[tokens[first][0] : tokens[first][1]]):
            stop = first + 1  # after a title any capitalised word is a surname ("mevrouw Bos")
        if stop > first and stop + 1 < len(tokens) and text[tokens[stop][0] : tokens[stop][1]] == ",":
            following = text[tokens[stop + 1][0] : tokens[stop + 1][1]]
            after = text[tokens[stop + 2][0] : tokens[stop + 2][1]] if stop + 2 < len(tokens) else ""
            lone = not after or not after[:1].isalpha() or after.islower()  # not "Pieter Calandlaan 240"
            if lone and _unknown_cap(following) and (_is_first_name(following) or not _dictionary_word(following)):
                stop += 2  # "Nnamdi-Okafor, Chiamaka": surname, first name
        if stop > first:
            yield Finding(
                "name", text[tokens[name_start][0] : tokens[stop - 1][1]], tokens[name_start][0], tokens[stop - 1][1]
            )


def _names_before_age(text: str, tokens: list[tuple[int, int]], sentence_starts: set[int]) -> Iterator[Finding]:
    ends = [t_end for _t_start, t_end in tokens]  # increasing: tokens do not overlap
    for m in re.finditer(r"\(\s*\d{1,2}\s*(?:jaar|jr\.?|j\.?)?\s*[,)]", text):
        stop = bisect.bisect_right(ends, m.start())
        before = tokens[max(0, stop - 4) : stop]
        run: list[tuple[int, int]] = []
        for t_start, t_end in reversed(before):
            word = text[t_start:t_end]
            name_like = not is_word(word) or t_start not in sentence_starts or _looks_like_name(word)
            if (_is_cap(word) and name_like) or (run and re.fullmatch(_INTERFIX, word.lower())):
                run.insert(0, (t_start, t_end))
            else:
                break
        while run and re.fullmatch(_INTERFIX, text[run[0][0] : run[0][1]].lower()):
            run.pop(0)
        if run and any(not is_word(text[s:e]) or _looks_like_name(text[s:e]) for s, e in run):
            yield Finding("name", text[run[0][0] : run[-1][1]], run[0][0], run[-1][1])


def _capitalised_runs(
    text: str, tokens: list[tuple[int, int]], sentence_starts: set[int], runs: dict[int, int]
) -> Iterator[Finding]:
    """Unknown capitalised words: two or more in a row, or one followed by a sentence verb."""
    index = 0
    while index < len(tokens):
        stop = _name_run(text, tokens, index, runs)
        if stop == index:
            index += 1
            continue
        words = [text[s:e] for s, e in tokens[index:stop]]
        caps = [w for w in words if _is_cap(w) and len(w) > 1]
        at_start = tokens[index][0] in sentence_starts
        next_word = text[tokens[stop][0] : tokens[stop][1]].lower() if stop < len(tokens) else ""
        previous = text[tokens[index - 1][0] : tokens[index - 1][1]].lower() if index else ""
        listed = any(_is_first_name(w) for w in caps) or any(_is_surname(w) and not is_word(w) for w in caps)
        if (len(caps) >= 2 and (listed or not at_start or next_word in _SENTENCE_VERBS)) or (
            len(caps) == 1
            and (
                (next_word in _SENTENCE_VERBS and (listed or at_start))
                or next_word in _PARTICIPLES
                or (next_word in {"ken", "kent", "kennen", "kende"} and not at_start)
                or (previous in {"ken", "kent", "heet", "genaamd", "met", "over"} and listed)
            )
        ):
            yield Finding("name", text[tokens[index][0] : tokens[stop - 1][1]], tokens[index][0], tokens[stop - 1][1])
        index = stop


_NAMING_VERBS: Final = frozenset(
    ["heet", "heette", "heten", "noemt", "noemen", "noemde", "noemden", "genaamd", "alias", "roepnaam", "bijnaam"]
)
_OBJECT_PRONOUNS: Final = frozenset(["haar", "hem", "zich", "ze", "hen", "hun", "het", "hij", "zij", "mij", "me"])
_CONJUNCTIONS: Final = frozenset(["en", "&", ",", "of"])
_VERBS: Final = _SENTENCE_VERBS | _PARTICIPLES | _NAMING_VERBS


def _lowercase_names(text: str, tokens: list[tuple[int, int]]) -> Iterator[Finding]:
    """Names typed in lower case: a listed first name (or an initial) that is no word, after a cue or
    before a lower-case surname ("contact met fatima el amrani", "moeder j. bakker"); a surname with
    its particles after a title ("mw el idrissi"); a name after "heet"/"noemt haar" ("noemt haar mimi");
    a listed first name before an age ("sara (2)") or joined by "en" to another name ("kwame en abena");
    an unlisted non-word after a role word and before a verb ("moeder abena belt")."""
    titles = _titles()

    def word_at(i: int) -> str:
        return text[tokens[i][0] : tokens[i][1]] if 0 <= i < len(tokens) else ""

    # Both memoised, so that a long run of surname-like words is walked once, not once per word in it.
    run_ends: dict[int, int] = {}
    interfix_before = [0]  # interfix_before[i]: how many interfixes end right before token i
    for index in range(len(tokens)):
        interfix_before.append(interfix_before[-1] + 1 if re.fullmatch(_INTERFIX, word_at(index)) else 0)

    def surname_run(stop: int) -> int:
        visited = []
        while stop < len(tokens):
            if stop in run_ends:
                stop = run_ends[stop]
                break
            visited.append(stop)
            following = word_at(stop)
            if re.fullmatch(_INTERFIX, following) and stop + 1 < len(tokens):
                stop += 1
                continue
            if _lower_surname(text, tokens[stop]):
                stop += 1
                continue
            break
        run_ends.update(dict.fromkeys(visited, stop))
        return stop

    def span(first: int, stop: int) -> Finding:
        stop = max(min(stop, first + 1), stop - interfix_before[stop])  # no particles at the end
        return Finding("name", text[tokens[first][0] : tokens[stop - 1][1]], tokens[first][0], tokens[stop - 1][1])

    for index, (start, _end) in enumerate(tokens):
        word = word_at(index)
        previous = word_at(index - 1).lower()
        title_before = previous.rstrip(".") in titles or (previous == "." and word_at(index - 2).lower() in titles)
        after_cue = previous in _CUE_WORDS or title_before or previous in {"met", "over"}
        if len(word) == 1 and word.islower() and after_cue and index + 2 < len(tokens):
            if word_at(index + 1) == "." and _lower_surname(text, tokens[index + 2]):
                yield Finding("name", text[start : tokens[index + 2][1]], start, tokens[index + 2][1])
            continue
        naming = previous in _NAMING_VERBS or (
            previous in _OBJECT_PRONOUNS and word_at(index - 2).lower() in _NAMING_VERBS
        )
        listed_any = _is_first_name(word) or _is_surname(word)
        if naming and word.isalpha() and listed_any and not is_word(word) and not _is_name_word(word):
            yield span(index, surname_run(index + 1))  # "iedereen noemt haar mimi", "hij heet ahmed"
            continue
        if title_before and word.islower() and re.fullmatch(_INTERFIX, word):
            last = index + 1
            while re.fullmatch(_INTERFIX, word_at(last)):
                last += 1
            surname = word_at(last)
            # after a title and a particle, a listed surname counts even when it is also a word ("hoek")
            listed_surname = surname.isalpha() and surname.islower() and _is_surname(surname)
            unlisted = _lower_surname(text, tokens[last]) if last < len(tokens) else False
            if surname not in _CUE_WORDS and (listed_surname or (unlisted and word_at(last + 1).lower() in _VERBS)):
                yield span(index, last + 1)  # "mw el idrissi", "dhr van der hoek"
            continue
        if title_before and _lower_surname(text, tokens[index]) and word not in _VERBS:
            after = word_at(index + 1).lower()
            if _is_surname(word) or after in _VERBS or after in {"(", ","}:
                yield span(index, surname_run(index + 1))  # "mw idrissi", "dhr amrani belt"
            continue
        if not word.islower() or len(word) < 3 or is_word(word) or _is_name_word(word):
            continue
        listed = _is_first_name(word)
        following = word_at(index + 1)
        if (
            not listed
            and previous in _CUE_WORDS
            and _lower_surname(text, tokens[index])
            and word not in _VERBS
            and following.lower() in _VERBS
        ):
            yield span(index, index + 1)  # "moeder abena belt"
            continue
        if not listed:
            continue
        stop = surname_run(index + 1)
        aged = following == "(" and word_at(index + 2).isdigit()
        joined = (following in _CONJUNCTIONS and _other_name(text, tokens, index + 2)) or (
            previous in _CONJUNCTIONS and _other_name(text, tokens, index - 2)
        )
        if after_cue or stop > index + 1 or aged or joined:
            yield span(index, stop)
        if following in _CONJUNCTIONS and _other_name(text, tokens, index + 2):
            other = index + 2
            yield span(other, surname_run(other + 1))  # "kwame en abena asante": the second name too


def _other_name(text: str, tokens: list[tuple[int, int]], index: int) -> bool:
    """The token at `index` is a name too: a listed first name or a non-word (any case), no ordinary word."""
    if not 0 <= index < len(tokens):
        return False
    word = text[tokens[index][0] : tokens[index][1]]
    if not word.isalpha() or len(word) < 3 or is_word(word) or _is_name_word(word) or word.lower() in _CUE_WORDS:
        return False
    return _is_first_name(word) or _is_surname(word) or word.islower()


def _lower_surname(text: str, token: tuple[int, int]) -> bool:
    word = text[token[0] : token[1]]
    return (
        word.isalpha()
        and word.islower()
        and len(word) > 2
        and word not in _VERBS
        and not is_word(word)
        and not _is_name_word(word)
    )


# --- layer 4: allow-lists ------------------------------------------------------------------------------


def _allowed_spans(text: str, extra: tuple[str, ...]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pattern in (_builtin_allowed(), _extra_allowed(extra) if extra else None):
        if pattern is not None:
            spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    return spans


def _organisation_heads(text: str) -> Iterator[tuple[int, int]]:
    """ "Stichting Nidos", "Kraamzorg De Waarden", "Buurtteam Osdorp": the head and its capitalised name."""
    for m in re.finditer(
        r"(?<![\w-])([A-Za-z][\w-]*+)((?:\s+(?:(?:de|het|van|der|voor|en|&)\s+)?[A-Z0-9][\w'\u2019&-]*)+)", text
    ):
        head = m.group(1).lower()
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


# --- layer 5: merge ------------------------------------------------------------------------------------


def _merge(text: str, findings: list[Finding]) -> list[Finding]:
    ordered = sorted(findings, key=lambda f: (f.start, -f.end))
    merged: list[Finding] = []
    for finding in ordered:
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            kind = min((last.kind, finding.kind), key=lambda k: _PRIORITY.get(k, len(_PRIORITY)))
            end = max(last.end, finding.end)
            merged[-1] = Finding(kind, text[last.start : end], last.start, end)
        else:
            merged.append(finding)
    return merged
