"""Load measurement against a running server: wrk for throughput, a
sequential client for latency percentiles."""

import http.client
import re
import shutil
import statistics
import subprocess
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Throughput:
    requests_per_second: float
    errors: int


@dataclass(frozen=True)
class Latency:
    p50_ms: float
    p95_ms: float
    p99_ms: float
    samples: int


def wrk(url: str, *, seconds: int = 10, connections: int = 8, threads: int = 2, cookie: str = "") -> Throughput:
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is not installed (apt-get install wrk)")
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    errors = 0
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket_errors:
        errors += sum(int(value) for value in socket_errors.groups())
    return Throughput(requests_per_second=rate, errors=errors)


def latency(host: str, port: int, path: str, *, samples: int = 300, cookie: str = "") -> Latency:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    timings = []
    for _ in range(samples):
        started = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        timings.append((time.perf_counter() - started) * 1000)
        # Every measured page must be the page itself: a redirect to the
        # login would be measured as a fast page.
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status} {response.getheader('Location') or ''}")
    connection.close()
    quantiles = statistics.quantiles(timings, n=100)
    return Latency(p50_ms=quantiles[49], p95_ms=quantiles[94], p99_ms=quantiles[98], samples=samples)
