"""Test data for the Kaart: organisations and services with their taxonomy, areas and hours.

Uses the real taxonomy and geography (loaded by the migrations) and raises the map version like the
services do, so search indexes see the changes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time
from typing import Any

from kansrijk.accounts.models import Organisation
from kansrijk.geo.models import Gebied, Stadsdeel
from kansrijk.kaart.models import (
    AttendingType,
    KaartOrganization,
    Language,
    Location,
    Phone,
    Schedule,
    Service,
    Taxonomy,
    TaxonomyTerm,
)
from kansrijk.kaart.services import kaart_version_bump, place_location

_counter = {"n": 0}


def make_organization(name: str = "", *, managed_by: Organisation | None = None, **fields: Any) -> KaartOrganization:
    _counter["n"] += 1
    return KaartOrganization.objects.create(
        name=name or f"Testorganisatie {_counter['n']}", managed_by=managed_by, **fields
    )


def _terms(taxonomy: str, codes: Sequence[str]) -> list[TaxonomyTerm]:
    found = list(TaxonomyTerm.objects.filter(taxonomy_id=taxonomy, code__in=codes))
    assert len(found) == len(set(codes)), f"unknown {taxonomy} codes in {codes}"
    return found


def make_service(
    name: str,
    description: str = "Hulp voor ouders.",
    *,
    organization: KaartOrganization | None = None,
    categories: Sequence[str] = ("opvoeden-en-opgroeien",),
    phases: Sequence[str] = ("na-de-geboorte",),
    stadsdelen: Sequence[str] = (),
    gebieden: Sequence[str] = (),
    whole_city: bool = False,
    languages: Sequence[str] = ("nl",),
    hours: Sequence[tuple[str, time, time]] = (),
    phone_hours: Sequence[tuple[str, time, time]] = (),
    phone: str = "",
    postal_code: str = "",
    last_verified_at: date | None = date(2026, 11, 1),
    **fields: Any,
) -> Service:
    organization = organization or make_organization()
    service = Service.objects.create(
        organization=organization,
        name=name,
        description=description,
        whole_city=whole_city,
        last_verified_at=last_verified_at,
        **fields,
    )
    service.categories.set(_terms(Taxonomy.HULPVRAAG, categories))
    service.phases.set(_terms(Taxonomy.FASE, phases))
    service.languages.set(Language.objects.filter(code__in=languages))
    service.stadsdelen.set(Stadsdeel.objects.filter(code__in=stadsdelen))
    service.gebieden.set(Gebied.objects.filter(code__in=gebieden))
    for byday, opens, closes in hours:
        Schedule.objects.create(service=service, byday=byday, opens_at=opens, closes_at=closes)
    for byday, opens, closes in phone_hours:
        Schedule.objects.create(
            service=service, byday=byday, opens_at=opens, closes_at=closes, attending_type=AttendingType.PHONE
        )
    if phone:
        Phone.objects.create(service=service, number=phone)
    if postal_code:
        location = Location(
            organization=organization, name=f"Locatie van {name}", address_1="Teststraat 1", postal_code=postal_code
        )
        place_location(location)
        location.save()
        service.locations.add(location)
    kaart_version_bump()
    return service
