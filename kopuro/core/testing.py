"""Test helpers shared by every app: query budgets, and data made once for many tests.

A list page must cost the same number of queries with 3 rows as with 30 (no N+1), the habit
pretix keeps with `assert_num_queries`. Use it on every list page:

    from kopuro.core.testing import assert_queries_constant

    def test_directory_has_no_n_plus_one(member_client, db):
        assert_queries_constant(
            member_client, "/en/members/", lambda n: ProfileFactory.create_batch(n)
        )

`make_rows(n)` must add `n` more rows that the page shows. The page is requested once before
counting, so one-off lookups cached per process (content types, the site, translations) are
not counted, and the anonymous page cache is switched off while counting.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connections
from django.test.utils import CaptureQueriesContext, override_settings


@dataclass
class QueryCount:
    """The queries one block ran (filled in when the block ends)."""

    queries: list[str]

    def __len__(self) -> int:
        return len(self.queries)

    def __str__(self) -> str:
        return "\n".join(f"  {i}. {sql}" for i, sql in enumerate(self.queries, 1))


@contextmanager
def count_queries(using: str = "default"):
    """`with count_queries() as counted: ...` then `len(counted)` and `str(counted)`."""
    counted = QueryCount(queries=[])
    with CaptureQueriesContext(connections[using]) as context:
        yield counted
    counted.queries = [q["sql"] for q in context.captured_queries]


def queries_for_get(client, url: str, *, using: str = "default") -> QueryCount:
    """Queries that one GET of `url` by `client` runs; the response must be a 200."""
    with override_settings(KOPURO_PAGE_CACHE_SECONDS=0), count_queries(using) as counted:
        response = client.get(url)
    assert response.status_code == 200, f"GET {url} answered {response.status_code}"
    return counted


def assert_queries_constant(
    client,
    url: str,
    make_rows: Callable[[int], object],
    *,
    small: int = 3,
    large: int = 30,
    max_queries: int | None = None,
    using: str = "default",
) -> int:
    """Assert that GET `url` runs as many queries with `small` rows as with `large` rows.

    Returns the query count, so a test can also hold the page to a budget (`max_queries`).
    """
    assert 0 <= small < large, "small must be fewer rows than large"
    make_rows(small)
    queries_for_get(client, url, using=using)  # warm the per-process caches
    few = queries_for_get(client, url, using=using)
    make_rows(large - small)
    # Warm again: writing rows may rightly clear cached data (a member's unread counts, say);
    # an N+1 is not cached, so it still shows in the second count.
    queries_for_get(client, url, using=using)
    many = queries_for_get(client, url, using=using)
    assert len(few) == len(many), (
        f"GET {url} ran {len(few)} queries with {small} rows and {len(many)} with {large} rows "
        f"(an N+1?).\nWith {small}:\n{few}\nWith {large}:\n{many}"
    )
    if max_queries is not None:
        assert len(many) <= max_queries, (
            f"GET {url} ran {len(many)} queries, over its budget of {max_queries}:\n{many}"
        )
    return len(many)


@contextmanager
def seeded_once(django_db_blocker, media_root, seed: Callable[[], object]):
    """For a class- or module-scoped fixture: run `seed()` once (its after-commit work too) in a
    transaction that is rolled back when the block ends, with uploads under `media_root`;
    yields what `seed()` returned. Each test still runs in its own savepoint inside it, as with
    any `django_db` test, so tests cannot disturb each other. Use it when many tests read the
    same costly data (the whole demo), never for data a test changes for the others.

        @pytest.fixture(scope="class")
        def demo(django_db_setup, django_db_blocker, tmp_path_factory):
            with seeded_once(django_db_blocker, tmp_path_factory.mktemp("m"), seed) as made:
                yield made
    """
    from django.core.cache import cache
    from django.db import transaction
    from django.test import TestCase

    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with TestCase.captureOnCommitCallbacks(execute=True):
                made = seed()
            yield made
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()
