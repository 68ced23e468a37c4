"""Regular-expression fragments and cue words shared by several kinds of identifier."""

from __future__ import annotations

import re
from typing import Final

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


_CUE_WORDS: Final = frozenset(
    [
        "moeder",
        "mama",
        "ouders",
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
