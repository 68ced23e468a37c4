"""The demo families: coverage of stadsdelen, phases and care levels; everything fictional and marked;
idempotent; the three families of the domain brief where the brief puts them; care teams, assessments,
regie and meldcode made through the real services by the right people."""

from __future__ import annotations

import random
import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from kansrijk.accounts.demo import USERS, demo_load
from kansrijk.accounts.models import User
from kansrijk.accounts.roles import Role
from kansrijk.core import clock
from kansrijk.core.audit import audit_verify
from kansrijk.core.demo_data import DemoDataError
from kansrijk.core.models import AuditEntry
from kansrijk.dossier.demo import BRIEF_NAMES, DemoAccountsMissingError, DossierDemoReport, data, dossier_demo_load
from kansrijk.dossier.demo.generator import draw_plans
from kansrijk.families.levels import AmsterdamLevel
from kansrijk.families.models import Caregiver, CareTeamMember, Family, NetworkMember
from kansrijk.families.phase import PhaseKind
from kansrijk.families.selectors import family_phase, regiehouder_of
from kansrijk.geo.models import PostcodeArea, Stadsdeel
from kansrijk.pathways.models import Task, TaskStatus
from kansrijk.regie.models import RegieAssignment, RegieGap, RegiehouderProfile
from kansrijk.regie.services import caseloads
from kansrijk.signalling.models import Assessment, MeldcodeTrack

pytestmark = pytest.mark.django_db

GENERATED = 40
FICTIONAL_PHONE = re.compile(r"06-00000\d{3}")


def _account(role: Role) -> User:
    return User.objects.get(email=next(spec.email for spec in USERS if spec.role == role))


@pytest.fixture
def report() -> DossierDemoReport:
    demo_load()  # the demo accounts of `kansrijk demo` come first
    return dossier_demo_load(generated=GENERATED)


def _latest(family: Family) -> Assessment:
    assessment = family.assessments.order_by("-made_at", "-pk").first()
    assert assessment is not None, family.name
    return assessment


def test_the_generated_families_cover_every_stadsdeel_phase_and_care_level(report: DossierDemoReport) -> None:
    families = list(Family.objects.prefetch_related("pregnancies", "children"))
    assert report.families == len(families) == GENERATED + 3
    assert {f.stadsdeel.code for f in families if f.stadsdeel} == set(Stadsdeel.objects.values_list("code", flat=True))
    assert len(report.by_stadsdeel) == 8
    phases = {family_phase(f).phase.kind for f in families}
    assert phases == set(PhaseKind) - {PhaseKind.AFTER_WINDOW}
    assert {_latest(f).amsterdam_level for f in families} == set(AmsterdamLevel.values)
    assert sum(report.by_level.values()) == sum(report.by_phase.values()) == report.families
    # Some professionals chose another level than the proposal, always with a reason.
    overridden = Assessment.objects.exclude(chosen_amsterdam="")
    assert overridden.exists()
    assert all(a.override_reason and a.chosen_amsterdam != a.proposed_amsterdam for a in overridden)
    # Fathers and partners are in the file too.
    assert Caregiver.objects.filter(role__in=["vader", "partner"]).count() >= GENERATED // 2


def test_everything_is_fictional_and_marked(report: DossierDemoReport) -> None:
    assert report.professionals == User.objects.filter(is_demo=True).count() - len(USERS)
    for family in Family.objects.all():
        assert family.is_demo and family.name.endswith(" (demo)"), family.name
        assert PostcodeArea.objects.filter(pc4=family.postcode[:4]).exists(), family.postcode
    for user in User.objects.all():
        assert user.is_demo and "(demo)" in user.full_name and user.email.endswith("@demo.kansrijk.test"), user
    made = User.objects.exclude(email__in=[spec.email for spec in USERS])
    assert made.exists() and not any(user.has_usable_password() for user in made)
    phones = [c.phone for c in Caregiver.objects.exclude(phone="")] + [
        n.contact for n in NetworkMember.objects.exclude(contact="")
    ]
    assert phones and all(FICTIONAL_PHONE.fullmatch(phone) for phone in phones), phones
    assert all(c.email.endswith("@demo.kansrijk.test") for c in Caregiver.objects.exclude(email=""))
    assert audit_verify().ok


def test_loading_twice_changes_nothing(report: DossierDemoReport) -> None:
    def counts() -> tuple[int, ...]:
        return (
            Family.objects.count(),
            User.objects.count(),
            Task.objects.count(),
            Assessment.objects.count(),
            RegiehouderProfile.objects.count(),
            AuditEntry.objects.count(),
        )

    before = counts()
    again = dossier_demo_load(generated=GENERATED)
    assert again.skipped and again.families == 0
    assert counts() == before


def test_the_three_families_of_the_brief_are_where_the_brief_puts_them(report: DossierDemoReport) -> None:
    professional, regiehouder = _account(Role.PROFESSIONAL), _account(Role.REGIEHOUDER)
    meriam, tiny, linda = (Family.objects.get(name=name) for name in BRIEF_NAMES)
    for family in (meriam, tiny, linda):
        assert family.care_team.filter(user=professional, ended_at__isnull=True).exists(), family.name

    # Meriam & Micha: second child on the way at about 30 weeks, Sami about three; Extra steun; regie held.
    phase = family_phase(meriam).phase
    assert phase.kind == PhaseKind.PREGNANCY and phase.gestation_weeks is not None
    assert 29 <= phase.gestation_weeks[0] <= 31
    assert meriam.children.get().given_name == "Sami"
    assert _latest(meriam).amsterdam_level == AmsterdamLevel.EXTRA_STEUN
    member = regiehouder_of(meriam)
    assert member is not None and member.user == regiehouder
    assert meriam.tasks.get(step_code="regiehouder-kiezen").status == TaskStatus.DONE

    # Tiny & Leo: first pregnancy at about 12 weeks; Steuntje in de rug; no regiehouder needed.
    phase = family_phase(tiny).phase
    assert phase.kind == PhaseKind.PREGNANCY and phase.gestation_weeks is not None
    assert 11 <= phase.gestation_weeks[0] <= 13 and not phase.children
    assert _latest(tiny).amsterdam_level == AmsterdamLevel.STEUNTJE
    assert regiehouder_of(tiny) is None and not tiny.tasks.filter(step_code="regiehouder-kiezen").exists()
    assert {c.given_name for c in tiny.caregivers.all()} == {"Tiny", "Leo"}

    # Linda: Davie born 14 days ago at term; Extra steun from the demo professional's conversation; a strong
    # practical network; the regiehouder not chosen yet, the task waiting on the demo professional.
    phase = family_phase(linda).phase
    assert phase.kind == PhaseKind.AFTER_BIRTH and phase.children[0].age.total_days == 14
    davie = linda.children.get()
    assert davie.given_name == "Davie" and davie.weeks_at_birth is not None and davie.weeks_at_birth >= 37
    assessment = _latest(linda)
    assert assessment.amsterdam_level == AmsterdamLevel.EXTRA_STEUN and assessment.made_by == professional
    assert assessment.observations.filter(factor="seksueel_misbruik", present=True).exists()
    assert assessment.strengths_note.startswith("Linda zorgt liefdevol voor Davie")  # strengths first
    assert linda.network.count() == 3 and all(n.helps_with for n in linda.network.all())
    assert regiehouder_of(linda) is None
    choose = linda.tasks.get(step_code="regiehouder-kiezen")
    assert choose.status == TaskStatus.OPEN and choose.assigned_to == professional
    assert RegieGap.objects.filter(family=linda, resolved_at__isnull=True).exists()


def test_care_teams_assessments_regie_and_meldcode_come_from_the_right_people(report: DossierDemoReport) -> None:
    professional, regiehouder = _account(Role.PROFESSIONAL), _account(Role.REGIEHOUDER)
    for family in Family.objects.all():
        team = set(family.care_team.filter(ended_at__isnull=True).values_list("user_id", flat=True))
        assert team and family.opened_by_id in team, family.name
        for assessment in family.assessments.all():
            assert assessment.made_by_id in team, family.name
        for task in family.tasks.all():
            assert task.assigned_to_id in team, (family.name, task.step_code)
    # The demo professional's worklist: the three brief families and a few generated ones, some tasks late.
    teams = CareTeamMember.objects.filter(user=professional, ended_at__isnull=True)
    assert 3 + 1 <= teams.count() <= 3 + 10
    mine = Task.objects.filter(assigned_to=professional, status=TaskStatus.OPEN)
    assert mine.exists() and mine.filter(due_on__lt=clock.local_date()).exists()
    assert Task.objects.filter(assigned_to=regiehouder, status=TaskStatus.OPEN, due_on__lt=clock.local_date()).exists()
    # Regie: most Extra steun families have a regiehouder, nobody above capacity, the demo regiehouder included.
    extra = [f for f in Family.objects.all() if _latest(f).amsterdam_level == AmsterdamLevel.EXTRA_STEUN]
    with_regie = RegieAssignment.objects.filter(ended_at__isnull=True)
    assert with_regie.count() >= len(extra) // 2
    assert set(with_regie.values_list("family_id", flat=True)) <= {f.pk for f in extra}
    loads = caseloads()
    for profile in RegiehouderProfile.objects.all():
        assert loads.get(profile.user_id, 0) <= profile.capacity
    assert loads[regiehouder.pk] >= 2
    assert RegiehouderProfile.objects.filter(user__is_demo=True).count() == report.regiehouders >= 7
    languages = {code for p in RegiehouderProfile.objects.all() for code in p.languages}
    assert {"nl", "ar", "tr", "tw", "ti", "en", "pap"} <= languages
    # A few open meldcode tracks with steps done in order by a member of the care team.
    tracks = MeldcodeTrack.objects.filter(closed_at__isnull=True)
    assert tracks.exists()
    for track in tracks:
        steps = list(track.steps.order_by("step").values_list("step", flat=True))
        assert steps == list(range(1, len(steps) + 1)) and steps
        assert _latest(track.family).amsterdam_level == AmsterdamLevel.EXTRA_STEUN


def test_without_the_demo_accounts_nothing_is_loaded() -> None:
    with pytest.raises(DemoAccountsMissingError, match="kansrijk demo"):
        dossier_demo_load(generated=3)
    assert not Family.objects.exists() and not AuditEntry.objects.filter(object_type="families.family").exists()


def test_the_command_loads_only_with_the_development_settings(settings: Any) -> None:
    demo_load()
    settings.DEBUG = True  # DEBUG alone is not enough
    settings.KANSRIJK_DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="Refusing to load demo data"):
        call_command("dossier", "demo", "--generated", "2")
    settings.KANSRIJK_DEMO_ALLOWED = True
    out = StringIO()
    call_command("dossier", "demo", "--generated", "2", stdout=out)
    assert "5 families" in out.getvalue()
    call_command("dossier", "demo", stdout=out)
    assert "nothing loaded" in out.getvalue() and Family.objects.count() == 5


def test_the_demo_is_data_files_read_and_checked_before_loading() -> None:
    families = data.brief_families(clock.local_date())
    assert (
        tuple(f.name for f in families)
        == BRIEF_NAMES
        == (
            "Meriam en Micha (demo)",  # the browser tests (tests/browser) open these families by name
            "Tiny en Leo (demo)",
            "Linda en Davie (demo)",
        )
    )
    assert len(data.staff_data().regiehouders) >= 6 and data.referral_data().questions
    # One seeded generator: the same file gives the same families.
    vocabulary = data.vocabulary()
    first = draw_plans(vocabulary, random.Random(vocabulary.seed), 60)
    assert first == draw_plans(vocabulary, random.Random(vocabulary.seed), 60)
    assert first != draw_plans(vocabulary, random.Random(vocabulary.seed + 1), 60)


def test_a_mistake_in_a_data_file_names_the_file_and_the_entry(tmp_path: Path, monkeypatch: Any) -> None:
    text = data.FAMILIES_FILE.read_text(encoding="utf-8")
    for folder, wrong, right, where in (
        ("a", "role: vader", "role: oom", "caregivers[1].role: 'oom' is not one of moeder"),
        ("b", "factor: leefstijl", "factor: leefstijll", "assessment.observations[8].factor: unknown 'leefstijll'"),
    ):
        (tmp_path / folder).mkdir()
        broken = tmp_path / folder / "families.yaml"  # a file is read once per process: one folder each
        broken.write_text(text.replace(wrong, right, 1), encoding="utf-8")
        monkeypatch.setattr(data, "FAMILIES_FILE", broken)
        with pytest.raises(DemoDataError) as caught:
            data.brief_families(clock.local_date())
        assert str(caught.value).startswith(f"families.yaml: families[0] (Meriam en Micha (demo)).{where}")
    assert not Family.objects.exists()
