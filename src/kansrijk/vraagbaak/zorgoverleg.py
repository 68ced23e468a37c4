"""When the Zorgoverleg alarm meets: every first Monday of the month at 12:00 (Amsterdam time), for
30 minutes. The rule is data here, so a change of day or time is one edit."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WEEKDAY = 0  # Monday
START = time(12, 0)
MINUTES = 30


def first_weekday(year: int, month: int, weekday: int = WEEKDAY) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7)


def session_start(year: int, month: int) -> datetime:
    return datetime.combine(first_weekday(year, month), START, tzinfo=AMSTERDAM)


def upcoming_starts(after: datetime, count: int = 3) -> list[datetime]:
    """The next `count` session starts whose session has not ended at `after`."""
    local = after.astimezone(AMSTERDAM)
    year, month = local.year, local.month
    starts: list[datetime] = []
    while len(starts) < count:
        start = session_start(year, month)
        if start + timedelta(minutes=MINUTES) > after:
            starts.append(start)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return starts


def is_session_start(moment: datetime) -> bool:
    local = moment.astimezone(AMSTERDAM)
    return local == session_start(local.year, local.month)
