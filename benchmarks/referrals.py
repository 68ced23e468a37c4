"""`make bench`, closed-loop referrals: 1,000,000 referrals of history on PostgreSQL.

- The receiving side's inbox (GET /verwijzingen/inbox/) of a professional at an organisation with about
  5,000 referrals in its history, about 120 of them open; and a family's loop status
  (GET /gezinnen/<pk>/verwijzingen/, a care-team member, a family with 12 referrals), each audited as in
  production, against a trivial signed-in page (GET /) measured in the same run: p50, p95. The same
  through the API (/api/v1/...) where those endpoints exist.

The history: 100,000 families with about 10 referrals each over the last three years, to 200 receiving
organisations (their Kaart services, or one of their professionals by name). Most ended (afgerond,
afgewezen, gestopt), about 3% are open. Each referral has the events of its path through the state
machine (3 to 7; a warm handover adds two), its timestamps in that order, the consent it was sent with
(revoked where the parents withdrew), its handover, and the notices each step sent. The rows are
inserted with INSERT ... SELECT over generate_series (generating them through the services would take
days); every page measured still goes through the real views, permissions and audit trail.

Run by `make bench` inside a throw-away PostgreSQL cluster (scripts/with_postgres.sh); the seed is
PostgreSQL SQL, so without PostgreSQL it says so and skips. `--referrals 20000` (or
REFERRALS_BENCH=20000) makes a smaller run; `--keep` leaves the database up (for EXPLAIN) until Enter.
"""

# ruff: noqa: S608  (the seed's SQL is built here from constants and row ids; nothing comes from outside)

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansrijk.config.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django

django.setup()

from django.db import connection, models  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import Resolver404, get_resolver, resolve  # noqa: E402

from measure import percentile, timed  # type: ignore[import-not-found]  # noqa: E402  (benchmarks/measure.py)

REQUESTS = 200
TARGET_MS = 150
RECEIVERS_PER_ORGANISATION = 5
FAMILY_REFERRALS = 12  # the measured family

# The paths through the state machine, with their share of the history. Ended: about 97%.
# Statuses: c concept, w wacht_op_toestemming, s verstuurd, a geaccepteerd, d afgewezen,
# p overdracht_gepland, o overdracht_gedaan, h hulp_gestart, x afgerond, z gestopt.
PATHS: list[tuple[str, float]] = [
    ("csapohx", 0.300),  # warm handover, help, completed (7 events with the concept)
    ("csahx", 0.220),  # no joint moment needed (handover_preference geen), help, completed
    ("csd", 0.180),  # declined
    ("cwsd", 0.040),  # the parents took time to consent; declined
    ("csz", 0.080),  # stopped before an answer (parents withdrew, helped elsewhere)
    ("csaz", 0.075),  # accepted, no contact, stopped
    ("csahz", 0.076),  # help started, then stopped
    # open (about 3%; 2.4% in the receiving side's inbox)
    ("c", 0.003),
    ("cw", 0.002),
    ("cs", 0.008),
    ("csa", 0.004),
    ("csap", 0.004),
    ("csapoh", 0.008),
]
# The measured family's twelve referrals: nine ended, three open.
FAMILY_PATHS = ["csapohx", "csahx", "csd", "cwsd", "csahz", "csapohx", "csz", "csahx", "csd", "csapoh", "cs", "csap"]
STATUS = {
    "c": "concept",
    "w": "wacht_op_toestemming",
    "s": "verstuurd",
    "a": "geaccepteerd",
    "d": "afgewezen",
    "p": "overdracht_gepland",
    "o": "overdracht_gedaan",
    "h": "hulp_gestart",
    "x": "afgerond",
    "z": "gestopt",
}
RECEIVER_STEPS = "adohx"  # taken by the receiving side; a stop too once accepted
REASONS = [
    "Wij hebben schulden en zijn bang voor de rekeningen",
    "Ik slaap slecht sinds de bevalling en pieker veel",
    "We zoeken hulp bij de opvoeding van onze oudste",
    "Onze woning is te klein en vochtig",
    "Ik wil graag Nederlands leren en andere moeders ontmoeten",
    "Borstvoeding lukt niet goed",
]


def sql_list(values: list[str]) -> str:
    return "ARRAY[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def insert_select(model: type[models.Model], columns: dict[str, str], source: str) -> int:
    """INSERT INTO model's table (...) SELECT <columns> FROM <source>: every concrete field not named in
    `columns` gets its model default (so a field added later with a default does not break the seed).
    The expressions and `source` are SQL written here, without parameters."""
    names, exprs, defaults = [], [], []
    for f in model._meta.concrete_fields:
        if f.attname in columns:
            expr = columns[f.attname]
        elif f.primary_key and isinstance(f, models.AutoField):
            continue
        elif f.has_default() or not f.null:
            value = f.get_default()
            if value is None:
                raise ValueError(f"{model.__name__}.{f.name}: no value and no default; add it to the seed")
            expr = "%s"
            defaults.append(f.get_db_prep_save(value, connection))
        else:
            expr = "NULL"
        names.append(connection.ops.quote_name(f.column))
        exprs.append(expr)
    unknown = set(columns) - {f.attname for f in model._meta.concrete_fields}
    assert not unknown, f"{model.__name__}: no such columns {unknown}"
    # With parameters, a literal % (LIKE patterns) is written %%; the defaults' placeholders stay %s.
    escaped = [e if e == "%s" else e.replace("%", "%%") for e in exprs]
    sql = (
        f"INSERT INTO {model._meta.db_table} ({', '.join(names)}) "
        f"SELECT {', '.join(escaped)} FROM {source.replace('%', '%%')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, defaults)
        return int(cursor.rowcount)


def execute(sql: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql)


def scalar(sql: str) -> Any:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
        return row[0] if row else None


def seed(referrals: int) -> dict[str, Any]:
    """Insert the history. Returns the people and the family to measure with, and the row counts."""
    from django.contrib.auth.hashers import make_password

    from kansrijk.accounts.models import Membership, Organisation, OrganisationKind, RoleGrant, User
    from kansrijk.accounts.roles import Role
    from kansrijk.accounts.tests.factories import OrganisationFactory, UserFactory
    from kansrijk.accounts.tests.login import PASSWORD
    from kansrijk.consent.models import Consent
    from kansrijk.core import clock
    from kansrijk.families.models import Caregiver, CareTeamMember, Family
    from kansrijk.geo.models import Gebied
    from kansrijk.kaart.models import KaartOrganization, Service
    from kansrijk.notify.models import Notice
    from kansrijk.referrals.models import Handover, Referral, ReferralEvent

    families = max(referrals // 10, 100)
    organisations = min(max(referrals // 5000, 4), 200)
    referrers = max(families // 100, 10)  # each in the care team of about 100 families
    started = time.perf_counter()
    now = clock.now()
    now_sql = f"'{now.isoformat()}'::timestamptz"
    execute("SELECT setseed(0.2026)")

    # People and organisations (few rows: the ORM). The two people measured sign in for real.
    home = OrganisationFactory.create(name="Verloskundigenpraktijk Benchmark (verzonnen)")
    member = UserFactory.create(
        roles=[Role.PROFESSIONAL], with_totp=True, organisation=home, full_name="Verloskundige Benchmark"
    )
    receiving = Organisation.objects.bulk_create(
        Organisation(name=f"Ontvanger {n} (verzonnen)", kind=OrganisationKind.SOCIAAL, is_demo=True)
        for n in range(organisations)
    )
    receiver = UserFactory.create(
        roles=[Role.PROFESSIONAL], with_totp=True, organisation=receiving[0], full_name="Intake Benchmark"
    )
    password = make_password(PASSWORD)
    others = User.objects.bulk_create(
        [
            User(email=f"verwijzer{n}@bench.kansrijk.test", full_name=f"Verwijzer {n}", password=password, is_demo=True)
            for n in range(1, referrers)
        ]
        + [
            User(email=f"ontvanger{o}-{k}@bench.kansrijk.test", full_name=f"Ontvanger {o}-{k}", is_demo=True)
            for o in range(organisations)
            for k in range(RECEIVERS_PER_ORGANISATION)
            if (o, k) != (0, 0)
        ]
    )
    referrer_users = [member, *others[: referrers - 1]]
    receivers = iter(others[referrers - 1 :])
    receiver_rows = []  # (organisation n, k, user)
    for o in range(organisations):
        for k in range(RECEIVERS_PER_ORGANISATION):
            receiver_rows.append((o, k, receiver if (o, k) == (0, 0) else next(receivers)))
    Membership.objects.bulk_create(
        [Membership(user=u, organisation=home) for u in referrer_users[1:]]
        + [Membership(user=u, organisation=receiving[o]) for o, _k, u in receiver_rows if u != receiver]
    )
    RoleGrant.objects.bulk_create(
        RoleGrant(user=u, role=Role.PROFESSIONAL.value)
        for u in [*referrer_users[1:], *(u for _o, _k, u in receiver_rows if u != receiver)]
    )
    kaart = KaartOrganization.objects.bulk_create(
        KaartOrganization(name=f"Ontvanger {n} (verzonnen)", managed_by=o, is_demo=True)
        for n, o in enumerate(receiving)
    )
    services = Service.objects.bulk_create(
        Service(
            organization=k,
            name=f"{name} {n}",
            description="Hulp voor ouders (verzonnen).",
            whole_city=True,
            is_demo=True,
        )
        for n, k in enumerate(kaart)
        for name in ("Hulp bij geldzorgen", "Opvoedondersteuning")
    )

    # Lookup tables: position -> id, so the generated rows can point at real rows.
    execute("CREATE TEMP TABLE b_referrer (n int PRIMARY KEY, user_id bigint, label text)")
    execute(
        "INSERT INTO b_referrer VALUES "
        + ", ".join(f"({n}, {u.pk}, '{u.full_name}')" for n, u in enumerate(referrer_users))
    )
    execute("CREATE TEMP TABLE b_receiver (o int, k int, user_id bigint, label text, PRIMARY KEY (o, k))")
    execute(
        "INSERT INTO b_receiver VALUES "
        + ", ".join(f"({o}, {k}, {u.pk}, '{u.full_name}')" for o, k, u in receiver_rows)
    )
    execute(
        "CREATE TEMP TABLE b_org (o int PRIMARY KEY, org_id bigint, label text, s0 uuid, s1 uuid, l0 text, l1 text)"
    )
    execute(
        "INSERT INTO b_org VALUES "
        + ", ".join(
            f"({n}, {org.pk}, '{org.name}', '{services[2 * n].pk}', '{services[2 * n + 1].pk}', "
            f"'{services[2 * n].name} ({org.name})', '{services[2 * n + 1].name} ({org.name})')"
            for n, org in enumerate(receiving)
        )
    )
    gebieden = list(Gebied.objects.order_by("pk").values_list("pk", "stadsdeel_id"))
    execute("CREATE TEMP TABLE b_gebied (n int PRIMARY KEY, id bigint, stadsdeel_id bigint)")
    execute("INSERT INTO b_gebied VALUES " + ", ".join(f"({n}, {g}, {s})" for n, (g, s) in enumerate(gebieden)))

    # Families (opened 300 to 1,100 days ago), a parent each, the referrer in the care team.
    insert_select(
        Family,
        {
            "name": "'Gezin ' || g || ' (verzonnen)'",
            "postcode": "'1102 AB'",
            "stadsdeel_id": "bg.stadsdeel_id",
            "gebied_id": "bg.id",
            "opened_by_id": "br.user_id",
            "opened_at": f"{now_sql} - interval '1 day' * (300 + 800 * random())",
            "is_demo": "true",
        },
        f"generate_series(0, {families - 1}) g JOIN b_referrer br ON br.n = mod(g, {referrers}) "
        f"JOIN b_gebied bg ON bg.n = mod(g, {len(gebieden)}) ORDER BY g",
    )
    execute(
        "CREATE TEMP TABLE b_family AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, opened_at, "
        f"opened_by_id AS referrer_id FROM {Family._meta.db_table}"
    )
    execute("ALTER TABLE b_family ADD PRIMARY KEY (n)")
    insert_select(
        Caregiver,
        {"family_id": "id", "given_name": "'Ouder'", "role": "'moeder'", "languages": """'["nl"]'::jsonb"""},
        "b_family ORDER BY n",
    )
    insert_select(
        CareTeamMember,
        {
            "family_id": "id",
            "user_id": "referrer_id",
            "discipline": "'verloskundige'",
            "reason": "'opened_file'",
            "added_by_id": "referrer_id",
            "added_at": "opened_at",
        },
        "b_family ORDER BY n",
    )
    execute(
        "CREATE TEMP TABLE b_caregiver AS SELECT family_id, min(id) AS id "
        f"FROM {Caregiver._meta.db_table} GROUP BY family_id"
    )
    execute("ALTER TABLE b_caregiver ADD PRIMARY KEY (family_id)")

    # The measured family: the first one the measured care-team member opened (it gets none of the others).
    chosen = int(scalar(f"SELECT min(n) FROM b_family WHERE referrer_id = {member.pk}"))

    # The referrals: a path each, the steps' timestamps in order, ended ones before now.
    cumulative, weights = 0.0, []
    for path, share in PATHS:
        cumulative += share
        weights.append(f"WHEN r_path < {cumulative:.4f} THEN '{path}'")
    fixed = " ".join(f"WHEN g = {i + 1} THEN '{p}'" for i, p in enumerate(FAMILY_PATHS))
    reasons = sql_list(REASONS)
    execute(
        f"""
        CREATE TEMP TABLE b_ref AS
        WITH pick AS (
            SELECT g, random() AS r_path, random() AS r_family, random() AS r_org, random() AS r_named,
                   random() AS r_k, random() AS r_place,
                   interval '1 day' * (1 + 6 * random()) AS gap_w,
                   interval '1 hour' * (1 + 47 * random()) AS gap_s,
                   interval '1 hour' * (2 + 238 * random()) AS gap_a,
                   interval '1 hour' * (1 + 71 * random()) AS gap_p,
                   interval '1 day' * (2 + 12 * random()) AS gap_o,
                   interval '1 day' * (7 * random()) AS gap_h_after_o,
                   interval '1 day' * (2 + 18 * random()) AS gap_h_after_a,
                   interval '1 day' * (30 + 170 * random()) AS gap_x,
                   interval '1 day' * (5 + 25 * random()) AS gap_z,
                   random() AS r_misc
            FROM generate_series(1, {referrals}) g
        ), pathed AS (
            SELECT *, CASE {fixed} ELSE CASE {" ".join(weights)} ELSE 'csd' END END AS path,
                   CASE WHEN g <= {FAMILY_REFERRALS} THEN {chosen}
                        ELSE mod({chosen} + 1 + floor(r_family * {families - 1})::int, {families}) END AS family_n,
                   CASE WHEN g <= {FAMILY_REFERRALS} THEN mod(g, {organisations})
                        ELSE floor(r_org * {organisations})::int END AS org_n,
                   floor(r_k * {RECEIVERS_PER_ORGANISATION})::int AS k
            FROM pick
        ), offsets AS (
            SELECT *,
                   CASE WHEN path LIKE '%w%' THEN gap_w END AS d_w,
                   CASE WHEN path LIKE '%s%' THEN (CASE WHEN path LIKE '%w%' THEN gap_w ELSE interval '0' END) + gap_s
                   END AS d_s
            FROM pathed
        ), offsets2 AS (
            SELECT *, CASE WHEN path ~ '[ad]' THEN d_s + gap_a END AS d_a FROM offsets
        ), offsets3 AS (
            SELECT *, CASE WHEN path LIKE '%p%' THEN d_a + gap_p END AS d_p,
                      CASE WHEN path LIKE '%o%' THEN d_a + gap_p + gap_o END AS d_o,
                      CASE WHEN path LIKE '%o%h%' THEN d_a + gap_p + gap_o + gap_h_after_o
                           WHEN path LIKE '%h%' THEN d_a + gap_h_after_a END AS d_h
            FROM offsets2
        ), offsets4 AS (
            SELECT *,
                   CASE WHEN path LIKE '%x' THEN d_h + gap_x
                        WHEN path LIKE '%z' THEN coalesce(d_h + gap_x * 0.5, d_a + gap_z, d_s + gap_z)
                        WHEN path LIKE '%d' THEN d_a END AS d_end,
                   path ~ '[xzd]$' AS ended
            FROM offsets3
        )
        SELECT o.*, f.id AS family_id, f.referrer_id, br.label AS referrer_label, cg.id AS caregiver_id,
               org.org_id, rc.user_id AS receiver_id, rc.label AS receiver_label,
               r_named < 0.2 AS named,
               CASE WHEN r_named < 0.2 THEN NULL WHEN mod(o.g, 2) = 0 THEN org.s0 ELSE org.s1 END AS service_id,
               CASE WHEN r_named < 0.2 THEN rc.label || ', ' || org.label
                    WHEN mod(o.g, 2) = 0 THEN org.l0 ELSE org.l1 END AS recipient_label,
               CASE WHEN ended
                    THEN f.opened_at + random() * greatest({now_sql} - f.opened_at - d_end, interval '0')
                    ELSE {now_sql} - coalesce(d_h, d_p, d_a, d_s, d_w, interval '0')
                         - interval '1 day' * (14 * random())
               END AS created_at,
               ({reasons})[1 + mod(o.g, {len(REASONS)})] AS reason
        FROM offsets4 o
        JOIN b_family f ON f.n = o.family_n
        JOIN b_referrer br ON br.user_id = f.referrer_id
        JOIN b_caregiver cg ON cg.family_id = f.id
        JOIN b_org org ON org.o = o.org_n
        JOIN b_receiver rc ON rc.o = o.org_n AND rc.k = o.k
        """
    )
    execute("ALTER TABLE b_ref ADD PRIMARY KEY (g)")
    base = int(scalar(f"SELECT coalesce(max(id), 0) FROM {Referral._meta.db_table}"))
    execute("ALTER TABLE b_ref ADD COLUMN id bigint")
    execute(f"UPDATE b_ref SET id = g + {base}")

    # The consent each sent referral went out with (recorded just before sending); revoked when the
    # parents withdrew. Same ids as the referrals (one each).
    base_consent = int(scalar(f"SELECT coalesce(max(id), 0) FROM {Consent._meta.db_table}"))
    categories = [
        """'["contact", "hulpvraag"]'::jsonb""",
        """'["contact", "gezin", "hulpvraag"]'::jsonb""",
        """'["contact", "gezin", "hulpvraag", "plan", "onderwerpen"]'::jsonb""",
    ]
    insert_select(
        Consent,
        {
            "id": f"g + {base_consent}",
            "family_id": "family_id",
            "given_by_id": "caregiver_id",
            "categories": f"CASE mod(g, 3) WHEN 0 THEN {categories[0]} WHEN 1 THEN {categories[1]} "
            f"ELSE {categories[2]} END",
            "service_id": "service_id",
            "organisation_id": "org_id",
            "recipient_label": "recipient_label",
            "purpose": "'Verwijzing: ' || reason",
            "method": "CASE WHEN r_misc < 0.8 THEN 'mondeling' ELSE 'schriftelijk' END",
            "recorded_by_id": "referrer_id",
            "recorded_at": "created_at + d_s * 0.9",
            "valid_until": "(created_at + d_s + interval '365 days')::date",
            "revoked_at": "CASE WHEN path = 'csz' AND r_misc < 0.5 THEN created_at + d_end END",
            "revoked_by_id": "CASE WHEN path = 'csz' AND r_misc < 0.5 THEN referrer_id END",
        },
        "b_ref WHERE d_s IS NOT NULL ORDER BY g",
    )
    at = {
        "c": "created_at",
        "w": "created_at + d_w",
        "s": "created_at + d_s",
        "a": "created_at + d_a",
        "d": "created_at + d_a",
        "p": "created_at + d_p",
        "o": "created_at + d_o",
        "h": "created_at + d_h",
        "x": "created_at + d_end",
        "z": "created_at + d_end",
    }
    decline_reasons = sql_list(["geen_capaciteit", "past_niet", "geen_contact", "elders_geholpen"])
    stop_reasons = sql_list(["geen_contact", "ouder_wil_niet", "elders_geholpen"])

    def closing_reason(r: str = "") -> str:
        """The reason of a decline or stop, from the list (`r`: the table alias)."""
        return (
            f"CASE WHEN {r}path LIKE '%d' THEN ({decline_reasons})[1 + mod({r}g, 4)] "
            f"WHEN {r}path = 'csz' AND {r}r_misc < 0.5 THEN 'ouder_wil_niet' "
            f"WHEN {r}path LIKE '%z' THEN ({stop_reasons})[1 + mod({r}g, 3)] ELSE '' END"
        )

    insert_select(
        Referral,
        {
            "id": "id",
            "family_id": "family_id",
            "referrer_id": "referrer_id",
            "service_id": "service_id",
            "professional_id": "CASE WHEN named THEN receiver_id END",
            "receiving_organisation_id": "org_id",
            "recipient_label": "recipient_label",
            "reason": "reason",
            "urgency": "CASE WHEN r_misc < 0.1 THEN 'spoed' ELSE 'normaal' END",
            "handover_preference": "CASE WHEN path LIKE '%p%' THEN (ARRAY['fysiek', 'video', 'hybride'])"
            "[1 + mod(g, 3)] WHEN path LIKE '%ah%' THEN 'geen' "
            "ELSE (ARRAY['fysiek', 'video', 'hybride', 'geen'])[1 + mod(g, 4)] END",
            "consent_id": f"CASE WHEN d_s IS NOT NULL THEN g + {base_consent} END",
            "status": "CASE " + " ".join(f"WHEN right(path, 1) = '{c}' THEN '{s}'" for c, s in STATUS.items()) + " END",
            "created_at": "created_at",
            "sent_at": f"{at['s']}",
            "received_at": "CASE WHEN d_a IS NOT NULL THEN created_at + d_s + (d_a - d_s) * r_place * 0.5 "
            f"WHEN d_s IS NOT NULL AND r_misc < 0.5 THEN least(created_at + d_s + interval '1 hour', {now_sql}) END",
            "answered_at": f"{at['a']}",
            "first_contact_at": "created_at + coalesce(d_o, d_h)",
            "help_started_at": f"{at['h']}",
            "closed_at": "created_at + d_end",
            "answered_by_id": "CASE WHEN d_a IS NOT NULL THEN receiver_id END",
            "closing_reason": closing_reason(),
            "is_demo": "true",
        },
        "b_ref ORDER BY g",
    )
    execute(
        f"SELECT setval(pg_get_serial_sequence('{Referral._meta.db_table}', 'id'), "
        f"(SELECT max(id) FROM {Referral._meta.db_table}))"
    )
    execute(
        f"SELECT setval(pg_get_serial_sequence('{Consent._meta.db_table}', 'id'), "
        f"(SELECT max(id) FROM {Consent._meta.db_table}))"
    )

    # The steps: one event per status on the path (the first from ''), by the side that takes it.
    steps = sorted({(path, i, c) for path, _share in PATHS for i, c in enumerate(path)})
    execute("CREATE TEMP TABLE b_step (path text, i int, c char(1), PRIMARY KEY (path, i))")
    execute("INSERT INTO b_step VALUES " + ", ".join(f"('{p}', {i}, '{c}')" for p, i, c in steps))
    by_receiver = f"(st.c IN ({', '.join(repr(c) for c in RECEIVER_STEPS)}) OR (st.c = 'z' AND r.d_a IS NOT NULL))"
    event_at = "CASE st.c " + " ".join(f"WHEN '{c}' THEN r.{expr}" for c, expr in at.items()) + " END"
    insert_select(
        ReferralEvent,
        {
            "referral_id": "r.id",
            "from_status": "CASE WHEN st.i = 0 THEN '' ELSE CASE substr(r.path, st.i, 1) "
            + " ".join(f"WHEN '{c}' THEN '{s}'" for c, s in STATUS.items())
            + " END END",
            "to_status": "CASE st.c " + " ".join(f"WHEN '{c}' THEN '{s}'" for c, s in STATUS.items()) + " END",
            "at": event_at,
            "by_id": f"CASE WHEN {by_receiver} THEN r.receiver_id ELSE r.referrer_id END",
            "by_label": f"CASE WHEN {by_receiver} THEN r.receiver_label ELSE r.referrer_label END",
            "reason": f"CASE WHEN st.c IN ('d', 'z') THEN {closing_reason('r.')} ELSE '' END",
        },
        "b_ref r JOIN b_step st ON st.path = r.path ORDER BY r.g, st.i",
    )
    # The warm handover of every referral that planned one.
    insert_select(
        Handover,
        {
            "referral_id": "id",
            "mode": "(ARRAY['fysiek', 'video', 'hybride'])[1 + mod(g, 3)]",
            "planned_at": "created_at + coalesce(d_o, d_p + interval '5 days')",
            "place": "'Buurtteam, Osdorpplein 1'",
            "home_visit": "r_place < 0.3",
            "participants": "'De ouders, ' || referrer_label || ', ' || receiver_label",
            "interpreter": "r_place > 0.85",
            "cultuurbemiddelaar": "r_place > 0.92",
            "summary": "'Samenvatting voor de overdracht: ' || reason",
            "planned_by_id": "receiver_id",
            "done_at": "created_at + d_o",
            "done_mode": "CASE WHEN d_o IS NOT NULL THEN (ARRAY['fysiek', 'video', 'hybride'])[1 + mod(g, 3)] "
            "ELSE '' END",
            "parents_present": "true",
        },
        "b_ref WHERE d_p IS NOT NULL ORDER BY g",
    )
    # The notices the steps sent: the receiving side hears of a new referral, the referrer of each
    # answer and step. Emailed at once; read a day later (not yet, for the last day).
    insert_select(
        Notice,
        {
            "user_id": f"CASE WHEN {by_receiver} THEN r.referrer_id ELSE r.receiver_id END",
            "kind": "CASE WHEN st.c = 's' THEN 'referrals.nieuw' ELSE 'referrals.status' END",
            "subject": "'Een verwijzing die je volgt heeft een nieuwe stap.'",
            "headline": "CASE st.c " + " ".join(f"WHEN '{c}' THEN '{s}'" for c, s in STATUS.items()) + " END",
            "link": "'/verwijzingen/' || r.id || '/'",
            "family_id": "r.family_id",
            "object_type": "'referrals.referral'",
            "object_id": "r.id::text",
            "created_at": event_at,
            "sent_at": event_at,
            "read_at": f"CASE WHEN {event_at} < {now_sql} - interval '1 day' THEN {event_at} + interval '1 day' END",
        },
        "b_ref r JOIN b_step st ON st.path = r.path WHERE st.c NOT IN ('c', 'w') ORDER BY r.g, st.i",
    )
    # As autovacuum would have long done on a live system (and so that it does not run, on millions of
    # fresh rows, during the measurement): visibility map and statistics.
    execute("VACUUM (ANALYZE)")
    seconds = time.perf_counter() - started
    counts = {
        name: int(scalar(f"SELECT count(*) FROM {model._meta.db_table}"))
        for name, model in (
            ("families", Family),
            ("referrals", Referral),
            ("referral events", ReferralEvent),
            ("consents", Consent),
            ("handovers", Handover),
            ("notices", Notice),
        )
    }
    family = Family.objects.get(pk=scalar(f"SELECT id FROM b_family WHERE n = {chosen}"))
    return {"member": member, "receiver": receiver, "family": family, "seconds": seconds, "counts": counts}


def signed_in(user: Any) -> Client:
    from kansrijk.accounts.tests.login import login_verified

    client = Client()
    login_verified(client, user)
    return client


def resolves(path: str) -> bool:
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {connection.vendor}"


def pages(people: dict[str, Any]) -> None:
    from kansrijk.referrals.models import OPEN, Referral
    from kansrijk.referrals.selectors import inbox

    family = people["family"]
    receiver, member = signed_in(people["receiver"]), signed_in(people["member"])
    waiting = len(inbox(user=people["receiver"], limit=100_000))
    history = Referral.objects.filter(receiving_organisation__members=people["receiver"]).count()
    loop = family.referrals.count()
    loop_open = family.referrals.filter(status__in=OPEN).count()
    candidates = [
        (f"GET /verwijzingen/inbox/ ({waiting} open)", receiver, "/verwijzingen/inbox/"),
        (f"GET /gezinnen/<pk>/verwijzingen/ ({loop})", member, f"/gezinnen/{family.pk}/verwijzingen/"),
        ("API GET /api/v1/verwijzingen/inbox/", receiver, "/api/v1/verwijzingen/inbox/"),
        (
            f"API GET /api/v1/gezinnen/<pk>/verwijzingen/ ({loop})",
            member,
            f"/api/v1/gezinnen/{family.pk}/verwijzingen/",
        ),
    ]
    measured = []
    for name, client, path in candidates:
        if not resolves(path):
            print(f"(skipped: {name.split(' (')[0]} does not resolve yet)")
            continue
        measured.append((name, client, path))
    print(
        f"inbox: {waiting} open referrals for the receiving professional, {history:,} in the organisation's "
        f"history; family {family.pk}: {loop} referrals ({loop_open} open)"
    )
    for _name, client, path in [*measured, ("", receiver, "/")]:
        for _ in range(10):  # warm up
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
    queries = {}
    for name, client, path in measured:
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        queries[name] = len(captured.captured_queries)
    print(f"{'page':<48} {'p50':>9} {'p95':>9} {'base p95':>9} {'ratio':>6} {'queries':>8}   target p95")
    baseline = timed(lambda: receiver.get("/"), REQUESTS)
    base95 = percentile(baseline, 95) * 1000
    for name, client, path in measured:
        samples = timed(partial(client.get, path), REQUESTS)
        p95 = percentile(samples, 95) * 1000
        verdict = "meets" if p95 <= TARGET_MS else "MISSES"
        print(
            f"{name:<48} {statistics.median(samples) * 1000:7.1f}ms {p95:7.1f}ms {base95:7.1f}ms "
            f"{p95 / base95:5.1f}x {queries[name]:8d}   <= {TARGET_MS} ms: {verdict}"
        )
    print(
        f"{'GET / (trivial signed-in page, baseline)':<48} {statistics.median(baseline) * 1000:7.1f}ms {base95:7.1f}ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--referrals", type=int, default=int(os.environ.get("REFERRALS_BENCH", "1000000")), help="history size"
    )
    parser.add_argument("--keep", action="store_true", help="seed, print, then wait (for EXPLAIN) before cleaning up")
    args = parser.parse_args()
    setup_test_environment()
    get_resolver().url_patterns  # noqa: B018  (import every view now: a long run must not see later edits)
    if connection.vendor != "postgresql":
        print("referrals: skipped, the seed needs PostgreSQL (run inside scripts/with_postgres.sh)")
        return
    print(f"referrals on {connection.vendor}")
    print(f"machine: {machine()}")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        people = seed(args.referrals)
        print(
            f"seeded {people['counts']['referrals']:,} referrals in {people['seconds']:.0f} s: "
            + ", ".join(f"{n:,} {name}" for name, n in people["counts"].items())
        )
        pages(people)
        if args.keep:
            print(
                f"database {connection.settings_dict['NAME']} kept; press Enter (or close stdin) to drop it", flush=True
            )
            sys.stdin.readline()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
