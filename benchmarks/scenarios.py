"""What `make bench` measures. Every number is reported beside its baseline
from the same run: a bare Django view for pages, raw SQL for queries."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection

from openinclusie.cases.models import Report
from openinclusie.organisations.models import Organisation

from . import case_scenarios, figures_scenarios, http, programme_letter
from .data import generate_reports

BENCH_ADV = "idb"


@dataclass
class PageResult:
    label: str
    path: str
    throughput: http.Throughput
    latency: http.Latency


@dataclass
class QueryResult:
    label: str
    orm_ms: float
    raw_ms: float


@dataclass
class Results:
    pages: list[PageResult] = field(default_factory=list)
    queries: list[QueryResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def prepare_data(*, inbox_reports: int) -> None:
    adv = Organisation.objects.get(slug=BENCH_ADV)
    missing = inbox_reports - Report.objects.filter(adv=adv).count()
    if missing > 0:
        started = time.perf_counter()
        generate_reports(adv=adv, count=missing)
        print(f"Generated {missing} reports in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    figures_scenarios.prepare()


def best_of(runs: int, work: Callable[[], object]) -> float:
    """Fastest of several runs in ms: the least disturbed by the machine."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        timings.append((time.perf_counter() - started) * 1000)
    return min(timings)


def measure_page(label: str, path: str, *, host: str, port: int, cookie: str = "") -> PageResult:
    url = f"http://{host}:{port}{path}"
    http.latency(host, port, path, samples=20, cookie=cookie)  # warm up both workers
    return PageResult(
        label=label,
        path=path,
        throughput=http.wrk(url, cookie=cookie),
        latency=http.latency(host, port, path, cookie=cookie),
    )


def measure_all(*, host: str, port: int) -> Results:
    results = Results()
    results.pages.append(measure_page("Bare Django view (baseline)", "/bench/bare/", host=host, port=port))
    results.pages.append(measure_page("Public site: municipality home", "/zoetermeer/", host=host, port=port))
    # Programme: a published progress letter, and making the letter as PDF.
    letter_path = programme_letter.published_letter_path("zoetermeer")
    if letter_path:
        results.pages.append(measure_page("Public site: progress letter", letter_path, host=host, port=port))
    results.notes.extend(programme_letter.measure_letter())
    figures_scenarios.measure(results, host=host, port=port)
    case_scenarios.measure(results, host=host, port=port)
    return results


def render_markdown(results: Results, *, machine: str, inbox_reports: int) -> str:
    baseline = results.pages[0]
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (benchmarks/run.py). Every figure is measured in the same run as its",
        "baseline, on the same machine: pages against a bare Django view under the same gunicorn",
        "(2 sync workers, persistent connections, PostgreSQL), queries against raw SQL computing the same rows.",
        "",
        f"- Machine: {machine}",
        f"- Data: demo data plus {inbox_reports:,} reports in the inbox of one ADV",
        "- Throughput: wrk, 2 threads, 8 connections, 10 s. Latency: 300 sequential requests, one connection.",
        "",
        "## Pages",
        "",
        "| Page | Path | req/s | ratio to bare | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for page in results.pages:
        ratio = baseline.throughput.requests_per_second / page.throughput.requests_per_second
        lines.append(
            f"| {page.label} | `{page.path}` | {page.throughput.requests_per_second:,.0f} | {ratio:.1f}x slower"
            f" | {page.latency.p50_ms:.1f} | {page.latency.p95_ms:.1f} | {page.latency.p99_ms:.1f}"
            f" | {page.throughput.errors} |"
        )
    if results.queries:
        lines += [
            "",
            "## Queries",
            "",
            "| Query | ORM (as the page runs it) ms | raw SQL ms | ratio |",
            "|---|---:|---:|---:|",
        ]
        for query in results.queries:
            lines.append(
                f"| {query.label} | {query.orm_ms:.2f} | {query.raw_ms:.2f} | {query.orm_ms / query.raw_ms:.2f}x |"
            )
    if results.notes:
        lines += ["", "## Notes", ""] + [f"- {note}" for note in results.notes]
    lines.append("")
    return "\n".join(lines)
