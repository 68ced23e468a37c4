"""Read the one-row-per-service CSV (docs/kaart-hsds.md) into the same records as the JSON import."""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Mapping
from pathlib import Path

from kansrijk.kaart.hsds_json import MAX_WAIT_DAYS, KnownCodes, Reader, check_references
from kansrijk.kaart.models import AttendingType, OrganizationKind
from kansrijk.kaart.records import (
    ImportBatch,
    LocationRecord,
    OrganizationRecord,
    PhoneRecord,
    Problem,
    ScheduleRecord,
    ServiceRecord,
)

# Stable ids for rows without one, so importing the same sheet twice updates instead of duplicating.
CSV_NAMESPACE = uuid.UUID("6f1c2a52-7d0b-4d39-9a51-3a2f0b7c9e11")
REQUIRED = ("organization", "name", "description", "categories", "phases", "areas")
COLUMNS = (
    "id",
    "organization",
    "organization_kind",
    "name",
    "description",
    "categories",
    "phases",
    "target_groups",
    "areas",
    "free",
    "fees",
    "referral_required",
    "languages",
    "wait_time_days",
    "phone",
    "email",
    "url",
    "address",
    "postal_code",
    "city",
    "location_name",
    "opening_hours",
    "phone_hours",
    "formal",
    "last_verified_at",
)
DAYS = {"ma": "MO", "di": "TU", "wo": "WE", "do": "TH", "vr": "FR", "za": "SA", "zo": "SU"}
ORDER = list(DAYS)
_HOURS = re.compile(
    r"^(?P<days>[a-z]{2}(?:\s*(?:-|t/m)\s*[a-z]{2})?(?:\s*,\s*[a-z]{2})*)\s+"
    r"(?P<opens>\d{1,2}[:.]\d{2})\s*-\s*(?P<closes>\d{1,2}[:.]\d{2})$"
)
YES = {"ja", "j", "yes", "y", "true", "1", "waar"}
NO = {"nee", "n", "no", "false", "0", "onwaar", ""}


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(CSV_NAMESPACE, "|".join(part.strip().lower() for part in parts)))


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _yes_no(reader: Reader, row: Mapping[str, str], column: str, default: bool) -> bool:
    value = reader.text(row, column).lower()
    if not value:
        return default
    if value in YES:
        return True
    if value in NO:
        return False
    reader.problem(column, f"{value!r}: fill in ja or nee")
    return default


def _days(text: str) -> str:
    """'ma-vr' -> 'MO,TU,WE,TH,FR'; 'ma,wo' -> 'MO,WE'; raises ValueError."""
    result: list[str] = []
    for part in text.split(","):
        bounds = re.split(r"\s*(?:-|t/m)\s*", part.strip())
        if not all(bound in DAYS for bound in bounds) or len(bounds) > 2:
            raise ValueError(part.strip())
        first, last = ORDER.index(bounds[0]), ORDER.index(bounds[-1])
        if last < first:
            raise ValueError(part.strip())
        result += [DAYS[day] for day in ORDER[first : last + 1]]
    return ",".join(dict.fromkeys(result))


def parse_hours(reader: Reader, column: str, value: str, attending_type: str) -> tuple[ScheduleRecord, ...]:
    """'ma-vr 09:00-17:00; za 10:00-12:00' -> schedules."""
    schedules: list[ScheduleRecord] = []
    for part in _split(value.lower()):
        match = _HOURS.match(part)
        if match is None:
            reader.problem(column, f"{part!r}: write it like 'ma-vr 09:00-17:00; za 10:00-12:00'")
            continue
        try:
            byday = _days(match["days"])
            opens = reader.clock({column: match["opens"].replace(".", ":").zfill(5)}, column)
            closes = reader.clock({column: match["closes"].replace(".", ":").zfill(5)}, column)
        except ValueError as exc:
            reader.problem(column, f"{exc}: unknown day (use ma, di, wo, do, vr, za, zo)")
            continue
        if opens is not None and closes is not None:
            schedules.append(
                ScheduleRecord(byday=byday, opens_at=opens, closes_at=closes, attending_type=attending_type)
            )
    return tuple(schedules)


def _areas(reader: Reader, value: str, known: KnownCodes) -> tuple[bool, tuple[str, ...], tuple[str, ...]]:
    whole_city = False
    stadsdelen: list[str] = []
    gebieden: list[str] = []
    for part in _split(value):
        lowered = part.lower()
        if lowered in ("heel amsterdam", "amsterdam", "hele stad", "whole city"):
            whole_city = True
        elif lowered in known.stadsdelen:
            stadsdelen.append(known.stadsdelen[lowered])
        elif part.upper() in known.gebieden:
            gebieden.append(part.upper())
        else:
            reader.problem("areas", f"{part!r} is not a stadsdeel or gebied (or 'heel Amsterdam')")
    return whole_city, tuple(dict.fromkeys(stadsdelen)), tuple(dict.fromkeys(gebieden))


def _read_row(
    batch: ImportBatch,
    row: Mapping[str, str],
    line: int,
    known: KnownCodes,
    organizations: dict[str, OrganizationRecord],
    existing_organizations: Mapping[str, str],
) -> None:
    reader = Reader(batch, f"rij {line}")
    organization_name = reader.text(row, "organization", required=True, max_length=200)
    name = reader.text(row, "name", required=True, max_length=200)
    organization_id = existing_organizations.get(organization_name.lower()) or stable_id("org", organization_name)
    kind = reader.text(row, "organization_kind").lower() or OrganizationKind.FORMEEL
    if kind not in OrganizationKind.values:
        reader.problem("organization_kind", f"fill in {' or '.join(OrganizationKind.values)}")
    service_id = reader.uuid(row, "id", required=False) or stable_id("service", organization_id, name)
    whole_city, stadsdelen, gebieden = _areas(reader, reader.text(row, "areas", required=True), known)
    wait = reader.text(row, "wait_time_days")
    wait_days = None
    if wait:
        wait_days = int(wait) if wait.isdigit() and int(wait) <= MAX_WAIT_DAYS else None
        if wait_days is None:
            reader.problem("wait_time_days", f"{wait!r} is not a number of days")
    phone = reader.text(row, "phone", max_length=30)
    address = reader.text(row, "address", max_length=200)
    postal_code = reader.postcode(row, "postal_code")
    location_name = reader.text(row, "location_name", max_length=200)
    city = reader.text(row, "city", max_length=100)
    location: LocationRecord | None = None
    if address:
        location = LocationRecord(
            id=stable_id("location", organization_id, address, postal_code),
            organization_id=organization_id,
            name=location_name or organization_name,
            address_1=address,
            postal_code=postal_code,
            city=city or "Amsterdam",
        )
    record = ServiceRecord(
        id=service_id,
        organization_id=organization_id,
        name=name,
        description=reader.text(row, "description", required=True),
        categories=reader.codes(_split(reader.text(row, "categories", required=True)), "categories", known.categories),
        phases=reader.codes(_split(reader.text(row, "phases", required=True)), "phases", known.phases),
        target_groups=reader.codes(_split(reader.text(row, "target_groups")), "target_groups", known.target_groups),
        free=_yes_no(reader, row, "free", False),
        fees_description=reader.text(row, "fees", max_length=300),
        referral_required=_yes_no(reader, row, "referral_required", False),
        formal=_yes_no(reader, row, "formal", kind != OrganizationKind.INFORMEEL),
        languages=reader.codes(_split(reader.text(row, "languages")), "languages", known.languages),
        wait_time_days=wait_days,
        whole_city=whole_city,
        stadsdelen=stadsdelen,
        gebieden=gebieden,
        email=reader.email(row, "email"),
        url=reader.url(row, "url"),
        phones=(PhoneRecord(number=phone),) if phone else (),
        schedules=parse_hours(reader, "opening_hours", reader.text(row, "opening_hours"), AttendingType.IN_PERSON)
        + parse_hours(reader, "phone_hours", reader.text(row, "phone_hours"), AttendingType.PHONE),
        last_verified_at=reader.day(row, "last_verified_at"),
        location_ids=(location.id,) if location else (),
    )
    batch.rows += 1
    if reader.failed:
        batch.rejected.add(reader.where)
        return
    if organization_id not in known.organizations and organization_name.lower() not in existing_organizations:
        # Only a new organisation is written; one on the map is referred to, its details left alone.
        organizations.setdefault(
            organization_id,
            OrganizationRecord(id=organization_id, name=organization_name, kind=kind),
        )
    if location is not None and location.id not in {loc.id for loc in batch.locations}:
        batch.locations.append(location)  # rows with the same address share the location
    batch.services.append(record)


def read_csv_text(
    text: str, known: KnownCodes, *, existing_organizations: Mapping[str, str], source: str = "csv"
) -> ImportBatch:
    """`existing_organizations`: organisation name (lower case) -> id of organisations on the map."""
    batch = ImportBatch(source=source)
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [column.strip() for column in reader.fieldnames or []]
    missing = [column for column in REQUIRED if column not in header]
    unknown = [column for column in header if column not in COLUMNS]
    if missing:
        batch.problems.append(Problem("kopregel", "", f"missing columns: {', '.join(missing)}"))
    if unknown:
        batch.problems.append(Problem("kopregel", "", f"unknown columns: {', '.join(unknown)}"))
    if missing or unknown:
        return batch
    organizations: dict[str, OrganizationRecord] = {}
    for line, row in enumerate(reader, start=2):
        clean = {str(key).strip(): (value or "") for key, value in row.items() if key is not None}
        if None in row:
            batch.problems.append(Problem(f"rij {line}", "", "more values than columns"))
            batch.rejected.add(f"rij {line}")
            continue
        _read_row(batch, clean, line, known, organizations, existing_organizations)
    batch.organizations = list(organizations.values())
    check_references(batch, known)
    return batch


def read_csv_file(path: Path, known: KnownCodes, *, existing_organizations: Mapping[str, str]) -> ImportBatch:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        batch = ImportBatch(source=str(path))
        batch.problems.append(Problem(str(path), "", f"cannot read the file as UTF-8 ({exc})"))
        return batch
    return read_csv_text(text, known, existing_organizations=existing_organizations, source=str(path))
