"""Read the HSDS 3.0 JSON document (GKS profile, docs/kaart-hsds.md) into validated records."""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from kansrijk.kaart.models import AttendingType, MediaKind, OrganizationKind, PhoneKind, ServiceStatus
from kansrijk.kaart.opening import parse_byday
from kansrijk.kaart.records import (
    ClosureRecord,
    ContactRecord,
    ImportBatch,
    LocationRecord,
    MediaRecord,
    OrganizationRecord,
    PhoneRecord,
    Problem,
    ScheduleRecord,
    ServiceRecord,
)

T = TypeVar("T")
R = TypeVar("R", OrganizationRecord, LocationRecord, ServiceRecord)
MAX_WAIT_DAYS = 730  # the longest expected waiting time an import accepts (JSON and CSV)
_POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$")
_validate_url = URLValidator(schemes=["http", "https"])
_validate_email = EmailValidator()


@dataclass(frozen=True)
class KnownCodes:
    """What an import may refer to (from the database): taxonomy codes, languages, areas."""

    categories: frozenset[str]
    phases: frozenset[str]
    target_groups: frozenset[str]
    languages: Mapping[str, str]  # any accepted spelling (code or name, lower case) -> code
    stadsdelen: Mapping[str, str]  # code or name (lower case) -> code
    gebieden: frozenset[str]
    organizations: frozenset[str]  # organisation ids already in the database
    locations: frozenset[str]  # location ids already in the database


class Reader:
    """Collects problems while reading one object, so a file is checked completely in one pass."""

    def __init__(self, batch: ImportBatch, where: str) -> None:
        self.batch = batch
        self.where = where
        self.failed = False

    def problem(self, field: str, message: str) -> None:
        self.batch.problems.append(Problem(self.where, field, message))
        self.failed = True

    def text(self, data: Mapping[str, Any], key: str, *, required: bool = False, max_length: int = 0) -> str:
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.problem(key, "is required")
            return ""
        if not isinstance(value, str):
            self.problem(key, "must be text")
            return ""
        value = value.strip()
        if max_length and len(value) > max_length:
            self.problem(key, f"is longer than {max_length} characters")
        return value

    def boolean(self, data: Mapping[str, Any], key: str, default: bool) -> bool:
        value = data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(key, "must be true or false")
            return default
        return value

    def number(self, data: Mapping[str, Any], key: str, *, minimum: int = 0, maximum: int = 10_000) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            self.problem(key, f"must be a whole number from {minimum} to {maximum}")
            return None
        return int(value)

    def coordinate(self, data: Mapping[str, Any], key: str, low: float, high: float) -> float | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= float(value) <= high:
            self.problem(key, f"must be a number from {low} to {high}")
            return None
        return float(value)

    def day(self, data: Mapping[str, Any], key: str) -> date | None:
        value = data.get(key)
        if value in (None, ""):
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.problem(key, f"{value!r} is not a date (YYYY-MM-DD)")
            return None

    def clock(self, data: Mapping[str, Any], key: str) -> time | None:
        value = data.get(key)
        try:
            parsed = time.fromisoformat(str(value))
        except (TypeError, ValueError):
            self.problem(key, f"{value!r} is not a time (HH:MM)")
            return None
        return parsed.replace(second=0, microsecond=0)

    def uuid(self, data: Mapping[str, Any], key: str, *, required: bool = True) -> str:
        value = data.get(key)
        if value in (None, "") and not required:
            return ""
        try:
            return str(uuid.UUID(str(value)))
        except ValueError:
            self.problem(key, f"{value!r} is not a UUID")
            return ""

    def postcode(self, data: Mapping[str, Any], key: str, *, field: str = "") -> str:
        """A Dutch postcode (1234 AB), in capitals; `field` names it in a problem (default `key`)."""
        value = self.text(data, key, max_length=10)
        if value and not _POSTCODE.match(value):
            self.problem(field or key, f"{value!r} is not a Dutch postcode (1234 AB)")
        return value.upper()

    def url(self, data: Mapping[str, Any], key: str) -> str:
        value = self.text(data, key, max_length=200)
        if value:
            try:
                _validate_url(value)
            except ValidationError:
                self.problem(key, f"{value!r} is not a web address (https://...)")
        return value

    def email(self, data: Mapping[str, Any], key: str) -> str:
        value = self.text(data, key, max_length=254)
        if value:
            try:
                _validate_email(value)
            except ValidationError:
                self.problem(key, f"{value!r} is not an email address")
        return value

    def mapping(self, data: Mapping[str, Any], key: str, *, required: str = "") -> Mapping[str, Any]:
        """An object such as `x_gks`; empty when it is missing (a problem if `required`, which says why)."""
        value = data.get(key)
        if isinstance(value, Mapping):
            return value
        if value is not None:
            self.problem(key, "must be an object")
        elif required:
            self.problem(key, f"is required ({required})")
        return {}

    def items(self, data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
            self.problem(key, "must be a list of objects")
            return []
        return value

    def codes(self, values: Any, key: str, known: frozenset[str] | Mapping[str, str]) -> tuple[str, ...]:
        if values is None:
            return ()
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            self.problem(key, "must be a list of codes")
            return ()
        found: list[str] = []
        for value in values:
            code = known.get(value.strip().lower()) if isinstance(known, Mapping) else value.strip()
            if code is None or (not isinstance(known, Mapping) and code not in known):
                self.problem(key, f"unknown code {value!r}")
            elif code not in found:
                found.append(code)
        return tuple(found)


def _each(
    reader: Reader, items: list[Mapping[str, Any]], parse: Callable[[Reader, Mapping[str, Any]], T | None]
) -> tuple[T, ...]:
    parsed = [parse(reader, item) for item in items]
    return tuple(item for item in parsed if item is not None)


def _phone(reader: Reader, data: Mapping[str, Any]) -> PhoneRecord | None:
    number = reader.text(data, "number", required=True, max_length=30)
    kind = str(data.get("type") or PhoneKind.VOICE)
    if kind not in PhoneKind.values:
        reader.problem("phones.type", f"must be one of {', '.join(PhoneKind.values)}")
    languages = tuple(str(lang.get("code", "")) for lang in reader.items(data, "languages"))
    return (
        PhoneRecord(
            number=number, kind=kind, description=reader.text(data, "description", max_length=200), languages=languages
        )
        if number
        else None
    )


def _schedule(reader: Reader, data: Mapping[str, Any]) -> ScheduleRecord | None:
    freq = data.get("freq", "WEEKLY")
    if freq not in (None, "WEEKLY"):
        reader.problem("schedules.freq", "only WEEKLY schedules are supported")
        return None
    byday = str(data.get("byday") or "")
    try:
        parse_byday(byday)
    except ValueError as exc:
        reader.problem("schedules.byday", str(exc))
        return None
    opens_at, closes_at = reader.clock(data, "opens_at"), reader.clock(data, "closes_at")
    attending = str(data.get("attending_type") or AttendingType.IN_PERSON)
    if attending not in AttendingType.values:
        reader.problem("schedules.attending_type", f"must be one of {', '.join(AttendingType.values)}")
    valid_from, valid_to = reader.day(data, "valid_from"), reader.day(data, "valid_to")
    if valid_from and valid_to and valid_to < valid_from:
        reader.problem("schedules.valid_to", "lies before valid_from")
    if opens_at is None or closes_at is None:
        return None
    return ScheduleRecord(
        byday=byday.upper().replace(" ", ""),
        opens_at=opens_at,
        closes_at=closes_at,
        attending_type=attending,
        valid_from=valid_from,
        valid_to=valid_to,
        description=reader.text(data, "description", max_length=200),
    )


def _closure(reader: Reader, data: Mapping[str, Any]) -> ClosureRecord | None:
    start, end = reader.day(data, "start"), reader.day(data, "end")
    if start is None or end is None:
        reader.problem("closures", "start and end are required")
        return None
    if end < start:
        reader.problem("closures.end", "lies before start")
        return None
    return ClosureRecord(start=start, end=end, reason=reader.text(data, "reason", max_length=200))


def _contact(reader: Reader, data: Mapping[str, Any]) -> ContactRecord | None:
    phones = reader.items(data, "phones")
    phone = str(phones[0].get("number", "")) if phones else reader.text(data, "phone", max_length=30)
    name = reader.text(data, "name", required=True, max_length=200)
    return (
        ContactRecord(
            name=name, title=reader.text(data, "title", max_length=200), email=reader.email(data, "email"), phone=phone
        )
        if name
        else None
    )


def _media(reader: Reader, data: Mapping[str, Any]) -> MediaRecord | None:
    kind = str(data.get("kind") or "")
    if kind not in MediaKind.values:
        reader.problem("media.kind", f"must be {' or '.join(MediaKind.values)}")
    url = reader.url(data, "url")
    caption = reader.text(data, "caption", required=True, max_length=300)
    alt_text = reader.text(data, "alt_text", required=True, max_length=300)
    return MediaRecord(kind=kind, url=url, caption=caption, alt_text=alt_text) if url and caption and alt_text else None


def read_organization(batch: ImportBatch, data: Mapping[str, Any], index: int) -> None:
    reader = Reader(batch, f"organizations[{index}]")
    record_id = reader.uuid(data, "id")
    if record_id:
        reader.where = f"organization {record_id}"
    extra = reader.mapping(data, "x_gks")
    kind = str(extra.get("kind") or OrganizationKind.FORMEEL)
    if kind not in OrganizationKind.values:
        reader.problem("x_gks.kind", f"must be {' or '.join(OrganizationKind.values)}")
    record = OrganizationRecord(
        id=record_id,
        name=reader.text(data, "name", required=True, max_length=200),
        alternate_name=reader.text(data, "alternate_name", max_length=200),
        description=reader.text(data, "description"),
        email=reader.email(data, "email"),
        website=reader.url(data, "website"),
        kind=kind,
        phones=_each(reader, reader.items(data, "phones"), _phone),
        is_demo=reader.boolean(extra, "is_demo", False),
    )
    if reader.failed:
        batch.rejected.add(reader.where)
    else:
        batch.organizations.append(record)


def read_location(batch: ImportBatch, data: Mapping[str, Any], index: int) -> None:
    reader = Reader(batch, f"locations[{index}]")
    record_id = reader.uuid(data, "id")
    if record_id:
        reader.where = f"location {record_id}"
    organization_id = reader.uuid(data, "organization_id")
    addresses = reader.items(data, "addresses")
    address = addresses[0] if addresses else {}
    postal_code = reader.postcode(address, "postal_code", field="addresses.postal_code")
    accessibility = reader.items(data, "accessibility")
    record = LocationRecord(
        id=record_id,
        organization_id=organization_id,
        name=reader.text(data, "name", required=True, max_length=200),
        description=reader.text(data, "description"),
        address_1=reader.text(address, "address_1", max_length=200),
        postal_code=postal_code,
        city=reader.text(address, "city", max_length=100) or "Amsterdam",
        latitude=reader.coordinate(data, "latitude", 50.0, 54.0),
        longitude=reader.coordinate(data, "longitude", 3.0, 8.0),
        transportation=reader.text(data, "transportation", max_length=300),
        accessibility=str(accessibility[0].get("description", ""))[:300] if accessibility else "",
        accessibility_details=str(accessibility[0].get("details", "")) if accessibility else "",
        phones=_each(reader, reader.items(data, "phones"), _phone),
        schedules=_each(reader, reader.items(data, "schedules"), _schedule),
    )
    if reader.failed:
        batch.rejected.add(reader.where)
    else:
        batch.locations.append(record)


def read_service(batch: ImportBatch, data: Mapping[str, Any], index: int, known: KnownCodes) -> None:
    reader = Reader(batch, f"services[{index}]")
    record_id = reader.uuid(data, "id")
    if record_id:
        reader.where = f"service {record_id}"
    extra = reader.mapping(data, "x_gks", required="categories, phases, areas")
    status = str(data.get("status") or ServiceStatus.ACTIVE)
    if status not in ServiceStatus.values:
        reader.problem("status", f"must be one of {', '.join(ServiceStatus.values)}")
    categories = reader.codes(extra.get("categories"), "x_gks.categories", known.categories)
    phases = reader.codes(extra.get("phases"), "x_gks.phases", known.phases)
    if not categories:
        reader.problem("x_gks.categories", "at least one hulpvraag is required")
    if not phases:
        reader.problem("x_gks.phases", "at least one phase is required")
    language_codes = [str(lang.get("code") or lang.get("name") or "") for lang in reader.items(data, "languages")]
    whole_city = reader.boolean(extra, "whole_city", False)
    stadsdelen = reader.codes(extra.get("stadsdelen"), "x_gks.stadsdelen", known.stadsdelen)
    gebieden = reader.codes(extra.get("gebieden"), "x_gks.gebieden", known.gebieden)
    if not whole_city and not stadsdelen and not gebieden:
        reader.problem("x_gks.stadsdelen", "say where the service works: whole_city, stadsdelen or gebieden")
    minimum, maximum = reader.number(data, "minimum_age"), reader.number(data, "maximum_age")
    if minimum is not None and maximum is not None and maximum < minimum:
        reader.problem("maximum_age", "is lower than minimum_age")
    location_ids = tuple(reader.uuid(sal, "location_id") for sal in reader.items(data, "service_at_locations"))
    record = ServiceRecord(
        id=record_id,
        organization_id=reader.uuid(data, "organization_id"),
        name=reader.text(data, "name", required=True, max_length=200),
        description=reader.text(data, "description", required=True),
        categories=categories,
        phases=phases,
        target_groups=reader.codes(extra.get("target_groups"), "x_gks.target_groups", known.target_groups),
        alternate_name=reader.text(data, "alternate_name", max_length=200),
        url=reader.url(data, "url"),
        email=reader.email(data, "email"),
        status=status,
        interpretation_services=reader.text(data, "interpretation_services", max_length=300),
        application_process=reader.text(data, "application_process"),
        eligibility_description=reader.text(data, "eligibility_description"),
        fees_description=reader.text(data, "fees_description", max_length=300),
        free=reader.boolean(extra, "free", False),
        formal=reader.boolean(extra, "formal", True),
        referral_required=reader.boolean(extra, "referral_required", False),
        wait_time_days=reader.number(extra, "wait_time_days", maximum=MAX_WAIT_DAYS),
        wait_time_description=reader.text(data, "wait_time", max_length=200),
        minimum_age_months=minimum,
        maximum_age_months=maximum,
        languages=reader.codes(language_codes, "languages", known.languages),
        whole_city=whole_city,
        stadsdelen=stadsdelen,
        gebieden=gebieden,
        closed_on_public_holidays=reader.boolean(extra, "closed_on_public_holidays", True),
        last_verified_at=reader.day(extra, "last_verified_at") or reader.day(data, "assured_date"),
        last_verified_by_name=reader.text(extra, "last_verified_by", max_length=200),
        location_ids=tuple(location_id for location_id in location_ids if location_id),
        phones=_each(reader, reader.items(data, "phones"), _phone),
        schedules=_each(reader, reader.items(data, "schedules"), _schedule),
        closures=_each(reader, reader.items(extra, "closures"), _closure),
        contacts=_each(reader, reader.items(data, "contacts"), _contact),
        media=_each(reader, reader.items(extra, "media"), _media),
        is_demo=reader.boolean(extra, "is_demo", False),
    )
    batch.rows += 1
    if reader.failed:
        batch.rejected.add(reader.where)
    else:
        batch.services.append(record)


def _unique(batch: ImportBatch, kind: str, records: list[R]) -> list[R]:
    """The records whose id occurs once; an id that occurs more than once is reported and rejected
    in every copy (which one is meant cannot be told)."""
    counts = Counter(record.id for record in records)
    for record_id, count in counts.items():
        if count > 1:
            where = f"{kind} {record_id}"
            batch.problems.append(Problem(where, "id", "occurs more than once in the file"))
            batch.rejected.add(where)
    return [record for record in records if counts[record.id] == 1]


def check_references(batch: ImportBatch, known: KnownCodes) -> None:
    """Services and locations must point at organisations and locations in the file or database;
    ids must be unique in the file. What fails is reported and taken out of the batch (named in
    `rejected`), so a partial import writes exactly the records that passed."""
    batch.organizations = _unique(batch, "organization", batch.organizations)
    batch.locations = _unique(batch, "location", batch.locations)
    batch.services = _unique(batch, "service", batch.services)
    organizations = {record.id for record in batch.organizations} | set(known.organizations)
    for location in list(batch.locations):
        if location.organization_id not in organizations:
            where = f"location {location.id}"
            batch.problems.append(Problem(where, "organization_id", "no such organisation in the file or the map"))
            batch.rejected.add(where)
            batch.locations.remove(location)
    locations = {record.id for record in batch.locations} | set(known.locations)
    for service in list(batch.services):
        where = f"service {service.id}"
        bad = False
        if service.organization_id not in organizations:
            batch.problems.append(Problem(where, "organization_id", "no such organisation in the file or the map"))
            bad = True
        for location_id in service.location_ids:
            if location_id not in locations:
                batch.problems.append(Problem(where, "service_at_locations", f"no such location {location_id}"))
                bad = True
        if bad:
            batch.rejected.add(where)
            batch.services.remove(service)


def read_document(data: Any, known: KnownCodes, source: str = "json") -> ImportBatch:
    batch = ImportBatch(source=source)
    if not isinstance(data, Mapping):
        batch.problems.append(
            Problem("document", "", "must be a JSON object with organizations, locations and services")
        )
        return batch
    for key in ("organizations", "locations", "services"):
        if not isinstance(data.get(key, []), list):
            batch.problems.append(Problem("document", key, "must be a list"))
            return batch
    for index, item in enumerate(data.get("organizations", [])):
        read_organization(batch, item if isinstance(item, Mapping) else {}, index)
    for index, item in enumerate(data.get("locations", [])):
        read_location(batch, item if isinstance(item, Mapping) else {}, index)
    for index, item in enumerate(data.get("services", [])):
        read_service(batch, item if isinstance(item, Mapping) else {}, index, known)
    check_references(batch, known)
    return batch


def read_json_file(path: Path, known: KnownCodes) -> ImportBatch:
    try:
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        batch = ImportBatch(source=str(path))
        batch.problems.append(Problem(str(path), "", f"cannot read the file ({exc.strerror or exc})"))
        return batch
    except json.JSONDecodeError as exc:
        batch = ImportBatch(source=str(path))
        batch.problems.append(
            Problem(str(path), "", f"not valid JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}")
        )
        return batch
    return read_document(data, known, source=str(path))
