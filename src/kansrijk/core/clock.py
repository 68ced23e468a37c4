"""The one clock of the application, so that time-dependent behaviour is testable."""

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    """The current moment, timezone-aware (UTC); display converts to Europe/Amsterdam."""
    return timezone.now()


def local_date(at: datetime | None = None) -> date:
    """The calendar day in Amsterdam at `at` (default: now). Not `at.date()`: that is the UTC day,
    which differs from Amsterdam's between midnight and 01:00 (02:00 in summer)."""
    return timezone.localdate(at or now())
