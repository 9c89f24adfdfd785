"""Server time of one page measured in-process: the request through the whole middleware stack
with Django's test client, after a few warm-up requests. Shared by bench/connect.py and
bench/insights.py."""

from __future__ import annotations

import statistics
import time


def measure(client, url: str, repeat: int, *, warm: int = 5) -> dict:
    """{queries (per request), median_ms, p95_ms} over `repeat` requests."""
    from django.db import connection

    for _ in range(warm):
        status = client.get(url).status_code
        assert status == 200, f"{url}: {status}"
    samples, queries = [], 0
    for _ in range(repeat):
        count = [0]

        def counter(execute, sql, params, many, context, count=count):
            count[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            t = time.perf_counter()
            client.get(url)
            samples.append((time.perf_counter() - t) * 1000)
        queries = count[0]
    samples.sort()
    return {
        "queries": queries,
        "median_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[max(0, int(len(samples) * 0.95) - 1)], 2),
    }
