"""Aftercare (nazorg, "vinger aan de pols"): check-ins the pathway schedules when help or a phase ends,
so no family drops out of sight. The check-ins are versioned data (`data/nazorg.json`); each becomes a
task of kind `nazorg` for the regiehouder (or, without one, the JGZ nurse or the person who ended it).
Re-planning after a conversation leaves these tasks alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from kansrijk.accounts.models import User
from kansrijk.families.models import Discipline, Family
from kansrijk.families.phase import add_months
from kansrijk.families.selectors import active_team

DATA = Path(__file__).resolve().parent / "data" / "nazorg.json"
ANCHORS = ("birth", "help_ended", "window_ended")


@dataclass(frozen=True)
class CheckIn:
    code: str
    anchor: str
    months: int
    days: int
    role: str
    levels: tuple[str, ...]
    title_nl: str
    title_en: str
    description_nl: str

    def due(self, anchor_on: date) -> date:
        return add_months(anchor_on, self.months) + timedelta(days=self.days)


@cache
def checkins() -> tuple[CheckIn, ...]:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return tuple(CheckIn(**{**item, "levels": tuple(item["levels"])}) for item in raw["checkins"])


def holder_of(family: Family, fallback: User) -> User:
    team = active_team(family)
    regiehouder = next((m.user for m in team if m.is_regiehouder and m.user.is_active), None)
    jgz = next((m.user for m in team if m.discipline == Discipline.JGZ and m.user.is_active), None)
    return regiehouder or jgz or fallback
