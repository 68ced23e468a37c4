"""Dates: with a year, or near a birth word ("geboren", "geb.")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kansrijk.vraagbaak.anonymity.findings import Finding
from kansrijk.vraagbaak.anonymity.patterns import _MONTHS

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


def _date_finding(text: str, start: int, end: int) -> Finding | None:
    span = text[start:end]
    if _HAS_YEAR.search(span) or _near_birth(text, start, end):
        return Finding("date", span, start, end)
    return None


def _near_birth(text: str, start: int, end: int) -> bool:
    return bool(_BIRTH.search(text[max(0, start - 45) : start]) or _BIRTH.search(text[end : end + 25]))


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


# "Bevalling verwacht rond 25 december": an approximate day without a year narrows nothing down
_APPROXIMATE = re.compile(r"(?i)(?<!\w)(?:rond|rondom|omstreeks|ongeveer|circa|ca\.|medio|eind|begin|half)\s+$")


def _approximate_date(text: str, finding: Finding) -> bool:
    """A date without a year after "rond", "omstreeks", "eind" ...: not a findable birthday."""
    return not _HAS_YEAR.search(finding.text) and bool(
        _APPROXIMATE.search(text, max(0, finding.start - 12), finding.start)
    )
