"""The pathway as versioned data: loading, checking, publishing a new version without rewriting
history; working-day due dates; closing and reassigning tasks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import UserFactory
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.core.workdays import add_working_days
from kansrijk.families import services as family_services
from kansrijk.families.models import Discipline
from kansrijk.families.tests.factories import open_family, professional, verified
from kansrijk.pathways import selectors, services
from kansrijk.pathways.definition import check_steps, packaged_definition, steps_from_json
from kansrijk.pathways.models import PathwayVersion, TaskStatus

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (date(2026, 11, 23), 5, date(2026, 11, 30)),  # Monday + 5 = next Monday
        (date(2026, 11, 28), 0, date(2026, 11, 30)),  # a Saturday rolls to Monday
        (date(2026, 12, 23), 3, date(2026, 12, 29)),  # over Christmas (25th) and the weekend
        (date(2027, 4, 23), 2, date(2027, 4, 28)),  # over the weekend and Koningsdag (27 April)
        (date(2027, 3, 25), 1, date(2027, 3, 26)),  # Good Friday is not a day off
    ],
)
def test_working_days_skip_weekends_and_public_holidays(start: date, days: int, due: date) -> None:
    assert add_working_days(start, days) == due


def test_the_migration_loaded_version_one_from_the_packaged_file() -> None:
    version = PathwayVersion.objects.get(number=1)
    assert version.steps.count() == len(packaged_definition()["steps"])
    assert services.current_version() == version


def test_a_broken_definition_reports_every_problem() -> None:
    steps = steps_from_json(packaged_definition())
    broken = [
        replace(steps[0], code="Regiehouder Kiezen", role="chef"),
        replace(steps[1], phases=("na_de_hemel",), due_working_days=400),
        replace(steps[2], code=steps[1].code),
    ]
    problems = check_steps(broken)
    assert len(problems) == 5
    assert any("onbekende rol 'chef'" in p for p in problems)
    assert any("twee keer" in p for p in problems)


def test_publishing_a_new_version_never_rewrites_existing_tasks() -> None:
    midwife = professional()
    family = open_family(by=midwife)
    with freeze_time("2026-11-23 10:00:00"):
        created = services.tasks_plan(
            family=family, phase="zwangerschap", level="extra_steun", signaleerder=midwife, by=midwife
        ).created
    task = next(t for t in created if t.step_code == "prenataal-huisbezoek")
    team_lead = verified(UserFactory.create(roles=[Role.PROGRAMMATEAM], with_totp=True))  # publishing needs 2FA
    steps = [
        replace(s, title_nl="Prenataal huisbezoek binnen 2 weken") if s.code == "prenataal-huisbezoek" else s
        for s in steps_from_json(packaged_definition())
    ]
    with pytest.raises(ValidationError):
        services.pathway_publish(by=team_lead, name="Zo werken wij in Amsterdam", steps=steps, note="")
    version = services.pathway_publish(
        by=team_lead, name="Zo werken wij in Amsterdam", steps=steps, note="Huisbezoek sneller"
    )
    assert version.number == 2 and services.current_version() == version
    task.refresh_from_db()
    assert task.title_nl == "Prenataal huisbezoek JGZ aanbieden" and task.version.number == 1
    assert (
        PathwayVersion.objects.get(number=1).steps.get(code="prenataal-huisbezoek").title_nl
        == "Prenataal huisbezoek JGZ aanbieden"
    )


def test_only_the_programme_team_publishes_and_refusals_are_audited() -> None:
    steps = steps_from_json(packaged_definition())
    with pytest.raises(PermissionDenied):
        services.pathway_publish(by=professional(), name="X", steps=steps, note="Probeer")
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, detail__attempted="pathway.publish").exists()


def test_tasks_are_closed_and_reassigned_within_the_care_team_only() -> None:
    midwife = professional()
    family = open_family(by=midwife)
    nurse = professional()
    family_services.care_team_add(family=family, user=nurse, discipline=Discipline.JGZ, by=midwife)
    created = services.tasks_plan(
        family=family, phase="zwangerschap", level="steuntje", signaleerder=midwife, by=midwife
    ).created
    task = next(t for t in created if t.step_code == "kaart-bespreken")
    assert task.assigned_to == midwife
    with pytest.raises(ValidationError):
        services.task_reassign(task=task, to=professional(), by=midwife)
    services.task_reassign(task=task, to=nurse, by=midwife)
    assert task.pk in {t.pk for t in selectors.worklist(user=nurse)}
    assert task.pk not in {t.pk for t in selectors.worklist(user=midwife)}
    outsider = professional()
    with pytest.raises(PermissionDenied):
        services.task_complete(task=task, by=outsider)
    services.task_complete(task=task, by=nurse, note="Huisbezoek gepland op 2 december")
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE and task.closed_by == nurse
    with pytest.raises(ValidationError):
        services.task_complete(task=task, by=nurse)


def test_the_worklist_shows_only_families_the_person_still_sees() -> None:
    midwife = professional()
    family = open_family(by=midwife)
    nurse = professional()
    member = family_services.care_team_add(family=family, user=nurse, discipline=Discipline.JGZ, by=midwife)
    services.tasks_plan(family=family, phase="zwangerschap", level="steuntje", signaleerder=midwife, by=midwife)
    assert selectors.worklist(user=nurse).filter(step_code="prenataal-huisbezoek").exists()
    family_services.care_team_leave(member=member, by=midwife)
    assert not selectors.worklist(user=nurse).exists()
