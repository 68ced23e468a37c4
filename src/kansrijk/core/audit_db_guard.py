"""The database-level guard that makes the audit table append-only.

PostgreSQL: a trigger refuses UPDATE, DELETE and TRUNCATE on core_auditentry, for every role,
the application's own included. SQLite (the embedded demo default): triggers refuse UPDATE and
DELETE. Lifting the guard needs DDL rights on the table, which the application's role should not
hold in production (see docs/architecture.md). `lift` exists for the test suite, whose
transactional tests empty every table afterwards.
"""

from __future__ import annotations

from typing import Any

PG_INSTALL = [
    """
    CREATE OR REPLACE FUNCTION core_auditentry_refuse_change() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'core_auditentry is append-only: % refused', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql;
    """,
    "DROP TRIGGER IF EXISTS core_auditentry_no_update_delete ON core_auditentry;",
    "DROP TRIGGER IF EXISTS core_auditentry_no_truncate ON core_auditentry;",
    "CREATE TRIGGER core_auditentry_no_update_delete BEFORE UPDATE OR DELETE ON core_auditentry "
    "FOR EACH ROW EXECUTE FUNCTION core_auditentry_refuse_change();",
    "CREATE TRIGGER core_auditentry_no_truncate BEFORE TRUNCATE ON core_auditentry "
    "FOR EACH STATEMENT EXECUTE FUNCTION core_auditentry_refuse_change();",
]
PG_LIFT = [
    "DROP TRIGGER IF EXISTS core_auditentry_no_truncate ON core_auditentry;",
    "DROP TRIGGER IF EXISTS core_auditentry_no_update_delete ON core_auditentry;",
]
SQLITE_INSTALL = [
    "DROP TRIGGER IF EXISTS core_auditentry_no_update;",
    "DROP TRIGGER IF EXISTS core_auditentry_no_delete;",
    "CREATE TRIGGER core_auditentry_no_update BEFORE UPDATE ON core_auditentry "
    "BEGIN SELECT RAISE(ABORT, 'core_auditentry is append-only: UPDATE refused'); END;",
    "CREATE TRIGGER core_auditentry_no_delete BEFORE DELETE ON core_auditentry "
    "BEGIN SELECT RAISE(ABORT, 'core_auditentry is append-only: DELETE refused'); END;",
]
SQLITE_LIFT = [
    "DROP TRIGGER IF EXISTS core_auditentry_no_update;",
    "DROP TRIGGER IF EXISTS core_auditentry_no_delete;",
]


def _statements(vendor: str, *, install: bool) -> list[str]:
    if vendor == "postgresql":
        return PG_INSTALL if install else PG_LIFT
    if vendor == "sqlite":
        return SQLITE_INSTALL if install else SQLITE_LIFT
    raise RuntimeError(f"No append-only guard for database vendor {vendor!r}")


def install(connection: Any) -> None:
    with connection.cursor() as cursor:
        for statement in _statements(connection.vendor, install=True):
            cursor.execute(statement)


def lift(connection: Any) -> None:
    with connection.cursor() as cursor:
        for statement in _statements(connection.vendor, install=False):
            cursor.execute(statement)
