"""`make bench`: measures pages as ratios against a bare Django view and raw
SQL on the same machine in the same run, and writes docs/performance.md.

Runs against a local PostgreSQL (scripts/ensure-postgres.sh) with gunicorn
(2 sync workers, persistent connections), like production."""

import os
import platform
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
HOST, PORT = "127.0.0.1", 8123
INBOX_REPORTS = int(os.environ.get("BENCH_INBOX_REPORTS", "100000"))


def manage(*args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, check=True)


def start_gunicorn() -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "config.wsgi",
            "-w",
            "2",
            "-b",
            f"{HOST}:{PORT}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
    )
    for _ in range(100):
        try:
            with urlopen(f"http://{HOST}:{PORT}/bench/bare/", timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def machine_description() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} cores ({cpu}){memory}, {system}, Python {platform.python_version()}"


def main() -> int:
    database_url = subprocess.run(
        [str(ROOT / "scripts" / "ensure-postgres.sh"), "openinclusie_bench"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
    manage("migrate", "--noinput", "--verbosity", "0")
    manage("createcachetable")
    manage("load_demo")

    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from benchmarks import scenarios

    scenarios.prepare_data(inbox_reports=INBOX_REPORTS)
    server = start_gunicorn()
    try:
        results = scenarios.measure_all(host=HOST, port=PORT)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    report = scenarios.render_markdown(results, machine=machine_description(), inbox_reports=INBOX_REPORTS)
    (ROOT / "docs" / "performance.md").write_text(report)
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
