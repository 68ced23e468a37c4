#!/usr/bin/env bash
# Run a command with DATABASE_URL pointing at a throw-away PostgreSQL cluster on 127.0.0.1, removed
# afterwards. With DATABASE_URL already set, the command runs against that. Without PostgreSQL's
# binaries (Debian's postgresql package), the command runs on the embedded SQLite and a line says so.
#   scripts/with_postgres.sh make test
set -euo pipefail
if [ -n "${DATABASE_URL:-}" ]; then exec "$@"; fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  echo "with_postgres: PostgreSQL is not installed (apt-get install postgresql); running on SQLite" >&2
  exec "$@"
fi
as_owner=()
pgdata=$(mktemp -d /tmp/kansrijk-pg.XXXXXX)
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root: the cluster belongs to the postgres user.
  chown postgres:postgres "$pgdata"
  as_owner=(runuser -u postgres --)
fi
cleanup() { "${as_owner[@]}" "$pgbin/pg_ctl" -D "$pgdata/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pgdata"; }
trap cleanup EXIT
port=${KANSRIJK_PG_PORT:-55432}
# The superuser's password goes through a file the cluster's owner can read (a process substitution's
# /dev/fd/N is not readable after runuser switches user).
pwfile="$pgdata/.pwfile"
echo postgres >"$pwfile"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$pwfile"
chmod 600 "$pwfile"
"${as_owner[@]}" "$pgbin/initdb" -D "$pgdata/data" -A scram-sha-256 -U postgres --pwfile="$pwfile" >/dev/null
rm -f "$pwfile"
"${as_owner[@]}" "$pgbin/pg_ctl" -D "$pgdata/data" -l "$pgdata/log" -w start \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdata -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
PGPASSWORD=postgres "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -q -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE kansrijk LOGIN CREATEDB CREATEROLE PASSWORD 'kansrijk'" \
  -c "CREATE DATABASE kansrijk OWNER kansrijk"
# CREATEROLE: core/tests/test_audit_pg_roles.py creates an application role (inside its transaction).
# KANSRIJK_PG_DATA / KANSRIJK_PG_BIN: for drills that stop and start the cluster (benchmarks/load/drill.py).
KANSRIJK_PG_DATA="$pgdata/data" KANSRIJK_PG_BIN="$pgbin" \
  DATABASE_URL="postgres://kansrijk:kansrijk@127.0.0.1:$port/kansrijk" "$@"
