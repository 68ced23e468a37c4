"""A service's schedules as opening hours: when it is open, and when its phone is answered."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from kansrijk.kaart.models import AttendingType, Schedule, Service
from kansrijk.kaart.opening import MIDNIGHT, ClosedPeriod, OpeningHours, WeeklyHours, parse_byday
from kansrijk.kaart.selectors import phone_schedules, schedules_of


def hours_from(service: Service, schedules: Sequence[Schedule], *, on: date) -> OpeningHours | None:
    """Opening hours from the weekly schedules that have not ended before `on`; None when none is left.

    Each period keeps its schedule's validity dates, so hours that change on a date (new hours from the 1st)
    are right on both sides of that date."""
    weekly: list[WeeklyHours] = []
    for schedule in schedules:
        if schedule.valid_to is not None and schedule.valid_to < on:
            continue
        for weekday in parse_byday(schedule.byday):
            weekly.append(
                WeeklyHours(
                    weekday=weekday,
                    opens_at=schedule.opens_at,
                    closes_at=schedule.closes_at,
                    valid_from=schedule.valid_from,
                    valid_to=schedule.valid_to,
                )
            )
    if not weekly:
        return None
    whole_days = {w.weekday for w in weekly if w.opens_at == MIDNIGHT and w.closes_at == MIDNIGHT}
    closures = tuple(
        ClosedPeriod(start=closure.start, end=closure.end, reason=closure.reason) for closure in service.closures.all()
    )
    return OpeningHours(
        weekly=tuple(weekly),
        closed_on_public_holidays=service.closed_on_public_holidays,
        closed_periods=closures,
        always_open=len(whole_days) == 7 and not service.closed_on_public_holidays and not closures,
    )


def opening_hours(service: Service, *, on: date) -> OpeningHours | None:
    return hours_from(service, schedules_of(service, AttendingType.IN_PERSON), on=on)


def phone_hours(service: Service, *, on: date) -> OpeningHours | None:
    """When the phone is answered: the phone schedules, else the opening hours."""
    return hours_from(service, phone_schedules(service), on=on)
