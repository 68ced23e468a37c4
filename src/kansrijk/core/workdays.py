"""Public holidays and working days.

The Dutch public holidays on which services close come from the `holidays` package (see
`public_holidays` for the two deliberate choices); the Kaart's opening hours and the pathway's due dates
(working days: Monday to Friday, not on those holidays) share them.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType

import holidays

# The `holidays` package's name for Good Friday (see public_holidays for why it is left out).
_GOOD_FRIDAY = "goede vrijdag"


@functools.cache
def package_holidays(year: int, language: str) -> Mapping[date, str]:
    """The `holidays` package's public holidays of the Netherlands in ``year``, named in ``language``."""
    table = holidays.country_holidays("NL", years=year, language=language)
    return MappingProxyType(dict(sorted(table.items())))


@functools.cache
def closing_holidays(year: int) -> Mapping[date, str]:
    """The days in ``year`` on which services that close on public holidays are closed, with Dutch names."""
    return MappingProxyType(
        {day: name for day, name in package_holidays(year, "nl").items() if name.casefold() != _GOOD_FRIDAY}
    )


def public_holidays(year: int) -> dict[date, str]:
    """The Dutch public holidays (feestdagen) in ``year`` on which services close, with their Dutch names.

    The list comes from the `holidays` package (public holidays of the Netherlands), cached per year, with two
    deliberate choices:

    * Goede Vrijdag is left out. The package lists it as a public holiday, but it is not one of the general
      holidays of the Algemene termijnenwet and most Dutch public services (consultatiebureaus, the GGD,
      municipal offices) are open on that day. A service that does close can add a ClosedPeriod.
    * Bevrijdingsdag (5 May) follows the package: it counts only in lustrum years (2025, 2030, ...), because
      most collective labour agreements give the day off once every five years and services are usually open
      in the other years. Again, a ClosedPeriod covers a service that closes every year.

    Koningsdag is 27 April, or Saturday 26 April when 27 April is a Sunday.
    """
    return dict(closing_holidays(year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in closing_holidays(day.year)


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
