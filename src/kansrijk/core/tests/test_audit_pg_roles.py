"""The two PostgreSQL roles of a production setup (scripts/pg_roles.sql): the application's role can read
and append to the audit trail, and nothing more; it cannot lift the append-only guard.

Everything happens inside the test's transaction, the role included (PostgreSQL's CREATE ROLE is
transactional), so nothing outlives the test. Needs a database user that may create roles
(scripts/with_postgres.sh creates one)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import DatabaseError, connection, transaction

from kansrijk.core.audit import Actor, Target, audit_record, audit_verify
from kansrijk.core.models import AuditAction, AuditChainHead, AuditEntry

SCRIPT = Path(__file__).resolve().parents[4] / "scripts" / "pg_roles.sql"

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL roles and grants"),
]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _statements(app_role: str) -> list[str]:
    """scripts/pg_roles.sql as psql would run it with `-v app_role=...`."""
    lines = [line for line in SCRIPT.read_text().splitlines() if line.strip() and not line.startswith("--")]
    sql = "\n".join(lines).replace(':"app_role"', _quote(app_role))
    assert ":" not in re.sub(r"'[^']*'", "", sql), "an unreplaced psql variable"
    return [statement.strip() for statement in sql.split(";") if statement.strip()]


@contextmanager
def acting_as(role: str) -> Iterator[None]:
    with connection.cursor() as cursor:
        cursor.execute(f"SET ROLE {_quote(role)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ROLE")


@pytest.fixture
def app_role(db: None) -> str:
    """A fresh application role with the grants of scripts/pg_roles.sql, which the test's user may act as."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user")
        if not cursor.fetchone()[0]:
            pytest.skip("the database user may not create roles (scripts/with_postgres.sh gives it CREATEROLE)")
        role = f"kansrijk_app_test_{uuid.uuid4().hex[:12]}"
        cursor.execute(f"CREATE ROLE {_quote(role)} NOLOGIN")
        cursor.execute(f"GRANT {_quote(role)} TO current_user")
        for statement in _statements(role):
            cursor.execute(statement)
    return role


def _refused_as(role: str, sql: str, match: str) -> None:
    with pytest.raises(DatabaseError, match=match), transaction.atomic(), connection.cursor() as cursor:
        # Rolling back to the savepoint also undoes the SET ROLE.
        cursor.execute(f"SET ROLE {_quote(role)}")
        cursor.execute(sql)


def test_the_application_role_can_read_and_append_to_the_audit_trail(app_role: str) -> None:
    actor = Actor(id=7, label="fenna@test.kansrijk.test")
    with acting_as(app_role):
        audit_record(actor=actor, action=AuditAction.VIEW, targets=[Target("families.family", "1")])
        audit_record(actor=actor, action=AuditAction.VIEW, targets=[Target("families.family", "2")])
        assert AuditEntry.objects.count() == 2
        assert AuditChainHead.objects.get(pk=1).seq == 2
        assert audit_verify().ok


@pytest.mark.parametrize(
    ("sql", "match"),
    [
        ("UPDATE core_auditentry SET purpose = 'x'", "permission denied"),
        ("DELETE FROM core_auditentry", "permission denied"),
        ("TRUNCATE core_auditentry", "permission denied"),
        ("DROP TRIGGER core_auditentry_no_update_delete ON core_auditentry", "must be owner"),
        ("DROP TRIGGER core_auditentry_no_truncate ON core_auditentry", "must be owner"),
        ("ALTER TABLE core_auditentry DISABLE TRIGGER ALL", "must be owner"),
        ("DROP FUNCTION core_auditentry_refuse_change() CASCADE", "must be owner"),
        ("DROP TABLE core_auditentry", "must be owner"),
        ("CREATE TABLE core_auditentry_copy (id integer)", "permission denied"),
    ],
)
def test_the_application_role_cannot_change_or_unguard_the_audit_trail(app_role: str, sql: str, match: str) -> None:
    audit_record(actor=Actor(id=7, label="fenna"), action=AuditAction.VIEW, targets=[Target("families.family", "1")])
    _refused_as(app_role, sql, match)
    entry = AuditEntry.objects.get()
    assert entry.purpose == "" and audit_verify().ok
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'core_auditentry'::regclass AND tgenabled = 'O'"
        )
        assert cursor.fetchone()[0] == 2  # both guards still there and enabled


def test_the_application_role_keeps_full_use_of_the_other_tables(app_role: str) -> None:
    """The grant covers every other table: e.g. the worker's heartbeat is written and rewritten."""
    from kansrijk.core import jobs

    with acting_as(app_role):
        jobs.heartbeat()
        jobs.heartbeat()
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM core_workerheartbeat")
