"""Insights on the benchmark's data set (`make bench-insights`): the public diaspora map over the
bench members, and a survey's results page with the demo's 36 responses and then with 10,000
more, beside the framework floor, in-process (server time per request through the whole
middleware stack, data cache off so every request computes its figures).

Prints JSON and writes bench/results/insights-<stamp>.json. The query count of the results page
must not grow with the responses (issue 8: "query budgets with 10 and 10,000 responses").

    DATABASE_URL=postgres://…/kopuro_bench … .venv/bin/python bench/insights.py [--responses N]

Run it against a database `make bench` (or bench/data.py) filled; the production settings come
from the environment as for bench/connect.py.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _add_responses(survey, n: int) -> float:
    """n more responses to the mapping survey, answers drawn as the demo draws them."""
    from django.db import transaction
    from django.utils import timezone

    from kopuro.insights.demo import _answers_mapping
    from kopuro.insights.models import Answer, Response

    rng = random.Random(11)
    countries = ["RU"] * 40 + ["KZ"] * 20 + ["KR"] * 12 + ["TR"] * 10 + ["US"] * 8 + ["DE"] * 6
    countries += ["AE", "GB", "PL", "CZ"]
    langs = ["ru", "ru", "ky", "ky", "en"]
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        made = Response.objects.bulk_create(
            Response(
                survey=survey,
                language=langs[i % 5],
                country=rng.choice(countries),
                consent_at=now - timedelta(minutes=i),
                submitted_at=now - timedelta(minutes=i),
            )
            for i in range(n)
        )
        Answer.objects.bulk_create(
            (Answer(response=r, **row) for r in made for row in _answers_mapping(rng, r.country)),
            batch_size=5000,
        )
    return time.perf_counter() - started


def run(responses: int, repeat: int) -> dict:
    from django.test import Client
    from django.test.utils import override_settings

    from kopuro.accounts.models import Profile
    from kopuro.insights.demo import MAPPING_SLUG, seed_insights_demo
    from kopuro.insights.models import Response

    sys.path.insert(0, str(ROOT / "bench"))
    from inprocess import measure

    surveys = seed_insights_demo()
    mapping = surveys["mapping"]
    anonymous = Client(HTTP_HOST="127.0.0.1")
    pages = {
        "floor": "/bench/floor",
        "diaspora map": "/en/insights/",
        "survey results": f"/en/surveys/{MAPPING_SLUG}/results/",
        "survey results, one country": f"/en/surveys/{MAPPING_SLUG}/results/?country=RU",
    }
    out = {
        "members": Profile.objects.count(),
        "listed": Profile.objects.filter(in_directory=True).count(),
        "repeat": repeat,
    }
    with override_settings(KOPURO_PAGE_CACHE_SECONDS=0, KOPURO_DATA_CACHE_SECONDS=0):
        before = Response.objects.filter(survey=mapping).count()
        out["before"] = {"responses": before}
        for name, url in pages.items():
            out["before"][name] = measure(anonymous, url, repeat, warm=3)
        out["added_seconds"] = round(_add_responses(mapping, responses), 1)
        out["after"] = {"responses": Response.objects.filter(survey=mapping).count()}
        for name, url in pages.items():
            if name != "diaspora map":
                out["after"][name] = measure(anonymous, url, repeat, warm=3)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    import django

    django.setup()
    result = run(args.responses, args.repeat)
    stamp = time.strftime("%Y%m%d-%H%M")
    path = ROOT / "bench" / "results" / f"insights-{stamp}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
