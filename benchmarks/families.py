"""`make bench`, the family file: 100,000 families with 1,000,000 events, on PostgreSQL.

- "Mijn taken" (GET /taken/) of a professional, and a regiehouder's dashboard (GET /regie/), each
  audited as in production, against a trivial signed-in page (GET /) measured in the same run: p50, p95.
- Triage of 100,000 assessments: reading their observations and proposing a level for each, against
  only reading the same rows.

Events are the rows a family's history is made of: assessments, the factors discussed in them, pathway
tasks, care team memberships and regie. They are bulk-inserted (generating them through the services
would take hours); every page measured still goes through the real views, permissions and audit trail.

Run by `make bench` inside a throw-away PostgreSQL cluster (scripts/with_postgres.sh); without
PostgreSQL it runs on SQLite and says so. FAMILIES_BENCH=10000 makes a smaller run.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansrijk.config.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import get_resolver  # noqa: E402

from measure import percentile, timed  # type: ignore[import-not-found]  # noqa: E402  (benchmarks/measure.py)

FAMILIES = int(os.environ.get("FAMILIES_BENCH", "100000"))
PROFESSIONALS = max(FAMILIES // 100, 10)  # each in the care team of about 100 families
REGIEHOUDERS = max(FAMILIES // 400, 5)  # each holding regie for about 25 families (capacity 30)
OBSERVATIONS_PER_ASSESSMENT = 5
TASKS_PER_FAMILY = 3
BATCH = 5000
REQUESTS = 200
TARGET_MS = 150
TRIAGE_TARGET_S = 10


def chunks(items: list[Any], size: int = BATCH) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def seed() -> dict[str, Any]:
    """Bulk-insert the families and their events. Returns the people to measure with."""
    from kansrijk.accounts.roles import Role
    from kansrijk.accounts.tests.factories import OrganisationFactory, UserFactory
    from kansrijk.core import clock
    from kansrijk.families.models import Caregiver, CareTeamMember, CareTeamReason, Child, Family
    from kansrijk.geo.models import Gebied
    from kansrijk.pathways.models import PathwayVersion, Task
    from kansrijk.regie.models import RegieAssignment, RegiehouderProfile
    from kansrijk.signalling.catalogue import catalogue
    from kansrijk.signalling.models import Assessment, Observation
    from kansrijk.signalling.triage import Facts, evaluate

    rng = random.Random(20261123)
    started = time.perf_counter()
    organisation = OrganisationFactory.create(name="Benchmark (verzonnen)")
    professionals = [
        UserFactory.create(roles=[Role.PROFESSIONAL], with_totp=True, organisation=organisation)
        for _ in range(PROFESSIONALS)
    ]
    regiehouders = [
        UserFactory.create(roles=[Role.REGIEHOUDER], with_totp=True, organisation=organisation)
        for _ in range(REGIEHOUDERS)
    ]
    RegiehouderProfile.objects.bulk_create(
        RegiehouderProfile(user=u, discipline="buurtteam", capacity=30, languages=["nl"]) for u in regiehouders
    )
    gebieden = list(Gebied.objects.select_related("stadsdeel"))
    now = clock.now()
    today = clock.local_date(now)
    version = PathwayVersion.objects.get(number=1)
    steps = list(version.steps.all())
    known = catalogue()
    factors = [(f.code, f.kind) for f in (*known.risk, *known.protective)]

    families = []
    for i in range(FAMILIES):
        gebied = gebieden[i % len(gebieden)]
        families.append(
            Family(
                name=f"Gezin {i} (verzonnen)",
                postcode="1102 AB",
                stadsdeel=gebied.stadsdeel,
                gebied=gebied,
                opened_by=professionals[i % PROFESSIONALS],
                opened_at=now - timedelta(days=rng.randint(0, 900)),
                is_demo=True,
            )
        )
    for batch in chunks(families):
        Family.objects.bulk_create(batch)
    families = list(Family.objects.order_by("pk"))
    events = 0

    caregivers = [Caregiver(family=f, given_name="Ouder", role="moeder", languages=["nl"]) for f in families]
    for batch in chunks(caregivers):
        Caregiver.objects.bulk_create(batch)
    children = [
        Child(family=f, given_name="Kind", birth_date=today - timedelta(days=rng.randint(0, 700)))
        for f in families
        if rng.random() < 0.6
    ]
    for batch in chunks(children):
        Child.objects.bulk_create(batch)

    team = [
        CareTeamMember(
            family=f,
            user=professionals[i % PROFESSIONALS],
            discipline="verloskundige",
            reason=CareTeamReason.OPENED_FILE,
            added_by=professionals[i % PROFESSIONALS],
            added_at=f.opened_at,
        )
        for i, f in enumerate(families)
    ]
    regie = []
    for i, f in enumerate(families[: REGIEHOUDERS * 25]):
        holder = regiehouders[i % REGIEHOUDERS]
        team.append(
            CareTeamMember(
                family=f,
                user=holder,
                discipline="buurtteam",
                is_regiehouder=True,
                reason=CareTeamReason.REGIEHOUDER,
                added_by=professionals[i % PROFESSIONALS],
                added_at=now,
            )
        )
        regie.append(RegieAssignment(family=f, regiehouder=holder, started_at=now, started_by=holder))
    for batch in chunks(team):
        CareTeamMember.objects.bulk_create(batch)
    for batch in chunks(regie):
        RegieAssignment.objects.bulk_create(batch)
    events += len(team) + len(regie)

    assessments = []
    chosen: list[list[tuple[str, str, bool]]] = []
    for i, f in enumerate(families):
        picked = [(code, kind, rng.random() < 0.5) for code, kind in rng.sample(factors, OBSERVATIONS_PER_ASSESSMENT)]
        chosen.append(picked)
        facts = Facts(
            risk=sum(1 for _c, k, p in picked if k == "risk" and p),
            strengths=sum(1 for _c, k, p in picked if k == "protective" and p),
            gaps=sum(1 for _c, k, p in picked if k == "protective" and not p),
        )
        outcome = evaluate(facts)
        assessments.append(
            Assessment(
                family=f,
                made_by=professionals[i % PROFESSIONALS],
                made_at=now,
                conversation_on=today,
                catalogue_version=known.version,
                rules_version=outcome.version,
                risk_count=facts.risk,
                strengths_count=facts.strengths,
                gaps_count=facts.gaps,
                protective_level=outcome.protective,
                proposed_amsterdam=outcome.amsterdam,
                proposed_national=outcome.national,
                rule_ids=list(outcome.rules),
            )
        )
    for batch in chunks(assessments):
        Assessment.objects.bulk_create(batch)
    assessment_ids = list(Assessment.objects.order_by("family_id").values_list("pk", flat=True))
    observations = [
        Observation(assessment_id=aid, factor=code, kind=kind, present=present)
        for aid, picked in zip(assessment_ids, chosen, strict=True)
        for code, kind, present in picked
    ]
    for batch in chunks(observations, 20000):
        Observation.objects.bulk_create(batch)
    events += len(assessments) + len(observations)

    tasks = []
    for i, f in enumerate(families):
        for step in rng.sample(steps, TASKS_PER_FAMILY):
            owner = regiehouders[i % REGIEHOUDERS] if step.role == "regiehouder" and i < REGIEHOUDERS * 25 else None
            tasks.append(
                Task(
                    family=f,
                    version=version,
                    step_code=step.code,
                    title_nl=step.title_nl,
                    title_en=step.title_en,
                    role=step.role,
                    phase="zwangerschap",
                    level="extra_steun",
                    assigned_to=owner or professionals[i % PROFESSIONALS],
                    due_on=today + timedelta(days=rng.randint(-20, 40)),
                    status="open" if rng.random() < 0.4 else "klaar",
                    created_at=now,
                    created_by=professionals[i % PROFESSIONALS],
                )
            )
    for batch in chunks(tasks, 20000):
        Task.objects.bulk_create(batch)
    events += len(tasks)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"seeded {FAMILIES:,} families with {events:,} events in {time.perf_counter() - started:.0f} s")
    return {"professional": professionals[0], "regiehouder": regiehouders[0], "events": events}


def signed_in(user: Any) -> Client:
    from kansrijk.accounts.tests.login import login_verified

    client = Client()
    login_verified(client, user)
    return client


def pages(people: dict[str, Any]) -> None:
    from kansrijk.pathways.selectors import worklist

    worker = signed_in(people["professional"])
    holder = signed_in(people["regiehouder"])
    open_tasks = worklist(user=people["professional"]).count()
    for client, path in ((worker, "/taken/"), (holder, "/regie/"), (worker, "/")):
        for _ in range(10):  # warm up
            assert client.get(path).status_code == 200
    print(f"{'page':<40} {'p50':>9} {'p95':>9}   (target p95 <= {TARGET_MS} ms)")
    baseline = timed(lambda: worker.get("/"), REQUESTS)
    for name, client, path in (
        (f"GET /taken/ ({open_tasks} open tasks)", worker, "/taken/"),
        ("GET /regie/ (dashboard, 25 families)", holder, "/regie/"),
    ):
        samples = timed(partial(client.get, path), REQUESTS)
        p95 = percentile(samples, 95) * 1000
        verdict = "meets" if p95 <= TARGET_MS else "MISSES"
        print(
            f"{name:<40} {statistics.median(samples) * 1000:7.1f}ms {p95:7.1f}ms   "
            f"ratio p95 {p95 / (percentile(baseline, 95) * 1000):4.1f}x  ({verdict})"
        )
    print(
        f"{'GET / (trivial signed-in page, baseline)':<40} {statistics.median(baseline) * 1000:7.1f}ms "
        f"{percentile(baseline, 95) * 1000:7.1f}ms"
    )


def triage() -> None:
    """Propose a level for every assessment from its observations (as a rules change would require)."""
    from kansrijk.signalling.models import Observation
    from kansrijk.signalling.triage import Facts, evaluate, rule_set

    rules = rule_set()
    rows = Observation.objects.order_by("assessment_id").values_list("assessment_id", "kind", "present")

    def read() -> int:
        return sum(1 for _row in rows.iterator(chunk_size=20000))

    def propose() -> int:
        levels = 0
        current, risk, strengths, gaps = None, 0, 0, 0
        for assessment_id, kind, present in rows.iterator(chunk_size=20000):
            if assessment_id != current:
                if current is not None:
                    evaluate(Facts(risk, strengths, gaps), rules)
                    levels += 1
                current, risk, strengths, gaps = assessment_id, 0, 0, 0
            if kind == "risk":
                risk += present
            elif present:
                strengths += 1
            else:
                gaps += 1
        if current is not None:
            evaluate(Facts(risk, strengths, gaps), rules)
            levels += 1
        return levels

    read_s = statistics.median(timed(read, 3))
    started = time.perf_counter()
    count = propose()
    triage_s = time.perf_counter() - started
    verdict = "meets" if triage_s <= TRIAGE_TARGET_S else "MISSES"
    print(
        f"triage of {count:,} assessments: {triage_s:.2f} s (reading the rows alone {read_s:.2f} s, "
        f"ratio {triage_s / read_s:.1f}x; target <= {TRIAGE_TARGET_S} s: {verdict})"
    )


def main() -> None:
    setup_test_environment()
    get_resolver().url_patterns  # noqa: B018  (import every view now: a long run must not see later edits)
    print(
        f"family file on {connection.vendor}" + ("" if connection.vendor == "postgresql" else " (target: PostgreSQL)")
    )
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with transaction.atomic():
            people = seed()
        pages(people)
        triage()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
