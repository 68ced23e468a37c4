"""Opening hours: "open now", the next opening, public holidays and the Dutch texts on a result card.

All moments are fixed datetimes in Amsterdam. Calendar used below (2026 unless noted):
Goede Vrijdag Fri 3 Apr, Eerste/Tweede Paasdag Sun 5 / Mon 6 Apr, Koningsdag Mon 27 Apr,
Kerst Fri 25 / Sat 26 Dec; summer time starts Sun 29 Mar and ends Sun 25 Oct.
In 2025 Koningsdag fell on Saturday 26 April because 27 April was a Sunday.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest
from django.utils import translation

from kansrijk.core.workdays import public_holidays
from kansrijk.kaart.opening import (
    ClosedPeriod,
    OpeningHours,
    WeeklyHours,
    current_period,
    format_weekly,
    is_open,
    next_opening,
    parse_byday,
    status_text,
)

AMS = ZoneInfo("Europe/Amsterdam")


def ams(year: int, month: int, day: int, hour: int = 0, minute: int = 0, *, fold: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMS, fold=fold)


def weekly(days: tuple[int, ...], opens: str, closes: str) -> tuple[WeeklyHours, ...]:
    return tuple(WeeklyHours(day, time.fromisoformat(opens), time.fromisoformat(closes)) for day in days)


WORKDAYS = (0, 1, 2, 3, 4)
OFFICE = OpeningHours(weekly=weekly(WORKDAYS, "09:00", "17:00"))
LUNCH_BREAK = OpeningHours(weekly=weekly(WORKDAYS, "09:00", "12:00") + weekly(WORKDAYS, "13:00", "17:00"))
# Evening phone line: Friday 20:00 - 02:00 and Sunday 22:00 - 01:00, both past midnight.
NIGHT_LINE = OpeningHours(weekly=weekly((4,), "20:00", "02:00") + weekly((6,), "22:00", "01:00"))
# A Sunday period of 01:00 - 04:00, across the hour that summer time skips or repeats.
NIGHT_OF_THE_CLOCKS = OpeningHours(weekly=weekly((6,), "01:00", "04:00"))
VEILIG_THUIS = OpeningHours(weekly=(), always_open=True)
SUMMER = ClosedPeriod(date(2026, 7, 20), date(2026, 8, 7), reason="zomersluiting")


# --- is_open ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "at", "expected"),
    [
        pytest.param(OFFICE, ams(2026, 3, 2, 8, 59), False, id="before opening"),
        pytest.param(OFFICE, ams(2026, 3, 2, 9, 0), True, id="at opening"),
        pytest.param(OFFICE, ams(2026, 3, 2, 16, 59), True, id="just before closing"),
        pytest.param(OFFICE, ams(2026, 3, 2, 17, 0), False, id="at closing"),
        pytest.param(OFFICE, ams(2026, 3, 7, 10, 0), False, id="saturday"),
        pytest.param(LUNCH_BREAK, ams(2026, 3, 2, 12, 30), False, id="lunch break"),
        pytest.param(LUNCH_BREAK, ams(2026, 3, 2, 13, 0), True, id="after lunch"),
        pytest.param(NIGHT_LINE, ams(2026, 3, 6, 23, 0), True, id="friday evening"),
        pytest.param(NIGHT_LINE, ams(2026, 3, 7, 1, 30), True, id="friday period on saturday night"),
        pytest.param(NIGHT_LINE, ams(2026, 3, 7, 2, 0), False, id="friday period over"),
        pytest.param(NIGHT_LINE, ams(2026, 3, 6, 1, 0), False, id="thursday night has no period"),
        pytest.param(NIGHT_LINE, ams(2026, 3, 9, 0, 30), True, id="sunday period on monday night"),
        pytest.param(OFFICE, ams(2026, 4, 27, 10, 0), False, id="koningsdag"),
        pytest.param(OFFICE, ams(2026, 12, 25, 10, 0), False, id="eerste kerstdag"),
        pytest.param(OFFICE, ams(2026, 4, 6, 10, 0), False, id="tweede paasdag"),
        pytest.param(OFFICE, ams(2026, 4, 3, 10, 0), True, id="goede vrijdag is a working day"),
        pytest.param(VEILIG_THUIS, ams(2026, 12, 25, 3, 0), True, id="always open on christmas night"),
    ],
)
def test_is_open(hours: OpeningHours, at: datetime, expected: bool) -> None:
    assert is_open(hours, at) is expected


def test_bevrijdingsdag_closes_only_in_a_lustrum_year() -> None:
    assert not is_open(OFFICE, ams(2025, 5, 5, 10, 0))  # Monday 5 May 2025
    assert is_open(OFFICE, ams(2026, 5, 5, 10, 0))  # Tuesday 5 May 2026


def test_a_moment_in_another_time_zone_is_converted_to_amsterdam() -> None:
    # 08:30 UTC on a winter Monday is 09:30 in Amsterdam; 16:30 UTC is 17:30.
    assert is_open(OFFICE, datetime(2026, 3, 2, 8, 30, tzinfo=UTC))
    assert not is_open(OFFICE, datetime(2026, 3, 2, 16, 30, tzinfo=UTC))


@pytest.mark.parametrize("query", [is_open, current_period, next_opening, status_text])
def test_a_naive_datetime_is_refused(query: object) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        query(OFFICE, datetime(2026, 3, 2, 10, 0))  # type: ignore[operator]  # noqa: DTZ001


# --- Past midnight and holidays -----------------------------------------------------------------------------


def test_a_friday_night_period_stays_open_into_a_saturday_holiday() -> None:
    # Koningsdag 2025 was Saturday 26 April; the period started on an ordinary Friday.
    hours = OpeningHours(weekly=weekly((4,), "20:00", "02:00") + weekly((5,), "10:00", "14:00"))
    assert is_open(hours, ams(2025, 4, 26, 1, 0))
    assert status_text(hours, ams(2025, 4, 26, 1, 0)) == "Nu open tot 02:00"
    assert not is_open(hours, ams(2025, 4, 26, 11, 0))  # the holiday's own period does not take place


def test_a_sunday_holiday_closes_the_sunday_night_period_on_monday_too() -> None:
    # Eerste Paasdag is Sunday 5 April 2026; one week later is an ordinary Sunday.
    assert not is_open(NIGHT_LINE, ams(2026, 4, 5, 23, 0))
    assert not is_open(NIGHT_LINE, ams(2026, 4, 6, 0, 30))
    assert is_open(NIGHT_LINE, ams(2026, 4, 13, 0, 30))


def test_closing_at_midnight_means_until_the_end_of_the_day() -> None:
    hours = OpeningHours(weekly=weekly((4,), "18:00", "00:00"))
    assert is_open(hours, ams(2026, 3, 6, 23, 59))
    assert not is_open(hours, ams(2026, 3, 7, 0, 0))
    assert current_period(hours, ams(2026, 3, 6, 20, 0)) == (ams(2026, 3, 6, 18, 0), ams(2026, 3, 7, 0, 0))
    assert status_text(hours, ams(2026, 3, 6, 20, 0)) == "Nu open tot 24:00"


def test_midnight_to_midnight_is_the_whole_day() -> None:
    hours = OpeningHours(weekly=weekly((2,), "00:00", "00:00"))
    assert is_open(hours, ams(2026, 3, 4, 0, 0))
    assert is_open(hours, ams(2026, 3, 4, 23, 59))
    assert not is_open(hours, ams(2026, 3, 5, 0, 0))
    assert not is_open(hours, ams(2026, 3, 3, 23, 59))


# --- Daylight saving time ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        pytest.param(ams(2026, 3, 29, 0, 59), False, id="spring: before"),
        pytest.param(ams(2026, 3, 29, 1, 30), True, id="spring: winter time"),
        pytest.param(ams(2026, 3, 29, 3, 30), True, id="spring: summer time"),
        pytest.param(ams(2026, 3, 29, 4, 0), False, id="spring: after"),
        pytest.param(ams(2026, 10, 25, 2, 30, fold=0), True, id="autumn: first 02:30"),
        pytest.param(ams(2026, 10, 25, 2, 30, fold=1), True, id="autumn: second 02:30"),
        pytest.param(ams(2026, 10, 25, 3, 59), True, id="autumn: before closing"),
        pytest.param(ams(2026, 10, 25, 4, 0), False, id="autumn: after"),
    ],
)
def test_a_period_across_the_daylight_saving_change(at: datetime, expected: bool) -> None:
    assert is_open(NIGHT_OF_THE_CLOCKS, at) is expected


@pytest.mark.parametrize(
    ("day", "hours_open"),
    [pytest.param(date(2026, 3, 29), 2, id="spring: an hour shorter"), (date(2026, 10, 25), 4)],
)
def test_the_daylight_saving_night_period_lasts_the_real_time(day: date, hours_open: int) -> None:
    period = current_period(NIGHT_OF_THE_CLOCKS, ams(day.year, day.month, day.day, 1, 30))
    assert period is not None
    start, end = period
    assert (start.hour, end.hour) == (1, 4)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=hours_open)
    assert status_text(NIGHT_OF_THE_CLOCKS, ams(day.year, day.month, day.day, 1, 30)) == "Nu open tot 04:00"


def test_next_opening_after_a_daylight_saving_change_keeps_the_wall_clock_time() -> None:
    # Saturday 28 March 2026 in winter time; the next opening is Monday 09:00 in summer time.
    opening = next_opening(OFFICE, ams(2026, 3, 28, 12, 0))
    assert opening == ams(2026, 3, 30, 9, 0)
    assert opening is not None and opening.utcoffset() == timedelta(hours=2)


# --- current_period ------------------------------------------------------------------------------------------


def test_current_period_of_a_night_period_spans_midnight() -> None:
    assert current_period(NIGHT_LINE, ams(2026, 3, 7, 1, 0)) == (ams(2026, 3, 6, 20, 0), ams(2026, 3, 7, 2, 0))


def test_current_period_is_none_when_closed_and_for_always_open() -> None:
    assert current_period(OFFICE, ams(2026, 3, 2, 18, 0)) is None
    assert current_period(VEILIG_THUIS, ams(2026, 3, 2, 18, 0)) is None


def test_touching_periods_count_as_one_period() -> None:
    hours = OpeningHours(weekly=weekly(WORKDAYS, "09:00", "12:00") + weekly(WORKDAYS, "12:00", "17:00"))
    assert current_period(hours, ams(2026, 3, 2, 10, 0)) == (ams(2026, 3, 2, 9, 0), ams(2026, 3, 2, 17, 0))
    assert status_text(hours, ams(2026, 3, 2, 10, 0)) == "Nu open tot 17:00"
    assert next_opening(hours, ams(2026, 3, 2, 10, 0)) == ams(2026, 3, 3, 9, 0)  # 12:00 is no new opening


# --- Closed periods and validity -----------------------------------------------------------------------------


def test_a_closed_period_closes_the_service_on_its_first_and_last_day() -> None:
    hours = OpeningHours(weekly=OFFICE.weekly, closed_periods=(SUMMER,))
    assert is_open(hours, ams(2026, 7, 17, 10, 0))
    assert not is_open(hours, ams(2026, 7, 20, 10, 0))
    assert not is_open(hours, ams(2026, 8, 7, 10, 0))
    assert is_open(hours, ams(2026, 8, 10, 10, 0))


def test_validity_dates_close_the_service_outside_them() -> None:
    hours = OpeningHours(weekly=OFFICE.weekly, valid_from=date(2026, 3, 4), valid_to=date(2026, 3, 12))
    assert not is_open(hours, ams(2026, 3, 3, 10, 0))
    assert is_open(hours, ams(2026, 3, 4, 10, 0))
    assert is_open(hours, ams(2026, 3, 12, 10, 0))
    assert not is_open(hours, ams(2026, 3, 13, 10, 0))
    assert next_opening(hours, ams(2026, 3, 2, 10, 0)) == ams(2026, 3, 4, 9, 0)
    assert next_opening(hours, ams(2026, 3, 12, 18, 0)) is None


def test_new_hours_from_a_date_apply_on_both_sides_of_it() -> None:
    # Until Friday 6 March the office opens at 09:00; from Monday 9 March at 13:00.
    until_friday = tuple(
        WeeklyHours(w.weekday, w.opens_at, w.closes_at, valid_to=date(2026, 3, 6)) for w in OFFICE.weekly
    )
    from_monday = tuple(WeeklyHours(day, time(13), time(17), valid_from=date(2026, 3, 9)) for day in WORKDAYS)
    hours = OpeningHours(weekly=until_friday + from_monday)
    assert is_open(hours, ams(2026, 3, 6, 10, 0))
    assert not is_open(hours, ams(2026, 3, 9, 10, 0))
    assert is_open(hours, ams(2026, 3, 9, 13, 0))
    assert next_opening(hours, ams(2026, 3, 6, 18, 0)) == ams(2026, 3, 9, 13, 0)
    with translation.override("nl"):
        assert status_text(hours, ams(2026, 3, 6, 18, 0)) == "Gesloten. Open op maandag om 13:00"
        assert format_weekly(hours, on=date(2026, 3, 6)) == ["ma t/m vr 09:00 - 17:00"]
        assert format_weekly(hours, on=date(2026, 3, 9)) == ["ma t/m vr 13:00 - 17:00"]


def test_hours_that_start_later_are_shown_before_they_start() -> None:
    hours = OpeningHours(weekly=(WeeklyHours(0, time(9), time(12), valid_from=date(2026, 3, 16)),))
    assert not is_open(hours, ams(2026, 3, 9, 10, 0))
    assert next_opening(hours, ams(2026, 3, 9, 10, 0)) == ams(2026, 3, 16, 9, 0)
    with translation.override("nl"):
        assert format_weekly(hours, on=date(2026, 3, 9)) == ["ma 09:00 - 12:00"]


def test_a_service_that_stays_open_on_holidays() -> None:
    hours = OpeningHours(weekly=OFFICE.weekly, closed_on_public_holidays=False)
    assert is_open(hours, ams(2026, 4, 27, 10, 0))
    assert status_text(hours, ams(2026, 4, 27, 10, 0)) == "Nu open tot 17:00"


def test_always_open_ignores_holidays_and_closed_periods() -> None:
    hours = OpeningHours(weekly=(), always_open=True, closed_periods=(SUMMER,))
    assert is_open(hours, ams(2026, 7, 22, 3, 0))
    assert next_opening(hours, ams(2026, 7, 22, 3, 0)) == ams(2026, 7, 22, 3, 0)


# --- next_opening --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "at", "expected"),
    [
        pytest.param(OFFICE, ams(2026, 3, 2, 7, 0), ams(2026, 3, 2, 9, 0), id="later today"),
        pytest.param(OFFICE, ams(2026, 3, 2, 9, 0), ams(2026, 3, 2, 9, 0), id="at the opening itself"),
        pytest.param(OFFICE, ams(2026, 3, 2, 10, 0), ams(2026, 3, 3, 9, 0), id="while open: the next day"),
        pytest.param(LUNCH_BREAK, ams(2026, 3, 2, 12, 30), ams(2026, 3, 2, 13, 0), id="after lunch"),
        pytest.param(OFFICE, ams(2026, 3, 6, 18, 0), ams(2026, 3, 9, 9, 0), id="over the weekend"),
        pytest.param(OFFICE, ams(2026, 4, 24, 18, 0), ams(2026, 4, 28, 9, 0), id="skips koningsdag"),
        pytest.param(OFFICE, ams(2026, 12, 24, 18, 0), ams(2026, 12, 28, 9, 0), id="skips christmas"),
        pytest.param(NIGHT_LINE, ams(2026, 4, 3, 21, 0), ams(2026, 4, 10, 20, 0), id="skips easter sunday"),
    ],
)
def test_next_opening(hours: OpeningHours, at: datetime, expected: datetime) -> None:
    assert next_opening(hours, at) == expected


def test_next_opening_looks_no_further_than_the_horizon() -> None:
    hours = OpeningHours(weekly=OFFICE.weekly, closed_periods=(SUMMER,))
    at = ams(2026, 7, 22, 10, 0)  # the service opens again on Monday 10 August, 19 days later
    assert next_opening(hours, at) is None
    assert next_opening(hours, at, horizon_days=19) == ams(2026, 8, 10, 9, 0)
    assert next_opening(hours, at, horizon_days=18) is None


def test_next_opening_is_none_without_any_hours() -> None:
    assert next_opening(OpeningHours(weekly=()), ams(2026, 3, 2, 10, 0)) is None


# --- status_text ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "at", "expected"),
    [
        pytest.param(OFFICE, ams(2026, 3, 2, 10, 0), "Nu open tot 17:00", id="open"),
        pytest.param(NIGHT_LINE, ams(2026, 3, 6, 23, 0), "Nu open, tot morgen 02:00", id="open past midnight"),
        pytest.param(OFFICE, ams(2026, 3, 2, 7, 0), "Gesloten. Vandaag open om 09:00", id="early morning"),
        pytest.param(LUNCH_BREAK, ams(2026, 3, 2, 12, 30), "Gesloten. Vandaag open om 13:00", id="lunch break"),
        pytest.param(OFFICE, ams(2026, 3, 2, 18, 0), "Gesloten. Morgen open om 09:00", id="evening"),
        pytest.param(OFFICE, ams(2026, 3, 7, 10, 0), "Gesloten. Open op maandag om 09:00", id="weekend"),
        pytest.param(
            OFFICE, ams(2026, 4, 27, 10, 0), "Vandaag gesloten (Koningsdag). Morgen open om 09:00", id="koningsdag"
        ),
        pytest.param(OFFICE, ams(2026, 4, 24, 18, 0), "Gesloten. Open op dinsdag om 09:00", id="before koningsdag"),
        pytest.param(
            OFFICE,
            ams(2026, 12, 25, 10, 0),
            "Vandaag gesloten (Eerste kerstdag). Open op maandag om 09:00",
            id="christmas",
        ),
        pytest.param(VEILIG_THUIS, ams(2026, 12, 25, 3, 0), "Dag en nacht open", id="always open"),
        pytest.param(OpeningHours(weekly=()), ams(2026, 3, 2, 10, 0), "Gesloten", id="no hours at all"),
    ],
)
def test_status_text(hours: OpeningHours, at: datetime, expected: str) -> None:
    assert status_text(hours, at) == expected


def test_status_text_names_a_closed_period_and_a_far_reopening_by_date() -> None:
    hours = OpeningHours(weekly=OFFICE.weekly, closed_periods=(SUMMER,))
    assert status_text(hours, ams(2026, 7, 22, 10, 0)) == (
        "Vandaag gesloten (zomersluiting). Open op maandag 10 augustus om 09:00"
    )


def test_status_text_of_a_closed_day_without_a_reason() -> None:
    hours = OpeningHours(weekly=OFFICE.weekly, closed_periods=(ClosedPeriod(date(2026, 3, 4), date(2026, 3, 4)),))
    assert status_text(hours, ams(2026, 3, 4, 10, 0)) == "Vandaag gesloten. Morgen open om 09:00"


def test_status_text_of_a_period_over_several_days_names_the_closing_day() -> None:
    hours = OpeningHours(weekly=weekly((0,), "09:00", "00:00") + weekly((1, 2), "00:00", "00:00"))
    assert status_text(hours, ams(2026, 3, 2, 10, 0)) == "Nu open, tot woensdag 24:00"
    assert status_text(hours, ams(2026, 3, 3, 10, 0)) == "Nu open, tot morgen 24:00"


def test_status_text_names_the_holiday_in_the_interface_language() -> None:
    with translation.override("en"):
        assert "(King's Day)" in status_text(OFFICE, ams(2026, 4, 27, 10, 0))


# --- public_holidays -----------------------------------------------------------------------------------------


def test_public_holidays_2026() -> None:
    assert public_holidays(2026) == {
        date(2026, 1, 1): "Nieuwjaarsdag",
        date(2026, 4, 5): "Eerste paasdag",
        date(2026, 4, 6): "Tweede paasdag",
        date(2026, 4, 27): "Koningsdag",
        date(2026, 5, 14): "Hemelvaartsdag",
        date(2026, 5, 24): "Eerste pinksterdag",
        date(2026, 5, 25): "Tweede pinksterdag",
        date(2026, 12, 25): "Eerste kerstdag",
        date(2026, 12, 26): "Tweede kerstdag",
    }


def test_goede_vrijdag_is_left_out_on_purpose() -> None:
    # The package lists it; if it ever stops doing so, the comment in public_holidays needs a look.
    assert date(2026, 4, 3) in holidays.country_holidays("NL", years=2026)
    assert date(2026, 4, 3) not in public_holidays(2026)


@pytest.mark.parametrize(
    ("year", "expected"), [(2025, "Bevrijdingsdag"), (2026, None), (2029, None), (2030, "Bevrijdingsdag")]
)
def test_bevrijdingsdag_follows_the_package_once_every_five_years(year: int, expected: str | None) -> None:
    assert public_holidays(year).get(date(year, 5, 5)) == expected


@pytest.mark.parametrize(
    ("year", "koningsdag"),
    [(2025, date(2025, 4, 26)), (2026, date(2026, 4, 27)), (2031, date(2031, 4, 26))],
)
def test_koningsdag_moves_to_saturday_when_27_april_is_a_sunday(year: int, koningsdag: date) -> None:
    assert public_holidays(year)[koningsdag] == "Koningsdag"
    assert date(year, 4, 27) == koningsdag or date(year, 4, 27) not in public_holidays(year)


def test_public_holidays_returns_a_copy_of_the_cached_year() -> None:
    public_holidays(2026).clear()
    assert len(public_holidays(2026)) == 9


# --- parse_byday ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("byday", "expected"),
    [
        ("MO,TU,WE", (0, 1, 2)),
        ("SU", (6,)),
        (" fr , mo ", (0, 4)),
        ("MO,MO,SA", (0, 5)),
        ("MO,TU,WE,TH,FR,SA,SU", (0, 1, 2, 3, 4, 5, 6)),
    ],
)
def test_parse_byday(byday: str, expected: tuple[int, ...]) -> None:
    assert parse_byday(byday) == expected


@pytest.mark.parametrize("junk", ["", " ", "MO,,TU", "1MO", "-1FR", "MON", "MO;TU", "maandag"])
def test_parse_byday_refuses_junk_with_a_clear_message(junk: str) -> None:
    with pytest.raises(ValueError, match="geen geldige lijst van dagen") as error:
        parse_byday(junk)
    assert f"'{junk}'" in str(error.value)


# --- format_weekly -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("week", "expected"),
    [
        pytest.param(
            weekly(WORKDAYS, "09:00", "17:00") + weekly((5,), "10:00", "14:00"),
            ["ma t/m vr 09:00 - 17:00", "za 10:00 - 14:00"],
            id="workdays and saturday",
        ),
        pytest.param(LUNCH_BREAK.weekly, ["ma t/m vr 09:00 - 12:00 en 13:00 - 17:00"], id="two periods a day"),
        pytest.param(weekly((5, 6), "10:00", "16:00"), ["za en zo 10:00 - 16:00"], id="two days"),
        pytest.param(weekly((0, 2, 4), "09:00", "12:00"), ["ma, wo en vr 09:00 - 12:00"], id="apart"),
        pytest.param(weekly((0, 1, 2, 4), "09:00", "12:00"), ["ma t/m wo en vr 09:00 - 12:00"], id="run and one"),
        pytest.param(weekly((0, 1, 3, 4), "09:00", "12:00"), ["ma, di, do en vr 09:00 - 12:00"], id="two pairs"),
        pytest.param(
            weekly((0, 1, 2, 3), "09:00", "17:00") + weekly((4,), "09:00", "12:00"),
            ["ma t/m do 09:00 - 17:00", "vr 09:00 - 12:00"],
            id="short friday",
        ),
        pytest.param(NIGHT_LINE.weekly, ["vr 20:00 - 02:00", "zo 22:00 - 01:00"], id="past midnight"),
        pytest.param(weekly((2,), "00:00", "00:00"), ["wo 00:00 - 24:00"], id="whole day"),
        pytest.param((), [], id="no hours"),
    ],
)
def test_format_weekly(week: tuple[WeeklyHours, ...], expected: list[str]) -> None:
    assert format_weekly(OpeningHours(weekly=week)) == expected


def test_format_weekly_of_an_always_open_service() -> None:
    assert format_weekly(VEILIG_THUIS) == ["Dag en nacht open"]


# --- Data checks ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: WeeklyHours(7, time(9), time(17)), id="weekday 7"),
        pytest.param(lambda: WeeklyHours(0, time(9, tzinfo=AMS), time(17)), id="time with a zone"),
        pytest.param(lambda: ClosedPeriod(date(2026, 8, 7), date(2026, 7, 20)), id="closed period backwards"),
        pytest.param(
            lambda: OpeningHours(weekly=(), valid_from=date(2026, 3, 2), valid_to=date(2026, 3, 1)), id="validity"
        ),
        pytest.param(
            lambda: WeeklyHours(0, time(9), time(17), valid_from=date(2026, 3, 2), valid_to=date(2026, 3, 1)),
            id="period validity",
        ),
    ],
)
def test_impossible_data_is_refused(make: object) -> None:
    with pytest.raises(ValueError):
        make()  # type: ignore[operator]
