"""Phone numbers, BSN, case/dossier/client numbers and other identifying numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from kansrijk.vraagbaak.anonymity.findings import Finding

# between the digit groups of a phone number: a space, a dot or a dash (with spaces round it: "020 - 555 1234")
_PHONE_SEP = r"(?:\s?[.\u2013-]\s?|\s)?"


_PHONE = re.compile(
    rf"(?<![\w+])(?:(?:\+|00)\s?31{_PHONE_SEP}(?:\(0\){_PHONE_SEP})?[1-9](?:{_PHONE_SEP}\d){{8}}"
    rf"|\(?0(?:\)?{_PHONE_SEP}[1-9]|[1-9])(?:\)?{_PHONE_SEP}\d){{8}})(?![\w-])"  # also "0 6 2 8 4 1 9 3 7 5"
)
# a foreign number: "+212 6 61 23 45 78", "0032 470 12 34 56" (a country code and 8 to 13 more digits)
_PHONE_ABROAD = re.compile(
    r"(?<![\w+])(?<!\d[\s.\u2013-])(?:\+\s?|00)(?!31)[1-9]\d{0,2}(?:[\s.\u2013-]?\(?\d{1,5}\)?){2,7}(?![\w-]|[.,]\d)"
)
# public service numbers ("0800-0432", "0900-8844"): an organisation's line, not a person's
_SERVICE_NUMBER = re.compile(r"0(?:800|900|906|909)")


def _service_number(value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    return bool(_SERVICE_NUMBER.match(digits)) and len(digits) <= 11


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


# "JGZ-20391", "CL-2291", "FACT-W 20-44-917": a code of capitals (a team letter after a dash too) and digits
_CODE = re.compile(r"(?<![\w-])(?:[A-Z]{2,6}(?:-[A-Z]{1,3})?[-/ ]?|[A-Z]-)(?:\d[\d-]{2,}\d)(?![\w-])")


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


# digits written as words: "nul zes 43 91 20 76", "zero six one two ..."
_DIGIT_WORDS: Final = {
    "nul": "0",
    "zero": "0",
    "een": "1",
    "één": "1",
    "one": "1",
    "twee": "2",
    "two": "2",
    "drie": "3",
    "three": "3",
    "vier": "4",
    "four": "4",
    "vijf": "5",
    "five": "5",
    "zes": "6",
    "six": "6",
    "zeven": "7",
    "seven": "7",
    "acht": "8",
    "eight": "8",
    "negen": "9",
    "nine": "9",
}


_NUMBER_TOKEN = re.compile(r"\d+|[^\W\d_]+")


_NUMBER_GAP = re.compile(r"[\s.,\u2013-]{0,3}")


def _spoken_phones(text: str) -> Iterator[Finding]:
    """A phone number with some digits as words ("nul zes 43 91 20 76"): a run of digit groups and digit
    words, apart by spaces, dots or dashes, whose digits make a Dutch number (10, starting with 0).
    One walk over the tokens: linear in the text."""
    run: list[tuple[int, int, str, bool]] = []  # (start, end, digits, is a word)
    previous_end = -1
    for m in _NUMBER_TOKEN.finditer(text):
        token = m.group()
        digits = token if token.isdigit() else _DIGIT_WORDS.get(token.lower())
        adjacent = previous_end >= 0 and _NUMBER_GAP.fullmatch(text, previous_end, m.start()) is not None
        if digits is None or not adjacent:
            yield from _spoken_phone(text, run)
            run = []
        if digits is not None:
            run.append((m.start(), m.end(), digits, not token.isdigit()))
        previous_end = m.end()
    yield from _spoken_phone(text, run)


def _spoken_phone(text: str, run: list[tuple[int, int, str, bool]]) -> Iterator[Finding]:
    if len(run) > 12 or not any(word for _s, _e, _d, word in run):
        return  # digits only: the phone patterns see those; a phone number has at most 10 groups
    first, last = 0, len(run)
    while first < last and run[first][3] and run[first][2] == "1":
        first += 1  # "een 06 ...": an article, not a digit
    while last > first and run[last - 1][3] and run[last - 1][2] == "1":
        last -= 1
    run = run[first:last]
    digits = "".join(d for _s, _e, d, _w in run)
    if len(digits) == 10 and digits.startswith("0") and not digits.startswith("00") and any(w for *_x, w in run):
        yield Finding("phone", text[run[0][0] : run[-1][1]], run[0][0], run[-1][1])


def _numbers(text: str) -> Iterator[Finding]:
    yield from _spoken_phones(text)
    for m in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group().replace("(0)", ""))  # "+31 (0)6 ..." dials without the 0
        digits = digits.removeprefix("00")
        if (digits.startswith("31") and len(digits) == 11) or (digits.startswith("0") and len(digits) == 10):
            yield Finding("phone", m.group(), m.start(), m.end())
    for m in _PHONE_ABROAD.finditer(text):
        digits = re.sub(r"\D", "", m.group()).removeprefix("00")
        if 10 <= len(digits) <= 15:
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
