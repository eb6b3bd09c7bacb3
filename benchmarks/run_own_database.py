"""`make bench` on a database and port of one's own, so several people can
measure on one machine without touching each other's data:

    BENCH_DATABASE=openinclusie_figures_bench BENCH_PORT=8124 \\
        .venv/bin/python -m benchmarks.run_own_database

Same steps as benchmarks/run.py; writes to BENCH_REPORT (default
docs/performance.md)."""

import os
import signal
import subprocess
import sys

from . import run


def main() -> int:
    database = os.environ.get("BENCH_DATABASE", "openinclusie_bench")
    run.PORT = int(os.environ.get("BENCH_PORT", str(run.PORT)))
    report_path = run.ROOT / os.environ.get("BENCH_REPORT", "docs/performance.md")
    database_url = subprocess.run(
        [str(run.ROOT / "scripts" / "ensure-postgres.sh"), database], check=True, capture_output=True, text=True
    ).stdout.strip()
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    run.manage("migrate", "--noinput", "--verbosity", "0")
    run.manage("createcachetable")
    run.manage("load_demo")

    import django

    sys.path.insert(0, str(run.ROOT))
    django.setup()
    from . import scenarios

    scenarios.prepare_data(inbox_reports=run.INBOX_REPORTS)
    server = run.start_gunicorn()
    try:
        results = scenarios.measure_all(host=run.HOST, port=run.PORT)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    report = scenarios.render_markdown(results, machine=run.machine_description(), inbox_reports=run.INBOX_REPORTS)
    report_path.write_text(report)
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
