"""Word lists: ordinary Dutch and English words, deduce's first names and surnames, titles."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Final

from kansrijk.vraagbaak.anonymity import diskcache
from kansrijk.vraagbaak.anonymity.engine import _deduce, _no_gc

DATA: Final = Path(__file__).resolve().parent.parent / "data"  # kansrijk/vraagbaak/data


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
    import spellchecker

    def build() -> dict[str, int]:
        return dict(spellchecker.SpellChecker(language=language, distance=1).word_frequency.dictionary)

    source = Path(spellchecker.__file__).parent / "resources" / f"{language}.json.gz"
    with _no_gc():
        counts: dict[str, int] = diskcache.cached(
            f"word-counts-{language}", ("pyspellchecker", version("pyspellchecker"), source), build
        )
    return counts


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
    """A first name in deduce's Dutch list or in `data/world_names.txt`, also without its accents ("Aïcha")."""
    return _listed(token, "first_name", _world_names()[0])


def _is_surname(token: str) -> bool:
    return _listed(token, "surname", _world_names()[1])


def _listed(token: str, struct: str, world: frozenset[str]) -> bool:
    trie = _deduce().lookup_structs[struct]
    name = token[:1].upper() + token[1:].lower()
    if trie.longest_matching_prefix([name]) or name in world:
        return True
    plain = _without_accents(name)
    return plain != name and (bool(trie.longest_matching_prefix([plain])) or plain in world)


def _without_accents(word: str) -> str:
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@cache
def _world_names() -> tuple[frozenset[str], frozenset[str]]:
    """First names and surnames of other languages that deduce's lists lack (see `build_names`)."""
    first: set[str] = set()
    last: set[str] = set()
    for line in _lines("world_names.txt"):
        kind, _tab, name = line.partition("\t")
        (first if kind == "first" else last).add(name)
    return frozenset(first), frozenset(last)


def _looks_like_name(word: str) -> bool:
    """A capitalised word that is both an ordinary word and a listed first name and not a common one."""
    return _is_first_name(word) and word.lower() not in _own_words() and word.lower() not in _common_dutch()


@cache
def _common_dutch() -> frozenset[str]:
    structs = _deduce().lookup_structs
    return frozenset(item.lower() for key in ("common_word", "stop_word") for item in structs[key].items())


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(item.lower() for item in _deduce().lookup_structs["stop_word"].items())
