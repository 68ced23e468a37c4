"""The one clock of the application, so that time-dependent behaviour is testable."""

from datetime import datetime

from django.utils import timezone


def now() -> datetime:
    """The current moment, timezone-aware (UTC); display converts to Europe/Amsterdam."""
    return timezone.now()
