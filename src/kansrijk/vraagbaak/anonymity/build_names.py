"""Builds `data/world_names.txt`: first names and surnames of the languages spoken by Amsterdam families
that deduce's Dutch lists lack (Polish, Ghanaian, Nigerian, Kenyan, Turkish, Romanian, ...), taken from
Faker's person providers (a well-kept, versioned source in the development environment).

Run after upgrading Faker, and commit the file: `python -m kansrijk.vraagbaak.anonymity.build_names`.
Only names in the Latin script are kept; names that are ordinary Dutch or English words ("Will", "Roos",
"Deniz" stays: no word) are left out, so that the list adds names and no ordinary text.
"""

from __future__ import annotations

import importlib
import os
import unicodedata
from importlib.metadata import version

from kansrijk.vraagbaak.anonymity.lexicon import (
    DATA,
    ENGLISH_WORD,
    _english,
    _frequencies,
    _is_first_name,
    _is_surname,
    is_word,
)
from kansrijk.vraagbaak.anonymity.names import RARE_AS_WORD

LOCALES = (
    "pl_PL",
    "tw_GH",
    "yo_NG",
    "ig_NG",
    "ha_NG",
    "en_NG",
    "en_KE",
    "sw",
    "tr_TR",
    "ro_RO",
    "hr_HR",
    "hu_HU",
    "cs_CZ",
    "sk_SK",
    "lt_LT",
    "lv_LV",
    "fr_DZ",
    "pt_PT",
    "pt_BR",
    "es_ES",
    "id_ID",
    "az_AZ",
    "uz_UZ",
)


def _latin(name: str) -> bool:
    return all(char in "-'" or "LATIN" in unicodedata.name(char, "") for char in name)


def _names(locale: str, kind: str) -> set[str]:
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    names: set[str] = set()
    for attribute in dir(provider):
        if f"{kind}_names" in attribute:
            value = getattr(provider, attribute)
            if isinstance(value, dict | list | tuple | set | frozenset):
                names.update(str(item) for item in value)
    return names


def _ordinary(name: str) -> bool:
    lower = name.lower()
    return (
        len(name) < 3
        or is_word(lower)
        or _frequencies().get(lower, 0) >= RARE_AS_WORD
        or _english().get(lower, 0) >= ENGLISH_WORD
    )


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansrijk.config.settings.test")
    first: set[str] = set()
    last: set[str] = set()
    for locale in LOCALES:
        first |= _names(locale, "first")
        last |= _names(locale, "last")
    rows = []
    for kind, names, listed in (("first", first, _is_first_name), ("last", last, _is_surname)):
        for name in sorted(names):
            if " " in name or not _latin(name) or _ordinary(name) or listed(name):
                continue
            rows.append(f"{kind}\t{name}")
    header = [
        "# First names and surnames that deduce's Dutch lists lack, in the Latin script, no ordinary words.",
        f"# Built by `python -m kansrijk.vraagbaak.anonymity.build_names` from Faker {version('faker')},",
        f"# locales {', '.join(LOCALES)}. Do not edit by hand: extend LOCALES and run it again.",
    ]
    (DATA / "world_names.txt").write_text("\n".join([*header, *rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} names written to {DATA / 'world_names.txt'}")


if __name__ == "__main__":
    main()
