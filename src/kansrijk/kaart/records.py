"""Validated, database-free records of the Kaart: what an import has read, before it is written.

`hsds_json` and `hsds_csv` turn files into these records and report every problem; the services
write them in one transaction. Keeping validation here means a whole file is checked before
anything changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where (row number or id), which field, and what."""

    where: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.field}: {self.message}" if self.field else f"{self.where}: {self.message}"


@dataclass(frozen=True)
class PhoneRecord:
    number: str
    kind: str = "voice"
    description: str = ""
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScheduleRecord:
    byday: str
    opens_at: time
    closes_at: time
    attending_type: str = "in_person"
    valid_from: date | None = None
    valid_to: date | None = None
    description: str = ""


@dataclass(frozen=True)
class ClosureRecord:
    start: date
    end: date
    reason: str = ""


@dataclass(frozen=True)
class ContactRecord:
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class MediaRecord:
    kind: str
    url: str
    caption: str
    alt_text: str


@dataclass(frozen=True)
class OrganizationRecord:
    id: str
    name: str
    alternate_name: str = ""
    description: str = ""
    email: str = ""
    website: str = ""
    kind: str = "formeel"
    phones: tuple[PhoneRecord, ...] = ()
    is_demo: bool = False


@dataclass(frozen=True)
class LocationRecord:
    id: str
    organization_id: str
    name: str
    description: str = ""
    address_1: str = ""
    postal_code: str = ""
    city: str = "Amsterdam"
    latitude: float | None = None
    longitude: float | None = None
    transportation: str = ""
    accessibility: str = ""
    accessibility_details: str = ""
    phones: tuple[PhoneRecord, ...] = ()
    schedules: tuple[ScheduleRecord, ...] = ()


@dataclass(frozen=True)
class ServiceRecord:
    id: str
    organization_id: str
    name: str
    description: str
    categories: tuple[str, ...]
    phases: tuple[str, ...]
    target_groups: tuple[str, ...] = ()
    alternate_name: str = ""
    url: str = ""
    email: str = ""
    status: str = "active"
    interpretation_services: str = ""
    application_process: str = ""
    eligibility_description: str = ""
    fees_description: str = ""
    free: bool = False
    formal: bool = True
    referral_required: bool = False
    wait_time_days: int | None = None
    wait_time_description: str = ""
    minimum_age_months: int | None = None
    maximum_age_months: int | None = None
    languages: tuple[str, ...] = ()
    whole_city: bool = False
    stadsdelen: tuple[str, ...] = ()
    gebieden: tuple[str, ...] = ()
    closed_on_public_holidays: bool = True
    last_verified_at: date | None = None
    last_verified_by_name: str = ""
    location_ids: tuple[str, ...] = ()
    phones: tuple[PhoneRecord, ...] = ()
    schedules: tuple[ScheduleRecord, ...] = ()
    closures: tuple[ClosureRecord, ...] = ()
    contacts: tuple[ContactRecord, ...] = ()
    media: tuple[MediaRecord, ...] = ()
    is_demo: bool = False


@dataclass
class ImportBatch:
    """Everything read from one file, and every problem found. The lists hold only records that
    passed; `rejected` names the records ("service <id>", "location <id>", ...) or rows that cannot
    be imported. With all-or-nothing, any problem rejects the batch."""

    source: str
    organizations: list[OrganizationRecord] = field(default_factory=list)
    locations: list[LocationRecord] = field(default_factory=list)
    services: list[ServiceRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rejected: set[str] = field(default_factory=set)
    rows: int = 0  # services (JSON) or data rows (CSV) read
