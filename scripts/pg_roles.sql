-- The application's PostgreSQL role: it may read and write the application's tables, but only read and
-- append to the audit trail. Run as the owner role (the one that runs `kansrijk migrate` and so owns
-- every table), after every `migrate` (new tables are covered by the default privileges below too):
--
--   psql "$MIGRATE_DATABASE_URL" -v ON_ERROR_STOP=1 -v app_role=kansrijk_app -f scripts/pg_roles.sql
--
-- The application role (the one in DATABASE_URL) owns nothing, so it cannot drop or disable the audit
-- trail's append-only trigger, alter a table, or create one. Create it once, e.g.
--   CREATE ROLE kansrijk_app LOGIN PASSWORD '...';
-- core/tests/test_audit_pg_roles.py runs this file and checks what the role can and cannot do.
-- One statement per line (the test splits on ";"); psql's :"app_role" quotes the name.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON SCHEMA public FROM :"app_role";
GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"app_role";
-- The audit trail: read and append only (its head row, core_auditchainhead, must stay writable).
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON core_auditentry FROM :"app_role";
