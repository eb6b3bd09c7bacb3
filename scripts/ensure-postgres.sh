#!/usr/bin/env bash
# Makes sure a local PostgreSQL runs and has a role and database for the
# project; prints the DATABASE_URL to use. Used by the benchmark (and usable
# by hand). Needs root or the postgres user on a Debian machine.
set -euo pipefail
db_name="${1:-openinclusie}"
role="openinclusie"
password="openinclusie"

if ! pg_isready -h 127.0.0.1 -q 2>/dev/null; then
    if command -v pg_ctlcluster >/dev/null 2>&1; then
        version="$(ls /etc/postgresql | sort -V | tail -1)"
        pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2
    fi
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -q && break; sleep 1; done
fi

as_postgres() {
    if [[ "$(id -un)" == "postgres" ]]; then "$@"; else su postgres -c "$(printf '%q ' "$@")"; fi
}
as_postgres psql -qtAc "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='$role') THEN CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password'; END IF; END\$\$;" >&2
if ! as_postgres psql -qtAc "SELECT 1 FROM pg_database WHERE datname='$db_name'" | grep -q 1; then
    as_postgres createdb -O "$role" "$db_name" >&2
fi
echo "postgres://$role:$password@127.0.0.1:5432/$db_name"
