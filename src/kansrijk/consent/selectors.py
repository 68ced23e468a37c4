"""Reading consent. `shareable` is the one question other apps ask before they show anything."""

from __future__ import annotations

from datetime import datetime

from kansrijk.consent.models import Consent, DataCategory
from kansrijk.core import clock
from kansrijk.families.models import Family


def consents(*, family: Family) -> list[Consent]:
    """All consents of a family, newest first, with who gave and recorded them."""
    return list(family.consents.select_related("given_by", "recorded_by", "revoked_by", "service"))


def shareable(consent: Consent | None, *, at: datetime | None = None) -> frozenset[str]:
    """The data categories that may be shared under `consent` at `at` (default now): none when there is
    no consent, or it was revoked or has expired."""
    if consent is None or not consent.is_active(clock.local_date(at)):
        return frozenset()
    return frozenset(c for c in consent.categories if c in DataCategory.values)


def category_labels(categories: frozenset[str] | list[str]) -> list[str]:
    return [str(label) for value, label in DataCategory.choices if value in categories]
