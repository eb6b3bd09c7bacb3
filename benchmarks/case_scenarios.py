"""Issue 3 measurements: the ADV inbox with 100,000 cases, and a public
report submission end to end, each against its baseline from the same run."""

import http.cookiejar
import statistics
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db import connection
from django.test import RequestFactory
from django_otp.plugins.otp_totp.models import TOTPDevice

from openinclusie.accounts.models import User
from openinclusie.cases import queries as case_queries

SUBMISSION_ANSWERS = {
    1: {"description": "Benchmark: bij de balie werd ik anders behandeld.", "when": "exact", "date": "2026-03-17"},
    2: {"place": "place", "municipality": "zoetermeer", "postcode": "2711", "domain": "shop_service"},
    3: {"grounds": ["origin"], "role": "victim", "residence": "here"},
    4: {"request_type": "melding", "contact": "anonymous"},
}


def staff_cookie(email: str) -> str:
    """A session as if the user had logged in with password and TOTP."""
    user = User.objects.get(email=email)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    # The project's own session engine (encrypted), as a real login makes.
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session["otp_device_id"] = device.persistent_id  # type: ignore[union-attr]
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def inbox_query_ratio(email: str, runs: int = 15) -> tuple[float, float]:
    """The inbox as the page computes it (ORM: counts per status, total,
    first page) against the same three statements in raw SQL."""
    from .scenarios import best_of

    user = User.objects.get(email=email)
    request = RequestFactory().get("/adv/meldingen/")
    request.user = user
    today = date.today()  # noqa: DTZ011

    def orm() -> None:
        inbox = case_queries.inbox(request, case_queries.InboxFilters(), page_number=1, today=today)
        list(inbox.page.object_list)

    adv_ids = tuple(case_queries.adv_ids(request, case_queries.ADV_ROLES))
    placeholders = ",".join(["%s"] * len(adv_ids))

    def raw() -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT status, count(*) FROM cases_report WHERE adv_id IN ({placeholders}) GROUP BY status",
                adv_ids,
            )
            cursor.fetchall()
            cursor.execute(f"SELECT count(*) FROM cases_report WHERE adv_id IN ({placeholders})", adv_ids)
            cursor.fetchall()
            cursor.execute(
                "SELECT r.id, r.reference, r.status, r.received_at, r.deadline, m.name, u.full_name, i.title"
                " FROM cases_report r"
                " LEFT JOIN organisations_municipality m ON m.id = r.incident_municipality_id"
                " LEFT JOIN accounts_user u ON u.id = r.assigned_to_id"
                " LEFT JOIN cases_incident i ON i.id = r.incident_id"
                f" WHERE r.adv_id IN ({placeholders}) ORDER BY r.received_at DESC, r.id DESC LIMIT 25",
                adv_ids,
            )
            cursor.fetchall()

    orm()
    raw()
    return best_of(runs, orm), best_of(runs, raw)


class _FormClient:
    """A browser without JavaScript: cookies, CSRF token, redirects."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.requests = 0

    def _csrf(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")  # type: ignore[misc]

    def get(self, path: str) -> str:
        self.requests += 1
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.read().decode()

    def post(self, path: str, data: dict) -> str:
        fields = {"csrfmiddlewaretoken": self._csrf(), **data}
        body = urllib.parse.urlencode(fields, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        self.requests += 2  # the POST and the redirect it answers with
        with self.opener.open(request, timeout=30) as response:
            return response.read().decode()


def submit_once(base: str) -> tuple[float, int]:
    client = _FormClient(base)
    started = time.perf_counter()
    client.get("/zoetermeer/melden/")
    client.post("/zoetermeer/melden/", {})
    for step in range(1, 5):
        client.post(f"/zoetermeer/melden/stap/{step}/", SUBMISSION_ANSWERS[step])
    check_page = client.get("/zoetermeer/melden/controleren/")
    marker = 'name="token" value="'
    start = check_page.index(marker) + len(marker)
    token = check_page[start : check_page.index('"', start)]
    sent_page = client.post("/zoetermeer/melden/controleren/", {"token": token})
    if "-" not in sent_page or "melding" not in sent_page.lower():
        raise RuntimeError("the confirmation page did not show a receipt")
    return (time.perf_counter() - started) * 1000, client.requests


def bare_request_ms(base: str, samples: int = 200) -> float:
    timings = []
    opener = urllib.request.build_opener()
    for _ in range(samples):
        started = time.perf_counter()
        with opener.open(base + "/bench/bare/", timeout=30) as response:
            response.read()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def submission_figures(base: str, sequential: int = 60, parallel: int = 120, workers: int = 4) -> dict[str, float]:
    submit_once(base)  # warm up
    timings = []
    requests_per_submission = 0
    for _ in range(sequential):
        elapsed, requests_per_submission = submit_once(base)
        timings.append(elapsed)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(lambda _: submit_once(base), range(parallel)))
    rate = parallel / (time.perf_counter() - started)
    quantiles = statistics.quantiles(timings, n=100)
    bare = bare_request_ms(base)
    return {
        "p50_ms": quantiles[49],
        "p95_ms": quantiles[94],
        "requests": requests_per_submission,
        "per_request_ms": quantiles[49] / requests_per_submission,
        "bare_ms": bare,
        "submissions_per_second": rate,
        "workers": workers,
    }


def measure(results, *, host: str, port: int) -> None:  # type: ignore[no-untyped-def]
    """Adds the issue-3 figures to the run's results."""
    from .scenarios import QueryResult, measure_page

    consultant = "consulent@idb.example"
    results.pages.append(
        measure_page(
            "ADV inbox (100,000 cases)", "/adv/meldingen/", host=host, port=port, cookie=staff_cookie(consultant)
        )
    )
    orm_ms, raw_ms = inbox_query_ratio(consultant)
    results.queries.append(
        QueryResult(label="ADV inbox: counts per status, total, first page", orm_ms=orm_ms, raw_ms=raw_ms)
    )
    figures = submission_figures(f"http://{host}:{port}")
    results.notes.append(
        "Public report submission end to end (start, four steps, check, send; "
        f"{figures['requests']:.0f} HTTP requests with redirects, as a browser without JavaScript): "
        f"p50 {figures['p50_ms']:.0f} ms, p95 {figures['p95_ms']:.0f} ms per submission, "
        f"{figures['per_request_ms']:.1f} ms per request against {figures['bare_ms']:.1f} ms for the bare view "
        f"({figures['per_request_ms'] / figures['bare_ms']:.1f}x); "
        f"{figures['submissions_per_second']:.1f} submissions/s with {figures['workers']:.0f} concurrent clients. "
        "Includes the receipt code's argon2id hash with production parameters."
    )
