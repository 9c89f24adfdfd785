"""The benchmark's data set: N members bulk-inserted, one member who signs in, one profile to view.

Run by bench/run.py in a subprocess with the production environment (it prints one JSON line).
Idempotent: when the database already holds N members nothing is inserted; when it holds fewer,
only the missing ones are added.

Members come from the demo data's generator (kopuro.core.demo.members.bulk_insert_members),
with the demo's seed: the same people as `make run` shows, only many more of them.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

BENCH_EMAIL = "bench-member@bench.kopuro.org"
BENCH_PASSWORD = "bench-Passphrase-for-loopback-only-42"  # noqa: S105 - loopback benchmark only
BENCH_HANDLE = "bench-member"


def main() -> None:
    import argparse

    import django

    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, required=True)
    parser.add_argument("--seed", type=int, default=None, help="default: the demo data's seed")
    parser.add_argument("--batch", type=int, default=2000)
    args = parser.parse_args()
    django.setup()
    print(json.dumps(ensure(members=args.members, seed=args.seed, batch=args.batch)))


def ensure(*, members: int, seed: int | None, batch: int) -> dict:
    from kopuro.accounts.models import Profile
    from kopuro.core.demo.members import bulk_insert_members, demo_emails
    from kopuro.core.demo.people import DEMO_SEED
    from kopuro.core.services import site_ensure_home

    site_ensure_home()
    _ensure_bench_member()
    before = len(demo_emails())
    started = time.perf_counter()
    inserted = 0
    if before < members:
        # Adds members 0 .. n-1 that are missing (the generator is idempotent by e-mail).
        inserted = bulk_insert_members(
            members, seed=DEMO_SEED if seed is None else seed, batch=batch
        )
        _analyze()
    seconds = time.perf_counter() - started
    target = _target_profile()
    return {
        "members_before": before,
        "members": len(demo_emails()),
        "profiles_in_database": Profile.objects.count(),
        "inserted": inserted,
        "generator": "kopuro.core.demo.members.bulk_insert_members",
        "generation_seconds": round(seconds, 1) if inserted else 0.0,
        "profile_handle": target.handle,
        "member_email": BENCH_EMAIL,
        "member_password": BENCH_PASSWORD,
    }


def _ensure_bench_member():
    """The member whose session the benchmark uses: signs in with a password, like anyone."""
    from allauth.account.models import EmailAddress

    from kopuro.accounts.models import Profile, User

    user = User.objects.filter(email=BENCH_EMAIL).first()
    if user is None:
        user = User(email=BENCH_EMAIL)
        user.set_password(BENCH_PASSWORD)
        user.save()
        EmailAddress.objects.create(user=user, email=BENCH_EMAIL, verified=True, primary=True)
    if not Profile.objects.filter(user=user).exists():
        from kopuro.accounts.services import member_sign_up

        member_sign_up(user=user, display_name="Bench Member")
    return user


def _target_profile():
    """A listed profile in the middle of the data set, with the most to show."""
    from django.db.models import Count

    from kopuro.accounts.models import Profile

    listed = Profile.objects.filter(in_directory=True, user__is_active=True)
    middle = listed.order_by("pk").values_list("pk", flat=True)
    count = middle.count()
    window = list(middle[max(0, count // 2 - 50) : count // 2 + 50])
    best = (
        listed.filter(pk__in=window)
        .annotate(n=Count("languages", distinct=True) + Count("expertise", distinct=True))
        .order_by("-n", "pk")
        .first()
    )
    return best or Profile.objects.get(handle=BENCH_HANDLE)


def _analyze() -> None:
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


if __name__ == "__main__":
    main()
