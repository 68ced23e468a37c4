"""The family file's services: who may do what (refusals audited), placing the address, recording
births without re-entering data, the care team."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from kansrijk.accounts.roles import Role
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.families import selectors, services
from kansrijk.families.models import CaregiverRole, CareTeamReason, Discipline, Family, PregnancyOutcome
from kansrijk.families.phase import PhaseKind
from kansrijk.families.tests.factories import open_family, professional

pytestmark = pytest.mark.django_db


def test_opening_a_file_places_the_address_and_puts_the_opener_in_the_team() -> None:
    midwife = professional()
    family = open_family(by=midwife, postcode="1102ab")
    assert family.postcode == "1102 AB"
    assert family.stadsdeel is not None and family.stadsdeel.naam == "Zuidoost"
    team = selectors.active_team(family)
    assert [(m.user, m.reason) for m in team] == [(midwife, CareTeamReason.OPENED_FILE)]
    entry = AuditEntry.objects.get(object_type="families.family", object_id=str(family.pk))
    assert entry.action == AuditAction.CREATE and entry.actor_id == midwife.pk


def test_an_unknown_postcode_is_a_clear_error_and_nothing_is_written() -> None:
    with pytest.raises(ValidationError) as error:
        open_family(postcode="AB12")
    assert "postcode" in error.value.message_dict
    assert not Family.objects.exists()


def test_a_postcode_outside_amsterdam_keeps_the_area_empty() -> None:
    family = open_family(postcode="3011 AA")
    assert family.stadsdeel is None and family.postcode == "3011 AA"


def test_someone_without_a_family_role_cannot_open_a_file_and_it_is_audited() -> None:
    editor = professional(role=Role.KAART_REDACTEUR)
    with pytest.raises(PermissionDenied):
        open_family(by=editor)
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, actor_id=editor.pk).exists()


def test_a_professional_outside_the_care_team_sees_nothing_and_cannot_write() -> None:
    family = open_family()
    outsider = professional()
    assert not selectors.family_list(user=outsider).exists()
    assert selectors.family_get(user=outsider, pk=family.pk) is None
    assert not outsider.has_perm("families.view_family", family)
    with pytest.raises(PermissionDenied):
        services.caregiver_add(family=family, by=outsider, data=services.CaregiverData(given_name="X", role="moeder"))
    denied = AuditEntry.objects.get(action=AuditAction.DENIED, actor_id=outsider.pk)
    assert denied.object_id == str(family.pk) and denied.detail == {"attempted": "caregiver.add"}


def test_the_second_factor_is_needed_to_see_a_family() -> None:
    midwife = professional()
    family = open_family(by=midwife)
    midwife.is_verified = lambda: False  # type: ignore[attr-defined]
    assert not midwife.has_perm("families.view_family", family)


def test_a_care_team_member_added_by_the_opener_sees_the_family_until_they_leave() -> None:
    midwife = professional()
    family = open_family(by=midwife)
    nurse = professional()
    member = services.care_team_add(family=family, user=nurse, discipline=Discipline.JGZ, by=midwife)
    assert selectors.family_get(user=nurse, pk=family.pk) == family
    with pytest.raises(PermissionDenied):  # a team member who is not the regiehouder cannot add others
        services.care_team_add(family=family, user=professional(), discipline=Discipline.GGZ, by=nurse)
    services.care_team_leave(member=member, by=midwife)
    assert selectors.family_get(user=nurse, pk=family.pk) is None
    assert not nurse.has_perm("families.view_family", family)


@freeze_time("2026-11-23 10:00:00")
def test_recording_the_birth_ends_the_pregnancy_and_moves_the_phase() -> None:
    midwife = professional()
    family = open_family(by=midwife)
    mother = services.caregiver_add(
        family=family,
        by=midwife,
        data=services.CaregiverData(given_name="Linda", role=CaregiverRole.MOEDER, languages=["nl"]),
    )
    pregnancy = services.pregnancy_record(
        family=family, by=midwife, expected_due_date=date(2026, 11, 30), mother=mother
    )
    assert selectors.family_phase(family).phase.kind == PhaseKind.PREGNANCY
    services.child_add(family=family, by=midwife, given_name="Davie", birth_date=date(2026, 11, 21), weeks_at_birth=39)
    pregnancy.refresh_from_db()
    assert pregnancy.outcome == PregnancyOutcome.BORN and pregnancy.ended_on == date(2026, 11, 21)
    fresh = Family.objects.get(pk=family.pk)
    phase = selectors.family_phase(fresh).phase
    assert phase.kind == PhaseKind.KRAAMTIJD and phase.label() == "Kraamtijd, dag 3"


@freeze_time("2026-11-23 10:00:00")
def test_impossible_dates_are_refused_with_a_reason() -> None:
    midwife = professional()
    family = open_family(by=midwife)
    with pytest.raises(ValidationError) as error:
        services.child_add(family=family, by=midwife, given_name="X", birth_date=date(2026, 12, 1), weeks_at_birth=50)
    assert set(error.value.message_dict) == {"birth_date", "weeks_at_birth"}
    with pytest.raises(ValidationError):
        services.pregnancy_record(family=family, by=midwife, expected_due_date=date(2026, 11, 23) + timedelta(days=400))
    services.pregnancy_record(family=family, by=midwife, weeks_at_registration=9)
    with pytest.raises(ValidationError):  # one ongoing pregnancy at a time
        services.pregnancy_record(family=family, by=midwife, weeks_at_registration=9)


def test_unknown_languages_are_refused() -> None:
    midwife = professional()
    family = open_family(by=midwife)
    with pytest.raises(ValidationError):
        services.caregiver_add(
            family=family, by=midwife, data=services.CaregiverData(given_name="A", role="vader", languages=["klingon"])
        )


@freeze_time("2026-11-23 10:00:00")
def test_recording_an_older_child_during_a_new_pregnancy_does_not_end_it() -> None:
    midwife = professional()
    family = open_family(by=midwife)
    pregnancy = services.pregnancy_record(family=family, by=midwife, expected_due_date=date(2027, 6, 1))
    services.child_add(family=family, by=midwife, given_name="Sami", birth_date=date(2023, 9, 1))
    pregnancy.refresh_from_db()
    assert pregnancy.outcome == PregnancyOutcome.ONGOING
    assert selectors.family_phase(Family.objects.get(pk=family.pk)).phase.kind == PhaseKind.PREGNANCY
