#!/usr/bin/env bash
# Runs the whole test suite, browser tests included, against the database in
# DATABASE_URL (e.g. postgres://app@127.0.0.1:5432/openinclusie), or SQLite
# when it is unset. `make test` calls this after `scripts/bootstrap.sh --test`.
# Extra arguments go to pytest, e.g. `scripts/run-tests.sh -k crawl`.
set -uo pipefail
cd "$(dirname "$0")/.."

# Playwright's sync API keeps an asyncio loop running in the test thread;
# without this Django refuses ORM calls from the tests that follow
# (SynchronousOnlyOperation). See reference/stack.md.
export DJANGO_ALLOW_ASYNC_UNSAFE=true
export DJANGO_SETTINGS_MODULE=config.settings.test

# An empty DATABASE_URL means SQLite too (dj-database-url rejects "").
[[ -z "${DATABASE_URL:-}" ]] && unset DATABASE_URL
if [[ -n "${DATABASE_URL:-}" ]]; then
    # Print the database without its password.
    echo "Database: $(sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#' <<<"$DATABASE_URL")"
else
    echo "Database: SQLite (DATABASE_URL is not set)"
fi

# A hung test must not hold CI for hours: stop the run after TEST_TIMEOUT
# seconds (pytest's faulthandler_timeout prints where a test hangs first).
start=$SECONDS
timeout --kill-after=30 "${TEST_TIMEOUT:-2400}" .venv/bin/pytest -q -rfEs "$@"
status=$?
echo "pytest finished in $((SECONDS - start)) s with exit code $status"

case $status in
    0) exit 0 ;;
    5) echo "FAILED: pytest collected no tests." >&2; exit 1 ;;
    124|137) echo "FAILED: the test run took longer than ${TEST_TIMEOUT:-2400} s and was stopped." >&2; exit 1 ;;
    *) exit "$status" ;;
esac
