"""Service levels per urgency (versioned data in `data/service_levels.json`): when an answer and the
first contact with the family are due, and whether a referral is on time, late or very late.

Two clocks run: the answer clock from sending until accept or decline, and the first-contact clock from
sending until the warm handover is done or help starts. Working days skip weekends and Dutch public
holidays (`core.workdays`). Late is past the norm; very late is past three times the norm.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.core import clock
from kansrijk.core.workdays import add_working_days
from kansrijk.referrals.models import AlertClock, Referral, ReferralStatus

DATA = Path(__file__).resolve().parent / "data" / "service_levels.json"


class Lateness(models.TextChoices):
    ON_TIME = "op_tijd", _("Op tijd")
    LATE = "laat", _("Te laat")
    VERY_LATE = "zeer_laat", _("Zeer laat")


@dataclass(frozen=True)
class Norm:
    answer_working_days: int
    first_contact_working_days: int


@dataclass(frozen=True)
class Levels:
    version: str
    very_late_factor: int
    norms: dict[str, Norm]


@cache
def levels() -> Levels:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return Levels(
        version=raw["version"],
        very_late_factor=int(raw["very_late_factor"]),
        norms={key: Norm(**value) for key, value in raw["urgencies"].items()},
    )


@dataclass(frozen=True)
class Clock:
    """One running clock of a referral on a given day."""

    kind: str  # AlertClock
    started_on: date
    due_on: date
    very_late_on: date
    lateness: str  # Lateness
    due_today: bool  # on time, and the due day has come (the day to remind)


def _clock(kind: str, started_on: date, days: int, today: date) -> Clock:
    due = add_working_days(started_on, days)
    very_late = add_working_days(started_on, days * levels().very_late_factor)
    lateness = Lateness.VERY_LATE if today > very_late else Lateness.LATE if today > due else Lateness.ON_TIME
    return Clock(
        kind=kind,
        started_on=started_on,
        due_on=due,
        very_late_on=very_late,
        lateness=lateness,
        due_today=lateness == Lateness.ON_TIME and today >= due,
    )


def running_clock(referral: Referral, today: date | None = None) -> Clock | None:
    """The clock that runs now, or None (not sent yet, or both answered and contacted, or ended)."""
    if referral.sent_at is None or referral.status in (
        ReferralStatus.DECLINED,
        ReferralStatus.COMPLETED,
        ReferralStatus.STOPPED,
    ):
        return None
    today = today or clock.local_date()
    norm = levels().norms.get(referral.urgency) or levels().norms["normaal"]
    sent_on = clock.local_date(referral.sent_at)
    if referral.status == ReferralStatus.SENT:
        return _clock(AlertClock.ANSWER, sent_on, norm.answer_working_days, today)
    if referral.first_contact_at is None:
        return _clock(AlertClock.CONTACT, sent_on, norm.first_contact_working_days, today)
    return None


def lateness(referral: Referral, today: date | None = None) -> str:
    running = running_clock(referral, today)
    return running.lateness if running else Lateness.ON_TIME
