"""Fictional demo families for the family file (`kansrijk dossier demo`, part of `make run`).

The content is data, under dossier/data/demo/ (see data.py): the three families of the domain brief at
realistic points of their journey (families.yaml), the demo professionals and the regiehouder pool
(staff.yaml), and the vocabulary of a number of generated families over all stadsdelen, phases and
Amsterdam care levels (generator.yaml), with their care teams, assessments, pathway tasks,
regiehouders, a few meldcode tracks and referrals (referrals.yaml). This package is the loader: it
reads and checks the files, and loads everything through the real services of families, signalling,
pathways, regie and referrals, acting as the demo professionals, so audit entries, triage, tasks and
regie are the real thing. It lives in the top layer (dossier) because it spans those apps.

All of it is fictional and marked: families carry `is_demo` and end in " (demo)"; generated accounts are
demo accounts (`@demo.kansrijk.test`, "(demo)" in the name, no usable password); phone numbers are
visibly fictional (06-00000xxx); addresses are plausible street names with real Amsterdam postcodes
(from the geography reference data), never anyone's address. Dates are relative to today (Amsterdam), so
the demo always looks current. Loading is idempotent: once demo families exist, nothing is loaded.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from django.db import transaction

from kansrijk.accounts.models import User
from kansrijk.core import clock
from kansrijk.dossier.demo.brief import load_brief_family
from kansrijk.dossier.demo.data import brief_families, brief_names, referral_data, staff_data, vocabulary
from kansrijk.dossier.demo.generator import EXTRA, STEUNTJE, Generator, Loaded, Phones, Places, draw_plans
from kansrijk.dossier.demo.staff import DEMO_DOMAIN, DemoAccountsMissingError, Staff, acting, load_staff
from kansrijk.dossier.referral_demo import GeneratedLoop, referrals_demo_load
from kansrijk.families.models import Caregiver, Family
from kansrijk.families.selectors import family_phase
from kansrijk.geo.models import Stadsdeel
from kansrijk.pathways.models import Task, TaskStatus
from kansrijk.regie.models import RegieAssignment, RegiehouderProfile
from kansrijk.regie.services import regie_gaps_flag
from kansrijk.signalling.models import Assessment, MeldcodeTrack
from kansrijk.signalling.selectors import latest_levels

__all__ = ["BRIEF_NAMES", "DemoAccountsMissingError", "DossierDemoReport", "dossier_demo_load"]

BRIEF_NAMES = brief_names()


@dataclass(frozen=True)
class DossierDemoReport:
    """What one run loaded (all zero when the demo families were there already)."""

    skipped: bool = False
    families: int = 0
    generated: int = 0
    caregivers: int = 0
    children: int = 0
    assessments: int = 0
    open_tasks: int = 0
    overdue_tasks: int = 0
    regie_assignments: int = 0
    meldcode_tracks: int = 0
    professionals: int = 0  # generated demo accounts (professionals and regiehouders)
    regiehouders: int = 0  # profiles in the regiehouder pool
    referrals: int = 0
    by_level: dict[str, int] = field(default_factory=dict)
    by_phase: dict[str, int] = field(default_factory=dict)
    by_stadsdeel: dict[str, int] = field(default_factory=dict)


# --- demo realism after loading -----------------------------------------------------------------------


def _make_some_overdue(
    rng: random.Random, loaded: Loaded, staff: Staff, today: date, late_first: list[tuple[Family, str, int]]
) -> None:
    """Demo realism: the services plan every due date from today, so nothing would be late. A few open
    tasks of conversations longer ago get a due date in the past, written directly on the Task rows (not an
    action of anyone, so not audited), so the worklists show "te laat"."""
    late: dict[int, tuple[Task, date]] = {}
    for family, step_code, days_late in late_first:  # e.g. the demo professional's visit to Meriam and Micha
        task = family.tasks.open().filter(step_code=step_code).first()
        if task is not None:
            late[task.pk] = (task, today - timedelta(days=days_late))
    demo_accounts = (staff.professional.pk, staff.regiehouder.pk)
    for family, conversation_on in loaded.overdue_candidates:
        tasks = list(family.tasks.open().order_by("pk"))
        mine = [t for t in tasks if t.assigned_to_id in demo_accounts]
        if tasks and rng.random() < (0.5 if mine else 0.15):
            task = rng.choice(mine or tasks)
            days_back = rng.randint(1, max(1, min(10, (today - conversation_on).days - 1)))
            late[task.pk] = (task, today - timedelta(days=days_back))
    # Both demo accounts see at least one late task of their own where they have an older one.
    for user_id in demo_accounts:
        if not any(task.assigned_to_id == user_id for task, _due in late.values()):
            older = [
                (t, on)
                for family, on in loaded.overdue_candidates
                for t in family.tasks.open().filter(assigned_to_id=user_id).order_by("pk")
            ]
            if older:
                task, conversation_on = rng.choice(older)
                late[task.pk] = (task, max(conversation_on + timedelta(days=1), today - timedelta(days=3)))
    for task, due_on in late.values():
        task.due_on = due_on
        task.save(update_fields=["due_on"])


def _report(staff: Staff, generated: int, today: date) -> DossierDemoReport:
    families = list(
        Family.objects.filter(is_demo=True).select_related("stadsdeel").prefetch_related("pregnancies", "children")
    )
    latest: dict[int, Assessment] = {}
    for assessment in Assessment.objects.filter(family__in=families).order_by("family_id", "-made_at", "-pk"):
        latest.setdefault(assessment.family_id, assessment)
    tasks = Task.objects.filter(family__in=families, status=TaskStatus.OPEN)
    return DossierDemoReport(
        families=len(families),
        generated=generated,
        caregivers=Caregiver.objects.filter(family__in=families).count(),
        children=sum(len(f.children.all()) for f in families),
        assessments=Assessment.objects.filter(family__in=families).count(),
        open_tasks=tasks.count(),
        overdue_tasks=tasks.filter(due_on__lt=today).count(),
        regie_assignments=RegieAssignment.objects.filter(family__in=families, ended_at__isnull=True).count(),
        meldcode_tracks=MeldcodeTrack.objects.filter(family__in=families).count(),
        professionals=staff.created,
        regiehouders=RegiehouderProfile.objects.filter(user__is_demo=True).count(),
        by_level=dict(Counter(a.amsterdam_level for a in latest.values())),
        by_phase=dict(Counter(str(family_phase(f, today=today).phase.kind) for f in families)),
        by_stadsdeel=dict(Counter(f.stadsdeel.naam if f.stadsdeel else "-" for f in families)),
    )


def _referrals(rng: random.Random, staff: Staff, brief: dict[str, Family]) -> int:
    """Referrals in every state of the loop for generated families that need support (see referral_demo)."""
    generated = list(
        Family.objects.filter(is_demo=True).exclude(name__in=BRIEF_NAMES).select_related("stadsdeel", "opened_by")
    )
    levels = latest_levels(families=generated)
    chosen = [f for f in generated if levels.get(f.pk) in (STEUNTJE, EXTRA) and f.stadsdeel is not None][:40]
    worker = User.objects.filter(email=f"buurtteam@{DEMO_DOMAIN}").first()
    spec = referral_data().brief_referral
    return referrals_demo_load(
        rng=rng,
        brief_family=brief[spec.family],
        brief_referrer=staff.person(spec.by, where="referrals.yaml: brief_referral"),
        buurtteam_worker=acting(worker) if worker else None,
        loop=GeneratedLoop(
            families=[(f, acting(f.opened_by), f.stadsdeel.code) for f in chosen if f.stadsdeel],
            buurtteam=staff.buurtteam,
        ),
    )


@transaction.atomic
def dossier_demo_load(*, generated: int = 200, seed: int | None = None) -> DossierDemoReport:
    """Load the demo families (idempotent: nothing happens when demo families exist already). Needs the
    demo accounts of `kansrijk demo`; raises DemoAccountsMissingError otherwise, and DemoDataError when a
    data file has a mistake. All or nothing. `seed` overrides generator.yaml's seed."""
    if Family.objects.filter(is_demo=True).exists():
        return DossierDemoReport(skipped=True)
    vocab = vocabulary()
    rng = random.Random(vocab.seed if seed is None else seed)  # noqa: S311  (reproducible demo data, not a secret)
    today = clock.local_date()
    specs = brief_families(today)
    stadsdelen = {s.code: s for s in Stadsdeel.objects.all()}
    staff = load_staff(stadsdelen, tuple(staff_data().local_organisations))
    places, phones = Places(rng, vocab), Phones()
    loaded = Loaded()
    brief: dict[str, Family] = {}
    late_first: list[tuple[Family, str, int]] = []
    for spec in specs:
        family = load_brief_family(spec, staff=staff, places=places, phones=phones)
        brief[spec.name] = family
        if spec.may_run_late:
            loaded.overdue_candidates.append((family, spec.assessment.conversation_on))
        if spec.late_task is not None:
            late_first.append((family, spec.late_task.step_code, spec.late_task.days_late))
    generator = Generator(
        vocabulary=vocab, rng=rng, staff=staff, places=places, phones=phones, today=today, taken_names=BRIEF_NAMES
    )
    for plan in draw_plans(vocab, rng, generated):
        generator.family(plan, loaded)
    _make_some_overdue(rng, loaded, staff, today, late_first)
    referrals = _referrals(rng, staff, brief)
    # The daily regie job would flag the Extra steun families without a regiehouder tomorrow; flag them now
    # so the demo is consistent from the start.
    regie_gaps_flag()
    return replace(_report(staff, generated, today), referrals=referrals)
