"""Query budgets: each listing costs the same number of queries for 3 rows as for 30."""

import pytest

from kopuro.api.tests.conftest import make_opportunities, make_organisations, make_resources
from kopuro.core.testing import assert_queries_constant
from kopuro.newsroom.tests import factories as nf

pytestmark = pytest.mark.django_db

# The budgets the listings are held to (measured: see docs/api.md).
BUDGET = 12


def _many(make):
    return lambda n: [make() for _ in range(n)]


@pytest.mark.parametrize(
    "path,maker",
    [
        ("news?limit=50", lambda idx: _many(lambda: nf.news(idx["news"], topics=["Labour"]))),
        ("events?limit=50", lambda idx: _many(lambda: nf.event(idx["events"]))),
        ("vacancies?limit=50", lambda idx: _many(lambda: nf.vacancy(idx["vacancies"]))),
        ("tenders?limit=50", lambda idx: _many(lambda: nf.tender(idx["tenders"]))),
    ],
)
def test_newsroom_listings(client, newsroom, path, maker):
    n = assert_queries_constant(client, f"/api/v1/{path}", maker(newsroom), max_queries=BUDGET)
    print(f"{path}: {n} queries")


@pytest.mark.parametrize(
    "path,maker",
    [
        ("resources?limit=50", make_resources),
        ("organisations?limit=50", make_organisations),
        ("opportunities?limit=50", make_opportunities),
    ],
)
def test_learn_and_contribute_listings(client, db, path, maker):
    n = assert_queries_constant(client, f"/api/v1/{path}", maker, max_queries=BUDGET)
    print(f"{path}: {n} queries")


def test_service_points_listing(client, guides):
    from kopuro.infodesk.models import ServicePoint, ServicePointText

    def make_points(n):
        for i in range(n):
            point = ServicePoint.objects.create(kind="hotline", country="KG", phones="+996 1")
            ServicePointText.objects.create(point=point, language="en", name=f"Line {i}")

    n = assert_queries_constant(
        client, "/api/v1/service-points?limit=50", make_points, max_queries=BUDGET
    )
    print(f"service-points: {n} queries")


def test_guides_listing_within_budget(client, guides):
    """Guides are a handful of pages per language (one index's children): held to the budget."""
    from kopuro.core.testing import queries_for_get

    queries_for_get(client, "/api/v1/guides?limit=50")
    n = len(queries_for_get(client, "/api/v1/guides?limit=50&lang=ru"))
    print(f"guides: {n} queries")
    assert n <= BUDGET
