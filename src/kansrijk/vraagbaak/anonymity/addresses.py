"""Postcodes, street + house number and "woont op ..." addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from kansrijk.vraagbaak.anonymity.findings import Finding
from kansrijk.vraagbaak.anonymity.lexicon import COMPOUND_PART, _english, _frequencies, _stop_words, is_word
from kansrijk.vraagbaak.anonymity.normalise import _tokens
from kansrijk.vraagbaak.anonymity.patterns import _CAP, _CUE_WORDS, _HOUSE_SUFFIX, _ORDINAL, _STREET_END

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


# with a dash between digits and letters: "1064-ZB" (not a year before a code: "2024-VT")
_POSTCODE_DASH = re.compile(r"(?<![\w-])(?!(?:19|20)\d\d)[1-9]\d{3}[-\u2013](?!SA|SD|SS)[A-Z]{2}(?![\w-])")


_POSTCODE_ONLY = re.compile(r"[1-9]\d{3}\s?[A-Za-z]{2}")


_STREET = re.compile(
    rf"(?<![\w'\u2019-])(?:{_ORDINAL}\s+)?(?:(?:{_CAP}|van|de|der|den|het|'t|ten|ter|la|le)\s+){{0,4}}[A-Z][\w'\u2019-]*{_STREET_END}\s+\d{{1,5}}(?!\d|[-/]\d{{2,}}[-/])"
    + _HOUSE_SUFFIX
)


# a street name with digits or years in it and "nr" before the number: "Plein '40-'45 nr 3", "Laan 1940-1945 no. 12"
_NUMBERED = re.compile(
    rf"(?<![\w'\u2019-]){_CAP}(?:\s+(?:{_CAP}|'\d{{2}}(?:\s?[-\u2013]\s?'\d{{2}})?|(?:19|20)\d{{2}}(?:\s?[-\u2013]\s?(?:19|20)\d{{2}})?"
    rf"|{_ORDINAL}|van|de|der|den|het|'t|ten|ter)){{0,4}}\s*,?\s+(?:nr|no|nummer|huisnummer)\.?\s*\d{{1,5}}(?!\d)"
    + _HOUSE_SUFFIX
)
_STREET_WORD = re.compile(rf"(?i){_STREET_END}$")
_LIVES_CUE = re.compile(r"(?i)\b(?:woont|wonen|woonde|verhuisd|verhuist|adres|verblijft|ingeschreven)\b")
_LIVES_AT = re.compile(
    rf"\b(?:woont|wonen|woonde|woonden|verhuisd|verhuist|adres|huisadres|woonadres|verblijft|ingeschreven)\b"
    rf"[^.\n]{{0,25}}?\b(?:op|aan|naar|in|:)\s+(?:de\s+|het\s+)?(?P<v>(?:{_ORDINAL}\s+)?(?:{_CAP}\s+){{0,3}}{_CAP}\s+\d{{1,5}}(?!\d)"
    + _HOUSE_SUFFIX
    + ")"
)


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


def _addresses(text: str) -> Iterator[Finding]:
    for m in _POSTCODE.finditer(text):
        yield Finding("postcode", m.group(), m.start(), m.end())
    for m in _POSTCODE_DASH.finditer(text):
        yield Finding("postcode", m.group(), m.start(), m.end())
    for m in _POSTCODE_LOWER.finditer(text):
        letters = m.group("l")
        if letters not in _NOT_POSTCODE_LETTERS and not _two_letter_word(letters):
            yield Finding("postcode", m.group(), m.start(), m.end())
    for m in _STREET.finditer(text):
        start = _skip_leading_words(text, m.start(), m.end())
        if start is not None:
            yield Finding("address", text[start : m.end()].rstrip(), start, start + len(text[start : m.end()].rstrip()))
    for m in _NUMBERED.finditer(text):
        words = re.findall(r"[^\W\d_][\w'\u2019-]*", m.group().split(" nr")[0].split(" no")[0])
        street = any(_STREET_WORD.search(word) for word in words)
        start = _skip_leading_words(text, m.start(), m.end())
        if start is not None and (street or _LIVES_CUE.search(text, max(0, m.start() - 40), m.start())):
            value = text[start : m.end()].rstrip()
            yield Finding("address", value, start, start + len(value))
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
