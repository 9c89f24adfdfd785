"""What an uncached page costs, measured in-process with the production settings.

For each page (the anonymous pages with the page cache off, the member pages as they always
are): queries per request, SQL time, template time and the whole request through the
middleware stack, as medians over repeated requests. Then a cProfile of the member's profile
page: the functions that take the most time. Prints one JSON line; run by bench/run.py.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")


class Timers:
    def __init__(self):
        self.sql = 0.0
        self.queries = 0
        self.template = 0.0

    def sql_wrapper(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.sql += time.perf_counter() - started
            self.queries += 1


def main() -> None:
    import django

    parser = argparse.ArgumentParser()
    parser.add_argument("--handle", required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--repeat", type=int, default=60)
    args = parser.parse_args()
    django.setup()

    from django.db import connection
    from django.template.backends import django as template_backend
    from django.test import Client
    from django.test.utils import override_settings

    from kopuro.accounts.models import User

    timers = Timers()
    original_render = template_backend.Template.render

    def timed_render(self, context=None, request=None):
        started = time.perf_counter()
        try:
            return original_render(self, context, request)
        finally:
            timers.template += time.perf_counter() - started

    template_backend.Template.render = timed_render

    anonymous = Client(HTTP_HOST="127.0.0.1")
    member = Client(HTTP_HOST="127.0.0.1")
    member.force_login(User.objects.get(email=args.email))
    profile = f"/en/members/{args.handle}/"
    pages = {
        "floor": (anonymous, "/bench/floor"),
        "home, anonymous": (anonymous, "/en/"),
        "profile, anonymous": (anonymous, profile),
        "profile, member": (member, profile),
        "home, member": (member, "/en/"),
    }
    results = {}
    with (
        override_settings(KOPURO_PAGE_CACHE_SECONDS=0),
        connection.execute_wrapper(timers.sql_wrapper),
    ):
        for name, (client, url) in pages.items():
            for _ in range(5):
                assert client.get(url).status_code == 200, f"{url} for {name}"
            samples = []
            for _ in range(args.repeat):
                timers.__init__()
                started, cpu = time.perf_counter(), time.process_time()
                client.get(url)
                samples.append(
                    (
                        time.perf_counter() - started,
                        timers.sql,
                        timers.template,
                        timers.queries,
                        time.process_time() - cpu,
                    )
                )
            results[name] = {
                "queries": samples[-1][3],
                "total_ms": round(statistics.median(s[0] for s in samples) * 1000, 2),
                "sql_ms": round(statistics.median(s[1] for s in samples) * 1000, 2),
                "template_ms": round(statistics.median(s[2] for s in samples) * 1000, 2),
                "cpu_ms": round(statistics.median(s[4] for s in samples) * 1000, 2),
            }

        profiler = cProfile.Profile()
        client, url = pages["profile, member"]
        profiler.enable()
        for _ in range(args.repeat):
            client.get(url)
        profiler.disable()
    stats = pstats.Stats(profiler)
    top = []
    for (filename, line, func), (_cc, calls, tottime, cumtime, _callers) in stats.stats.items():
        where = filename.replace(str(ROOT) + "/", "").split("site-packages/")[-1]
        top.append(
            {
                "function": f"{where}:{line}({func})",
                "calls_per_request": round(calls / args.repeat, 1),
                "self_ms": round(tottime / args.repeat * 1000, 3),
                "cumulative_ms": round(cumtime / args.repeat * 1000, 3),
            }
        )
    print(
        json.dumps(
            {
                "pages": results,
                "member_profile_top_cumulative": sorted(top, key=lambda t: -t["cumulative_ms"])[
                    :40
                ],
                "member_profile_top_self": sorted(top, key=lambda t: -t["self_ms"])[:25],
            }
        )
    )


if __name__ == "__main__":
    main()
