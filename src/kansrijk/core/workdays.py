"""Working days: service levels and pathway due dates count Monday to Friday, without Dutch public
holidays (the `holidays` package; Good Friday is not a general day off in the Netherlands)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays

_NOT_A_DAY_OFF = "goede vrijdag"


@cache
def _days_off(year: int) -> frozenset[date]:
    table = holidays.country_holidays("NL", years=year, language="nl")
    return frozenset(day for day, name in table.items() if name.casefold() != _NOT_A_DAY_OFF)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _days_off(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (0: `start` itself, or the next working day)."""
    current = start
    while not is_working_day(current):
        current += timedelta(days=1)
    for _ in range(days):
        current += timedelta(days=1)
        while not is_working_day(current):
            current += timedelta(days=1)
    return current
