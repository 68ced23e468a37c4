"""Import and export of the whole map in the HSDS exchange formats (docs/kaart-hsds.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kansrijk.core import clock
from kansrijk.geo.models import Gebied, Stadsdeel
from kansrijk.kaart import selectors
from kansrijk.kaart.hsds_csv import read_csv_file
from kansrijk.kaart.hsds_json import KnownCodes, read_json_file
from kansrijk.kaart.models import KaartOrganization, Language, Location, Taxonomy, TaxonomyTerm
from kansrijk.kaart.records import ImportBatch

PROFILE = "kansrijk-gks/2026-11"


def known_codes() -> KnownCodes:
    terms = list(TaxonomyTerm.objects.filter(active=True))
    languages: dict[str, str] = {}
    for language in Language.objects.all():
        for spelling in (language.code, language.name_nl, language.name_en, *language.synonyms):
            languages[str(spelling).strip().lower()] = language.code
    stadsdelen: dict[str, str] = {}
    for stadsdeel in Stadsdeel.objects.all():
        stadsdelen[stadsdeel.code.lower()] = stadsdeel.code
        stadsdelen[stadsdeel.naam.lower()] = stadsdeel.code
    return KnownCodes(
        categories=frozenset(t.code for t in terms if t.taxonomy_id == Taxonomy.HULPVRAAG),
        phases=frozenset(t.code for t in terms if t.taxonomy_id == Taxonomy.FASE),
        target_groups=frozenset(t.code for t in terms if t.taxonomy_id == Taxonomy.DOELGROEP),
        languages=languages,
        stadsdelen=stadsdelen,
        gebieden=frozenset(Gebied.objects.values_list("code", flat=True)),
        organizations=frozenset(str(pk) for pk in KaartOrganization.objects.values_list("pk", flat=True)),
        locations=frozenset(str(pk) for pk in Location.objects.values_list("pk", flat=True)),
    )


def read_file(path: Path) -> ImportBatch:
    """Read and check a JSON or CSV file (by its extension) without changing anything."""
    known = known_codes()
    if path.suffix.lower() == ".csv":
        existing = {name.lower(): str(pk) for pk, name in KaartOrganization.objects.values_list("pk", "name")}
        return read_csv_file(path, known, existing_organizations=existing)
    return read_json_file(path, known)


# --- export ---------------------------------------------------------------------------------------


def export_document() -> dict[str, Any]:
    """The whole map (every service, also inactive ones) as one HSDS JSON document."""
    from kansrijk.kaart.api.serializers import (
        LocationSerializer,
        OrganizationSerializer,
        ServiceSerializer,
        TaxonomySerializer,
        TaxonomyTermSerializer,
    )

    services = selectors.all_services()
    organizations = selectors.organizations()
    locations = selectors.locations()
    return {
        "hsds_version": "3.0",
        "profile": PROFILE,
        "generated_at": clock.now().isoformat(timespec="seconds"),
        "taxonomies": TaxonomySerializer(Taxonomy.objects.all(), many=True).data,
        "taxonomy_terms": TaxonomyTermSerializer(TaxonomyTerm.objects.order_by("taxonomy", "position"), many=True).data,
        "organizations": OrganizationSerializer(organizations, many=True).data,
        "locations": LocationSerializer(locations, many=True).data,
        "services": ServiceSerializer(services, many=True).data,
    }
