"""Read-side queries of the Kaart. Everything here is public service information (no personal data)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Prefetch, Q, QuerySet

from kansrijk.core import clock
from kansrijk.kaart.models import (
    AttendingType,
    KaartOrganization,
    KaartVersion,
    Language,
    Location,
    Schedule,
    Service,
    ServiceStatus,
    TaxonomyTerm,
)

# A service nobody checked for this long is "possibly out of date" (the editors get a reminder).
STALE_AFTER = timedelta(days=182)
PUBLIC_STATUSES = (ServiceStatus.ACTIVE, ServiceStatus.TEMPORARILY_CLOSED)


def kaart_version() -> int:
    """The current version of the map (raised by every change)."""
    row = KaartVersion.objects.filter(pk=1).values_list("version", flat=True).first()
    return int(row or 0)


def stale_before(today: date | None = None) -> date:
    return (today or clock.local_date()) - STALE_AFTER


def is_stale(service: Service, today: date | None = None) -> bool:
    return service.last_verified_at is None or service.last_verified_at < stale_before(today)


def _with_details(services: QuerySet[Service]) -> QuerySet[Service]:
    return services.select_related("organization").prefetch_related(
        "categories",
        "phases",
        "target_groups",
        "languages",
        "stadsdelen",
        "gebieden__stadsdeel",
        "phones__languages",
        "service_at_locations",
        "contacts",
        "media",
        "closures",
        Prefetch("schedules", queryset=Schedule.objects.order_by("attending_type", "opens_at")),
        Prefetch("locations", queryset=Location.objects.select_related("stadsdeel", "gebied")),
    )


def public_services() -> QuerySet[Service]:
    """Every service the public sees (active or temporarily closed), with what cards and pages show."""
    return _with_details(Service.objects.filter(status__in=PUBLIC_STATUSES))


def all_services() -> QuerySet[Service]:
    """Every service, also inactive and stopped ones (the export), by name."""
    return _with_details(Service.objects.order_by("name"))


def serving_stadsdeel(code: str) -> Q:
    """Services that work in a stadsdeel: named directly, through one of its gebieden, or city-wide."""
    return Q(stadsdelen__code=code) | Q(gebieden__stadsdeel__code=code) | Q(whole_city=True)


def organizations() -> QuerySet[KaartOrganization]:
    """Every organisation on the map with its phones, by name (the API and the export)."""
    return KaartOrganization.objects.prefetch_related("phones__languages").order_by("name")


def locations() -> QuerySet[Location]:
    """Every location with its area, phones and hours, by name (the API and the export)."""
    return (
        Location.objects.select_related("stadsdeel", "gebied")
        .prefetch_related("phones__languages", "schedules")
        .order_by("name")
    )


def service_detail(*, service_id: str) -> Service | None:
    return public_services().filter(pk=service_id).first()


def organization_detail(*, organization_id: str) -> KaartOrganization | None:
    return (
        KaartOrganization.objects.filter(pk=organization_id)
        .prefetch_related(
            "phones",
            Prefetch("services", queryset=public_services()),
            Prefetch("locations", queryset=Location.objects.select_related("stadsdeel", "gebied")),
        )
        .first()
    )


def location_detail(*, location_id: str) -> Location | None:
    return (
        Location.objects.filter(pk=location_id)
        .select_related("organization", "stadsdeel", "gebied")
        .prefetch_related(Prefetch("services", queryset=public_services()))
        .first()
    )


def terms(taxonomy: str) -> QuerySet[TaxonomyTerm]:
    return TaxonomyTerm.objects.filter(taxonomy_id=taxonomy, active=True).order_by("position")


def languages() -> QuerySet[Language]:
    return Language.objects.all()


@dataclass(frozen=True)
class EditorWorklist:
    """The services an editor keeps current: those to check first, and the rest (both by name)."""

    stale: list[Service]
    current: list[Service]


def editor_worklist(*, organisation_ids: Iterable[int], today: date | None = None) -> EditorWorklist:
    """Services whose Kaart organisation is managed by one of these Kansrijk organisations (editors)."""
    services = (
        Service.objects.filter(organization__managed_by_id__in=list(organisation_ids))
        .select_related("organization")
        .order_by("name")
    )
    worklist = EditorWorklist(stale=[], current=[])
    day = today or clock.local_date()
    for service in services:
        (worklist.stale if is_stale(service, day) else worklist.current).append(service)
    return worklist


def editable_service(*, service_id: str) -> Service | None:
    """Any service (also inactive ones), for its editor."""
    return Service.objects.select_related("organization").filter(pk=service_id).first()


def stale_services(*, today: date | None = None) -> QuerySet[Service]:
    """Public services not checked for six months (or never)."""
    limit = stale_before(today)
    return Service.objects.filter(status__in=PUBLIC_STATUSES).filter(
        Q(last_verified_at__isnull=True) | Q(last_verified_at__lt=limit)
    )


def schedules_of(service: Service, attending_type: str) -> list[Schedule]:
    """The service's schedules of one kind, taken from the prefetched list when there is one."""
    return [schedule for schedule in service.schedules.all() if schedule.attending_type == attending_type]


def phone_schedules(service: Service) -> list[Schedule]:
    """When the phone is answered; a service without phone hours answers during its opening hours."""
    return schedules_of(service, AttendingType.PHONE) or schedules_of(service, AttendingType.IN_PERSON)
