"""A vocabulary straight from the taxonomy and gebiedsindeling files, for tests that need no database."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kansrijk.geo.loader import read_fixture
from kansrijk.kaart.search import TERM_TAXONOMIES
from kansrijk.kaart.taxonomy import read_taxonomy
from kansrijk.kaart.understanding import LanguageName, Place, Term, Vocabulary


def vocabulary_from_files() -> Vocabulary:
    """The vocabulary the Kaart builds from the database, built from the files the database is loaded from."""
    taxonomy = read_taxonomy()
    places, postcodes = _places(read_fixture())
    return Vocabulary(places=places, postcodes=postcodes, terms=_terms(taxonomy), languages=_languages(taxonomy))


def _places(geo: Mapping[str, Any]) -> tuple[list[Place], dict[str, Place]]:
    """Stadsdelen, gebieden and wijken as places, and the PC4 table as postcode places."""
    places = [Place("stadsdeel", row["code"], row["naam"], row["code"], None) for row in geo["stadsdelen"]]
    gebied_stadsdeel: dict[str, str] = {}
    for row in geo["gebieden"]:
        gebied_stadsdeel[row["code"]] = row["stadsdeel"]
        places.append(Place("gebied", row["code"], row["naam"], row["stadsdeel"], row["code"]))
    for row in geo["wijken"]:
        stadsdeel = gebied_stadsdeel.get(row["gebied"])
        if stadsdeel is not None:
            places.append(Place("wijk", row["code"], row["naam"], stadsdeel, row["gebied"]))
    postcodes = {
        row["pc4"]: Place("postcode", row["pc4"], row["pc4"], row["stadsdeel"], row["gebied"])
        for row in geo["postcodes"]
    }
    return places, postcodes


def _terms(taxonomy: Mapping[str, Any]) -> list[Term]:
    """Terms of the hulpvraag, fase and doelgroep taxonomies, Dutch and English synonyms together."""
    terms: list[Term] = []
    for block in taxonomy["taxonomies"]:
        name = TERM_TAXONOMIES.get(block["id"])
        if name is None:
            continue
        for row in block["terms"]:
            synonyms = tuple(row.get("synonyms_nl", ())) + tuple(row.get("synonyms_en", ()))
            terms.append(Term(name, row["code"], row["label_nl"], row.get("label_en", ""), synonyms))
    return terms


def _languages(taxonomy: Mapping[str, Any]) -> list[LanguageName]:
    """The languages block of the taxonomy file."""
    return [
        LanguageName(row["code"], row["name_nl"], row.get("name_en", ""), tuple(row.get("synonyms", ())))
        for row in taxonomy.get("languages", ())
    ]
