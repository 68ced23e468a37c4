"""Plain-language (B1) checker for the description of a service on the Gezonde en Kansrijke Kaart.

Editors see the report while they type. Readers include parents with limited literacy, so the checker
follows the B1 advice of Stichting Makkelijk Lezen and Direct Duidelijk:

- sentences of more than 15 words are hard (advice), of more than 20 words very hard (serious);
- words of more than 4 syllables are hard (advice), unless parents know them well
  (``common_long_words`` in ``data/b1_woorden.json``) or they are names;
- officialese and professional jargon has a plain alternative (``jargon`` in the same file; serious);
- passive sentences ("je wordt geholpen") are harder than active ones (advice).

The score is the Flesch-Douma reading ease, Douma's (1960) Dutch version of Flesch:
``206.835 - 0.93 * words/sentence - 77 * syllables/word``, clamped to 0-100 (higher is easier).
Every token counts as a word for sentence length (a phone number or a URL is one word), but only
real words count for syllables per word: numbers, times, URLs, email addresses and abbreviations
have no syllables and are left out, so "09.00 - 17.00 uur" neither helps nor hurts the score.

Level thresholds, after Douma's bands (60-70 "normaal", 45-60 "vrij moeilijk", below 45 "moeilijk"):

- 60 and higher: "B1 of makkelijker". 60 is the lower edge of Douma's "normaal" band, the level
  of texts meant for the general public. Plain service descriptions written after the guidelines
  above (sentences of 5-10 words, mostly words of one or two syllables) score 80-100 in the tests,
  so 60 leaves room for a few longer sentences or domain words without letting officialese through.
- 45 up to 60: "Iets moeilijker dan B1". Texts at the edge of B1: sentences of 15-20 words or
  many long words; readable for most adults, hard for parents with limited literacy.
- below 45: "Moeilijk (B2 of hoger)". Officialese (long sentences full of compounds and jargon)
  scores 20-30 in the tests.

The tests calibrate these with realistic service descriptions. The score is a rough measure for
short texts, so the report also flags the concrete sentences and words to improve, and ``ok``
needs both a B1 score and no serious flag.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyphen
from django.utils.translation import gettext as _

DATA_FILE = Path(__file__).resolve().parent / "data" / "b1_woorden.json"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


LEVEL_B1 = "B1 of makkelijker"
LEVEL_ABOVE_B1 = "Iets moeilijker dan B1"
LEVEL_HARD = "Moeilijk (B2 of hoger)"
B1_MIN_SCORE = 60.0
HARD_BELOW_SCORE = 45.0

LONG_SENTENCE_WORDS = 15  # more than this: advice
VERY_LONG_SENTENCE_WORDS = 20  # more than this: serious
LONG_WORD_SYLLABLES = 4  # more than this: advice

# Abbreviations after which a full stop does not end the sentence (lower case, with their dots).
_ABBREVIATIONS = _words(
    """
    a.s. a.u.b. afd. b.v. bijv. blz. bv. c.q. ca. d.w.z. dhr. di. do. dr. drs. e.a. e.d. enz. etc. evt.
    excl. gem. i.c.m. i.o.m. i.p.v. i.v.m. incl. ing. ir. jl. m.b.t. m.b.v. m.u.v. ma. max. mevr. min.
    mr. mw. n.a.v. nr. o.a. o.b.v. ong. p.m. p.p. p.w. pag. prof. resp. s.v.p. st. str. t.a.v. t.o.v.
    t.z.t. tel. vnl. vr. vs. wo. z.s.m. za. zgn. zo. jan. feb. mrt. apr. jun. jul. aug. sep. sept. okt.
    nov. dec.
    """
)
# Of those, the ones that often end a sentence: "... kleding, speelgoed enz. Kom langs!"
_ABBREVIATIONS_AT_END = frozenset({"enz.", "etc.", "e.d.", "e.a.", "zo.", "min.", "max."})
# Abbreviations typed without their final dot that are no Dutch word: they have no syllables.
_DOTLESS_ABBREVIATIONS = _words(
    """
    bijv bv ca dhr mevr mw nr tel incl excl enz etc evt resp vnl ong jl zgn blz pag afd drs ir prof ing
    str st vs jan feb mrt apr jun jul aug sep sept okt nov dec
    """
)

_LINE = re.compile(r"[^\r\n]+")
_BULLET = re.compile(r"\s*(?:[-*\u2022\u00b7\u2013\u2014]|\d{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"(?:[.!?\u2026]+)[\"'\u201d\u2019\u00bb)\]]*(?=\s|$)")
_PREVIOUS_TOKEN = re.compile(r"[^\s(\[\"'\u2018\u201c]+$")
_HAS_LETTER_OR_DIGIT = re.compile(r"[^\W_]")

_TOKEN = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s<>"]*[^\s<>".,;:!?)'])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<domain>\b[\w-]+(?:\.[\w-]+)*\.(?:nl|com|org|net|eu|info|amsterdam|be)\b(?:/[^\s<>"]*[^\s<>".,;:!?)'])?)
  | (?P<phone>\+?\d[\d \t()-]{6,}\d)
  | (?P<number>\d(?:[\d.,:/\u2013-]*\d)?)
  | (?P<abbreviation>[^\W\d_]+(?:[./][^\W\d_]+)+\.?)
  | (?P<word>[^\W\d_]+(?:['\u2019-][^\W\d_]+)*)
    """,
    re.VERBOSE,
)
_NOT_A_WORD = re.compile(r"[\d@/.:]")
_WORD_PART_SEPARATOR = re.compile(r"['\u2019-]+")
# A vowel group is one syllable. A letter with a diaeresis starts a new group ("ide-eën").
_VOWEL_GROUP = re.compile(r"[äëïöü][aeiouyáéíóúàèêô]*|[aeiouyáéíóúàèêô]+")
# Vowel pairs that are two syllables in Dutch: "ra-di-o", "Ma-ri-a", "vi-de-o".
_HIATUS = re.compile(r"i(?=[aou])|e(?=o)")

_PASSIVE_AUXILIARIES = frozenset({"wordt", "worden", "werd", "werden"})
# Participles: "geholpen", "opgehaald", "ingezet", "verstrekt". Strong verbs with be-/ver-/ont- ("besproken")
# are missed: their participle looks like an infinitive.
_PARTICIPLE = re.compile(
    r"(?:aan|af|in|op|uit|mee|terug|door|toe|na|bij|weg)?ge\w{2,}(?:d|t|en)|(?:be|ver|ont|her)\w{2,}[dt]"
)
_NOT_PARTICIPLES = frozenset({"gezond", "gewoon", "geduld", "gebied", "gelukkig", "genoeg", "gemiddeld", "gerust"})


@dataclass(frozen=True)
class Flag:
    """One thing in the text to improve."""

    kind: str  # "long_sentence" | "long_word" | "jargon" | "passive"
    text: str  # the sentence or word concerned
    message: str  # advice to the editor, Dutch at B1 level
    suggestion: str = ""  # for jargon: the plain alternative
    start: int = -1  # character offset of text in the checked text, when known
    serious: bool = False  # serious flags keep the text from being ok


@dataclass(frozen=True)
class ReadabilityReport:
    score: float  # Flesch-Douma reading ease, 0-100, higher is easier
    level: str  # LEVEL_B1, LEVEL_ABOVE_B1 or LEVEL_HARD
    sentences: int
    words: int
    average_sentence_length: float
    flags: tuple[Flag, ...]

    @property
    def ok(self) -> bool:
        """B1 or easier, and nothing serious to fix."""
        return self.level == LEVEL_B1 and not any(flag.serious for flag in self.flags)


@dataclass(frozen=True)
class _Sentence:
    text: str
    start: int


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    kind: str  # a group name of _TOKEN

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


@dataclass(frozen=True)
class _Vocabulary:
    jargon: dict[str, str]  # normalised term or variant -> the plain alternative
    jargon_pattern: re.Pattern[str]
    common_long_words: frozenset[str]


# --- public API ------------------------------------------------------------------------------


def check_text(text: str) -> ReadabilityReport:
    """Check a service description against the B1 guidelines. Empty text is trivially easy."""
    analysed = [(sentence, _tokens(sentence)) for sentence in _sentences(text)]
    analysed = [(sentence, tokens) for sentence, tokens in analysed if tokens]
    tokens = [token for _sentence, sentence_tokens in analysed for token in sentence_tokens]
    syllables = [count_syllables(token.text) for token in tokens if token.is_word]
    counted = [count for count in syllables if count > 0]
    score = _flesch_douma(len(analysed), len(tokens), sum(counted), len(counted))
    jargon = _jargon_flags(text)
    flags = [*jargon, *_sentence_flags(analysed), *_long_word_flags(analysed, jargon)]
    return ReadabilityReport(
        score=score,
        level=_level(score),
        sentences=len(analysed),
        words=len(tokens),
        average_sentence_length=round(len(tokens) / len(analysed), 1) if analysed else 0.0,
        flags=tuple(sorted(flags, key=lambda flag: (flag.start, flag.kind))),
    )


def count_syllables(word: str) -> int:
    """Syllables in one Dutch word; 0 for numbers, times, URLs, email addresses and abbreviations."""
    word = word.strip(".,;:!?()[]\"'\u2018\u2019\u201c\u201d")
    if not word or _NOT_A_WORD.search(word) or _is_abbreviation(word):
        return 0
    return sum(_part_syllables(part) for part in _WORD_PART_SEPARATOR.split(word) if part)


def split_sentences(text: str) -> list[str]:
    """Split text into sentences; every line (or list item, without its bullet) ends a sentence."""
    return [sentence.text for sentence in _sentences(text)]


# --- sentences -------------------------------------------------------------------------------


def _sentences(text: str) -> list[_Sentence]:
    return [sentence for line in _LINE.finditer(text) for sentence in _split_line(line.group(), line.start())]


def _split_line(line: str, offset: int) -> Iterator[_Sentence]:
    bullet = _BULLET.match(line)
    begin = bullet.end() if bullet else 0
    for end in [*_sentence_ends(line, begin), len(line)]:
        piece = line[begin:end]
        stripped = piece.lstrip()
        if _HAS_LETTER_OR_DIGIT.search(stripped):
            yield _Sentence(stripped.rstrip(), offset + begin + len(piece) - len(stripped))
        begin = end


def _sentence_ends(line: str, begin: int) -> Iterator[int]:
    for match in _SENTENCE_END.finditer(line, begin):
        if _ends_sentence(line, match):
            yield match.end()


def _ends_sentence(line: str, match: re.Match[str]) -> bool:
    following = line[match.end() :].lstrip()[:1]
    if "!" in match.group() or "?" in match.group() or not following:
        return True
    previous = _PREVIOUS_TOKEN.search(line, 0, match.start())
    token = previous.group().lower() if previous else ""
    if token + "." in _ABBREVIATIONS:
        return token + "." in _ABBREVIATIONS_AT_END and following.isupper()
    return not (following.islower() and _looks_abbreviated(token))


def _looks_abbreviated(token: str) -> bool:
    """An abbreviation missing from the list, or an initial: "vgl. de", "mnd. later", "J. de Vries"."""
    return len(token) <= 2 or "." in token or not _VOWEL_GROUP.search(token)


def _tokens(sentence: _Sentence) -> list[_Token]:
    return [
        _Token(match.group(), sentence.start + match.start(), match.lastgroup or "word")
        for match in _TOKEN.finditer(sentence.text)
    ]


# --- syllables -------------------------------------------------------------------------------


@cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL")


def _is_abbreviation(word: str) -> bool:
    is_acronym = len(word) > 1 and word.isupper() and len(word) <= 5  # GGD, OKT, BSN
    return is_acronym or word.lower() in _DOTLESS_ABBREVIATIONS


def _part_syllables(part: str) -> int:
    """Count vowel groups in each piece that pyphen's Dutch hyphenation gives."""
    pieces = str(_hyphenator().inserted(part.lower(), hyphen="-")).split("-")
    return sum(_vowel_groups(piece) for piece in pieces)


def _vowel_groups(piece: str) -> int:
    return sum(1 + len(_HIATUS.findall(group.group())) for group in _VOWEL_GROUP.finditer(piece))


def _longest_part_syllables(word: str) -> int:
    """A hyphen breaks a compound into parts that are read one by one ("e-mailadres")."""
    return max((count_syllables(part) for part in _WORD_PART_SEPARATOR.split(word)), default=0)


# --- score -----------------------------------------------------------------------------------


def _flesch_douma(sentences: int, words: int, syllables: int, counted_words: int) -> float:
    if not sentences or not words:
        return 100.0
    syllables_per_word = syllables / counted_words if counted_words else 0.0
    score = 206.835 - 0.93 * (words / sentences) - 77 * syllables_per_word
    return round(min(100.0, max(0.0, score)), 1)


def _level(score: float) -> str:
    if score >= B1_MIN_SCORE:
        return LEVEL_B1
    if score >= HARD_BELOW_SCORE:
        return LEVEL_ABOVE_B1
    return LEVEL_HARD


# --- flags -----------------------------------------------------------------------------------


def _sentence_flags(analysed: Iterable[tuple[_Sentence, list[_Token]]]) -> Iterator[Flag]:
    for sentence, tokens in analysed:
        if len(tokens) > LONG_SENTENCE_WORDS:
            yield _long_sentence_flag(sentence, len(tokens))
        if _is_passive(tokens):
            yield Flag(
                kind="passive",
                text=sentence.text,
                message=_('Schrijf liever wie iets doet. Dus: "Wij helpen je", en niet: "Je wordt geholpen".'),
                start=sentence.start,
            )


def _long_sentence_flag(sentence: _Sentence, words: int) -> Flag:
    values = {"count": words, "max": LONG_SENTENCE_WORDS}
    serious = words > VERY_LONG_SENTENCE_WORDS
    if serious:
        message = _("Deze zin heeft %(count)d woorden. Maak er twee zinnen van (liever niet meer dan %(max)d woorden).")
    else:
        message = _("Deze zin heeft %(count)d woorden. Kan de zin korter? Liever niet meer dan %(max)d woorden.")
    return Flag(
        kind="long_sentence", text=sentence.text, message=message % values, start=sentence.start, serious=serious
    )


def _is_passive(tokens: list[_Token]) -> bool:
    words = [token.text.lower() for token in tokens if token.is_word]
    for index, word in enumerate(words):
        if word in _PASSIVE_AUXILIARIES:
            return any(_is_participle(words, later) for later in range(index + 1, len(words)))
    return False


def _is_participle(words: list[str], index: int) -> bool:
    word = words[index]
    after_te = index > 0 and words[index - 1] == "te"  # "om te genieten" is an infinitive
    return bool(_PARTICIPLE.fullmatch(word)) and word not in _NOT_PARTICIPLES and not after_te


def _long_word_flags(analysed: Iterable[tuple[_Sentence, list[_Token]]], jargon: list[Flag]) -> Iterator[Flag]:
    in_jargon = {(flag.start, flag.start + len(flag.text)) for flag in jargon}
    for _sentence, tokens in analysed:
        for position, token in enumerate(tokens):
            covered = any(start <= token.start < end for start, end in in_jargon)
            is_name = position > 0 and token.text[:1].isupper()
            if not token.is_word or covered or is_name:
                continue
            syllables = _longest_part_syllables(token.text)
            if syllables > LONG_WORD_SYLLABLES and not _is_common_long_word(token.text):
                yield _long_word_flag(token, syllables)


def _is_common_long_word(word: str) -> bool:
    lower = word.lower()
    common = _vocabulary().common_long_words
    stems = {lower, *(lower.removesuffix(suffix) for suffix in ("'s", "\u2019s", "s", "n", "en"))}
    return bool(stems & common)


def _long_word_flag(token: _Token, syllables: int) -> Flag:
    message = _('Het woord "%(word)s" is lang (%(count)d lettergrepen). Kies een korter woord of zeg het anders.')
    return Flag(
        kind="long_word",
        text=token.text,
        message=message % {"word": token.text, "count": syllables},
        start=token.start,
    )


def _jargon_flags(text: str) -> list[Flag]:
    vocabulary = _vocabulary()
    flags = []
    for match in vocabulary.jargon_pattern.finditer(text):
        suggestion = vocabulary.jargon[_normalise(match.group())]
        flags.append(_jargon_flag(match.group(), suggestion, match.start()))
    return flags


def _jargon_flag(found: str, suggestion: str, start: int) -> Flag:
    values = {"word": found, "suggestion": suggestion}
    if " " in _normalise(found):
        message = _('De woorden "%(word)s" zijn moeilijk. Schrijf liever: %(suggestion)s.') % values
    else:
        message = _('Het woord "%(word)s" is moeilijk. Schrijf liever: %(suggestion)s.') % values
    return Flag(kind="jargon", text=found, message=message, suggestion=suggestion, start=start, serious=True)


# --- vocabulary ------------------------------------------------------------------------------


def _normalise(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@cache
def _vocabulary() -> _Vocabulary:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    jargon: dict[str, str] = {}
    for item in data["jargon"]:
        for phrase in [item["term"], *item.get("variants", [])]:
            jargon[_normalise(phrase)] = item["suggestion"]
    return _Vocabulary(
        jargon=jargon,
        jargon_pattern=_jargon_pattern(jargon),
        common_long_words=frozenset(word.lower() for word in data["common_long_words"]),
    )


def _jargon_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One alternation, longest phrase first, so "aanvraag in te dienen" wins over "in te dienen"."""
    ordered = sorted(phrases, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
