"""Where someone works or studies, named: a specific job at a named employer, a class at a named school.

"werkt als nachtportier bij het Hilton aan de Apollolaan", "sous-chef bij restaurant De Gouden Draak",
"klas 4B van het Calandlyceum": few people hold that job there or sit in that class, so colleagues and
classmates recognise the person. A job without a named employer ("werkt als kapster", "werkt in de zorg"),
a named employer without a job ("werkt bij Schiphol") and a class without a named school ("de 3e klas van
het vmbo") stay text, and so do the employers on the allow-list (the GGD, OLVG, Albert Heijn, ...) and
what the asker says about their own work ("ik werk als jeugdverpleegkundige bij ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kansrijk.vraagbaak.anonymity.allowlist import ORGANISATION_HEADS, Phrases, _builtin_allowed
from kansrijk.vraagbaak.anonymity.findings import Finding
from kansrijk.vraagbaak.anonymity.lexicon import _lines

# A named organisation or place: capitalised words, joined by a few particles ("De Gouden Draak",
# "Picnic-distributiecentrum", "Hotel Arena"); at most four words, so the walk stays short.
_NAMED_WORD = r"[A-ZÀ-ÖØ-Þ][\w'&\u2019]*(?:-[\w'&\u2019]+)*"
_NAMED = rf"{_NAMED_WORD}(?:\s+(?:(?:van|de|het|der|den|&|en)\s+)?{_NAMED_WORD}){{0,3}}"


# the kind of business before its name: "bij restaurant De Gouden Draak", "bij hotel Arena"
_BUSINESS = (
    r"(?:restaurant|hotel|café|cafe|bar|bakkerij|slagerij|winkel|supermarkt|kapsalon|garage|fabriek|bedrijf|firma"
    r"|sportschool|snackbar|pizzeria|toko|warenhuis|magazijn|distributiecentrum|club|theater|bioscoop|casino)"
)


# a job, a word for the night or day shift in between, "bij" and the named employer, and where it is
_EMPLOYED = re.compile(
    r"(?<![\w-])(?P<role>[a-zà-ÿ]{2,}(?:-[a-zà-ÿ]{2,})?)"
    r"(?:\s+(?:in|op|on|at)\s+(?:de|het|the)\s+[a-zà-ÿ]{3,})?"
    rf"\s+(?:bij|at|for)\s+(?:(?:het|de|the)\s+)?(?:{_BUSINESS}\s+)?(?P<org>{_NAMED})"
    rf"(?P<place>\s+(?:aan|op|in|on|at)\s+(?:(?:de|het|the)\s+)?(?P<place_name>{_NAMED}))?"
)


# what a job title ends with ("nachtportier", "orderpicker", "sous-chef", "magazijnmedewerker", "vakkenvuller")
_JOB_END = re.compile(
    r"(?:portier|picker|chef|kok|monteur|chauffeur|schoonmaker|schoonmaakster|medewerker|medewerkster|verkoper"
    r"|verkoopster|bezorger|koerier|beveiliger|bewaker|barman|barvrouw|barkeeper|serveerster|ober|kapper|kapster"
    r"|leraar|lerares|docent|docente|conciërge|manager|directeur|directrice|eigenaar|eigenaresse|uitbater|receptionist"
    r"|receptioniste|vuller|lasser|timmerman|loodgieter|elektricien|schilder|piloot|stewardess|steward|postbode"
    r"|trainer|trainster|assistent|assistente|caissière|caissiere|kassière|afwasser|bakker|slager|arbeider|operator"
    r"|planner|secretaresse|boekhouder|hovenier|stukadoor|metselaar|machinist|conducteur|bestuurder|beheerder"
    r"|opzichter|nachtwaker|keeper|doelman|spits|aanvoerder|aanvoerster|barista|sommelier|pakketbezorger|stratenmaker)$"
)


# "werkt als ...", "works as ...", "is ... als": the word after it is a job, whatever it ends with
_AS_BEFORE = re.compile(r"(?i)(?:^|\W)(?:als|as)\s+(?:een\s+|an?\s+)?$")


# the asker's own job ("ik werk als jeugdverpleegkundige bij de GGD") identifies no client
_OWN_WORK = re.compile(r"(?i)\b(?:ik|wij|we|i)\s+(?:werk|werken|ben|zijn|work|am)\b[^.!?\n]*$")


@cache
def _large_employers() -> Phrases:
    return Phrases(_lines("large_employers.txt"))


def _employment(text: str) -> Iterator[Finding]:
    allowed = _builtin_allowed().spans(text)
    employers = allowed + _large_employers().spans(text)
    for m in _EMPLOYED.finditer(text):
        role = m.group("role")
        start = m.start("role")
        as_before = bool(_AS_BEFORE.search(text, max(0, start - 12), start))
        if not (as_before or _JOB_END.search(role)):
            continue
        if _OWN_WORK.search(text, max(0, start - 60), start):
            continue
        org_start, org_end = m.start("org"), m.end("org")
        place = m.group("place")
        head = m.group("org").split()[0].lower()
        if head in ORGANISATION_HEADS:
            continue  # care and welfare organisations ("Stichting Nidos", "Buurtteam Oost"): what questions are about
        if _inside(employers, org_start, org_end) and (not place or _inside(allowed, *m.span("place_name"))):
            continue  # "verpleegkundige bij het OLVG", "vakkenvuller bij Albert Heijn (in Noord)": many work there
        end = m.end("place") if place else org_end
        yield Finding("rare_detail", text[start:end], start, end)
    for m in _CLASS.finditer(text):
        school_start, school_end = m.start("school"), m.end("school")
        if _inside(allowed, school_start, school_end):
            continue
        yield Finding("rare_detail", text[m.start() : school_end], m.start(), school_end)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


# a class or group and a named school: "klas 4B van het Calandlyceum", "groep 7 van De Regenboog",
# "in 3 havo op het Barlaeus", "4B van het Hervormd Lyceum"
_CLASS = re.compile(
    r"(?<![\w-])(?:(?i:klas|groep|leerjaar|class|year)\s+\d{1,2}[A-Za-z]?\d?|\d[A-Z]\d?"
    r"|\d\s?(?i:havo|vwo|vmbo|mavo|gym|gymnasium|atheneum|vmbo-t|vmbo-k|vmbo-b)\b)"
    r"\s+(?:van|op|bij|aan|at|of)\s+(?:(?:het|de|the)\s+)?"
    r"(?:(?i:basisschool|school|lyceum|college|scholengemeenschap|montessorischool|daltonschool)\s+)?"
    rf"(?P<school>{_NAMED})"
)
