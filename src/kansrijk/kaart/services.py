"""Services that change the Kaart: imports, an editor's changes, "checked", and the version counter.

Every change raises `KaartVersion` in the same transaction, so each process's search index notices.
Kaart data is public service information, not personal data: writes by editors are recorded in the
change history (django-simple-history), not in the audit trail of personal data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from kansrijk.accounts.models import User
from kansrijk.core import clock
from kansrijk.geo.models import Gebied, Stadsdeel
from kansrijk.geo.selectors import area_for_postcode
from kansrijk.kaart.models import (
    Capacity,
    Closure,
    Contact,
    KaartOrganization,
    KaartVersion,
    Language,
    Location,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceMedia,
    Taxonomy,
    TaxonomyTerm,
)
from kansrijk.kaart.records import (
    ImportBatch,
    LocationRecord,
    OrganizationRecord,
    PhoneRecord,
    ScheduleRecord,
    ServiceRecord,
)
from kansrijk.kaart.taxonomy import TaxonomyLoadResult, TaxonomyModels, apply_taxonomy, read_taxonomy

Progress = Callable[[int], None]


@dataclass
class ApplyResult:
    organizations: int = 0
    locations: int = 0
    created: int = 0
    updated: int = 0
    skipped: list[str] = field(default_factory=list)


def kaart_version_bump() -> None:
    """Raise the map's version (inside the caller's transaction)."""
    now = clock.now()
    if not KaartVersion.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now):
        KaartVersion.objects.create(pk=1, version=1, changed_at=now)


class _Lookups:
    """Reference rows by code, loaded once per batch."""

    def __init__(self) -> None:
        terms = TaxonomyTerm.objects.all()
        self.categories = {t.code: t for t in terms if t.taxonomy_id == Taxonomy.HULPVRAAG}
        self.phases = {t.code: t for t in terms if t.taxonomy_id == Taxonomy.FASE}
        self.target_groups = {t.code: t for t in terms if t.taxonomy_id == Taxonomy.DOELGROEP}
        self.languages = {lang.code: lang for lang in Language.objects.all()}
        self.stadsdelen = {s.code: s for s in Stadsdeel.objects.all()}
        self.gebieden = {g.code: g for g in Gebied.objects.all()}


def _phones(owner: dict[str, Any], records: Sequence[PhoneRecord], lookups: _Lookups) -> None:
    Phone.objects.filter(**owner).delete()
    for record in records:
        phone = Phone.objects.create(number=record.number, kind=record.kind, description=record.description, **owner)
        phone.languages.set([lookups.languages[c] for c in record.languages if c in lookups.languages])


def _schedules(owner: dict[str, Any], records: Sequence[ScheduleRecord]) -> None:
    """Replace the weekly hours of a service or location (`owner`: {"service": ...} or {"location": ...})."""
    Schedule.objects.filter(**owner).delete()
    Schedule.objects.bulk_create(
        [
            Schedule(
                attending_type=record.attending_type,
                byday=record.byday,
                opens_at=record.opens_at,
                closes_at=record.closes_at,
                valid_from=record.valid_from,
                valid_to=record.valid_to,
                description=record.description,
                **owner,
            )
            for record in records
        ]
    )


def _save_organization(record: OrganizationRecord, lookups: _Lookups) -> None:
    organization, _created = KaartOrganization.objects.update_or_create(
        id=record.id,
        defaults={
            "name": record.name,
            "alternate_name": record.alternate_name,
            "description": record.description,
            "email": record.email,
            "website": record.website,
            "kind": record.kind,
            "is_demo": record.is_demo,
        },
    )
    _phones({"organization": organization}, record.phones, lookups)


def place_location(location: Location, lookups: _Lookups | None = None) -> None:
    """Stadsdeel and gebied from the postcode (the geography fixture); empty outside Amsterdam.
    An import passes its `lookups`, so placing a location needs no query for the areas."""
    location.stadsdeel = None
    location.gebied = None
    if location.postal_code:
        try:
            area = area_for_postcode(postcode=location.postal_code)
        except ValueError:
            area = None
        if area is not None:
            if lookups is None:
                location.stadsdeel = Stadsdeel.objects.get(code=area.stadsdeel_code)
                location.gebied = Gebied.objects.get(code=area.gebied_code) if area.gebied_code else None
            else:
                location.stadsdeel = lookups.stadsdelen[area.stadsdeel_code]
                location.gebied = lookups.gebieden[area.gebied_code] if area.gebied_code else None


def _save_location(record: LocationRecord, lookups: _Lookups) -> None:
    location = Location.objects.filter(pk=record.id).first() or Location(id=record.id)
    for name in (
        "name",
        "description",
        "address_1",
        "postal_code",
        "city",
        "latitude",
        "longitude",
        "transportation",
        "accessibility",
        "accessibility_details",
    ):
        setattr(location, name, getattr(record, name))
    location.organization_id = record.organization_id
    place_location(location, lookups)
    location.save()
    _phones({"location": location}, record.phones, lookups)
    _schedules({"location": location}, record.schedules)


SERVICE_FIELDS = (
    "name",
    "description",
    "alternate_name",
    "url",
    "email",
    "status",
    "interpretation_services",
    "application_process",
    "eligibility_description",
    "fees_description",
    "free",
    "formal",
    "referral_required",
    "wait_time_days",
    "wait_time_description",
    "minimum_age_months",
    "maximum_age_months",
    "whole_city",
    "closed_on_public_holidays",
    "last_verified_at",
    "last_verified_by_name",
    "is_demo",
)


def _save_service(record: ServiceRecord, lookups: _Lookups) -> bool:
    """Create or update one service with everything it holds. Returns True when it was new."""
    service = Service.objects.filter(pk=record.id).first()
    created = service is None
    service = service or Service(id=record.id)
    for name in SERVICE_FIELDS:
        setattr(service, name, getattr(record, name))
    service.organization_id = record.organization_id
    service._change_reason = "import"  # type: ignore[attr-defined]  # simple-history
    service.save()
    service.categories.set([lookups.categories[c] for c in record.categories])
    service.phases.set([lookups.phases[c] for c in record.phases])
    service.target_groups.set([lookups.target_groups[c] for c in record.target_groups])
    service.languages.set([lookups.languages[c] for c in record.languages])
    service.stadsdelen.set([lookups.stadsdelen[c] for c in record.stadsdelen])
    service.gebieden.set([lookups.gebieden[c] for c in record.gebieden])
    ServiceAtLocation.objects.filter(service=service).exclude(location_id__in=record.location_ids).delete()
    for location_id in record.location_ids:
        ServiceAtLocation.objects.get_or_create(service=service, location_id=location_id)
    _phones({"service": service}, record.phones, lookups)
    _schedules({"service": service}, record.schedules)
    Closure.objects.filter(service=service).delete()
    Closure.objects.bulk_create(
        [Closure(service=service, start=c.start, end=c.end, reason=c.reason) for c in record.closures]
    )
    Contact.objects.filter(service=service).delete()
    Contact.objects.bulk_create(
        [Contact(service=service, name=c.name, title=c.title, email=c.email, phone=c.phone) for c in record.contacts]
    )
    ServiceMedia.objects.filter(service=service).delete()
    ServiceMedia.objects.bulk_create(
        [
            ServiceMedia(service=service, kind=m.kind, url=m.url, caption=m.caption, alt_text=m.alt_text, position=i)
            for i, m in enumerate(record.media)
        ]
    )
    return created


def taxonomy_load(*, path: Path | None = None) -> TaxonomyLoadResult:
    """Load the versioned taxonomy file (the packaged one unless `path`), like geo's `geo_load_fixture`:
    idempotent, all or nothing; raises ValueError listing every problem. The map's version goes up."""
    with transaction.atomic():
        result = apply_taxonomy(
            read_taxonomy(path), TaxonomyModels(taxonomy=Taxonomy, term=TaxonomyTerm, language=Language)
        )
        kaart_version_bump()
    return result


def kaart_import_apply(*, batch: ImportBatch, partial: bool = False, progress: Progress | None = None) -> ApplyResult:
    """Write a checked batch in one transaction. All-or-nothing unless `partial`: then the valid
    services are written and `skipped` names exactly the rejected rows. Run by operators (CLI)."""
    if batch.problems and not partial:
        raise ValidationError(_("Het bestand heeft fouten; er is niets veranderd."))
    result = ApplyResult(skipped=sorted(batch.rejected))
    lookups = _Lookups()
    with transaction.atomic():
        for organization in batch.organizations:
            _save_organization(organization, lookups)
            result.organizations += 1
        for location in batch.locations:
            _save_location(location, lookups)
            result.locations += 1
        for done, service in enumerate(batch.services, start=1):
            if _save_service(service, lookups):
                result.created += 1
            else:
                result.updated += 1
            if progress is not None:
                progress(done)
        kaart_version_bump()
    return result


# --- editors ---------------------------------------------------------------------------------------


def require_service_editor(user: User, service: Service) -> None:
    """Only the editors of the organisation that manages a service may change it."""
    if not user.has_perm("kaart.change_service", service):
        raise PermissionDenied(_("Je mag alleen het aanbod van je eigen organisatie aanpassen."))


@dataclass(frozen=True)
class ServiceChange:
    """What an editor can change in the form."""

    name: str
    description: str
    categories: Sequence[TaxonomyTerm]
    phases: Sequence[TaxonomyTerm]
    target_groups: Sequence[TaxonomyTerm]
    languages: Sequence[Language]
    whole_city: bool
    stadsdelen: Sequence[Stadsdeel]
    free: bool
    fees_description: str
    referral_required: bool
    wait_time_days: int | None
    application_process: str
    url: str
    email: str
    status: str


# The fields of a service its editors keep current (the editor's form shows these).
EDITABLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ServiceChange))


def service_update(*, service: Service, change: ServiceChange, by: User, verified: bool = False) -> Service:
    """An editor changes a service of their own organisation; the change history records who."""
    require_service_editor(by, service)
    if not change.whole_city and not change.stadsdelen and not service.gebieden.exists():
        raise ValidationError({"stadsdelen": _("Kies minstens één stadsdeel, of heel Amsterdam.")})
    related = {f.name for f in Service._meta.many_to_many}
    with transaction.atomic():
        for name in EDITABLE_FIELDS:
            if name not in related:
                setattr(service, name, getattr(change, name))
        if verified:
            _mark_verified(service, by, clock.local_date())
        service._change_reason = "redactie"  # type: ignore[attr-defined]
        service.full_clean(exclude=["organization", "last_verified_by"])
        service.save()
        for name in EDITABLE_FIELDS:
            if name in related:
                getattr(service, name).set(getattr(change, name))
        kaart_version_bump()
    return service


def _mark_verified(service: Service, by: User, today: date) -> None:
    service.last_verified_at = today
    service.last_verified_by = by
    service.last_verified_by_name = by.full_name


def service_verify(*, service: Service, by: User) -> Service:
    """ "Checked and still correct": the editor confirms the service as it stands today."""
    require_service_editor(by, service)
    with transaction.atomic():
        _mark_verified(service, by, clock.local_date())
        service._change_reason = "gecontroleerd"  # type: ignore[attr-defined]
        service.save()
        kaart_version_bump()
    return service


def service_capacity_set(*, service: Service, by: User, capacity: str, wait_time_days: int | None) -> Service:
    """The receiving organisation says whether it has room and how long the wait is. The Kaart shows it on
    the service page; a referrer sees it before sending, without sharing anything about the family."""
    if not by.has_perm("kaart.set_capacity", service):
        raise PermissionDenied(_("Je mag alleen de plek van het aanbod van je eigen organisatie aanpassen."))
    errors: dict[str, str] = {}
    if capacity not in Capacity.values:
        errors["capacity"] = _("Kies: plek, wachtlijst of tijdelijk vol.")
    if wait_time_days is not None and not 0 <= wait_time_days <= 730:
        errors["wait_time_days"] = _("De wachttijd is 0 tot en met 730 dagen.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        service.capacity, service.wait_time_days = capacity, wait_time_days
        service.capacity_updated_at = clock.now()
        service._change_reason = "plek"  # type: ignore[attr-defined]
        service.save(update_fields=["capacity", "wait_time_days", "capacity_updated_at"])
        kaart_version_bump()
    return service


def organization_assign_editors(*, organizations: Iterable[KaartOrganization], managed_by: Any) -> int:
    """Let the kaart_redacteuren of a Kansrijk organisation keep these Kaart organisations current."""
    with transaction.atomic():
        count = KaartOrganization.objects.filter(pk__in=[o.pk for o in organizations]).update(managed_by=managed_by)
        kaart_version_bump()
    return count
