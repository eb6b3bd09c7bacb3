#!/usr/bin/env bash
# `make bench`: needs wrk and a local PostgreSQL; see benchmarks/run.py.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
exec .venv/bin/python -m benchmarks.run
