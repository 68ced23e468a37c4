"""E-mail addresses (also written out), links, social-media handles, IBAN and licence plates."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final

from kansrijk.vraagbaak.anonymity.findings import Finding
from kansrijk.vraagbaak.anonymity.lexicon import _dictionary_word, _lines


@cache
def _allowed_domains() -> frozenset[str]:
    return frozenset(line.lower() for line in _lines("allowed_domains.txt"))


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


# an address written out against harvesters: "j.jansen (at) voorbeeld (dot) nl", "naam[at]domein[punt]com",
# "naam at domein (dot) nl" (a bare " at " only with a bracketed dot, so English "at" stays text)
_AT = r"(?:\s?[(\[{]\s?(?:at|apenstaart|@)\s?[)\]}]\s?)"


_DOT = r"(?:\s?[(\[{]\s?(?:dot|punt|\.)\s?[)\]}]\s?)"  # also "[.]", "(.)"


_TLD = r"(?:nl|com|org|net|be|eu|info|de|fr|uk)"
_EMAIL_WRITTEN = re.compile(
    rf"(?i)(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*(?:{_AT}[\w-]+(?:(?:{_DOT}|\.)[\w-]+)*(?:{_DOT}|\.)[a-z]{{2,}}"
    rf"|\s+at\s+[\w-]+(?:(?:{_DOT}|\.)[\w-]+)*{_DOT}[a-z]{{2,}}"
    # "naam at domein dot nl": bare words only before a common top-level domain
    rf"|\s+(?:at|apenstaart)\s+[\w-]+\s+(?:dot|punt)\s+{_TLD}"
    # "jjansen @ gmail . com": spaces round the "@" and the dot
    rf"|\s+@\s+[\w-]+(?:\s?\.\s?[\w-]+)*?\s?\.\s?{_TLD})(?!\w)"
)


_URL = re.compile(
    r"(?i)(?<![\w@/.-])(?:https?://\S+|www\.\S+|(?:[a-z0-9-]+\.)+(?:com|nl|org|net|be|eu|io|me|info|tv|app|ly|gg)(?:/\S*)?)"
)


_HANDLE = re.compile(r"(?<![\w@./])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29})")


# an account name after its platform: "op snapchat als djbrouwer_020", "Insta: mama.van.3",
# "TikTok-account lisa_amsterdam"
_PLATFORM_HANDLE = re.compile(
    r"(?i)\b(?:snapchat|snap|instagram|insta|tiktok|facebook|fb|twitter|telegram|onlyfans|linkedin|youtube|threads)"
    r"(?:-?(?:account|profiel|naam))?\s*(?::|\s+(?:als|onder|heet|account|naam|profiel)\s*:?)\s*@?"
    r"(?P<h>(?-i:[A-Za-z0-9_][A-Za-z0-9_.]{2,29}))(?![\w@])"
)
# an account name without "@" somewhere after a platform or account word: "via WeChat, her ID is
# xiaoling_ams88", "haar insta is mama_van_3": a word with an underscore, or letters with two digits or more
_HANDLE_WORD = re.compile(r"(?<![\w@./-])[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)*_?(?![\w@/-])")


_PLATFORM_CUE = re.compile(
    r"(?i)\b(?:snapchat|snap|instagram|insta|ig|tiktok|facebook|fb|twitter|telegram|wechat|whatsapp|signal|discord"
    r"|youtube|linkedin|threads|onlyfans|account|accountnaam|profiel|profielnaam|gebruikersnaam|username|handle|id)\b"
)


_HANDLE_CUE_WINDOW = 80


_HANDLE_INTRO = re.compile(r"(?i)(?:\bis|:|\bheet|\bals|\bnaam|\bid|\bnamed|\bcalled)\s*$")


def _handle_word(word: str) -> bool:
    if "_" in word:
        return True
    digits = sum(c.isdigit() for c in word)
    return digits >= 2 and sum(c.isalpha() for c in word) >= 3


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


_PLATE = re.compile(r"(?<![\w-])([A-Z0-9]{1,3})-([A-Z0-9]{1,3})-([A-Z0-9]{1,3})(?![\w-])")


_PLATE_CUE = re.compile(r"(?i)\bkenteken(?:nummer)?\s*[:]?\s*(?P<v>[A-Z0-9]{1,3}-?[A-Z0-9]{1,3}-?[A-Z0-9]{1,3})\b")


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
    for m in _PLATFORM_HANDLE.finditer(text):
        handle = m.group("h").rstrip(".")
        if any(c.isdigit() or c in "_." for c in handle) or not _dictionary_word(handle):
            yield Finding("url", handle, m.start("h"), m.start("h") + len(handle))
    for m in _HANDLE_WORD.finditer(text):
        word = m.group()
        if not _handle_word(word) or not _PLATFORM_CUE.search(text, max(0, m.start() - _HANDLE_CUE_WINDOW), m.start()):
            continue
        # letters and digits without an underscore ("covid19", "b12") only right after "is", ":" or "heet"
        if "_" in word or _HANDLE_INTRO.search(text, max(0, m.start() - 12), m.start()):
            yield Finding("url", word, m.start(), m.end())
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
