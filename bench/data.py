"""The benchmark's data set: N members bulk-inserted, one member who signs in, one profile to view.

Run by bench/run.py in a subprocess with the production environment (it prints one JSON line).
Idempotent: when the database already holds N members nothing is inserted; when it holds fewer,
only the missing ones are added.

Members come from the demo data's generator (kopuro.core.demo.members.bulk_insert_members) when
it is there, else from the account factories, bulk-inserted the same way.
"""

from __future__ import annotations

import json
import os
import random
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
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--batch", type=int, default=2000)
    args = parser.parse_args()
    django.setup()
    print(json.dumps(ensure(members=args.members, seed=args.seed, batch=args.batch)))


def ensure(*, members: int, seed: int, batch: int) -> dict:
    from kopuro.accounts.models import Profile
    from kopuro.core.services import site_ensure_home

    site_ensure_home()
    _ensure_bench_member()
    started = time.perf_counter()
    before = Profile.objects.count()
    missing = max(0, members - before)
    generator = "none"
    if missing:
        generator = _insert(missing, seed=seed + before, batch=batch)
        _analyze()
    seconds = time.perf_counter() - started
    target = _target_profile()
    return {
        "members_before": before,
        "members": Profile.objects.count(),
        "inserted": missing,
        "generator": generator,
        "generation_seconds": round(seconds, 1) if missing else 0.0,
        "profile_handle": target.handle,
        "member_email": BENCH_EMAIL,
        "member_password": BENCH_PASSWORD,
    }


def _insert(n: int, *, seed: int, batch: int) -> str:
    try:
        from kopuro.core.demo.members import bulk_insert_members
    except ImportError:
        _bulk_insert_with_factories(n, seed=seed, batch=batch)
        return "kopuro.accounts.tests.factories (bulk)"
    bulk_insert_members(n, seed=seed, batch=batch)
    return "kopuro.core.demo.members.bulk_insert_members"


def _bulk_insert_with_factories(n: int, *, seed: int, batch: int) -> None:
    """Fallback until the demo generator lands: factory-built rows, bulk-inserted, one shared
    password hash (hashing 100,000 passwords would take hours and measures nothing)."""
    import factory.random
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from kopuro.accounts.models import Profile, Term, User
    from kopuro.accounts.tests.factories import ProfileFactory

    factory.random.reseed_random(seed)
    rng = random.Random(seed)
    password = make_password(None)  # unusable: generated members do not sign in
    start = Profile.objects.filter(handle__startswith="gen-").count()
    terms = {
        vocabulary: list(Term.objects.filter(vocabulary=vocabulary).values_list("pk", flat=True))
        for vocabulary in Term.Vocabulary.values
    }
    countries = ["RU", "KZ", "TR", "KR", "AE", "US", "DE", "GB", "KG", "UZ"]
    for offset in range(0, n, batch):
        size = min(batch, n - offset)
        with transaction.atomic():
            built = [ProfileFactory.build(user=None) for _ in range(size)]
            users = []
            for i, profile in enumerate(built, start=start + offset):
                users.append(User(email=f"gen{i}@bench.kopuro.org", password=password))
                profile.handle = f"gen-{i}"
                profile.residence_country = rng.choice(countries)
                profile.in_directory = rng.random() < 0.8
            User.objects.bulk_create(users, batch_size=batch)
            for profile, user in zip(built, users, strict=True):
                profile.user = user
            Profile.objects.bulk_create(built, batch_size=batch)
            EmailAddress.objects.bulk_create(
                [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
                batch_size=batch,
            )
            for field, vocabulary in (
                ("languages", "language"),
                ("expertise", "expertise"),
                ("offers", "contribution"),
            ):
                through = getattr(Profile, field).through
                pool = terms.get(vocabulary) or []
                rows = []
                for profile in built:
                    for term in rng.sample(pool, k=min(len(pool), rng.randint(0, 3))):
                        rows.append(through(profile_id=profile.pk, term_id=term))
                through.objects.bulk_create(rows, batch_size=batch)


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
