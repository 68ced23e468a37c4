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
   lower-case names typed sloppily ("fatima el amrani"), a surname alone with its particle ("Van Leeuwen"),
   a name with a quoted nickname, phone numbers partly in words ("nul zes 43 ..."), account names after
   a platform ("via WeChat, her ID is ..."), a specific job at a named employer ("nachtportier bij het
   Hilton"), a class at a named school ("klas 4B van het ...lyceum") and rare identifying details from the
   curated list in `data/rare_details.txt` (triplets, very large families, rare syndromes, public roles,
   national titles, "de enige ... in het portiek").
4. **Allow-lists**: Amsterdam's stadsdelen, gebieden and wijken (`data/allowed_places.txt`),
   organisations and programmes (`data/allowed_organisations.txt`, anything after an organisation head
   such as "Stichting" or "Buurtteam", and extra phrases passed by the caller, e.g. organisation names
   from the database). A finding wholly inside an allowed phrase is dropped; a name loses the words
   that are part of one.
5. **Merge**: overlapping findings become one, with the most specific kind (an IBAN beats the phone
   number deduce sees inside it, an address beats the first name in "Pieter Calandlaan 240").

Modules: `normalise` (visible text, tokens), `engine` (deduce), `proposals` (layers 1-2), `contact`,
`numbers`, `addresses`, `dates`, `names`, `rare`, `employment` (layer 3, one per kind of identifier), `lexicon` (word
lists; `build_names` builds `data/world_names.txt` from Faker), `patterns` (shared fragments), `allowlist`
(layer 4), `decision` (`check`, the merge). Start-up: `diskcache` keeps derived structures under
`var/cache/vraagbaak-guard/` keyed by a hash of their inputs, `tries` loads deduce's two large tries from
it as sorted phrases (`kansrijk vraagbaak build-guard-cache` builds it ahead of time).

Kind codes (stable, English): name, bsn, date, address, postcode, phone, email, iban, licence_plate,
url, case_number, rare_detail. Offsets are Python str indices into the original text, end exclusive.
"""

from __future__ import annotations

from typing import Any

from kansrijk.vraagbaak.anonymity import engine
from kansrijk.vraagbaak.anonymity.allowlist import COMPOUND_HEADS, ORGANISATION_HEADS, allowed_names
from kansrijk.vraagbaak.anonymity.contact import SOCIAL_DOMAINS
from kansrijk.vraagbaak.anonymity.decision import check, logger, warm
from kansrijk.vraagbaak.anonymity.engine import EXACT_ROUNDS, NAME_CONTEXT_ROUNDS, deduce_model
from kansrijk.vraagbaak.anonymity.findings import KINDS, Finding, gettext_noop, hint, label
from kansrijk.vraagbaak.anonymity.lexicon import (
    COMPOUND_PART,
    DATA,
    ENGLISH_COMMON,
    ENGLISH_WORD,
    FREQUENT_WORD,
    is_word,
)
from kansrijk.vraagbaak.anonymity.names import RARE_AS_WORD

__all__ = [
    "COMPOUND_HEADS",
    "COMPOUND_PART",
    "DATA",
    "ENGLISH_COMMON",
    "ENGLISH_WORD",
    "EXACT_ROUNDS",
    "FREQUENT_WORD",
    "KINDS",
    "NAME_CONTEXT_ROUNDS",
    "ORGANISATION_HEADS",
    "RARE_AS_WORD",
    "SOCIAL_DOMAINS",
    "Finding",
    "allowed_names",
    "check",
    "deduce_model",
    "gettext_noop",
    "hint",
    "is_word",
    "label",
    "load_seconds",
    "logger",
    "warm",
]


def __getattr__(name: str) -> Any:
    """`load_seconds`: how long deduce took to load in this process (None before it is loaded)."""
    if name == "load_seconds":
        return engine.load_seconds
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
