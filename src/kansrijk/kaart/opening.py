"""Opening hours of help services on the map: "open now", the next opening and short Dutch texts.

Schedules follow Open Referral HSDS 3.0: a service (or one of its phones) has weekly periods such as
"Monday 09:00 - 17:00", and is closed on Dutch public holidays, during closed periods (a summer closure,
a one-off closed day) and outside the dates its schedule is valid.

All clock times are wall-clock times in Amsterdam. Internally every period becomes a pair of UTC moments,
so daylight-saving changes (last Sunday of March and October) need no special cases.

Rules:

* A period that runs past midnight belongs to the day it starts on: Friday 20:00 - 02:00 is open on
  Saturday at 01:30. Whether a holiday, a closed period or the validity dates close such a period depends on
  the day it starts, too.
* ``closes_at <= opens_at`` means the period ends the next day; ``closes_at == 00:00`` means "until midnight",
  and 00:00 - 00:00 means the whole day.
* Periods that touch or overlap (Monday 00:00 - 00:00 and Tuesday 00:00 - 00:00) count as one open period.
* ``always_open`` (24/7 lines such as Veilig Thuis) is open at every moment, also on holidays and in closed
  periods.

The module is pure Python apart from Django's translation functions (and its names of days and months), which
are only called inside functions, so importing it needs no Django settings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils.dates import MONTHS, WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kansrijk.core.workdays import closing_holidays, package_holidays

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MIDNIGHT = time(0, 0)

# Touching periods are joined into one, but never over more than this many days on either side of a moment.
_JOIN_WINDOW_DAYS = 7
# How far status_text looks ahead for the next opening: long enough for a summer closure.
_STATUS_HORIZON_DAYS = 42

# HSDS 3.0 / iCalendar BYDAY codes.
_BYDAY_CODES = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}

# Languages the `holidays` package can name Dutch holidays in; other interface languages get Dutch names.
_HOLIDAY_LANGUAGES = {"nl": "nl", "en": "en_US", "fy": "fy", "uk": "uk"}

_Period = tuple[datetime, datetime]


@dataclass(frozen=True)
class WeeklyHours:
    """One weekly open period, in Amsterdam wall-clock time.

    ``closes_at <= opens_at`` means the period runs past midnight into the next day; ``closes_at == 00:00``
    means until midnight, so 00:00 - 00:00 is the whole day.
    """

    weekday: int  # 0 = Monday ... 6 = Sunday
    opens_at: time
    closes_at: time
    valid_from: date | None = None  # first day this period applies (included); HSDS schedule.valid_from
    valid_to: date | None = None  # last day this period applies (included); HSDS schedule.valid_to

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), not {self.weekday}")
        if self.opens_at.tzinfo is not None or self.closes_at.tzinfo is not None:
            raise ValueError("opening times are Amsterdam wall-clock times and must not carry a time zone")
        _check_validity(self.valid_from, self.valid_to)

    def applies_on(self, day: date) -> bool:
        """Whether this period's schedule is valid on ``day`` (the day the period starts)."""
        return _within(day, self.valid_from, self.valid_to)


@dataclass(frozen=True)
class ClosedPeriod:
    """Days on which the service is closed, for example a summer closure; both dates are included."""

    start: date
    end: date
    reason: str = ""  # shown to parents, in Dutch B1, e.g. "zomersluiting"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"closed period ends ({self.end}) before it starts ({self.start})")

    def covers(self, day: date) -> bool:
        """Whether the service is closed on ``day`` because of this period."""
        return self.start <= day <= self.end


@dataclass(frozen=True)
class OpeningHours:
    """The opening hours of a service or one of its phones."""

    weekly: tuple[WeeklyHours, ...]
    closed_on_public_holidays: bool = True
    closed_periods: tuple[ClosedPeriod, ...] = ()
    valid_from: date | None = None  # first day the weekly schedule applies (included)
    valid_to: date | None = None  # last day the weekly schedule applies (included)
    always_open: bool = False  # 24/7 lines such as Veilig Thuis

    def __post_init__(self) -> None:
        _check_validity(self.valid_from, self.valid_to)


def _check_validity(valid_from: date | None, valid_to: date | None) -> None:
    if valid_from is not None and valid_to is not None and valid_to < valid_from:
        raise ValueError(f"valid_to ({valid_to}) lies before valid_from ({valid_from})")


def _within(day: date, valid_from: date | None, valid_to: date | None) -> bool:
    return (valid_from is None or valid_from <= day) and (valid_to is None or day <= valid_to)


# --- Public holidays -------------------------------------------------------------------------------------------


def _holiday_name(day: date) -> str:
    """The name of the public holiday on ``day`` in the active interface language (Dutch when unsupported)."""
    language = _HOLIDAY_LANGUAGES.get((get_language() or "nl").split("-")[0], "nl")
    dutch = closing_holidays(day.year)[day]
    return package_holidays(day.year, language).get(day, dutch)


# --- Periods ---------------------------------------------------------------------------------------------------


def _as_utc(at: datetime) -> datetime:
    """``at`` as a UTC moment; naive datetimes are refused because their moment is unknown."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("at must be timezone-aware, for example datetime.now(ZoneInfo('Europe/Amsterdam'))")
    return at.astimezone(UTC)


def _local_date(moment: datetime) -> date:
    return moment.astimezone(AMSTERDAM).date()


def _is_service_day(hours: OpeningHours, day: date) -> bool:
    """Whether the periods that start on ``day`` take place (validity, public holidays, closed periods)."""
    if not _within(day, hours.valid_from, hours.valid_to):
        return False
    if hours.closed_on_public_holidays and day in closing_holidays(day.year):
        return False
    return not any(period.covers(day) for period in hours.closed_periods)


def _wall_clock(day: date, clock: time) -> datetime:
    """The UTC moment of a wall-clock time in Amsterdam (a time skipped by summer time counts as 1 hour later)."""
    return datetime.combine(day, clock, tzinfo=AMSTERDAM).astimezone(UTC)


def _periods_starting_on(hours: OpeningHours, day: date) -> list[_Period]:
    """The open periods that start on ``day``, as UTC moments."""
    if not _is_service_day(hours, day):
        return []
    periods = []
    for weekly in hours.weekly:
        if weekly.weekday != day.weekday() or not weekly.applies_on(day):
            continue
        end_day = day if weekly.closes_at > weekly.opens_at else day + timedelta(days=1)
        start, end = _wall_clock(day, weekly.opens_at), _wall_clock(end_day, weekly.closes_at)
        if start < end:  # a period that lies wholly in the hour skipped by summer time does not happen
            periods.append((start, end))
    return periods


def _join(periods: Iterable[_Period]) -> list[_Period]:
    """Sort periods and join those that touch or overlap."""
    joined: list[_Period] = []
    for start, end in sorted(periods):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _periods(hours: OpeningHours, first: date, last: date) -> list[_Period]:
    """The joined open periods that start on the days ``first`` to ``last`` (both included)."""
    days = (first + timedelta(days=offset) for offset in range((last - first).days + 1))
    return _join(period for day in days for period in _periods_starting_on(hours, day))


def _to_amsterdam(period: _Period) -> tuple[datetime, datetime]:
    return period[0].astimezone(AMSTERDAM), period[1].astimezone(AMSTERDAM)


# --- Queries ---------------------------------------------------------------------------------------------------


def current_period(hours: OpeningHours, at: datetime) -> tuple[datetime, datetime] | None:
    """The open period (start, end) in Amsterdam time that contains ``at``, or None when closed.

    Touching periods count as one. A service that is ``always_open`` has no bounded period, so this returns
    None for it: use is_open.
    """
    moment = _as_utc(at)
    if hours.always_open:
        return None
    today = _local_date(moment)
    window = timedelta(days=_JOIN_WINDOW_DAYS)
    for start, end in _periods(hours, today - window, today + window):
        if start <= moment < end:
            return _to_amsterdam((start, end))
    return None


def is_open(hours: OpeningHours, at: datetime) -> bool:
    """Whether the service is open at the moment ``at`` (timezone-aware)."""
    _as_utc(at)
    return hours.always_open or current_period(hours, at) is not None


def next_opening(hours: OpeningHours, at: datetime, *, horizon_days: int = 14) -> datetime | None:
    """The first moment at or after ``at`` when the service opens, in Amsterdam time.

    Looks at periods that start up to ``horizon_days`` days after the day of ``at``; public holidays, closed
    periods and the validity dates are skipped. Returns None when the service does not open in that time.
    A service that is ``always_open`` is open already, so the answer is ``at`` itself.
    """
    if horizon_days < 0:
        raise ValueError(f"horizon_days must not be negative, not {horizon_days}")
    moment = _as_utc(at)
    if hours.always_open:
        return moment.astimezone(AMSTERDAM)
    today = _local_date(moment)
    for start, _end in _periods(hours, today - timedelta(days=_JOIN_WINDOW_DAYS), today + timedelta(horizon_days)):
        if start >= moment:
            return start.astimezone(AMSTERDAM)
    return None


# --- Texts -----------------------------------------------------------------------------------------------------


def _clock(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def _weekday_name(day: date) -> str:
    return str(WEEKDAYS[day.weekday()])


def _day_name(day: date, today: date) -> str:
    """ "maandag" within the coming week, "maandag 4 mei" further away."""
    if (day - today).days < 7:
        return _weekday_name(day)
    return f"{_weekday_name(day)} {day.day} {MONTHS[day.month]}"


def _closing_text(end: datetime, today: date) -> str:
    """ "Nu open tot ..." for an open period that ends at ``end`` (Amsterdam time); midnight reads as 24:00."""
    end_day, clock = end.date(), _clock(end)
    if end.time() == MIDNIGHT:
        end_day, clock = end_day - timedelta(days=1), "24:00"
    days = (end_day - today).days
    if days == 0:
        return _("Nu open tot %(time)s") % {"time": clock}
    if days == 1:
        return _("Nu open, tot morgen %(time)s") % {"time": clock}
    return _("Nu open, tot %(day)s %(time)s") % {"day": _day_name(end_day, today), "time": clock}


def _opening_text(opening: datetime, today: date) -> str:
    """When a closed service opens again: "Vandaag open om 13:00", "Morgen open om 09:00", ..."""
    clock = _clock(opening)
    days = (opening.date() - today).days
    if days == 0:
        return _("Vandaag open om %(time)s") % {"time": clock}
    if days == 1:
        return _("Morgen open om %(time)s") % {"time": clock}
    return _("Open op %(day)s om %(time)s") % {"day": _day_name(opening.date(), today), "time": clock}


def _closed_today_text(hours: OpeningHours, today: date) -> str:
    """ "Vandaag gesloten (Koningsdag)" on a holiday or in a closed period, otherwise "Gesloten"."""
    if hours.closed_on_public_holidays and today in closing_holidays(today.year):
        return _("Vandaag gesloten (%(reason)s)") % {"reason": _holiday_name(today)}
    closure = next((period for period in hours.closed_periods if period.covers(today)), None)
    if closure is None:
        return _("Gesloten")
    if closure.reason:
        return _("Vandaag gesloten (%(reason)s)") % {"reason": closure.reason}
    return _("Vandaag gesloten")


def status_text(hours: OpeningHours, at: datetime) -> str:
    """A short Dutch (B1) status for a result card, in the active interface language.

    Examples: "Nu open tot 17:00", "Nu open, tot morgen 02:00", "Gesloten. Vandaag open om 13:00",
    "Gesloten. Morgen open om 09:00", "Gesloten. Open op maandag om 09:00",
    "Vandaag gesloten (Koningsdag). Morgen open om 09:00", "Dag en nacht open".
    """
    moment = _as_utc(at)
    if hours.always_open:
        return _("Dag en nacht open")
    today = _local_date(moment)
    period = current_period(hours, moment)
    if period is not None:
        return _closing_text(period[1], today)
    closed = _closed_today_text(hours, today)
    opening = next_opening(hours, moment, horizon_days=_STATUS_HORIZON_DAYS)
    if opening is None:
        return closed
    return f"{closed}. {_opening_text(opening, today)}"


# --- Weekly schedule -------------------------------------------------------------------------------------------


def parse_byday(byday: str) -> tuple[int, ...]:
    """Weekday numbers (0 = Monday) from an HSDS/iCalendar BYDAY list: "MO,TU,WE" gives (0, 1, 2).

    Case and spaces do not matter; the result is sorted and without doubles. Anything else, such as an empty
    text, an unknown code or a numbered day ("1MO", used for monthly rules), raises ValueError.
    """
    codes = [code.strip().upper() for code in byday.split(",")]
    if not all(code in _BYDAY_CODES for code in codes):
        raise ValueError(
            _(
                "'%(value)s' is geen geldige lijst van dagen. Gebruik MO, TU, WE, TH, FR, SA en SU, "
                "met een komma ertussen, zoals MO,TU,WE."
            )
            % {"value": byday}
        )
    return tuple(sorted({_BYDAY_CODES[code] for code in codes}))


def _enumerate(items: list[str]) -> str:
    """ "a", "a en b", "a, b en c"."""
    if len(items) == 1:
        return items[0]
    return _("%(items)s en %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def _days_text(weekdays: list[int]) -> str:
    """ "ma t/m vr" for three or more days in a row, otherwise the days one by one: "za en zo"."""
    runs: list[list[int]] = []
    for weekday in weekdays:
        if runs and runs[-1][-1] == weekday - 1:
            runs[-1].append(weekday)
        else:
            runs.append([weekday])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(_("%(first)s t/m %(last)s") % {"first": WEEKDAYS_ABBR[run[0]], "last": WEEKDAYS_ABBR[run[-1]]})
        else:
            parts.extend(str(WEEKDAYS_ABBR[weekday]) for weekday in run)
    return _enumerate(parts)


def _range_text(opens_at: time, closes_at: time) -> str:
    """ "09:00 - 17:00"; closing at midnight reads as 24:00."""
    closes = "24:00" if closes_at == MIDNIGHT else closes_at.strftime("%H:%M")
    return f"{opens_at.strftime('%H:%M')} - {closes}"


def _weekly_on(hours: OpeningHours, day: date) -> list[WeeklyHours]:
    """The weekly periods whose schedule applies on ``day``; when none does, those of the next schedule to start."""
    current = [weekly for weekly in hours.weekly if weekly.applies_on(day)]
    if current:
        return current
    starts = [w.valid_from for w in hours.weekly if w.valid_from is not None and w.valid_from > day]
    return [weekly for weekly in hours.weekly if starts and weekly.valid_from == min(starts)]


def format_weekly(hours: OpeningHours, on: date | None = None) -> list[str]:
    """The weekly schedule as short Dutch (B1) lines, days with the same hours on one line.

    For example ["ma t/m vr 09:00 - 12:00 en 13:00 - 17:00", "za 10:00 - 14:00"]. Days without hours are left
    out, so a service without a weekly schedule gives an empty list; an always-open service gives
    ["Dag en nacht open"]. With ``on``, only the periods whose schedule applies on that day are shown (or, when
    none does yet, those of the schedule that starts next).
    """
    if hours.always_open:
        return [_("Dag en nacht open")]
    periods = list(hours.weekly) if on is None else _weekly_on(hours, on)
    days_by_schedule: dict[tuple[tuple[time, time], ...], list[int]] = {}
    for weekday in range(7):
        schedule = tuple(sorted({(w.opens_at, w.closes_at) for w in periods if w.weekday == weekday}))
        if schedule:
            days_by_schedule.setdefault(schedule, []).append(weekday)
    return [
        f"{_days_text(weekdays)} {_enumerate([_range_text(*times) for times in schedule])}"
        for schedule, weekdays in days_by_schedule.items()
    ]
