"""Connect's part of `make bench`: the directory searched with two filters and "people like you"
for one member, on the benchmark's data set.

Called from bench/run.py (three small hooks):
- `prepare(env, json_from)`: in a subprocess with the production settings, builds the directory's
  search index for members added in bulk (they send no signals), gives the bench member a
  profile to be matched on (expertise, interests, offers, seeks, city) and computes their
  suggestions; then measures both pages in-process (server time per request through the whole
  middleware stack, beside the bare floor view: median, p95, queries). Returns that as a dict.
- `scenarios(cookie, data)`: the two pages as wrk scenarios (signed in, never cached); kind
  "connect", so they are reported beside the others without changing the existing targets.
- `markdown(result)`: the lines for the README table.

Target (issue 5): p95 server time under 50 ms for each page.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_P95_MS = 50.0
DIRECTORY_WORD = "engineer"


def prepare(env: dict, json_from) -> dict:
    return json_from(env, "connect.py", "--prepare")


def scenarios(cookie: str, data: dict) -> list[dict]:
    member = {"Cookie": cookie}
    return [
        {
            "name": "connect_directory",
            "label": "member directory, search + 2 filters, member (uncached)",
            "path": data["directory_path"],
            "headers": member,
            "kind": "connect",
            "expect": b"cx-card",
        },
        {
            "name": "connect_suggestions",
            "label": "people like you, member (uncached)",
            "path": data["suggestions_path"],
            "headers": member,
            "kind": "connect",
            "expect": b"cx-reasons",
        },
    ]


def markdown(result: dict) -> str:
    data = result.get("connect")
    if not data:
        return ""
    lines = [
        "",
        "Connect, in-process server time per request (production settings, "
        f"{data['repeat']} requests each; target p95 < {TARGET_P95_MS:.0f} ms):",
        "",
        "| page | queries | median ms | p95 ms | p95 ÷ floor p95 | target |",
        "|---|---:|---:|---:|---:|---|",
    ]
    floor = data["pages"]["floor"]["p95_ms"] or 0.001
    for name, p in data["pages"].items():
        ok = "" if name == "floor" else ("✅" if p["p95_ms"] < TARGET_P95_MS else "❌")
        lines.append(
            f"| {name} | {p['queries']} | {p['median_ms']:.2f} | {p['p95_ms']:.2f} | "
            f"{p['p95_ms'] / floor:.1f} | {ok} |"
        )
    lines += [
        "",
        f"Search index built for {data['indexed']:,} members in {data['index_seconds']} s; "
        f"suggestions for one member recomputed in {data['recompute_ms']:.0f} ms "
        f"({data['suggestions']} kept). Directory: `{data['directory_path']}` "
        f"({data['directory_matches']:,} matches).",
    ]
    return "\n".join(lines)


# --- In the subprocess (production settings) -------------------------------------------------------


def _prepare() -> dict:
    from django.test import Client
    from django.test.utils import override_settings

    from kopuro.accounts.models import Term, User
    from kopuro.accounts.services import profile_update
    from kopuro.connect.index import directory_reindex
    from kopuro.connect.selectors import directory_search
    from kopuro.connect.suggestions import suggestions_recompute

    sys.path.insert(0, str(ROOT / "bench"))
    from data import BENCH_EMAIL

    started = time.perf_counter()
    indexed = directory_reindex(only_missing=True, batch=2000)
    index_seconds = round(time.perf_counter() - started, 1)

    user = User.objects.get(email=BENCH_EMAIL)
    terms = {(t.vocabulary, t.slug): t for t in Term.objects.all()}
    profile_update(
        profile=user.profile,
        data={
            "headline": "Civil engineer",
            "origin_country": "KG",
            "origin_region": "Osh",
            "residence_country": "RU",
            "residence_city": "Moscow",
            "in_directory": True,
            "expertise": [terms[("expertise", "engineering")], terms[("expertise", "it")]],
            "interests": [terms[("expertise", "renewable-energy")]],
            "offers": [terms[("contribution", "mentoring")]],
            "seeks": [terms[("contribution", "investment")]],
            "languages": [terms[("language", "ky")], terms[("language", "ru")]],
        },
    )
    started = time.perf_counter()
    kept = suggestions_recompute(user_id=user.pk)
    recompute_ms = (time.perf_counter() - started) * 1000

    expertise = terms[("expertise", "engineering")].pk
    filters = {"q": DIRECTORY_WORD, "residence_country": "RU", "expertise": expertise}
    directory_path = f"/en/members/?q={DIRECTORY_WORD}&residence_country=RU&expertise={expertise}"
    matches = directory_search(viewer=user, filters=filters).count()

    member = Client(HTTP_HOST="127.0.0.1")
    member.force_login(user)
    anonymous = Client(HTTP_HOST="127.0.0.1")
    pages = {
        "floor": (anonymous, "/bench/floor"),
        "directory, search + 2 filters": (member, directory_path),
        "people like you": (member, "/en/members/for-you/"),
    }
    repeat = 100
    from inprocess import measure

    with override_settings(KOPURO_PAGE_CACHE_SECONDS=0):
        results = {name: measure(client, url, repeat) for name, (client, url) in pages.items()}
    return {
        "indexed": indexed,
        "index_seconds": index_seconds,
        "recompute_ms": round(recompute_ms, 1),
        "suggestions": kept,
        "directory_path": directory_path,
        "directory_matches": matches,
        "suggestions_path": "/en/members/for-you/",
        "repeat": repeat,
        "pages": results,
        "target_p95_ms": TARGET_P95_MS,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--prepare", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    import django

    django.setup()
    if args.prepare:
        print(json.dumps(_prepare()))


if __name__ == "__main__":
    main()
