"""Phase computation: edge cases of real families (leap days, premature birth, twins, no due date, a
new pregnancy after a previous child)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kansrijk.families.phase import (
    ChildFacts,
    PhaseKind,
    PregnancyFacts,
    add_months,
    age_on,
    phase_on,
    timeline_on,
)


def test_no_pregnancy_and_no_child_is_before_pregnancy() -> None:
    phase = phase_on(date(2026, 11, 23))
    assert phase.kind == PhaseKind.BEFORE_PREGNANCY
    assert phase.programme_phase == "voor-de-zwangerschap"
    assert phase.label() == "Voor de zwangerschap"
    assert phase.day is None


@pytest.mark.parametrize(
    ("today", "weeks", "days"),
    [
        (date(2027, 5, 1), 40, 0),  # the due date itself
        (date(2027, 4, 30), 39, 6),
        (date(2026, 7, 25), 0, 0),  # first day of the last period
        (date(2027, 5, 8), 41, 0),  # a week past the due date: still pregnant
    ],
)
def test_gestational_age_counts_from_the_due_date(today: date, weeks: int, days: int) -> None:
    phase = phase_on(today, pregnancies=[PregnancyFacts(due_date=date(2027, 5, 1))])
    assert phase.kind == PhaseKind.PREGNANCY
    assert phase.gestation_weeks == (weeks, days)
    assert phase.programme_phase == "zwangerschap-en-bevalling"


def test_pregnancy_without_due_date_uses_the_weeks_told_at_registration() -> None:
    facts = PregnancyFacts(weeks_at_registration=8, registered_on=date(2026, 11, 2))
    phase = phase_on(date(2026, 11, 23), pregnancies=[facts])
    assert phase.gestation_weeks == (11, 0)
    assert phase.label() == "Zwanger, 11 weken en 0 dagen"


def test_pregnancy_with_nothing_known_yet_is_still_a_pregnancy() -> None:
    phase = phase_on(date(2026, 11, 23), pregnancies=[PregnancyFacts()])
    assert phase.kind == PhaseKind.PREGNANCY
    assert phase.gestation_weeks is None
    assert phase.label() == "Zwanger (duur nog onbekend)"
    assert timeline_on(date(2026, 11, 23), pregnancies=[PregnancyFacts()], phase=phase) is None


def test_a_pregnancy_long_past_its_due_date_asks_for_the_birth_to_be_recorded() -> None:
    phase = phase_on(date(2027, 6, 20), pregnancies=[PregnancyFacts(due_date=date(2027, 5, 1))])
    assert phase.birth_unrecorded
    assert not phase_on(date(2027, 5, 10), pregnancies=[PregnancyFacts(due_date=date(2027, 5, 1))]).birth_unrecorded


def test_day_one_of_the_thousand_days_is_conception() -> None:
    due = date(2027, 5, 1)
    conception = due - timedelta(days=266)
    assert phase_on(conception, pregnancies=[PregnancyFacts(due_date=due)]).day == 1
    assert phase_on(due, pregnancies=[PregnancyFacts(due_date=due)]).day == 267


@pytest.mark.parametrize(
    ("age_days", "kind"),
    [(0, PhaseKind.KRAAMTIJD), (9, PhaseKind.KRAAMTIJD), (10, PhaseKind.AFTER_BIRTH), (400, PhaseKind.AFTER_BIRTH)],
)
def test_kraamtijd_is_the_first_ten_days(age_days: int, kind: PhaseKind) -> None:
    birth = date(2026, 11, 1)
    phase = phase_on(birth + timedelta(days=age_days), children=[ChildFacts("Davie", birth, 40)])
    assert phase.kind == kind
    assert phase.programme_phase == "na-de-geboorte"


def test_kraamtijd_label_counts_days_of_life() -> None:
    birth = date(2026, 11, 20)
    assert phase_on(date(2026, 11, 22), children=[ChildFacts("Davie", birth)]).label() == "Kraamtijd, dag 3"


def test_the_window_ends_on_the_second_birthday_unless_support_goes_on() -> None:
    birth = date(2024, 11, 23)
    child = ChildFacts("Sem", birth, 40)
    assert phase_on(date(2026, 11, 22), children=[child]).kind == PhaseKind.AFTER_BIRTH
    assert phase_on(date(2026, 11, 23), children=[child]).kind == PhaseKind.AFTER_WINDOW
    longer = phase_on(date(2026, 12, 1), children=[child], as_long_as_needed=True)
    assert longer.kind == PhaseKind.AFTER_BIRTH
    assert "steun zolang nodig" in longer.label()


def test_leap_day_birthdays_count_months_to_the_end_of_shorter_months() -> None:
    birth = date(2024, 2, 29)
    assert add_months(birth, 12) == date(2025, 2, 28)
    assert add_months(birth, 24) == date(2026, 2, 28)
    assert age_on(birth, date(2025, 2, 27)).months == 11
    assert age_on(birth, date(2025, 2, 28)).months == 12
    assert age_on(date(2026, 1, 31), date(2026, 2, 28)).months == 1  # 31 January + 1 month = 28 February
    child = ChildFacts("Noor", birth)
    assert phase_on(date(2026, 2, 27), children=[child]).kind == PhaseKind.AFTER_BIRTH
    assert phase_on(date(2026, 2, 28), children=[child]).kind == PhaseKind.AFTER_WINDOW


def test_premature_child_has_a_corrected_age() -> None:
    birth = date(2026, 5, 1)
    child = ChildFacts("Davie", birth, weeks_at_birth=32)  # 8 weeks early
    phase = phase_on(date(2026, 8, 1), children=[child])
    youngest = phase.children[0]
    assert youngest.age.months == 3
    assert youngest.corrected is not None and youngest.corrected.months == 1
    assert phase.label() == "Baby van 3 maanden (gecorrigeerd 1 maand)"
    # Conception is counted from the real pregnancy length, not a full term.
    assert phase.day == (date(2026, 8, 1) - (birth - timedelta(days=32 * 7 - 14))).days + 1


def test_term_child_has_no_corrected_age() -> None:
    phase = phase_on(date(2026, 8, 1), children=[ChildFacts("Sem", date(2026, 5, 1), weeks_at_birth=39)])
    assert phase.children[0].corrected is None


def test_twins_are_one_phase_and_named_as_twins() -> None:
    birth = date(2026, 6, 1)
    phase = phase_on(
        date(2026, 9, 15),
        children=[ChildFacts("Ayo", birth, 35), ChildFacts("Ama", birth, 35), ChildFacts("Kofi", date(2023, 1, 1))],
    )
    assert phase.twins
    assert phase.kind == PhaseKind.AFTER_BIRTH
    assert phase.label().startswith("Tweeling van 3 maanden")
    assert [c.child.name for c in phase.children] == ["Ayo", "Ama"]  # the older child is past the window


def test_twins_expected_in_pregnancy() -> None:
    phase = phase_on(date(2027, 1, 1), pregnancies=[PregnancyFacts(due_date=date(2027, 5, 1), expected_children=2)])
    assert phase.label().endswith("tweeling verwacht")


def test_new_pregnancy_after_a_previous_child_comes_first_and_keeps_the_child() -> None:
    older = ChildFacts("Sem", date(2026, 1, 10))
    new = PregnancyFacts(due_date=date(2027, 6, 1))
    earlier = PregnancyFacts(due_date=date(2026, 1, 12), ongoing=False)
    phase = phase_on(date(2026, 11, 23), pregnancies=[earlier, new], children=[older])
    assert phase.kind == PhaseKind.PREGNANCY
    assert phase.gestation_weeks == (12, 6)  # first day of the last period: 25 August
    assert [c.child.name for c in phase.children] == ["Sem"]
    assert phase.children[0].age.months == 10


def test_a_child_not_yet_born_on_the_day_is_ignored() -> None:
    phase = phase_on(date(2026, 1, 1), children=[ChildFacts("Later", date(2026, 3, 1))])
    assert phase.kind == PhaseKind.BEFORE_PREGNANCY


def test_timeline_marks_milestones_and_where_today_is() -> None:
    due = date(2027, 5, 1)
    facts = [PregnancyFacts(due_date=due)]
    today = date(2026, 12, 1)
    phase = phase_on(today, pregnancies=facts)
    timeline = timeline_on(today, pregnancies=facts, phase=phase)
    assert timeline is not None
    labels = [m.label for m in timeline.milestones]
    assert labels[:3] == [
        "Begin zwangerschap (ongeveer)",
        "10 weken: in beeld bij de verloskundige",
        "Uitgerekende datum",
    ]
    assert timeline.end == date(2029, 5, 1)
    assert [m.past for m in timeline.milestones[:3]] == [True, True, False]
    assert 0 < timeline.percent < 20
